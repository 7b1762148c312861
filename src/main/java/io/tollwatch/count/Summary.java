package io.tollwatch.count;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What rules 3 and 4 read of one (region, metric): each counter's running figure, latest day and latest publication
 * time per population (apart, the {@code up_to} bounds), and the scope's count of distinct reports ({@link Refs}).
 * Small: one line per counter, whatever the history behind it.
 */
final class Summary {
    private static final int FORMAT = 2;
    private static final Comparator<CounterFigure> LARGEST_FIRST = Comparator
            .comparingLong(CounterFigure::value).reversed()
            .thenComparing(CounterFigure::counter);

    /** One counter's running figure (or bound): its value, latest event day and latest publication time. */
    private record Line(long value, LocalDate day, Instant published) {
    }

    private static final class Pop {
        private final TreeMap<String, Line> figures = new TreeMap<>();
        /** Rule 3: {@code up_to} figures are upper bounds; they raise high, never best or low. */
        private final TreeMap<String, Line> bounds = new TreeMap<>();
        private int reports;

        Pop copy() {
            Pop c = new Pop();
            c.figures.putAll(figures);
            c.bounds.putAll(bounds);
            c.reports = reports;
            return c;
        }
    }

    final String region;
    final Metric metric;
    private final byte[] key;
    private final byte[] stored;
    private final EnumMap<Population, Pop> populations = new EnumMap<>(Population.class);
    /** The populations whose lines this summary shares with a copy of it: copied before they change. */
    private final EnumSet<Population> shared = EnumSet.noneOf(Population.class);

    private Summary(String region, Metric metric, byte[] key, byte[] stored) {
        this.region = region;
        this.metric = metric;
        this.key = key;
        this.stored = stored;
        for (Population p : Population.values()) {
            populations.put(p, new Pop());
        }
    }

    /**
     * A copy of {@code s} that knows itself as decoded from {@code bytes}. The two share their lines until either
     * changes a population's, which it copies first: a figure changes one population's running figure (and the
     * reports of the wholes above it), so most of a summary is never copied.
     */
    private Summary(Summary s, byte[] bytes) {
        this.region = s.region;
        this.metric = s.metric;
        this.key = s.key;
        this.stored = bytes;
        populations.putAll(s.populations);
        shared.addAll(populations.keySet());
        s.shared.addAll(populations.keySet());
    }

    /** Remembers the last few summaries decoded, so that one read again unchanged is not decoded again. */
    static Decoded<Scope, Summary> decoded(int capacity) {
        return new Decoded<>(capacity, Summary::new);
    }

    static Summary load(CountStore store, String region, Metric metric, Decoded<Scope, Summary> decoded) {
        byte[] key = StateKey.of(StateKey.SUMMARY, region, metric).bytes();
        return decoded.load(store, new Scope(region, metric), key, stored -> {
            Summary s = new Summary(region, metric, key, stored);
            return stored == null ? s : Codec.decode(stored, FORMAT, "Summary", s::read);
        });
    }

    /** The count of distinct reports behind {@code p}'s total in this scope ({@link Refs}). */
    int reports(Population p) {
        return populations.get(p).reports;
    }

    void addReports(Population p, int delta) {
        owned(p).reports += delta;
    }

    void setRunning(Population p, boolean bound, String counter, long running, LocalDate day, Instant published) {
        Pop sp = owned(p);
        (bound ? sp.bounds : sp.figures).put(counter, new Line(running, day, published));
    }

    private Pop owned(Population p) {
        if (shared.remove(p)) {
            populations.put(p, populations.get(p).copy());
        }
        return populations.get(p);
    }

    /**
     * Rule 3: best is the largest counter's running figure, low the smallest, high the largest of best and the
     * counters' upper bounds. Only populations with own figures; with only bounds, best and low are 0.
     */
    EnumMap<Population, Range> ownRanges() {
        EnumMap<Population, Range> ranges = new EnumMap<>(Population.class);
        populations.forEach((p, sp) -> {
            if (sp.figures.isEmpty() && sp.bounds.isEmpty()) {
                return;
            }
            long best = 0;
            long low = sp.figures.isEmpty() ? 0 : Long.MAX_VALUE;
            for (Line c : sp.figures.values()) {
                best = Math.max(best, c.value());
                low = Math.min(low, c.value());
            }
            long high = best;
            for (Line b : sp.bounds.values()) {
                high = Math.max(high, b.value());
            }
            ranges.put(p, new Range(low, best, high));
        });
        return ranges;
    }

    List<CounterFigure> counters(Population p) {
        List<CounterFigure> list = new ArrayList<>();
        populations.get(p).figures.forEach((counter, c) -> list.add(new CounterFigure(counter, c.value(), c.day())));
        list.sort(LARGEST_FIRST);
        return list;
    }

    /**
     * The latest publication time among the entries that count for {@code p} and its parts (a whole's entries
     * include its parts', as its {@code reports} do), bounds included; null if none.
     */
    Instant updatedAt(Population p) {
        Instant latest = null;
        for (Map.Entry<Population, Pop> e : populations.entrySet()) {
            if (PartsAndWhole.withWholes(e.getKey()).contains(p)) {
                for (Line c : e.getValue().figures.values()) {
                    latest = Codec.later(latest, c.published());
                }
                for (Line b : e.getValue().bounds.values()) {
                    latest = Codec.later(latest, b.published());
                }
            }
        }
        return latest;
    }

    void save(CountStore store, Decoded<Scope, Summary> decoded) {
        decoded.save(store, new Scope(region, metric), key, stored, Codec.encode(FORMAT, this::write), this);
    }

    private void write(BytesOut out) {
        for (Pop sp : populations.values()) {
            writeLines(out, sp.figures);
            writeLines(out, sp.bounds);
            out.writeInt(sp.reports);
        }
    }

    private static void writeLines(BytesOut out, TreeMap<String, Line> lines) {
        out.writeInt(lines.size());
        for (Map.Entry<String, Line> e : lines.entrySet()) {
            Line c = e.getValue();
            Codec.writeString(out, e.getKey());
            out.writeLong(c.value());
            out.writeBoolean(c.day() != null);
            if (c.day() != null) {
                Codec.writeDay(out, c.day());
            }
            Codec.writeInstant(out, c.published());
        }
    }

    private Summary read(BytesIn in) throws IOException {
        for (Pop sp : populations.values()) {
            readLines(in, sp.figures);
            readLines(in, sp.bounds);
            sp.reports = in.readInt();
        }
        return this;
    }

    private static void readLines(BytesIn in, TreeMap<String, Line> lines) throws IOException {
        for (int i = Codec.readCount(in); i > 0; i--) {
            String counter = Codec.readString(in);
            long value = in.readLong();
            LocalDate day = in.readBoolean() ? Codec.readDay(in) : null;
            lines.put(counter, new Line(value, day, Codec.readInstant(in)));
        }
    }
}
