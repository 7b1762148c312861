package io.tollwatch.count;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Spec §3 rules 1–6 over a {@link CountStore}, with the state split by the keys of its merges, so that one figure
 * reads and writes a handful of small records however long the history.
 *
 * <p>Rules: 1 and 2 in {@link Track} (one head record per counter, one record per incident), 3 in
 * {@link Summary#ownRanges}, 4 in {@link PartsAndWhole}, 5 here with {@link CountryRollup}, 6 by construction
 * (every merge is a max). {@code reports}: {@link Refs}, reference counts kept beside the entries that count, so a
 * superseded report (a lower toll, an older cumulative figure) no longer counts. {@code updated_at}: the latest
 * publication time among the same entries, kept per counter ({@link Track#latestPublished}) and taken as the latest
 * of a scope's counters and, for a country, of its subdivisions' totals.
 *
 * <p>A figure of a subdivision and the figures of its country meet in one store (the topology partitions by
 * {@code country|metric}), so rule 5 needs no second aggregation and nothing but totals leaves the store.
 *
 * <p>Totals are given for every population with figures of its own or of its parts: a whole with no figures of its
 * own (say killed civilians, but no killed all) gets low, best and high as the sums of its parts'.
 *
 * <p>An instance remembers the summaries and rollups it last decoded ({@link Decoded}), so it serves one thread and
 * one store: the count processor makes one per task, afresh whenever Kafka Streams initialises the task.
 */
public final class Counting {
    /** Enough for every (region, metric) and (country, metric) a task counts in a busy year, and bounded. */
    private static final int DECODED_SUMMARIES = 4_096;
    private static final int DECODED_ROLLUPS = 1_024;

    private final CountStore store;
    private final Decoded<Scope, Summary> summaries = Summary.decoded(DECODED_SUMMARIES);
    private final Decoded<Scope, CountryRollup> rollups = CountryRollup.decoded(DECODED_ROLLUPS);

    public Counting(CountStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Merges one figure.
     *
     * @return the totals it changed, of its region and, for a subdivision, of its country; empty when it changed
     *         none (the store is then written only if some entry's reports changed without changing a total)
     */
    public List<PopulationTotal> merge(CountedFigure f) {
        String region = f.region();
        Metric metric = f.metric();
        boolean subdivision = CountryRollup.isSubdivision(region);
        String country = CountryRollup.countryOf(region);

        Summary own = Summary.load(store, region, metric, summaries);
        Summary countryScope = subdivision ? Summary.load(store, country, metric, summaries) : own;
        CountryRollup rollup = CountryRollup.load(store, country, metric, rollups);
        // Only the totals of the figure's population and of the wholes above it can change (rules 4 and 5 raise a
        // whole by its parts, never a part by its whole), so only those are made and compared.
        Set<Population> affected = PartsAndWhole.withWholes(f.population());
        List<PopulationTotal> regionBefore = subdivision ? emit(own, regionRanges(own), null, affected) : List.of();
        List<PopulationTotal> countryBefore = countryTotals(countryScope, rollup, affected);

        Track track = Track.of(store, f);
        Refs refs = new Refs(store, f.population(), subdivision ? List.of(own, countryScope) : List.of(own));
        if (!track.merge(f, refs)) {
            return List.of();
        }
        own.setRunning(f.population(), f.qualifier() == Qualifier.UP_TO, f.counter(), track.running(), track.latestDay(),
                track.latestPublished());
        own.save(store, summaries);
        List<PopulationTotal> changed = new ArrayList<>();
        if (subdivision) {
            countryScope.save(store, summaries);
            EnumMap<Population, Range> ranges = regionRanges(own);
            rollup.put(region, ranges, own::updatedAt);
            rollup.save(store, rollups);
            changed.addAll(newOnes(regionBefore, emit(own, ranges, null, affected)));
        }
        changed.addAll(newOnes(countryBefore, countryTotals(countryScope, rollup, affected)));
        return changed;
    }

    /** The current totals of a region: for a country code, its country totals (rule 5). */
    public List<PopulationTotal> totals(String region, Metric metric) {
        Summary own = Summary.load(store, region, metric, summaries);
        Set<Population> every = EnumSet.allOf(Population.class);
        return CountryRollup.isSubdivision(region) ? emit(own, regionRanges(own), null, every)
                : countryTotals(own, CountryRollup.load(store, region, metric, rollups), every);
    }

    private static List<PopulationTotal> newOnes(List<PopulationTotal> before, List<PopulationTotal> after) {
        Set<PopulationTotal> old = new HashSet<>(before);
        return after.stream().filter(t -> !old.contains(t)).toList();
    }

    /** A subdivision's (or a country's own figures') low, best and high per population: rules 3 and 4. */
    private static EnumMap<Population, Range> regionRanges(Summary own) {
        EnumMap<Population, Range> ranges = own.ownRanges();
        PartsAndWhole.apply(ranges);
        return ranges;
    }

    /**
     * Rule 5: per population, best is the larger of the country-level figures' total and the sum of the
     * subdivisions' best (raised as in rule 4); then rule 4 applies to the result. Counters listed are the
     * country-level ones, parts the subdivisions' best; reports are the distinct reports of both.
     */
    private static List<PopulationTotal> countryTotals(Summary country, CountryRollup subdivisions,
                                                       Set<Population> populations) {
        EnumMap<Population, Range> ranges = country.ownRanges();
        for (Population p : Population.values()) {
            Range raised = Range.raise(ranges.get(p), subdivisions.sum(p));
            if (raised != null) {
                ranges.put(p, raised);
            }
        }
        PartsAndWhole.apply(ranges);
        return emit(country, ranges, subdivisions, populations);
    }

    /**
     * The totals of {@code populations} that have a range. {@code updated_at}: the latest of the scope's own
     * counters' and, for a country, of its subdivisions'.
     */
    private static List<PopulationTotal> emit(Summary s, Map<Population, Range> ranges, CountryRollup subdivisions,
                                              Set<Population> populations) {
        List<PopulationTotal> totals = new ArrayList<>(populations.size());
        ranges.forEach((p, r) -> {
            if (populations.contains(p)) {
                totals.add(new PopulationTotal(s.region, s.metric, p, r.best(), r.low(), r.high(), s.counters(p),
                        subdivisions == null ? List.of() : subdivisions.parts(p), s.reports(p),
                        subdivisions == null ? s.updatedAt(p) : Codec.later(s.updatedAt(p), subdivisions.updatedAt(p))));
            }
        });
        return totals;
    }
}
