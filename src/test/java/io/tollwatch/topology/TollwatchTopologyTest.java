package io.tollwatch.topology;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tollwatch.config.Settings;
import io.tollwatch.config.Topics;
import io.tollwatch.registry.PlainAvro;
import io.tollwatch.report.ReportJson;
import io.tollwatch.schema.DailyCount;
import io.tollwatch.schema.Figure;
import io.tollwatch.schema.Report;
import io.tollwatch.schema.ReportedFigure;
import io.tollwatch.schema.Total;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The wiring, on TopologyTestDriver, with a normaliser that reads structured figures whose location is a code. */
class TollwatchTopologyTest {
    private static final Topics TOPICS = Topics.defaults();
    private static final Serde<Report> REPORT = PlainAvro.serde(Report.class);
    private static final Serde<Figure> FIGURE = PlainAvro.serde(Figure.class);
    private static final Serde<Total> TOTAL = PlainAvro.serde(Total.class);
    private static final Serde<DailyCount> DAILY = PlainAvro.serde(DailyCount.class);

    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, Report> reports;
    private TestInputTopic<String, byte[]> rawReports;
    private TestOutputTopic<String, Total> totals;

    @BeforeEach
    void start() {
        Topology topology = TollwatchTopology.build(TOPICS, new TopologySerdes(REPORT, FIGURE, TOTAL, DAILY),
                CodeNormaliser::figures, code -> "name of " + code, new SimpleMeterRegistry(), 1_000_000);
        var props = StreamsProperties.from(Settings.builder()
                .overrides(Map.of("state.dir", stateDir.toString())).build(), null);
        driver = new TopologyTestDriver(topology, props);
        reports = driver.createInputTopic(TOPICS.reports(), new StringSerializer(), REPORT.serializer());
        rawReports = driver.createInputTopic(TOPICS.reports(), new StringSerializer(), new ByteArraySerializer());
        totals = driver.createOutputTopic(TOPICS.totals(), new StringDeserializer(), TOTAL.deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(String json) {
        Report r = ReportJson.parse(json);
        reports.pipeInput(r.getReportId(), r, r.getPublishedAt());
    }

    private static final String REPORT_A = """
            {"report_id":"a","source":"AFP","published_at":"2024-11-29T18:00:00Z","figures":[
             {"metric":"killed","value":255,"basis":"cumulative","counter":"SOHR","location":"SY-HL"},
             {"metric":"killed","population":"civilians","value":24,"basis":"cumulative","counter":"SOHR","location":"SY-HL"},
             {"metric":"killed","population":"civilians","value":4,"counter":"state media","location":"SY-HL"},
             {"metric":"displaced","value":14000,"qualifier":"more_than","basis":"cumulative","counter":"OCHA","location":"SY-HL"}]}""";
    private static final String REPORT_B = """
            {"report_id":"b","source":"AFP","published_at":"2024-11-30T12:00:00Z","figures":[
             {"metric":"killed","value":277,"basis":"cumulative","counter":"SOHR","location":"SY-HL"}]}""";

    private Map<String, Total> latestTotals() {
        Map<String, Total> latest = new LinkedHashMap<>();
        totals.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
        return latest;
    }

    @Test
    void workedExampleOfTheSpec() {
        send(REPORT_A);
        Map<String, Total> t = latestTotals();
        assertThat(t.get("SY-HL|killed|civilians").getBest()).isEqualTo(24);
        assertThat(t.get("SY-HL|killed|civilians").getLow()).isEqualTo(4);
        assertThat(t.get("SY-HL|killed|civilians").getCounters()).extracting("counter").containsExactly("SOHR", "state media");
        assertThat(t.get("SY-HL|killed|all").getBest()).isEqualTo(255);
        assertThat(t.get("SY-HL|killed|all").getRegionName()).isEqualTo("name of SY-HL");
        assertThat(t.get("SY|killed|all").getBest()).isEqualTo(255);
        assertThat(t.get("SY|killed|all").getCountry()).isEqualTo("SY");
        assertThat(t.get("SY-HL|displaced|all").getBest()).isEqualTo(14000);

        send(REPORT_B);
        t = latestTotals();
        assertThat(t.get("SY-HL|killed|all").getBest()).isEqualTo(277);
        assertThat(t.get("SY|killed|all").getBest()).isEqualTo(277);

        send(REPORT_A);
        assertThat(totals.isEmpty()).as("a resent report changes nothing").isTrue();
    }

    @Test
    void countryTotalIsTheLargerOfItsOwnFiguresAndItsSubdivisions() {
        send("""
                {"report_id":"c1","source":"UN","published_at":"2024-11-29T18:00:00Z","figures":[
                 {"metric":"killed","value":100,"basis":"cumulative","location":"SY"},
                 {"metric":"killed","value":70,"basis":"cumulative","location":"SY-HL"},
                 {"metric":"killed","value":50,"basis":"cumulative","location":"SY-ID"}]}""");
        assertThat(latestTotals().get("SY|killed|all").getBest()).isEqualTo(120);
        send("""
                {"report_id":"c2","source":"UN","published_at":"2024-11-30T18:00:00Z","figures":[
                 {"metric":"killed","value":20,"basis":"cumulative","location":"SY-ID"}]}""");
        assertThat(latestTotals().get("SY|killed|all").getBest()).as("a subdivision revised down").isEqualTo(100);
    }

    @Test
    void invalidInputGoesToTheDeadLetterTopicAndValidReportsAroundItCount() {
        TestOutputTopic<byte[], byte[]> dlq = driver.createOutputTopic(TOPICS.dlq(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());
        send(REPORT_A);
        send("""
                {"source":"AFP","published_at":"2024-11-29T18:00:00Z","figures":[{"metric":"killed","value":1,"location":"SY-HL"}]}""");
        send("""
                {"report_id":"neg","source":"AFP","published_at":"2024-11-29T18:00:00Z","figures":[{"metric":"killed","value":-1,"location":"SY-HL"}]}""");
        send("""
                {"report_id":"unk","source":"AFP","published_at":"2024-11-29T18:00:00Z","figures":[{"metric":"arrested","value":9,"location":"SY-HL"}]}""");
        byte[] junk = "this is not avro".getBytes(StandardCharsets.UTF_8);
        rawReports.pipeInput("junk", junk);
        send(REPORT_B);

        // Undecodable bytes are skipped here; their dead letter is written by the record collector of a real
        // stream thread, which TopologyTestDriver lacks (see TollwatchIT for that path on a broker).
        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        assertThat(dead).map(r -> header(r, "__streams.errors.message")).containsExactly(
                "report_id is missing", "report neg: figure 1: negative value -1",
                "report unk: figure 1: unknown metric 'arrested' (expected killed, injured, displaced)");
        assertThat(header(dead.get(0), "__streams.errors.topic")).isEqualTo(TOPICS.reports());
        assertThat(header(dead.get(1), "__streams.errors.offset")).isEqualTo("2");
        Report original = REPORT.deserializer().deserialize(TOPICS.dlq(), dead.get(1).value());
        assertThat(original.getReportId()).as("the original bytes").isEqualTo("neg");
        assertThat(latestTotals().get("SY-HL|killed|all").getBest()).isEqualTo(277);
    }

    @Test
    void theConfiguredPlausibilityBoundRejectsLargerFigures() {
        TestOutputTopic<byte[], byte[]> dlq = driver.createOutputTopic(TOPICS.dlq(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());
        send("""
                {"report_id":"big","source":"AFP","published_at":"2024-11-29T18:00:00Z","figures":[{"metric":"displaced","value":1000001,"location":"SY-HL"}]}""");
        send("""
                {"report_id":"ok","source":"AFP","published_at":"2024-11-29T18:00:00Z","figures":[{"metric":"displaced","value":1000000,"location":"SY-HL"}]}""");
        assertThat(dlq.readRecordsToList()).map(r -> header(r, "__streams.errors.message"))
                .containsExactly("report big: figure 1: value 1000001 is above the plausible maximum of 1000000");
        assertThat(latestTotals().get("SY-HL|displaced|all").getBest()).isEqualTo(1_000_000);
    }

    @Test
    void unresolvedFiguresArePublishedApartAndNotCounted() {
        TestOutputTopic<String, Figure> unresolved = driver.createOutputTopic(TOPICS.unresolved(),
                new StringDeserializer(), FIGURE.deserializer());
        send("""
                {"report_id":"u","source":"AFP","published_at":"2024-11-29T18:00:00Z","figures":[
                 {"metric":"killed","value":12,"location":"somewhere"},{"metric":"killed","value":3,"location":"ML-5"}]}""");
        List<KeyValue<String, Figure>> out = unresolved.readKeyValuesToList();
        assertThat(out).singleElement().satisfies(kv -> {
            assertThat(kv.key).isEqualTo("u");
            assertThat(kv.value.getValue()).isEqualTo(12);
            assertThat(kv.value.getUnresolvedReason()).isEqualTo("unknown place somewhere");
        });
        assertThat(latestTotals()).containsOnlyKeys("ML-5|killed|all", "ML|killed|all");
    }

    @Test
    void figuresAreKeyedByRegion() {
        TestOutputTopic<String, Figure> figures = driver.createOutputTopic(TOPICS.figures(),
                new StringDeserializer(), FIGURE.deserializer());
        send(REPORT_B);
        assertThat(figures.readKeyValuesToList()).singleElement()
                .satisfies(kv -> assertThat(kv.key).isEqualTo("SY-HL"));
    }

    @Test
    void dailySeriesDeduplicatesIncidentsByEventDay() {
        TestOutputTopic<String, DailyCount> daily = driver.createOutputTopic(TOPICS.daily(),
                new StringDeserializer(), DAILY.deserializer());
        send("""
                {"report_id":"d1","source":"AP","published_at":"2024-05-27T08:00:00Z","figures":[
                 {"metric":"killed","value":30,"location":"PS-RFH","date":"2024-05-26"}]}""");
        send("""
                {"report_id":"d2","source":"AP","published_at":"2024-05-27T20:00:00Z","figures":[
                 {"metric":"killed","value":45,"location":"PS-RFH","date":"2024-05-26"}]}""");
        Map<String, DailyCount> latest = new LinkedHashMap<>();
        daily.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
        assertThat(latest).containsOnlyKeys("PS-RFH|killed|all|2024-05-26");
        DailyCount d = latest.get("PS-RFH|killed|all|2024-05-26");
        assertThat(d.getBest()).as("the toll update replaces, not adds").isEqualTo(45);
        assertThat(d.getDay()).isEqualTo(LocalDate.of(2024, 5, 26));
        assertThat(d.getIncidents()).isEqualTo(1);
    }

    @Test
    void everyProcessorStoreAndInternalTopicIsNamed() {
        Topology topology = TollwatchTopology.build(TOPICS, new TopologySerdes(REPORT, FIGURE, TOTAL, DAILY),
                CodeNormaliser::figures, code -> code, new SimpleMeterRegistry(), 1_000_000);
        String description = topology.describe().toString();
        assertThat(description).doesNotContain("KSTREAM-").doesNotContain("KTABLE-").doesNotContain("KSTREAM_");
    }

    private static String header(TestRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
