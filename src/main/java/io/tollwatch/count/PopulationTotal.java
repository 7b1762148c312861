package io.tollwatch.count;

import java.time.Instant;
import java.util.List;

/**
 * The running total of one {@code (region, metric, population)}: the Total record of spec §4 minus the names the
 * topology looks up (region name, country).
 *
 * @param counters  counters with a running figure, largest first (ties by name); counters that only gave {@code
 *                  up_to} figures are not listed, they only raise {@code high}
 * @param parts     for a country: each subdivision with a total of this population and its best, largest first
 *                  (ties by code); empty for a subdivision
 * @param reports   how many distinct reports are behind the entries that currently count for this population and
 *                  its parts (see {@link Counting}); for a country, those of its own figures and its subdivisions'
 * @param updatedAt latest {@code published_at} among those entries, null if none
 */
public record PopulationTotal(String region, Metric metric, Population population, long best, long low, long high,
                              List<CounterFigure> counters, List<RegionPart> parts, int reports,
                              Instant updatedAt) {

    public PopulationTotal {
        counters = List.copyOf(counters);
        parts = List.copyOf(parts);
    }

    /** The totals topic key, {@code REGION|metric|population}. */
    public String key() {
        return region + "|" + Vocabulary.wire(metric) + "|" + Vocabulary.wire(population);
    }
}
