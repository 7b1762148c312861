package io.tollwatch.count;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.TreeSet;

/**
 * One figure slot of a counter: its latest cumulative figure, or one deduplicated incident. It remembers the reports
 * that gave its current value (all of them: republications of the same value join) and the latest of their
 * publication times, which is what {@code reports} and {@code updated_at} are made of. Bounded like the entries:
 * the ids leave with the entry.
 */
final class Entry {
    final LocalDate day;
    long value;
    /** For a cumulative entry, part of its order (rule 1); for an incident, the latest among {@link #reports}. */
    Instant publishedAt;
    final TreeSet<String> reports = new TreeSet<>();

    Entry(LocalDate day, long value, Instant publishedAt) {
        this.day = day;
        this.value = value;
        this.publishedAt = publishedAt;
    }

    static Entry of(CountedFigure f) {
        Entry e = new Entry(f.day(), f.value(), f.publishedAt());
        e.reports.add(f.reportId());
        return e;
    }

    void write(BytesOut out) {
        Codec.writeDay(out, day);
        out.writeLong(value);
        Codec.writeInstant(out, publishedAt);
        out.writeInt(reports.size());
        for (String r : reports) {
            Codec.writeString(out, r);
        }
    }

    static Entry read(BytesIn in) throws IOException {
        Entry e = new Entry(Codec.readDay(in), in.readLong(), Codec.readInstant(in));
        for (int i = Codec.readCount(in); i > 0; i--) {
            e.reports.add(Codec.readString(in));
        }
        return e;
    }

    byte[] encode() {
        return Codec.encode(1, this::write);
    }

    static Entry decode(byte[] bytes) {
        return Codec.decode(bytes, 1, "Entry", Entry::read);
    }
}
