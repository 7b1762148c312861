package io.tollwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tollwatch.bench.BenchResult;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code tollwatch bench} end to end at a small size, on the real embedded broker and registry: it prints the
 * table and a JSON line with every key, each a number. No timing assertions: the goals are the benchmark's business.
 */
class BenchCommandIT {

    @Test
    void smallBenchPrintsTableAndParseableJsonLine() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        int code = cl.execute("bench", "--quick", "--reports", "400", "--latency-seconds", "2", "--latency-rate", "40",
                "--history", "5000");
        assertThat(code).isZero();

        String[] lines = out.toString().strip().split("\\R");
        assertThat(out.toString()).contains("pass-through").contains("history ratio").contains("heap")
                .containsPattern("first hop: to the count's input +\\d+ ms, \\d+ ms")
                .containsPattern("JIT compiling while it drained +\\d+% of a core")
                // --quick warms up for at most two rounds, and at least one ran.
                .containsPattern("warm-up before it +[12] round\\(s\\), JIT \\d+% of a core in the last")
                .containsPattern("floor: two hops, no rules +[\\d,]+ reports/s, ratio \\d+\\.\\d+, \\d+\\.\\d+ ms CPU")
                .containsPattern("floor at the same rate +\\d+ ms, \\d+ ms, first hop \\d+ / \\d+ ms")
                .containsPattern("at the rate asked \\(--latency-rate\\) +40 reports/s")
                .as("the stream threads are found by name and their CPU read")
                .containsPattern("stream thread CPU during it +\\d+% of a core, (?!0\\.00 )\\d+\\.\\d\\d ms a report");
        JsonNode json = new ObjectMapper().readTree(lines[lines.length - 1]);
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly(BenchResult.KEYS);
        assertThat(keys).containsExactly("pipeline_rps", "passthrough_rps", "ratio", "extract_mb_s", "p50_ms", "p99_ms",
                "history_ratio", "max_state_bytes", "heap_mb");
        for (String k : keys) {
            assertThat(json.get(k).isNumber()).as(k + " is a number: " + json).isTrue();
            assertThat(json.get(k).asDouble()).as(k).isPositive();
        }
        assertThat(json.get("ratio").asDouble()).isCloseTo(
                json.get("pipeline_rps").asDouble() / json.get("passthrough_rps").asDouble(), within(0.01));
        assertThat(json.get("p99_ms").asDouble()).isGreaterThanOrEqualTo(json.get("p50_ms").asDouble());
        // A real store value crossed a real internal topic: a state of the counting codec, tens of bytes at least.
        assertThat(json.get("max_state_bytes").asInt()).isGreaterThan(20);
    }

    @Test
    void theJmhSuiteIsStillReachable() {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        assertThat(cl.execute("bench", "jmh", "--help")).isZero();
        assertThat(out.toString()).contains("JMH").contains("REGEX");
    }
}
