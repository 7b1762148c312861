package io.tollwatch.topology;

import io.tollwatch.count.CountStore;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The counting rules' storage over a Kafka Streams key-value store (changelogged, RocksDB in production). Its keys
 * order as unsigned bytes, as {@link CountStore} needs; {@code range} there includes its upper bound, so that one is
 * skipped.
 *
 * <p>The store is cached, and Kafka Streams 4.3's cached reverse iterator can yield a key deleted since the last
 * flush (its skip of deleted cache entries compares keys as a forward iterator would), so {@link #lastKey} takes a
 * key only if the store still holds it ({@code StoreCountStoreTest}). The forward iterator, which {@link #range}
 * uses, skips them right.
 */
final class StoreCountStore implements CountStore {
    private final KeyValueStore<Bytes, byte[]> store;

    StoreCountStore(KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
    }

    @Override
    public byte[] get(byte[] key) {
        return store.get(Bytes.wrap(key));
    }

    @Override
    public void put(byte[] key, byte[] value) {
        store.put(Bytes.wrap(key), value);
    }

    @Override
    public void delete(byte[] key) {
        store.delete(Bytes.wrap(key));
    }

    @Override
    public List<Map.Entry<byte[], byte[]>> range(byte[] from, byte[] to) {
        Bytes end = Bytes.wrap(to);
        List<Map.Entry<byte[], byte[]>> list = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.range(Bytes.wrap(from), end)) {
            while (it.hasNext()) {
                KeyValue<Bytes, byte[]> kv = it.next();
                if (!kv.key.equals(end)) {
                    list.add(new AbstractMap.SimpleImmutableEntry<>(kv.key.get(), kv.value));
                }
            }
        }
        return list;
    }

    @Override
    public byte[] lastKey(byte[] from, byte[] to) {
        Bytes end = Bytes.wrap(to);
        try (KeyValueIterator<Bytes, byte[]> it = store.reverseRange(Bytes.wrap(from), end)) {
            while (it.hasNext()) {
                Bytes key = it.next().key;
                if (!key.equals(end) && store.get(key) != null) {
                    return key.get();
                }
            }
        }
        return null;
    }
}
