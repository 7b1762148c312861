package io.tollwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollwatch.report.ReportJson;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code replay} over the scenarios in {@code src/test/resources/scenarios}: input of the kind real scrapers send
 * ({@code NAME.jsonl}) and the totals the spec gives for it ({@code NAME.expected.jsonl}, worked out by hand). Every
 * total replay prints must be expected, and every field an expected line names must match; the same holds with the
 * reports shuffled and some sent twice.
 */
class ReplayScenariosTest {

    static Stream<String> scenarios() throws Exception {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".jsonl") && !n.endsWith(".expected.jsonl"))
                    .map(n -> n.substring(0, n.length() - ".jsonl".length()))
                    .sorted().toList().stream();
        }
    }

    private static Path dir() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(ReplayScenariosTest.class.getResource("/scenarios")).toURI());
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void replayGivesTheExpectedTotals(String scenario) throws Exception {
        Path input = dir().resolve(scenario + ".jsonl");
        assertMatches(ReplayCommandTest.totals(ReplayCommandTest.run("replay", input.toString())), expected(scenario));
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void inAnyOrderWithResendsToo(String scenario, @TempDir Path tmp) throws Exception {
        List<String> lines = Files.readAllLines(dir().resolve(scenario + ".jsonl")).stream()
                .filter(l -> !l.isBlank()).toList();
        Random random = new Random(scenario.hashCode());
        List<String> again = new ArrayList<>(lines);
        again.add(lines.get(random.nextInt(lines.size())));
        Collections.shuffle(again, random);
        Path shuffled = Files.write(tmp.resolve("shuffled.jsonl"), again);
        assertMatches(ReplayCommandTest.totals(ReplayCommandTest.run("replay", shuffled.toString())), expected(scenario));
    }

    private static Map<String, JsonNode> expected(String scenario) throws Exception {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir().resolve(scenario + ".expected.jsonl"))) {
            if (!line.isBlank()) {
                JsonNode t = ReportJson.MAPPER.readTree(line);
                byKey.put(t.get("region").asText() + "|" + t.get("metric").asText() + "|"
                        + t.get("population").asText(), t);
            }
        }
        return byKey;
    }

    private static void assertMatches(Map<String, JsonNode> actual, Map<String, JsonNode> expected) {
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((key, want) -> {
            JsonNode got = actual.get(key);
            for (Iterator<String> fields = want.fieldNames(); fields.hasNext(); ) {
                String field = fields.next();
                assertThat(got.get(field)).as("%s %s", key, field).isEqualTo(want.get(field));
            }
        });
    }
}
