package io.tollwatch.count;

import java.time.LocalDate;
import java.util.List;

/**
 * One day's deduplicated incident figures of one {@code (region, metric, population)} (spec §3 rule 7).
 *
 * @param incidents distinct (counter, region, place) incidents of the day
 * @param counters  each counter's sum for the day, largest first
 */
public record DailyTotal(String region, Metric metric, Population population, LocalDate day, long best, long low,
                         int incidents, List<CounterFigure> counters) {

    public DailyTotal {
        counters = List.copyOf(counters);
    }
}
