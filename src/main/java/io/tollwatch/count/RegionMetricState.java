package io.tollwatch.count;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The counting state of one {@code (region, metric)}, with its four populations together so that rule 4 is one
 * function. Mutable and not thread-safe; one instance per state-store key.
 *
 * <p>Rules: 1 and 2 in {@link Track}, 3 in {@link PopulationState#ownRange}, 4 in {@link PartsAndWhole}, 5 in
 * {@link #countryTotals} with {@link CountryRollup}, 6 by construction (every merge is a max, see {@link Track}).
 *
 * <p>{@code reports} of a total: the distinct report ids behind the entries that currently count (each counter's
 * latest cumulative entry and its retained incidents, with every report that gave the entry's current value) of the
 * population and of its parts under rule 4 (children inform civilians; civilians, children and combatants inform
 * all). They are kept per entry and leave with it, so they stay bounded like the entries; a report that was
 * superseded (a lower toll, an older cumulative figure) no longer counts. {@code updated_at} is the latest
 * {@code published_at} among the same entries. Both depend only on the set of figures, not on their order.
 *
 * <p>Totals are given for every population with figures of its own or of its parts: a whole with no figures of its
 * own (say killed civilians, but no killed all) gets low, best and high as the sums of its parts'.
 */
public final class RegionMetricState {
    private static final int FORMAT = 1;

    private final String region;
    private final Metric metric;
    private final EnumMap<Population, PopulationState> populations = new EnumMap<>(Population.class);

    public RegionMetricState(String region, Metric metric) {
        this.region = Objects.requireNonNull(region, "region");
        this.metric = Objects.requireNonNull(metric, "metric");
        // Parents first, so each part's counts can feed its whole's.
        for (Population p : List.of(Population.ALL, Population.CIVILIANS, Population.COMBATANTS, Population.CHILDREN)) {
            Population parent = PartsAndWhole.parent(p);
            populations.put(p, new PopulationState(new Refs(parent == null ? null : populations.get(parent).refs)));
        }
    }

    public String region() {
        return region;
    }

    public Metric metric() {
        return metric;
    }

    /**
     * Merges one figure of this region and metric.
     *
     * @return true if the state changed (the totals may then have changed; they cannot have otherwise)
     * @throws IllegalArgumentException for a figure of another region or metric
     */
    public boolean merge(CountedFigure f) {
        if (!region.equals(f.region()) || metric != f.metric()) {
            throw new IllegalArgumentException("figure of " + f.region() + "|" + Vocabulary.wire(f.metric())
                    + " merged into " + region + "|" + Vocabulary.wire(metric));
        }
        return populations.get(f.population()).merge(f);
    }

    /** True when no figure counts. */
    public boolean isEmpty() {
        return populations.get(Population.ALL).refs.isEmpty();
    }

    /** How many entries (cumulative figures and incidents) the state holds; bounded by rule 6's pruning. */
    public int size() {
        int n = 0;
        for (PopulationState ps : populations.values()) {
            n += ps.size();
        }
        return n;
    }

    /**
     * The totals of this region's populations (rules 3 and 4), in population order. For a country code these are the
     * country-level figures alone; publish {@link #countryTotals} under a country's keys.
     */
    public List<PopulationTotal> totals() {
        EnumMap<Population, Range> ranges = ownRanges();
        PartsAndWhole.apply(ranges);
        return emit(region, metric, ranges, this, null);
    }

    /**
     * Rule 5: the totals keyed by a country code, from its country-level figures and its subdivisions' totals.
     * Per population, best is the larger of the country-level total and the sum of the subdivisions' best (raised
     * as in rule 4); then rule 4 applies to the result. Counters listed are the country-level ones, parts the
     * subdivisions' best; reports are the distinct reports of both (a report speaking for two subdivisions, or for a
     * subdivision and the country, counts once).
     *
     * @param countryLevel the state of the country's own figures, or null if there is none
     * @param subdivisions the subdivisions' totals, or null if there are none
     */
    public static List<PopulationTotal> countryTotals(String country, Metric metric, RegionMetricState countryLevel,
                                                      CountryRollup subdivisions) {
        if (countryLevel != null && (!countryLevel.region.equals(country) || countryLevel.metric != metric)) {
            throw new IllegalArgumentException("country-level state of " + countryLevel.region + " for " + country);
        }
        if (subdivisions != null && (!subdivisions.country().equals(country) || subdivisions.metric() != metric)) {
            throw new IllegalArgumentException("rollup of " + subdivisions.country() + " for " + country);
        }
        EnumMap<Population, Range> ranges = countryLevel == null ? new EnumMap<>(Population.class)
                : countryLevel.ownRanges();
        if (subdivisions != null) {
            for (Population p : Population.values()) {
                Range raised = Range.raise(ranges.get(p), subdivisions.sum(p));
                if (raised != null) {
                    ranges.put(p, raised);
                }
            }
        }
        PartsAndWhole.apply(ranges);
        return emit(country, metric, ranges, countryLevel, subdivisions);
    }

    private EnumMap<Population, Range> ownRanges() {
        EnumMap<Population, Range> ranges = new EnumMap<>(Population.class);
        populations.forEach((p, ps) -> {
            Range r = ps.ownRange();
            if (r != null) {
                ranges.put(p, r);
            }
        });
        return ranges;
    }

    private static List<PopulationTotal> emit(String region, Metric metric, Map<Population, Range> ranges,
                                              RegionMetricState own, CountryRollup subdivisions) {
        List<PopulationTotal> totals = new ArrayList<>(ranges.size());
        ranges.forEach((p, r) -> {
            PopulationState ps = own == null ? null : own.populations.get(p);
            Set<String> reports = ps == null ? new HashSet<>() : new HashSet<>(ps.refs.reportIds());
            Instant updatedAt = ps == null ? null : ps.refs.updatedAt();
            List<RegionPart> parts = List.of();
            if (subdivisions != null) {
                reports.addAll(subdivisions.reportIds(p)); // a report behind several of them counts once
                updatedAt = later(updatedAt, subdivisions.updatedAt(p));
                parts = subdivisions.parts(p);
            }
            totals.add(new PopulationTotal(region, metric, p, r.best(), r.low(), r.high(),
                    ps == null ? List.of() : ps.counters(), parts, reports, updatedAt));
        });
        return totals;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }

    /** The state as bytes for a state store: format version, region, metric, then each population's counters. */
    public byte[] encode() {
        return Codec.encode(FORMAT, out -> {
            Codec.writeString(out, region);
            Codec.writeEnum(out, metric);
            for (Population p : Population.values()) {
                populations.get(p).write(out);
            }
        });
    }

    /** @throws IllegalArgumentException for bytes of an unknown format version or corrupt bytes */
    public static RegionMetricState decode(byte[] bytes) {
        return Codec.decode(bytes, FORMAT, "RegionMetricState", in -> {
            RegionMetricState s = new RegionMetricState(Codec.readString(in), Codec.readEnum(in, Metric.class));
            for (Population p : Population.values()) {
                s.populations.get(p).read(in);
            }
            return s;
        });
    }
}
