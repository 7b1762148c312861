package io.tollwatch.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tollwatch.config.Settings;
import io.tollwatch.config.Topics;
import io.tollwatch.it.LiveStack;
import io.tollwatch.registry.AvroSerdes;
import io.tollwatch.registry.SchemaRegistryClient;
import io.tollwatch.registry.WireFormat;
import io.tollwatch.report.Normalizer;
import io.tollwatch.report.ReportJson;
import io.tollwatch.schema.Report;
import io.tollwatch.schema.Total;
import io.tollwatch.serve.Replay;
import io.tollwatch.serve.Service;
import org.apache.avro.SchemaNormalization;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Interop in both directions with Confluent's own serde, on a real broker and a real registry: the Node script
 * {@code interop/roundtrip.mjs} writes reports with Confluent's JavaScript {@code AvroSerializer} (schema registered
 * under {@code tollwatch.reports.v1-value}), the service — with the real normaliser — reads them with tollwatch's
 * Java serde, and the totals it writes with its Java serde are read back by Confluent's {@code AvroDeserializer},
 * read_committed. The decoded totals must equal those of the in-process reference ({@link Replay}) field by field.
 */
class ConfluentInteropIT {
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(120);

    @RegisterExtension
    static final LiveStack live = new LiveStack();
    static Settings settings;
    static Normalizer normalizer;
    static Service service;

    @BeforeAll
    static void start() throws Exception {
        Interop.ensureInstalled();
        settings = live.settings("tollwatch-interop", "state", Map.of());
        normalizer = LiveStack.normalizer();
        service = live.start(settings);
    }

    @Test
    void confluentJsSerdeWritesReportsAndReadsTotalsWrittenByJava() throws Exception {
        Topics topics = settings.topics();
        Path reportsFile = Interop.dir().resolve("reports.jsonl");
        List<Report> reports;
        try (BufferedReader in = Files.newBufferedReader(reportsFile, StandardCharsets.UTF_8)) {
            reports = ReportJson.readLines(in, reportsFile.toString());
        }
        Map<String, Total> reference = Replay.run(reports, normalizer::figures, normalizer.gazetteer()::regionName,
                live.dir("replay")).totals();
        // The reference itself is the spec's worked example (plus one Idlib report), so a broken reference cannot
        // make the comparison below vacuous.
        assertThat(reference.get("SY-HL|killed|all").getBest()).isEqualTo(277);
        assertThat(reference.get("SY-HL|killed|civilians").getBest()).isEqualTo(24);
        assertThat(reference.get("SY-HL|killed|civilians").getLow()).isEqualTo(4);

        // The script waits until every reference total is on the topic with the same best/low/high/reports/updated_at.
        ObjectNode expect = ReportJson.MAPPER.createObjectNode();
        reference.forEach((key, t) -> expect.putObject(key).put("best", t.getBest()).put("low", t.getLow())
                .put("high", t.getHigh()).put("reports", t.getReports())
                .put("updated_at", t.getUpdatedAt().toEpochMilli()));
        Interop.Run run = Interop.run(live.dir("roundtrip"), SCRIPT_TIMEOUT,
                "--bootstrap", live.stack().bootstrapServers(), "--registry", live.stack().registryUrl(),
                "--reports", reportsFile.toString(),
                "--schema", Interop.dir().resolveSibling("schemas").resolve("Report.avsc").toString(),
                "--reports-topic", topics.reports(), "--totals-topic", topics.totals(),
                "--expect", expect.toString(), "--timeout-ms", "90000");
        assertThat(run.exitCode()).as(run::describe).isZero();
        JsonNode done = run.last("done");
        assertThat(done.get("matched").asBoolean()).as(run::describe).isTrue();

        // JS → Java, on the wire: Confluent framing with the id the JS client registered under <topic>-value.
        List<JsonNode> produced = run.lines("produced");
        assertThat(produced).hasSize(reports.size());
        SchemaRegistryClient registry = live.registry();
        for (JsonNode p : produced) {
            assertThat(p.get("magic").asInt()).isZero();
            assertThat(p.get("schema_id").asInt()).isEqualTo(p.get("registered_id").asInt());
            // The schema the JS client registered from schemas/Report.avsc is tollwatch's Report schema (same
            // parsing canonical form; the generated class's schema only adds Java-specific string properties).
            assertThat(SchemaNormalization.toParsingForm(registry.byId(p.get("schema_id").asInt())))
                    .isEqualTo(SchemaNormalization.toParsingForm(Report.getClassSchema()));
        }
        assertThat(registry.subjects()).contains(topics.reports() + "-value", topics.totals() + "-value");

        // JS → Java, decoded: tollwatch's Java deserializer reads exactly the reports of the file (timestamps, days,
        // optional fields and defaults included).
        var reportDeserializer = new AvroSerdes(registry).value(Report.class).deserializer();
        List<ConsumerRecord<String, byte[]>> onTopic = E2e.consumeUntil(settings, topics.reports(),
                Duration.ofSeconds(30), recs -> recs.size() >= reports.size(), () -> "reports written by Node");
        List<String> decoded = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : onTopic) {
            assertThat(WireFormat.schemaId(r.value())).isEqualTo(produced.get(0).get("schema_id").asInt());
            Report report = reportDeserializer.deserialize(topics.reports(), r.value());
            assertThat(r.key()).isEqualTo(report.getReportId());
            decoded.add(ReportJson.toJson(report).toString());
        }
        assertThat(decoded).containsExactlyInAnyOrderElementsOf(
                reports.stream().map(r -> ReportJson.toJson(r).toString()).toList());

        // Java → JS: every total the Confluent deserializer decoded was framed by tollwatch's Java serializer with the
        // Total schema, and the latest per key equals the reference field by field, in wire shape.
        Map<String, JsonNode> seen = new TreeMap<>();
        for (JsonNode t : run.lines("total")) {
            assertThat(t.get("magic").asInt()).isZero();
            assertThat(registry.byId(t.get("schema_id").asInt()).getFullName()).isEqualTo("io.tollwatch.schema.Total");
            seen.put(t.get("key").asText(), E2e.wire(t.get("value")));
        }
        assertThat(seen).isEqualTo(E2e.wire(reference));

        // And the spec's numbers, spelled out, in the shapes the JS side sees (numbers for timestamps and days).
        JsonNode all = seen.get("SY-HL|killed|all");
        assertThat(all.get("best").asLong()).isEqualTo(277);
        assertThat(all.get("region_name").asText()).isEqualTo("Aleppo");
        assertThat(all.get("updated_at").asLong()).isEqualTo(Instant.parse("2024-11-30T12:00:00Z").toEpochMilli());
        assertThat(all.get("counters").get(0).get("day").asLong()).isEqualTo(LocalDate.parse("2024-11-30").toEpochDay());
        JsonNode civilians = seen.get("SY-HL|killed|civilians");
        assertThat(civilians.get("best").asLong()).isEqualTo(24);
        assertThat(civilians.get("low").asLong()).isEqualTo(4);
        assertThat(seen.get("SY-HL|displaced|all").get("best").asLong()).isEqualTo(14000);
        assertThat(seen.get("SY|killed|all").get("best").asLong()).isEqualTo(277);
        assertThat(seen.get("SY-ID|injured|all").get("counters").get(0).get("counter").asText()).isEqualTo("Reuters");
    }
}
