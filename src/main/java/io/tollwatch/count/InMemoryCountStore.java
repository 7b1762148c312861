package io.tollwatch.count;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** A {@link CountStore} in a sorted map: for the property tests and for {@code replay}-sized runs in one process. */
public final class InMemoryCountStore implements CountStore {
    private final TreeMap<byte[], byte[]> records = new TreeMap<>(Arrays::compareUnsigned);

    @Override
    public byte[] get(byte[] key) {
        return records.get(key);
    }

    /** Keeps the value array itself, as a state store's record cache does, so that {@link Decoded} works as there. */
    @Override
    public void put(byte[] key, byte[] value) {
        records.put(key.clone(), value);
    }

    @Override
    public void delete(byte[] key) {
        records.remove(key);
    }

    @Override
    public List<Map.Entry<byte[], byte[]>> range(byte[] from, byte[] to) {
        return new ArrayList<>(records.subMap(from, true, to, false).entrySet());
    }

    @Override
    public byte[] lastKey(byte[] from, byte[] to) {
        NavigableMap<byte[], byte[]> r = records.subMap(from, true, to, false);
        return r.isEmpty() ? null : r.lastKey();
    }

    /** Every record, in key order (read-only view): for tests comparing whole states. */
    public NavigableMap<byte[], byte[]> records() {
        return Collections.unmodifiableNavigableMap(records);
    }
}
