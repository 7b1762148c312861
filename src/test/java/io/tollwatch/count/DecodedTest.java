package io.tollwatch.count;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DecodedTest {
    private final Decoded<String, List<String>> decoded = new Decoded<>(2, (v, bytes) -> new ArrayList<>(v));
    private final InMemoryCountStore store = new InMemoryCountStore();
    private int decodes;

    /** Reads record {@code id} after putting {@code stored} there (the store keeps that very array). */
    private List<String> load(String id, byte[] stored) {
        store.put(bytes(id), stored);
        return decoded.load(store, id, bytes(id), b -> {
            decodes++;
            return new ArrayList<>(List.of(new String(b, StandardCharsets.UTF_8)));
        });
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theSameArrayReadAgainIsCopiedNotDecoded() {
        byte[] stored = bytes("a");
        List<String> first = load("k", stored);
        first.add("changed by the rules");
        assertThat(load("k", stored)).containsExactly("a");
        assertThat(decodes).isEqualTo(1);
    }

    @Test
    void anotherArrayDecodesAgainEvenWithTheSameBytes() {
        load("k", bytes("a"));
        assertThat(load("k", bytes("a"))).containsExactly("a");
        assertThat(decodes).isEqualTo(2);
    }

    @Test
    void anAbsentRecordIsDecodedEachTimeAndNotRemembered() {
        assertThat(decoded.load(store, "k", bytes("k"), b -> new ArrayList<>(List.of("empty")))).containsExactly("empty");
        assertThat(decoded.load(store, "k", bytes("k"), b -> new ArrayList<>())).isEmpty();
    }

    @Test
    void aSaveWritesOnlyChangedBytesAndRemembersWhatItWrote() {
        byte[] key = bytes("k");
        byte[] stored = bytes("a");
        decoded.save(store, "k", key, null, stored, List.of("a"));
        assertThat(store.get(key)).isEqualTo(stored);

        decoded.save(store, "k", key, stored, bytes("a"), List.of("not written"));
        assertThat(store.get(key)).isSameAs(stored);

        byte[] written = bytes("b");
        List<String> value = new ArrayList<>(List.of("b"));
        decoded.save(store, "k", key, stored, written, value);
        value.add("changed after the save");
        assertThat(load("k", written)).containsExactly("b");
        assertThat(decodes).isZero();
    }

    @Test
    void theLeastRecentlyUsedGoBeyondTheCapacity() {
        byte[] a = bytes("a");
        byte[] b = bytes("b");
        byte[] c = bytes("c");
        load("a", a);
        load("b", b);
        load("a", a);
        load("c", c);
        assertThat(decodes).isEqualTo(3);
        load("a", a);
        assertThat(decodes).isEqualTo(3);
        load("b", b);
        assertThat(decodes).isEqualTo(4);
    }
}
