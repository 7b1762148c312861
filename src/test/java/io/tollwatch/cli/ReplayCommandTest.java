package io.tollwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollwatch.report.ReportJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The acceptance of the foundation issue for {@code replay}, through the command line itself. */
class ReplayCommandTest {

    static String run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int code = Main.commandLine().execute(args);
            assertThat(code).as("exit code of %s", List.of(args)).isZero();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    static Map<String, JsonNode> totals(String output) throws Exception {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            if (!line.isBlank()) {
                JsonNode t = ReportJson.MAPPER.readTree(line);
                byKey.put(t.get("region").asText() + "|" + t.get("metric").asText() + "|" + t.get("population").asText(), t);
            }
        }
        return byKey;
    }

    static List<String> workedExample() throws Exception {
        try (InputStream in = ReplayCommandTest.class.getResourceAsStream("/samples/worked-example.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }

    @Test
    void replaysTheWorkedExampleOfTheSpec(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("we.jsonl");
        Files.write(file, workedExample());
        Map<String, JsonNode> t = totals(run("replay", file.toString()));
        assertThat(t.get("SY-HL|killed|civilians").get("best").asLong()).isEqualTo(24);
        assertThat(t.get("SY-HL|killed|civilians").get("low").asLong()).isEqualTo(4);
        assertThat(t.get("SY-HL|killed|civilians").get("counters")).extracting(c -> c.get("counter").asText())
                .containsExactly("SOHR", "state media");
        assertThat(t.get("SY-HL|killed|all").get("best").asLong()).isEqualTo(277);
        assertThat(t.get("SY-HL|killed|all").get("region_name").asText()).isEqualTo("Aleppo");
        assertThat(t.get("SY|killed|all").get("best").asLong()).isEqualTo(277);
        assertThat(t.get("SY-HL|displaced|all").get("best").asLong()).isEqualTo(14000);
        assertThat(t.get("SY-HL|displaced|all").get("counters").get(0).get("counter").asText()).isEqualTo("OCHA");
    }

    @Test
    void shuffledAndSentTwiceGivesIdenticalTotals(@TempDir Path dir) throws Exception {
        Path inOrder = dir.resolve("in-order.jsonl");
        Files.write(inOrder, workedExample());
        String expected = run("replay", inOrder.toString());

        List<String> twice = new ArrayList<>(workedExample());
        twice.addAll(workedExample());
        for (long seed = 1; seed <= 3; seed++) {
            Collections.shuffle(twice, new Random(seed));
            Path shuffled = dir.resolve("shuffled-" + seed + ".jsonl");
            Files.write(shuffled, twice);
            assertThat(run("replay", shuffled.toString())).as("seed %d", seed).isEqualTo(expected);
        }
    }
}
