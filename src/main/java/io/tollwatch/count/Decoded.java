package io.tollwatch.count;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The last decoded value of each of a few busy records, kept with the very array it was decoded from or encoded to,
 * so that a record read again unchanged is copied instead of decoded: a (region, metric)'s summary and a (country,
 * metric)'s rollup are read by nearly every figure, and decoding them was 9% of the stream thread. A state store hands
 * back the array it was given while the record stays in its cache, and a changed record is a new array, so an
 * identical array can only hold the same bytes; anything else (a restored store, an evicted record, a store that
 * copies) decodes again. Values are copied in and out, since the rules change what they load (the summary and the
 * rollup copy on write, so a copy costs little until a change). Least recently used entries go beyond
 * {@code capacity}.
 *
 * @param <K> the record's identity
 * @param <T> its decoded form
 */
final class Decoded<K, T> {
    private record Known<T>(byte[] bytes, T value) {
    }

    private final BiFunction<T, byte[], T> copyAs;
    private final Map<K, Known<T>> known;

    /** @param copyAs a copy of a value that knows itself as decoded from the given bytes */
    Decoded(int capacity, BiFunction<T, byte[], T> copyAs) {
        this.copyAs = copyAs;
        this.known = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Known<T>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The record at {@code key}: a copy of the known value if the store holds its very array, else decoded. */
    T load(CountStore store, K id, byte[] key, Function<byte[], T> decode) {
        byte[] stored = store.get(key);
        Known<T> k = stored == null ? null : known.get(id);
        if (k != null && k.bytes == stored) {
            return copyAs.apply(k.value, stored);
        }
        T value = decode.apply(stored);
        if (stored != null) {
            known.put(id, new Known<>(stored, copyAs.apply(value, stored)));
        }
        return value;
    }

    /** Writes {@code bytes} unless they equal {@code stored}, and remembers {@code value} as what they decode to. */
    void save(CountStore store, K id, byte[] key, byte[] stored, byte[] bytes, T value) {
        if (store.putIfChanged(key, stored, bytes)) {
            known.put(id, new Known<>(bytes, copyAs.apply(value, bytes)));
        }
    }
}
