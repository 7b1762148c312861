package io.tollwatch.count;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
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

    static final class Pop {
        private final TreeMap<String, Line> figures = new TreeMap<>();
        /** Rule 3: {@code up_to} figures are upper bounds; they raise high, never best or low. */
        private final TreeMap<String, Line> bounds = new TreeMap<>();
        int reports;
    }

    final String region;
    final Metric metric;
    private final byte[] key;
    private final byte[] stored;
    private final EnumMap<Population, Pop> populations = new EnumMap<>(Population.class);

    private Summary(CountStore store, String region, Metric metric) {
        this.region = region;
        this.metric = metric;
        this.key = StateKey.of(StateKey.SUMMARY, region, metric).bytes();
        this.stored = store.get(key);
        for (Population p : Population.values()) {
            populations.put(p, new Pop());
        }
        if (stored != null) {
            Codec.decode(stored, FORMAT, "Summary", this::read);
        }
    }

    static Summary load(CountStore store, String region, Metric metric) {
        return new Summary(store, region, metric);
    }

    Pop population(Population p) {
        return populations.get(p);
    }

    void setRunning(Population p, boolean bound, String counter, long running, LocalDate day, Instant published) {
        Pop sp = populations.get(p);
        (bound ? sp.bounds : sp.figures).put(counter, new Line(running, day, published));
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

    void save(CountStore store) {
        store.putIfChanged(key, stored, Codec.encode(FORMAT, this::write));
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
