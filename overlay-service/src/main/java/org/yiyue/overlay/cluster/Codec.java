package org.yiyue.overlay.cluster;

/**
 * Turns a value into bytes for the data grid and back. The grid only ever holds strings and byte arrays, so no class
 * of the application has to be deserialized inside Hazelcast (whose class loader does not see the WAR's classes).
 */
public interface Codec<V> {

    byte[] encode(V value);

    V decode(byte[] bytes);
}
