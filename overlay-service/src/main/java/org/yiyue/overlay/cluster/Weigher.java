package org.yiyue.overlay.cluster;

/** Approximate bytes a value holds, for the byte bound of the in-JVM caches. */
@FunctionalInterface
public interface Weigher<V> {
    int weigh(V value);
}
