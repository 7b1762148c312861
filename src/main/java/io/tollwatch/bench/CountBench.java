package io.tollwatch.bench;

import io.tollwatch.count.Basis;
import io.tollwatch.count.CountedFigure;
import io.tollwatch.count.Counting;
import io.tollwatch.count.InMemoryCountStore;
import io.tollwatch.count.Metric;
import io.tollwatch.count.Population;
import io.tollwatch.count.PopulationTotal;
import io.tollwatch.count.Qualifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cost of one update of a {@code (region, metric)}'s counting records: merge one figure and get the totals it
 * changed, on a fresh store and on one that has seen a year of daily reports (the split layout reads and writes the
 * same few small records either way).
 *
 * <p>The year: SOHR's war-long cumulative tolls daily (all, civilians); a monitor's daily incidents in three places,
 * covered by its weekly cumulative toll; state media's daily incidents in three places, never covered (rule 1 keeps
 * every one of them counting, so they stay: about 1,100 incident records); OCHA's occasional {@code up_to} bound.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CountBench {
    private static final LocalDate START = LocalDate.parse("2024-01-01");
    private static final String[] PLACES = {"Aleppo", "Azaz", "Al-Bab"};

    @Param({"fresh", "year"})
    public String history;

    private Counting state;
    private LocalDate today;
    private long seq;

    @Setup
    public void setUp() {
        state = new Counting(new InMemoryCountStore());
        int days = history.equals("year") ? 365 : 1;
        for (int d = 0; d < days; d++) {
            LocalDate day = START.plusDays(d);
            String report = "report-" + d;
            merge(report, day, Population.ALL, 1_000 + 3L * d, Qualifier.EXACT, Basis.CUMULATIVE, "SOHR", "SY-HL");
            merge(report, day, Population.CIVILIANS, 400 + d, Qualifier.EXACT, Basis.CUMULATIVE, "SOHR", "SY-HL");
            for (String place : PLACES) {
                merge(report, day, Population.ALL, 2 + d % 5, Qualifier.EXACT, Basis.INCIDENT, "state media", place);
                merge(report, day, Population.ALL, 1 + d % 3, Qualifier.EXACT, Basis.INCIDENT, "Airwars", place);
            }
            if (d % 7 == 6) {
                merge(report, day, Population.ALL, 900 + d, Qualifier.EXACT, Basis.CUMULATIVE, "Airwars", "SY-HL");
            }
            if (d % 30 == 0) {
                merge(report, day, Population.ALL, 2_000 + d, Qualifier.UP_TO, Basis.CUMULATIVE, "OCHA", "SY-HL");
            }
        }
        today = START.plusDays(days - 1);
    }

    private void merge(String report, LocalDate day, Population p, long value, Qualifier q, Basis b, String counter,
                       String place) {
        state.merge(figure(report, day, p, value, q, b, counter, place));
    }

    private static CountedFigure figure(String report, LocalDate day, Population p, long value, Qualifier q, Basis b,
                                        String counter, String place) {
        Instant published = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        return new CountedFigure(report, published, Metric.KILLED, p, value, q, b, counter, "SY-HL", place, day);
    }

    /** Today's strike toll rises again (rule 2 replaces the incident's value): always a change. */
    private CountedFigure nextTollUpdate() {
        seq++;
        return figure("update-" + seq, today, Population.ALL, 10 + seq, Qualifier.EXACT, Basis.INCIDENT,
                "state media", "student residence, Aleppo");
    }

    @Benchmark
    public List<PopulationTotal> mergeAndTotals() {
        return state.merge(nextTollUpdate());
    }
}
