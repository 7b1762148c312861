package io.tollwatch.bench;

import io.tollwatch.count.Basis;
import io.tollwatch.count.CountedFigure;
import io.tollwatch.count.Counting;
import io.tollwatch.count.InMemoryCountStore;
import io.tollwatch.count.Metric;
import io.tollwatch.count.Population;
import io.tollwatch.count.Qualifier;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * The cost of one update of a busy key through the counting rules over their split store (read the few records the
 * figure's merges key on, merge, write the changed ones, compute the changed totals), after a long history of
 * figures on that key and after a short one. The history is issue 12's shape: four monitors' daily cumulative tolls (all, civilians) and eight
 * outlets' incidents at five places a day, each outlet its own counter, one (region, metric) key.
 */
final class HistoryCost {
    record Result(long shortHistory, long longHistory, double shortMicros, double longMicros, int longStateBytes) {
        double ratio() {
            return longMicros / shortMicros;
        }
    }

    private static final String REGION = "SY-HL";
    private static final String[] PLACES = {"Aleppo", "Azaz", "Al-Bab", "Manbij", "Afrin"};
    private static final int MONITORS = 4;
    private static final int OUTLETS = 8;

    private final InMemoryCountStore store = new InMemoryCountStore();
    private final Counting counting = new Counting(store);
    private long merged;
    private LocalDate day = BenchLoad.FIRST_DAY;
    private long updates;

    private HistoryCost() {
    }

    /** One update's cost after {@code shortHistory} and after {@code longHistory} earlier figures on the same key. */
    static Result measure(long shortHistory, long longHistory) {
        HistoryCost h = new HistoryCost();
        h.mergeUpTo(shortHistory);
        h.time(2_000, 0.3);
        double shortMicros = h.time(5_000, 1.0);
        h.mergeUpTo(longHistory);
        // Warmed up again: the history only adds incidents, never updates one, and C2 may recompile the merge on that
        // profile, leaving the update path to an uncommon trap and the interpreter until it recompiles (an update
        // measured 84-98 µs instead of 9-13 in a third of the runs without this).
        h.time(2_000, 0.3);
        double longMicros = h.time(5_000, 1.0);
        return new Result(shortHistory, longHistory, shortMicros, longMicros, h.largestRecord());
    }

    private void mergeUpTo(long figures) {
        while (merged < figures) {
            int d = (int) (day.toEpochDay() - BenchLoad.FIRST_DAY.toEpochDay());
            for (int m = 0; m < MONITORS && merged < figures; m++) {
                merge(day, Population.ALL, 1_000 + 3L * d + m, Basis.CUMULATIVE, "monitor " + m, REGION);
                merge(day, Population.CIVILIANS, 400 + d + m, Basis.CUMULATIVE, "monitor " + m, REGION);
            }
            for (int o = 0; o < OUTLETS && merged < figures; o++) {
                for (String place : PLACES) {
                    merge(day, Population.ALL, 1 + (d + o) % 7, Basis.INCIDENT, "outlet " + o, place);
                }
            }
            day = day.plusDays(1);
        }
    }

    private void merge(LocalDate d, Population p, long value, Basis b, String counter, String place) {
        counting.merge(figure("history-" + merged, d, p, value, b, counter, place));
        merged++;
    }

    private static CountedFigure figure(String report, LocalDate day, Population p, long value, Basis b,
                                        String counter, String place) {
        Instant published = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        return new CountedFigure(report, published, Metric.KILLED, p, value, Qualifier.EXACT, b, counter, REGION,
                place, day);
    }

    /**
     * Median microseconds of one merge and its changed totals, over at most {@code maxRuns} runs or about
     * {@code seconds} (at least one run); the median, because the machine is shared and a neighbour's build can
     * stall any one run.
     */
    private double time(int maxRuns, double seconds) {
        long[] runs = new long[maxRuns];
        int n = 0;
        long until = System.nanoTime() + (long) (seconds * 1e9);
        while (n < maxRuns && (n == 0 || System.nanoTime() < until)) {
            long t0 = System.nanoTime();
            counting.merge(nextTollUpdate());
            runs[n++] = System.nanoTime() - t0;
        }
        long[] done = Arrays.copyOf(runs, n);
        Arrays.sort(done);
        return done[n / 2] / 1e3;
    }

    /** Today's strike toll rises again (rule 2 keeps the largest value of the incident): always a change. */
    private CountedFigure nextTollUpdate() {
        updates++;
        return figure("update-" + updates, day, Population.ALL, 10 + updates, Basis.INCIDENT, "outlet 0", "Aleppo");
    }

    /** The largest value stored for the key, in bytes. */
    private int largestRecord() {
        return store.records().values().stream().mapToInt(v -> v.length).max().orElse(0);
    }
}
