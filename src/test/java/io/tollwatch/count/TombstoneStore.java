package io.tollwatch.count;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link CountStore} that keeps a deleted key as a tombstone, as RocksDB does until a compaction drops it, and
 * counts the records, live or deleted, that its scans step over: what a scan costs there.
 */
final class TombstoneStore implements CountStore {
    private static final byte[] DELETED = new byte[0];

    private final TreeMap<byte[], byte[]> records = new TreeMap<>(Arrays::compareUnsigned);
    private long stepped;

    /** Records stepped over by scans so far. */
    long stepped() {
        return stepped;
    }

    @Override
    public byte[] get(byte[] key) {
        byte[] v = records.get(key);
        return v == DELETED ? null : v;
    }

    @Override
    public void put(byte[] key, byte[] value) {
        records.put(key.clone(), value);
    }

    @Override
    public void delete(byte[] key) {
        if (records.containsKey(key)) {
            records.put(key.clone(), DELETED);
        }
    }

    @Override
    public List<Map.Entry<byte[], byte[]>> range(byte[] from, byte[] to) {
        List<Map.Entry<byte[], byte[]>> live = new ArrayList<>();
        for (Map.Entry<byte[], byte[]> e : records.subMap(from, true, to, false).entrySet()) {
            stepped++;
            if (e.getValue() != DELETED) {
                live.add(Map.entry(e.getKey(), e.getValue()));
            }
        }
        return live;
    }

    @Override
    public byte[] lastKey(byte[] from, byte[] to) {
        for (Map.Entry<byte[], byte[]> e : records.subMap(from, true, to, false).descendingMap().entrySet()) {
            stepped++;
            if (e.getValue() != DELETED) {
                return e.getKey();
            }
        }
        return null;
    }
}
