package io.tollwatch.count;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Spec §3 rule 7: the daily series of one {@code (region, metric, population, day)}. Per counter, the incidents of
 * the day deduplicated as in rule 2 (largest value per region and place) and summed; best is the largest counter's
 * sum, low the smallest; incidents counts the distinct (counter, region, place). A country's row takes its
 * country-level incidents and its subdivisions' ({@link #rows}); keyed by region and place, an incident counts once
 * however it arrives. Like {@link Track}, every merge is a max, so the result is idempotent and order-free. Only
 * incident figures that are not {@code up_to} bounds belong here ({@link #accepts}); the window and its 7-day grace
 * are the topology's. Mutable; one instance per window.
 */
public final class DailyState {
    /** 2: incidents keyed by region and place, for the country rows (1 keyed them by place alone). */
    private static final int FORMAT = 2;
    private static final Comparator<CounterFigure> LARGEST_FIRST = Comparator
            .comparingLong(CounterFigure::value).reversed()
            .thenComparing(CounterFigure::counter);

    private final String region;
    private final Metric metric;
    private final Population population;
    private final LocalDate day;
    /** counter → region|place → largest value reported. */
    private final TreeMap<String, TreeMap<String, Long>> counters = new TreeMap<>();

    public DailyState(String region, Metric metric, Population population, LocalDate day) {
        this.region = Objects.requireNonNull(region, "region");
        this.metric = Objects.requireNonNull(metric, "metric");
        this.population = Objects.requireNonNull(population, "population");
        this.day = Objects.requireNonNull(day, "day");
    }

    /** Whether a figure belongs in a daily series at all: incident figures that are not upper bounds. */
    public static boolean accepts(CountedFigure f) {
        return f.basis() == Basis.INCIDENT && f.qualifier() != Qualifier.UP_TO;
    }

    /** The regions whose daily rows a figure counts in: its own, and its country's when it is a subdivision's. */
    public static List<String> rows(CountedFigure f) {
        String country = CountryRollup.countryOf(f.region());
        return country.equals(f.region()) ? List.of(f.region()) : List.of(f.region(), country);
    }

    /**
     * @return true if the state changed
     * @throws IllegalArgumentException for a figure of another key or one that {@link #accepts} refuses
     */
    public boolean merge(CountedFigure f) {
        if (!rows(f).contains(region) || metric != f.metric() || population != f.population() || !day.equals(f.day())
                || !accepts(f)) {
            throw new IllegalArgumentException("figure does not belong in the daily series " + region + "|"
                    + Vocabulary.wire(metric) + "|" + Vocabulary.wire(population) + "|" + day);
        }
        Map<String, Long> incidents = counters.computeIfAbsent(f.counter(), c -> new TreeMap<>());
        String incident = f.region() + "|" + f.place(); // region codes never contain '|'
        Long old = incidents.get(incident);
        if (old != null && old >= f.value()) {
            return false;
        }
        incidents.put(incident, f.value());
        return true;
    }

    public DailyTotal total() {
        List<CounterFigure> list = new ArrayList<>(counters.size());
        long best = 0;
        long low = counters.isEmpty() ? 0 : Long.MAX_VALUE;
        int incidents = 0;
        for (Map.Entry<String, TreeMap<String, Long>> c : counters.entrySet()) {
            long sum = 0;
            for (long v : c.getValue().values()) {
                sum += v;
            }
            best = Math.max(best, sum);
            low = Math.min(low, sum);
            incidents += c.getValue().size();
            list.add(new CounterFigure(c.getKey(), sum, day));
        }
        list.sort(LARGEST_FIRST);
        return new DailyTotal(region, metric, population, day, best, low, incidents, list);
    }

    public byte[] encode() {
        return Codec.encode(FORMAT, out -> {
            Codec.writeString(out, region);
            Codec.writeEnum(out, metric);
            Codec.writeEnum(out, population);
            Codec.writeDay(out, day);
            out.writeInt(counters.size());
            for (Map.Entry<String, TreeMap<String, Long>> c : counters.entrySet()) {
                Codec.writeString(out, c.getKey());
                out.writeInt(c.getValue().size());
                for (Map.Entry<String, Long> p : c.getValue().entrySet()) {
                    Codec.writeString(out, p.getKey());
                    out.writeLong(p.getValue());
                }
            }
        });
    }

    /** @throws IllegalArgumentException for bytes of an unknown format version or corrupt bytes */
    public static DailyState decode(byte[] bytes) {
        return Codec.decode(bytes, FORMAT, "DailyState", in -> {
            DailyState s = new DailyState(Codec.readString(in), Codec.readEnum(in, Metric.class),
                    Codec.readEnum(in, Population.class), Codec.readDay(in));
            for (int i = Codec.readCount(in); i > 0; i--) {
                String counter = Codec.readString(in);
                TreeMap<String, Long> places = new TreeMap<>();
                for (int j = Codec.readCount(in); j > 0; j--) {
                    places.put(Codec.readString(in), in.readLong());
                }
                s.counters.put(counter, places);
            }
            return s;
        });
    }
}
