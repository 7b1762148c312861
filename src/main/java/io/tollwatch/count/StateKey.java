package io.tollwatch.count;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Keys of the {@link CountStore} records: a kind byte, then the fields. Strings are length-prefixed (so a prefix
 * never matches a longer name); days and instants are big-endian with the sign bit flipped, so that in unsigned byte
 * order they sort in time order and a prefix range scan walks them oldest first.
 */
final class StateKey {
    /** Per (region, metric, population, track, counter): the latest cumulative entry and its incidents' sum. */
    static final byte HEAD = 'H';
    /** Per (region, metric, population, track, counter, day, place): one deduplicated incident. */
    static final byte INCIDENT = 'I';
    /** Per (country, metric, report id): per scope and population, how many counting entries name that report. */
    static final byte REPORT = 'R';
    /**
     * Per (region, metric, population, track, counter, published_at): how many of the track's counting entries have
     * that publication time.
     */
    static final byte PUBLISHED = 'P';
    /** Per (region, metric): each counter's running figure and latest publication, and the scope's report count. */
    static final byte SUMMARY = 'S';
    /** Per (country, metric): each subdivision's totals (rule 5). */
    static final byte ROLLUP = 'U';

    private final BytesOut out = new BytesOut();

    private StateKey() {
    }

    static StateKey of(byte kind, String region, Metric metric) {
        StateKey k = new StateKey();
        k.out.writeByte(kind);
        return k.text(region).text(Vocabulary.wire(metric));
    }

    /** A key that starts with another key's bytes. */
    static StateKey after(byte[] prefix) {
        StateKey k = new StateKey();
        k.out.write(prefix);
        return k;
    }

    StateKey text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
        return this;
    }

    StateKey population(Population p) {
        out.writeByte(p.ordinal());
        return this;
    }

    StateKey flag(boolean b) {
        out.writeBoolean(b);
        return this;
    }

    StateKey day(LocalDate d) {
        out.writeLong(d.toEpochDay() ^ Long.MIN_VALUE);
        return this;
    }

    StateKey instant(Instant t) {
        out.writeLong(t.getEpochSecond() ^ Long.MIN_VALUE);
        out.writeInt(t.getNano());
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** The smallest key above every key that starts with {@code prefix}: the end of its range scan. */
    static byte[] end(byte[] prefix) {
        int i = prefix.length - 1;
        while (prefix[i] == (byte) 0xFF) {
            i--; // a prefix begins with a kind byte, never 0xFF
        }
        byte[] end = Arrays.copyOf(prefix, i + 1);
        end[i]++;
        return end;
    }

    /** The instant at the end of a {@link #PUBLISHED} key. */
    static Instant instantAtEnd(byte[] key) {
        int n = key.length;
        long sec = read(key, n - 12, 8) ^ Long.MIN_VALUE;
        return Instant.ofEpochSecond(sec, read(key, n - 4, 4));
    }

    private static long read(byte[] b, int from, int bytes) {
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            v = (v << 8) | (b[from + i] & 0xFF);
        }
        return v;
    }
}
