package io.tollwatch.count;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Spec §3 rule 5's subdivision side: the current low, best and high of each of one country's subdivisions for one
 * metric, and their {@code updated_at}, replaced whenever a subdivision's totals change, so the sums are right however
 * often they do. One record per {@code (country, metric)}, bounded by the country's subdivisions.
 */
public final class CountryRollup {
    private static final int FORMAT = 4;
    private static final Comparator<RegionPart> LARGEST_FIRST = Comparator
            .comparingLong(RegionPart::best).reversed()
            .thenComparing(RegionPart::region);

    private final byte[] key;
    private final byte[] stored;
    private final TreeMap<String, EnumMap<Population, Range>> regions = new TreeMap<>();
    private final TreeMap<String, EnumMap<Population, Instant>> updated = new TreeMap<>();

    private CountryRollup(CountStore store, String country, Metric metric) {
        this.key = StateKey.of(StateKey.ROLLUP, country, metric).bytes();
        this.stored = store.get(key);
        if (stored != null) {
            Codec.decode(stored, FORMAT, "CountryRollup", this::read);
        }
    }

    static CountryRollup load(CountStore store, String country, Metric metric) {
        return new CountryRollup(store, country, metric);
    }

    /** True for an ISO 3166-2 subdivision code ({@code SY-HL}), whose totals roll up into its country's. */
    public static boolean isSubdivision(String region) {
        return region.length() > 3 && region.charAt(2) == '-';
    }

    /** The ISO 3166-1 country of a subdivision code, or the code itself for a country. */
    public static String countryOf(String region) {
        return isSubdivision(region) ? region.substring(0, 2) : region;
    }

    /** A subdivision's current totals (low, best and high, and {@code updated_at}) replace its previous ones. */
    void put(String subdivision, Map<Population, Range> totals, Function<Population, Instant> updatedAt) {
        EnumMap<Population, Instant> times = new EnumMap<>(Population.class);
        totals.keySet().forEach(p -> times.put(p, updatedAt.apply(p)));
        regions.put(subdivision, new EnumMap<>(totals));
        updated.put(subdivision, times);
    }

    /** The latest {@code updated_at} of the subdivisions' totals of {@code p}; null if none. */
    Instant updatedAt(Population p) {
        Instant latest = null;
        for (EnumMap<Population, Instant> times : updated.values()) {
            latest = Codec.later(latest, times.get(p));
        }
        return latest;
    }

    /** The subdivisions' low, best and high summed; null if no subdivision has this population. */
    Range sum(Population p) {
        Range s = null;
        for (EnumMap<Population, Range> ranges : regions.values()) {
            s = Range.plus(s, ranges.get(p));
        }
        return s;
    }

    /** Each subdivision with a total of the population and its best, largest first (rule 5's summands). */
    List<RegionPart> parts(Population p) {
        List<RegionPart> list = new ArrayList<>();
        regions.forEach((region, ranges) -> {
            Range r = ranges.get(p);
            if (r != null) {
                list.add(new RegionPart(region, r.best()));
            }
        });
        list.sort(LARGEST_FIRST);
        return list;
    }

    void save(CountStore store) {
        store.putIfChanged(key, stored, Codec.encode(FORMAT, this::write));
    }

    private void write(BytesOut out) {
        out.writeInt(regions.size());
        for (Map.Entry<String, EnumMap<Population, Range>> r : regions.entrySet()) {
            Codec.writeString(out, r.getKey());
            out.writeInt(r.getValue().size());
            for (Map.Entry<Population, Range> e : r.getValue().entrySet()) {
                Codec.writeEnum(out, e.getKey());
                out.writeLong(e.getValue().low());
                out.writeLong(e.getValue().best());
                out.writeLong(e.getValue().high());
                Codec.writeInstant(out, updated.get(r.getKey()).get(e.getKey()));
            }
        }
    }

    private CountryRollup read(BytesIn in) throws IOException {
        for (int i = Codec.readCount(in); i > 0; i--) {
            String region = Codec.readString(in);
            EnumMap<Population, Range> ranges = new EnumMap<>(Population.class);
            EnumMap<Population, Instant> times = new EnumMap<>(Population.class);
            for (int j = Codec.readCount(in); j > 0; j--) {
                Population p = Codec.readEnum(in, Population.class);
                ranges.put(p, new Range(in.readLong(), in.readLong(), in.readLong()));
                times.put(p, Codec.readInstant(in));
            }
            regions.put(region, ranges);
            updated.put(region, times);
        }
        return this;
    }
}
