package io.tollwatch.count;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Spec §3 rule 5's subdivision side: the current totals of one country's subdivisions for one metric, for
 * {@link RegionMetricState#countryTotals}. Mutable; one instance per {@code COUNTRY|metric}.
 *
 * <p>It is a map, region and population → that subdivision's latest total, so the sums are right however often a
 * subdivision's best changes. Meant for {@code KGroupedTable.aggregate} over the subdivision totals re-keyed
 * {@code COUNTRY|metric}: the adder calls {@link #add} with the new total (which replaces the region's previous
 * one), the subtractor calls {@link #remove} with the old total, which removes the region only while it still holds
 * exactly that total. Kafka Streams (KIP-904) calls the subtractor before the adder when the group key is unchanged,
 * as it always is here (a subdivision never changes country); the guard keeps a late subtractor from deleting the
 * newer total if they ever come the other way round, and a tombstone (subtractor alone) removes the region.
 */
public final class CountryRollup {
    private static final int FORMAT = 1;

    /** What the country total needs of one subdivision's total. */
    private record Part(long low, long best, long high, int reports, Instant updatedAt) {
        static Part of(PopulationTotal t) {
            return new Part(t.low(), t.best(), t.high(), t.reports(), t.updatedAt());
        }
    }

    private final String country;
    private final Metric metric;
    private final TreeMap<String, EnumMap<Population, Part>> regions = new TreeMap<>();

    public CountryRollup(String country, Metric metric) {
        this.country = Objects.requireNonNull(country, "country");
        this.metric = Objects.requireNonNull(metric, "metric");
    }

    /** True for an ISO 3166-2 subdivision code ({@code SY-HL}), whose totals roll up into its country's. */
    public static boolean isSubdivision(String region) {
        return region.length() > 3 && region.charAt(2) == '-';
    }

    /** The ISO 3166-1 country of a subdivision code, or the code itself for a country. */
    public static String countryOf(String region) {
        return isSubdivision(region) ? region.substring(0, 2) : region;
    }

    public String country() {
        return country;
    }

    public Metric metric() {
        return metric;
    }

    /** Adder: the subdivision's new total replaces its previous one. */
    public CountryRollup add(PopulationTotal subdivisionTotal) {
        check(subdivisionTotal);
        regions.computeIfAbsent(subdivisionTotal.region(), r -> new EnumMap<>(Population.class))
                .put(subdivisionTotal.population(), Part.of(subdivisionTotal));
        return this;
    }

    /** Subtractor: removes the subdivision's old total, unless a newer one has already replaced it. */
    public CountryRollup remove(PopulationTotal oldSubdivisionTotal) {
        check(oldSubdivisionTotal);
        EnumMap<Population, Part> parts = regions.get(oldSubdivisionTotal.region());
        if (parts != null && parts.remove(oldSubdivisionTotal.population(), Part.of(oldSubdivisionTotal))
                && parts.isEmpty()) {
            regions.remove(oldSubdivisionTotal.region());
        }
        return this;
    }

    private void check(PopulationTotal t) {
        if (!isSubdivision(t.region()) || !countryOf(t.region()).equals(country) || t.metric() != metric) {
            throw new IllegalArgumentException(t.key() + " is not a subdivision total of " + country + "|"
                    + Vocabulary.wire(metric));
        }
    }

    public boolean isEmpty() {
        return regions.isEmpty();
    }

    /** Σ of the subdivisions' best for a population (rule 5's right-hand side). */
    public long subdivisionBest(Population p) {
        Range s = sum(p);
        return s == null ? 0 : s.best();
    }

    /** Rule 5 for one population: the larger of the country-level figures' best and the subdivisions' sum. */
    public long countryBest(Population p, long countryLevelBest) {
        return Math.max(countryLevelBest, subdivisionBest(p));
    }

    /** The subdivisions' low, best and high summed; null if no subdivision has this population. */
    Range sum(Population p) {
        Range s = null;
        for (EnumMap<Population, Part> parts : regions.values()) {
            Part part = parts.get(p);
            if (part != null) {
                s = Range.plus(s, new Range(part.low, part.best, part.high));
            }
        }
        return s;
    }

    int reports(Population p) {
        int n = 0;
        for (EnumMap<Population, Part> parts : regions.values()) {
            Part part = parts.get(p);
            n += part == null ? 0 : part.reports;
        }
        return n;
    }

    Instant updatedAt(Population p) {
        Instant latest = null;
        for (EnumMap<Population, Part> parts : regions.values()) {
            Part part = parts.get(p);
            if (part != null && part.updatedAt != null && (latest == null || part.updatedAt.isAfter(latest))) {
                latest = part.updatedAt;
            }
        }
        return latest;
    }

    public byte[] encode() {
        return Codec.encode(FORMAT, out -> {
            Codec.writeString(out, country);
            Codec.writeEnum(out, metric);
            out.writeInt(regions.size());
            for (Map.Entry<String, EnumMap<Population, Part>> r : regions.entrySet()) {
                Codec.writeString(out, r.getKey());
                out.writeInt(r.getValue().size());
                for (Map.Entry<Population, Part> e : r.getValue().entrySet()) {
                    Part part = e.getValue();
                    Codec.writeEnum(out, e.getKey());
                    out.writeLong(part.low);
                    out.writeLong(part.best);
                    out.writeLong(part.high);
                    out.writeInt(part.reports);
                    out.writeBoolean(part.updatedAt != null);
                    if (part.updatedAt != null) {
                        Codec.writeInstant(out, part.updatedAt);
                    }
                }
            }
        });
    }

    /** @throws IllegalArgumentException for bytes of an unknown format version or corrupt bytes */
    public static CountryRollup decode(byte[] bytes) {
        return Codec.decode(bytes, FORMAT, "CountryRollup", in -> {
            CountryRollup c = new CountryRollup(Codec.readString(in), Codec.readEnum(in, Metric.class));
            for (int i = Codec.readCount(in); i > 0; i--) {
                String region = Codec.readString(in);
                EnumMap<Population, Part> parts = new EnumMap<>(Population.class);
                for (int j = Codec.readCount(in); j > 0; j--) {
                    Population p = Codec.readEnum(in, Population.class);
                    parts.put(p, new Part(in.readLong(), in.readLong(), in.readLong(), in.readInt(),
                            in.readBoolean() ? Codec.readInstant(in) : null));
                }
                c.regions.put(region, parts);
            }
            return c;
        });
    }
}
