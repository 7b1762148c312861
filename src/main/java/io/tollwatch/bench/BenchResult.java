package io.tollwatch.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code tollwatch bench} measured, with issue 12's goals: a table for people and one JSON line for scripts.
 *
 * @param figuresPerSecond figures (of the structured reports) the pipeline counted a second
 * @param pipelineCpuMs    CPU milliseconds per report of the bench's processes (the service's JVM, the broker's and
 *                         the registry's) while the pipeline drained its input
 * @param passthroughCpuMs the same per record of the pass-through copy
 * @param pipelineJitShare time the service JVM's JIT compilers spent compiling while the pipeline drained, as a share
 *                         of the drain's time (1.0: one core's worth)
 * @param warmUp           the warm-up the timed instances had before the drain
 * @param floor            the same records and probes through {@link Floor}: what this machine allows the service
 * @param historyStateBytes the encoded state of the history's busy key after its long history
 * @param largestTopic      the internal topic holding the largest value
 * @param heapMb            the heap pools' peak usage in the service's JVM, summed, from the start to the end of the
 *                          latency phase
 * @param latency           the probes' produce-to-total times, and the first hop's
 * @param latencyAtHalfRate whether that phase sent at half the pipeline's rate, where the p99 goal is (else at
 *                          {@code --latency-rate})
 * @param latencyStreamThreads the CPU the service's stream threads used in that phase, sending and waiting for the
 *                          last probes
 * @param heapLiveMb        the largest heap left after a garbage collection in that time
 */
public record BenchResult(String workload, double pipelineRps, double figuresPerSecond, double passthroughRps,
                          double pipelineCpuMs, double passthroughCpuMs, double pipelineJitShare, WarmUp.Result warmUp,
                          Floor.Result floor,
                          double extractMbS, Latency.Result latency, double latencyRate, boolean latencyAtHalfRate,
                          StreamThreadClock.Usage latencyStreamThreads,
                          HistoryCost.Result history, int maxStateBytes, String largestTopic, double heapMb,
                          double heapLiveMb) {

    /** The JSON line's keys, in order. */
    public static final String[] KEYS = {"pipeline_rps", "passthrough_rps", "ratio", "extract_mb_s", "p50_ms", "p99_ms",
        "history_ratio", "max_state_bytes", "heap_mb"};

    static final double RATIO_GOAL = 0.5;
    static final double HISTORY_GOAL = 1.5;
    static final int STATE_GOAL = 64 * 1024;
    static final double P99_GOAL = 250;
    static final double EXTRACT_GOAL = 20;
    static final double HEAP_GOAL = 512;

    public double ratio() {
        return pipelineRps / passthroughRps;
    }

    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(KEYS[0], round(pipelineRps, 1));
        m.put(KEYS[1], round(passthroughRps, 1));
        m.put(KEYS[2], round(ratio(), 3));
        m.put(KEYS[3], round(extractMbS, 2));
        m.put(KEYS[4], round(latency.p50Ms(), 1));
        m.put(KEYS[5], round(latency.p99Ms(), 1));
        m.put(KEYS[6], round(history.ratio(), 2));
        m.put(KEYS[7], maxStateBytes);
        m.put(KEYS[8], round(heapMb, 1));
        return m;
    }

    private static Object round(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return null;
        }
        return Math.round(v * Math.pow(10, digits)) / Math.pow(10, digits);
    }

    public void print(PrintWriter out) {
        out.println();
        out.println("tollwatch bench: " + workload);
        out.printf(Locale.ROOT, "%-36s %-44s %-13s %s%n", "", "measured", "goal", "");
        row(out, "pipeline", f("%,.0f reports/s, %,.0f figures/s", pipelineRps, figuresPerSecond), "", null);
        row(out, "pass-through (exactly-once copy)", f("%,.0f records/s", passthroughRps), "", null);
        row(out, "ratio", f("%.3f", ratio()), "≥ " + RATIO_GOAL, ratio() >= RATIO_GOAL);
        row(out, "  by CPU time per record", f("%.3f (%.2f ms pipeline, %.2f ms copy)",
                passthroughCpuMs / pipelineCpuMs, pipelineCpuMs, passthroughCpuMs), "", null);
        row(out, "  JIT compiling while it drained", f("%.0f%% of a core", 100 * pipelineJitShare), "", null);
        row(out, "  warm-up before it", f("%d round(s), JIT %.0f%% of a core in the last", warmUp.rounds(),
                100 * warmUp.lastJitShare()), "", null);
        row(out, "  floor: two hops, no rules", f("%,.0f reports/s, ratio %.2f, %.2f ms CPU",
                floor.reportsPerSecond(), floor.reportsPerSecond() / passthroughRps, floor.cpuMsPerReport()), "", null);
        row(out, "extraction (1 thread)", f("%.1f MB/s", extractMbS), "≥ " + (int) EXTRACT_GOAL + " MB/s",
                extractMbS >= EXTRACT_GOAL);
        row(out, "latency p50, p99 (exactly-once)", f("%.0f ms, %.0f ms", latency.p50Ms(), latency.p99Ms()),
                latencyAtHalfRate ? "p99 ≤ " + (int) P99_GOAL + " ms" : "at half rate",
                latencyAtHalfRate ? latency.p99Ms() <= P99_GOAL && latency.seen() == latency.sent() : null);
        row(out, latencyAtHalfRate ? "  at half the pipeline's rate" : "  at the rate asked (--latency-rate)",
                f("%,.0f reports/s, %,d of %,d seen", latencyRate, latency.seen(), latency.sent()), "", null);
        row(out, "  stream thread CPU during it", f("%.0f%% of a core, %.2f ms a report",
                100 * latencyStreamThreads.share(), latencyStreamThreads.msEach(latency.sent())), "", null);
        row(out, "  first hop: to the count's input", f("%.0f ms, %.0f ms", latency.firstHopP50Ms(),
                latency.firstHopP99Ms()), "", null);
        Latency.Result bound = floor.latency();
        row(out, "  floor at the same rate", f("%.0f ms, %.0f ms, first hop %.0f / %.0f ms", bound.p50Ms(),
                bound.p99Ms(), bound.firstHopP50Ms(), bound.firstHopP99Ms())
                + (bound.seen() < bound.sent() ? f("; %,d of %,d seen", bound.seen(), bound.sent()) : ""), "", null);
        row(out, f("update after %,d figures", history.longHistory()), f("%,.1f µs", history.longMicros()), "", null);
        row(out, f("update after %,d figures", history.shortHistory()), f("%,.1f µs", history.shortMicros()), "", null);
        row(out, "history ratio", f("%.2f", history.ratio()), "≤ " + HISTORY_GOAL, history.ratio() <= HISTORY_GOAL);
        row(out, "largest value in an internal topic", f("%,d bytes (%s)", maxStateBytes, largestTopic.replace(ServiceBench.APPLICATION_ID + "-", "")), "≤ 64 KiB",
                maxStateBytes <= STATE_GOAL);
        row(out, f("state after %,d figures (largest record)", history.longHistory()), f("%,d bytes", history.longStateBytes()),
                "≤ 64 KiB", history.longStateBytes() <= STATE_GOAL);
        row(out, "heap high-water mark (service JVM)", f("%.0f MB", heapMb), "≤ " + (int) HEAP_GOAL + " MB",
                heapMb <= HEAP_GOAL);
        row(out, "  largest heap after a GC", f("%.0f MB", heapLiveMb), "", null);
        out.println();
        out.println(jsonLine());
        out.flush();
    }

    public String jsonLine() {
        try {
            return new ObjectMapper().writeValueAsString(json());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void row(PrintWriter out, String name, String measured, String goal, Boolean pass) {
        out.printf(Locale.ROOT, "%-36s %-44s %-13s %s%n", name, measured, goal, pass == null ? "" : pass ? "pass" : "FAIL");
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
