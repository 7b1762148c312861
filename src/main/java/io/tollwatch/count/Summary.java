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
 * What rules 3 and 4 read of one (region, metric): each counter's running figure and latest day per population
 * (apart, the {@code up_to} bounds), and the scope's count of distinct reports and latest publication time
 * ({@link Refs}). Small: one line per counter, whatever the history behind it.
 */
final class Summary {
    private static final int FORMAT = 1;
    private static final Comparator<CounterFigure> LARGEST_FIRST = Comparator
            .comparingLong(CounterFigure::value).reversed()
            .thenComparing(CounterFigure::counter);

    static final class Pop {
        final TreeMap<String, CounterFigure> figures = new TreeMap<>();
        /** Rule 3: {@code up_to} figures are upper bounds; they raise high, never best or low. */
        final TreeMap<String, Long> bounds = new TreeMap<>();
        int reports;
        Instant updatedAt;
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

    void setRunning(Population p, boolean bound, String counter, long running, LocalDate day) {
        if (bound) {
            populations.get(p).bounds.put(counter, running);
        } else {
            populations.get(p).figures.put(counter, new CounterFigure(counter, running, day));
        }
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
            for (CounterFigure c : sp.figures.values()) {
                best = Math.max(best, c.value());
                low = Math.min(low, c.value());
            }
            long high = best;
            for (long b : sp.bounds.values()) {
                high = Math.max(high, b);
            }
            ranges.put(p, new Range(low, best, high));
        });
        return ranges;
    }

    List<CounterFigure> counters(Population p) {
        List<CounterFigure> list = new ArrayList<>(populations.get(p).figures.values());
        list.sort(LARGEST_FIRST);
        return list;
    }

    void save(CountStore store) {
        store.putIfChanged(key, stored, Codec.encode(FORMAT, this::write));
    }

    private void write(BytesOut out) {
        for (Pop sp : populations.values()) {
            out.writeInt(sp.figures.size());
            for (CounterFigure c : sp.figures.values()) {
                Codec.writeString(out, c.counter());
                out.writeLong(c.value());
                out.writeBoolean(c.day() != null);
                if (c.day() != null) {
                    Codec.writeDay(out, c.day());
                }
            }
            out.writeInt(sp.bounds.size());
            for (Map.Entry<String, Long> b : sp.bounds.entrySet()) {
                Codec.writeString(out, b.getKey());
                out.writeLong(b.getValue());
            }
            out.writeInt(sp.reports);
            out.writeBoolean(sp.updatedAt != null);
            if (sp.updatedAt != null) {
                Codec.writeInstant(out, sp.updatedAt);
            }
        }
    }

    private Summary read(BytesIn in) throws IOException {
        for (Pop sp : populations.values()) {
            for (int i = Codec.readCount(in); i > 0; i--) {
                String counter = Codec.readString(in);
                long value = in.readLong();
                sp.figures.put(counter, new CounterFigure(counter, value, in.readBoolean() ? Codec.readDay(in) : null));
            }
            for (int i = Codec.readCount(in); i > 0; i--) {
                sp.bounds.put(Codec.readString(in), in.readLong());
            }
            sp.reports = in.readInt();
            sp.updatedAt = in.readBoolean() ? Codec.readInstant(in) : null;
        }
        return this;
    }
}
