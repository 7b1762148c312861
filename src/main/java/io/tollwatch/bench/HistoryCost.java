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
    /** Rounds of timing, alternating between the two keys; the first ones double as the JIT's warm-up. */
    private static final int ROUNDS = 6;

    private final InMemoryCountStore store = new InMemoryCountStore();
    private final Counting counting = new Counting(store);
    private long merged;
    private LocalDate day = BenchLoad.FIRST_DAY;
    private long updates;

    private HistoryCost() {
    }

    /**
     * One update's cost after {@code shortHistory} and after {@code longHistory} earlier figures on the same key: two
     * stores, one per history, timed in alternating rounds, each history's cost the fastest of its round medians.
     * Both run the same code under the same JIT state, so what the ratio shows is the history's cost, not the
     * compiler's. Timed one after the other, the short history ran on colder code (21-30 µs against 9-11), and now
     * and then the long history's one timing caught C2 recompiling the merge or a GC of the million figures' garbage
     * (83-115 µs).
     */
    static Result measure(long shortHistory, long longHistory) {
        HistoryCost shortKey = new HistoryCost();
        shortKey.mergeUpTo(shortHistory);
        HistoryCost longKey = new HistoryCost();
        longKey.mergeUpTo(longHistory);
        double shortMicros = Double.MAX_VALUE;
        double longMicros = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            shortMicros = Math.min(shortMicros, shortKey.time(2_000, 0.25));
            longMicros = Math.min(longMicros, longKey.time(2_000, 0.25));
        }
        return new Result(shortHistory, longHistory, shortMicros, longMicros, longKey.largestRecord());
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
