package io.tollwatch.count;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The sorted, byte-keyed storage the counting rules run over ({@link Counting}): keys compare as unsigned bytes, so
 * a key prefix groups one track's or one scope's records and big-endian numbers after it sort in order. An in-memory
 * implementation ({@link InMemoryCountStore}) and a Kafka Streams state store one (in {@code topology}) share every
 * rule.
 */
public interface CountStore {
    /** Null when absent. */
    byte[] get(byte[] key);

    void put(byte[] key, byte[] value);

    /**
     * Puts {@code value} unless it equals {@code stored}, what was read for the key: an update that changes nothing
     * writes no changelog record.
     *
     * @return true if it put the value
     */
    default boolean putIfChanged(byte[] key, byte[] stored, byte[] value) {
        if (Arrays.equals(value, stored)) {
            return false;
        }
        put(key, value);
        return true;
    }

    void delete(byte[] key);

    /** The records with {@code from ≤ key < to}, in key order; a snapshot, so the caller may delete them. */
    List<Map.Entry<byte[], byte[]>> range(byte[] from, byte[] to);

    /** The largest key with {@code from ≤ key < to}, or null. */
    byte[] lastKey(byte[] from, byte[] to);
}
