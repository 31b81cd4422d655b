package org.yiyue.overlay.cluster;

/**
 * A cache of values by string key that is either local to this JVM ({@link LocalCache}) or shared by every member
 * of the cluster ({@link GridCache}: JCache on Payara's data grid with a Caffeine near cache in front). Callers
 * decide keys and contents; this only decides where the bytes live.
 */
public interface SharedCache<V> {

    /** The value, or null. */
    V get(String key);

    void put(String key, V value);

    /** Removes every entry whose key starts with {@code prefix}, on every member; returns how many went. */
    long removeByPrefix(String prefix);

    /** Removes everything, on every member; returns how many entries went. */
    long clear();

    /** Entries held (cluster-wide for the grid). */
    long size();

    /** Weight of the entries held in this JVM (the near cache, for the grid). */
    long localWeight();
}
