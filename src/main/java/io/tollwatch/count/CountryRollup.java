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

    private final Scope scope;
    private final byte[] key;
    private final byte[] stored;
    /** One subdivision's total of one population, as rule 5 and {@code updated_at} read it. */
    private record Part(Range range, Instant updatedAt) {
    }

    private TreeMap<String, EnumMap<Population, Part>> regions = new TreeMap<>();
    /** True while {@link #regions} is shared with a copy of this rollup: copied before it changes. */
    private boolean shared;

    private CountryRollup(Scope scope, byte[] key, byte[] stored) {
        this.scope = scope;
        this.key = key;
        this.stored = stored;
    }

    /**
     * A copy of {@code r} that knows itself as decoded from {@code bytes}. The two share their subdivisions until
     * either puts one, which copies the map first; each subdivision's parts are replaced whole, never changed.
     */
    private CountryRollup(CountryRollup r, byte[] bytes) {
        this(r.scope, r.key, bytes);
        regions = r.regions;
        shared = true;
        r.shared = true;
    }

    /** Remembers the last few rollups decoded, so that one read again unchanged is not decoded again. */
    static Decoded<Scope, CountryRollup> decoded(int capacity) {
        return new Decoded<>(capacity, CountryRollup::new);
    }

    static CountryRollup load(CountStore store, String country, Metric metric, Decoded<Scope, CountryRollup> decoded) {
        Scope scope = new Scope(country, metric);
        byte[] key = StateKey.of(StateKey.ROLLUP, country, metric).bytes();
        return decoded.load(store, scope, key, stored -> {
            CountryRollup r = new CountryRollup(scope, key, stored);
            return stored == null ? r : Codec.decode(stored, FORMAT, "CountryRollup", r::read);
        });
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
        EnumMap<Population, Part> parts = new EnumMap<>(Population.class);
        totals.forEach((p, r) -> parts.put(p, new Part(r, updatedAt.apply(p))));
        if (shared) {
            regions = new TreeMap<>(regions);
            shared = false;
        }
        regions.put(subdivision, parts);
    }

    /** The latest {@code updated_at} of the subdivisions' totals of {@code p}; null if none. */
    Instant updatedAt(Population p) {
        Instant latest = null;
        for (Part part : totalsOf(p)) {
            latest = Codec.later(latest, part.updatedAt());
        }
        return latest;
    }

    /** The subdivisions' low, best and high summed; null if no subdivision has this population. */
    Range sum(Population p) {
        Range s = null;
        for (Part part : totalsOf(p)) {
            s = Range.plus(s, part.range());
        }
        return s;
    }

    /** The totals of {@code p} of the subdivisions that have one. */
    private List<Part> totalsOf(Population p) {
        List<Part> list = new ArrayList<>(regions.size());
        for (EnumMap<Population, Part> parts : regions.values()) {
            Part part = parts.get(p);
            if (part != null) {
                list.add(part);
            }
        }
        return list;
    }

    /** Each subdivision with a total of the population and its best, largest first (rule 5's summands). */
    List<RegionPart> parts(Population p) {
        List<RegionPart> list = new ArrayList<>();
        regions.forEach((region, parts) -> {
            Part part = parts.get(p);
            if (part != null) {
                list.add(new RegionPart(region, part.range().best()));
            }
        });
        list.sort(LARGEST_FIRST);
        return list;
    }

    void save(CountStore store, Decoded<Scope, CountryRollup> decoded) {
        decoded.save(store, scope, key, stored, Codec.encode(FORMAT, this::write), this);
    }

    private void write(BytesOut out) {
        out.writeInt(regions.size());
        for (Map.Entry<String, EnumMap<Population, Part>> r : regions.entrySet()) {
            Codec.writeString(out, r.getKey());
            out.writeInt(r.getValue().size());
            for (Map.Entry<Population, Part> e : r.getValue().entrySet()) {
                Range range = e.getValue().range();
                Codec.writeEnum(out, e.getKey());
                out.writeLong(range.low());
                out.writeLong(range.best());
                out.writeLong(range.high());
                Codec.writeInstant(out, e.getValue().updatedAt());
            }
        }
    }

    private CountryRollup read(BytesIn in) throws IOException {
        for (int i = Codec.readCount(in); i > 0; i--) {
            String region = Codec.readString(in);
            EnumMap<Population, Part> parts = new EnumMap<>(Population.class);
            for (int j = Codec.readCount(in); j > 0; j--) {
                Population p = Codec.readEnum(in, Population.class);
                parts.put(p, new Part(new Range(in.readLong(), in.readLong(), in.readLong()), Codec.readInstant(in)));
            }
            regions.put(region, parts);
        }
        return this;
    }
}
