package io.tollwatch.count;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
    /** 2: a part keeps its report ids, so that the country counts distinct reports (1 kept a count). */
    private static final int FORMAT = 2;
    private static final Comparator<RegionPart> LARGEST_FIRST = Comparator
            .comparingLong(RegionPart::best).reversed()
            .thenComparing(RegionPart::region);

    /** What the country total needs of one subdivision's total. */
    private record Part(long low, long best, long high, Set<String> reports, Instant updatedAt) {
        static Part of(PopulationTotal t) {
            return new Part(t.low(), t.best(), t.high(), t.reportIds(), t.updatedAt());
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

    /** The distinct reports behind the subdivisions' totals of a population. */
    Set<String> reportIds(Population p) {
        Set<String> ids = new HashSet<>();
        for (EnumMap<Population, Part> parts : regions.values()) {
            Part part = parts.get(p);
            if (part != null) {
                ids.addAll(part.reports);
            }
        }
        return ids;
    }

    /** Each subdivision with a total of the population and its best, largest first (rule 5's summands). */
    List<RegionPart> parts(Population p) {
        List<RegionPart> list = new ArrayList<>();
        regions.forEach((region, parts) -> {
            Part part = parts.get(p);
            if (part != null) {
                list.add(new RegionPart(region, part.best));
            }
        });
        list.sort(LARGEST_FIRST);
        return list;
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
                    out.writeInt(part.reports.size());
                    for (String id : new TreeSet<>(part.reports)) {
                        Codec.writeString(out, id);
                    }
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
                    long low = in.readLong();
                    long best = in.readLong();
                    long high = in.readLong();
                    Set<String> reports = new HashSet<>();
                    for (int k = Codec.readCount(in); k > 0; k--) {
                        reports.add(Codec.readString(in));
                    }
                    parts.put(p, new Part(low, best, high, Set.copyOf(reports),
                            in.readBoolean() ? Codec.readInstant(in) : null));
                }
                c.regions.put(region, parts);
            }
            return c;
        });
    }
}
