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
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    /** The code normaliser, failing on the location "CRASH" as a normaliser with a bug would on some input. */
    private static List<Figure> normalise(Report r) {
        if (r.getFigures().stream().anyMatch(f -> "CRASH".equals(f.getLocation()))) {
            throw new IllegalStateException("the normaliser failed on report " + r.getReportId());
        }
        return CodeNormaliser.figures(r);
    }

    @BeforeEach
    void start() {
        Topology topology = TollwatchTopology.build(TOPICS, new TopologySerdes(REPORT, FIGURE, TOTAL, DAILY),
                TollwatchTopologyTest::normalise, code -> "name of " + code, meters, 1_000_000);
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

    private void send(String json, Instant timestamp) {
        Report r = ReportJson.parse(json);
        reports.pipeInput(r.getReportId(), r, timestamp);
    }

    private TestOutputTopic<byte[], byte[]> dlq() {
        return driver.createOutputTopic(TOPICS.dlq(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private List<String> deadLetterReasons(TestOutputTopic<byte[], byte[]> dlq) {
        return dlq.readRecordsToList().stream().map(r -> header(r, "__streams.errors.message")).toList();
    }

    private Map<String, Total> latestTotals() {
        Map<String, Total> latest = new LinkedHashMap<>();
        totals.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
        return latest;
    }

    private Map<String, DailyCount> latestDaily() {
        return driver.createOutputTopic(TOPICS.daily(), new StringDeserializer(), DAILY.deserializer())
                .readKeyValuesToMap();
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
    void aTotalsTimestampNeverGoesBack() {
        // Reports reach the count partition out of timestamp order (they come from several reports partitions); the
        // totals topic is a table, whose readers (the totals view, any versioned store) take a key's timestamps as
        // versions, so a later change must not carry an earlier time.
        Instant later = Instant.parse("2024-12-01T12:00:00Z");
        send(REPORT_A, later);
        send(REPORT_B, later.minusSeconds(3600));
        Map<String, List<Long>> timestamps = new LinkedHashMap<>();
        totals.readRecordsToList().forEach(r -> timestamps.computeIfAbsent(r.key(), k -> new ArrayList<>())
                .add(r.timestamp()));
        assertThat(timestamps.get("SY|killed|all")).as("report b raised Syria's toll").hasSize(2);
        timestamps.forEach((key, times) -> assertThat(times).as(key).isSorted()
                .allSatisfy(t -> assertThat(t).isGreaterThanOrEqualTo(later.minusSeconds(3600).toEpochMilli())));
        assertThat(timestamps.get("SY|killed|all")).containsOnly(later.toEpochMilli());
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
    void aCumulativeFigureDatedYearsAheadIsDeadLetteredAndNeverBecomesTheLatestToll() {
        TestOutputTopic<byte[], byte[]> dlq = dlq();
        send(REPORT_A);
        latestTotals();
        send("""
                {"report_id":"typo","source":"AFP","published_at":"2024-11-29T20:00:00Z","figures":[
                 {"metric":"killed","value":999,"basis":"cumulative","counter":"SOHR","location":"SY-HL","date":"2099-11-29"},
                 {"metric":"injured","value":40,"counter":"SOHR","location":"SY-HL"}]}""");
        assertThat(totals.isEmpty()).as("its valid figure counts nowhere either").isTrue();
        send(REPORT_B);
        assertThat(latestTotals().get("SY-HL|killed|all").getBest()).isEqualTo(277);
        assertThat(deadLetterReasons(dlq)).containsExactly("report typo: the killed all figure 999 is dated 2099-11-29,"
                + " more than one day after published_at 2024-11-29T20:00:00Z");
    }

    @Test
    void aFarFutureIncidentDoesNotMakeRealIncidentsLate() {
        TestOutputTopic<String, DailyCount> daily = driver.createOutputTopic(TOPICS.daily(),
                new StringDeserializer(), DAILY.deserializer());
        TestOutputTopic<byte[], byte[]> dlq = dlq();
        send("""
                {"report_id":"ahead","source":"AP","published_at":"2024-05-27T08:00:00Z","figures":[
                 {"metric":"killed","value":5,"location":"PS-RFH","date":"2094-05-26"}]}""");
        send("""
                {"report_id":"real","source":"AP","published_at":"2024-05-27T09:00:00Z","figures":[
                 {"metric":"killed","value":30,"location":"PS-RFH","date":"2024-05-26"}]}""");
        List<KeyValue<String, DailyCount>> rows = daily.readKeyValuesToList();
        assertThat(rows).extracting(kv -> kv.key, kv -> kv.value.getBest())
                .contains(tuple("PS-RFH|killed|all|2024-05-26", 30L));
        assertThat(rows).extracting(kv -> kv.key).noneMatch(key -> key.endsWith("2094-05-26"));
        assertThat(deadLetterReasons(dlq)).singleElement().asString().startsWith("report ahead: ");
    }

    @Test
    void aReportPublishedYearsAfterItWasSentIsDeadLetteredAndDoesNotMakeRealIncidentsLate() {
        TestOutputTopic<String, DailyCount> daily = driver.createOutputTopic(TOPICS.daily(),
                new StringDeserializer(), DAILY.deserializer());
        TestOutputTopic<byte[], byte[]> dlq = dlq();
        send("""
                {"report_id":"clock","source":"AP","published_at":"2094-05-27T08:00:00Z","figures":[
                 {"metric":"killed","value":5,"location":"PS-RFH"}]}""", Instant.parse("2024-05-27T08:00:00Z"));
        send("""
                {"report_id":"real","source":"AP","published_at":"2024-05-27T09:00:00Z","figures":[
                 {"metric":"killed","value":30,"location":"PS-RFH","date":"2024-05-26"}]}""");
        assertThat(daily.readKeyValuesToList()).extracting(kv -> kv.key, kv -> kv.value.getBest())
                .containsExactly(tuple("PS-RFH|killed|all|2024-05-26", 30L), tuple("PS|killed|all|2024-05-26", 30L));
        assertThat(latestTotals().get("PS-RFH|killed|all").getBest()).isEqualTo(30);
        assertThat(deadLetterReasons(dlq)).containsExactly("report clock: published_at 2094-05-27T08:00:00Z is more"
                + " than one day after the record was sent (2024-05-27T08:00:00Z)");
    }

    @Test
    void daysBefore1900AndMoreThanADayAheadAreImpossible() {
        TestOutputTopic<byte[], byte[]> dlq = dlq();
        // A record timestamp cannot be before 1970, so the scraper's clock stamps this one.
        send("""
                {"report_id":"old","source":"AFP","published_at":"1899-12-31T23:00:00Z","figures":[
                 {"metric":"killed","value":3,"location":"SY-HL"}]}""", Instant.parse("2024-11-29T18:00:00Z"));
        send("""
                {"report_id":"dated-old","source":"AFP","published_at":"2024-11-29T18:00:00Z","figures":[
                 {"metric":"killed","value":3,"location":"SY-HL","date":"1899-12-31"}]}""");
        send("""
                {"report_id":"two-ahead","source":"AFP","published_at":"2024-11-29T23:59:00Z","figures":[
                 {"metric":"killed","value":3,"location":"SY-HL","date":"2024-12-01"}]}""");
        send("""
                {"report_id":"one-ahead","source":"AFP","published_at":"2024-11-29T18:00:00Z","figures":[
                 {"metric":"killed","value":7,"location":"SY-HL","date":"2024-11-30"}]}""");
        assertThat(deadLetterReasons(dlq)).containsExactly(
                "report old: published_at 1899-12-31T23:00:00Z is before 1900",
                "report dated-old: the killed all figure 3 is dated 1899-12-31, before 1900",
                "report two-ahead: the killed all figure 3 is dated 2024-12-01, more than one day after published_at"
                        + " 2024-11-29T23:59:00Z");
        assertThat(latestTotals().get("SY-HL|killed|all").getBest()).as("a day ahead is a time zone, not an error")
                .isEqualTo(7);
    }

    @Test
    void aReportDeadLetteredWhileNormalisingIsCountedWhenResentFixed() {
        TestOutputTopic<byte[], byte[]> dlq = dlq();
        send("""
                {"report_id":"r","source":"AFP","published_at":"2024-11-29T18:00:00Z","figures":[
                 {"metric":"killed","value":12,"location":"CRASH"}]}""");
        assertThat(deadLetterReasons(dlq)).containsExactly("the normaliser failed on report r");
        send("""
                {"report_id":"r","source":"AFP","published_at":"2024-11-29T18:00:00Z","figures":[
                 {"metric":"killed","value":12,"location":"SY-ID"}]}""");
        assertThat(latestTotals().get("SY-ID|killed|all").getBest()).isEqualTo(12);
        send("""
                {"report_id":"r","source":"AFP","published_at":"2024-11-29T18:00:00Z","figures":[
                 {"metric":"killed","value":12,"location":"SY-ID"}]}""");
        assertThat(totals.isEmpty()).as("once counted, the id is a duplicate").isTrue();
        assertThat(meters.counter("tollwatch.reports.duplicates").count()).isEqualTo(1);
    }

    @Test
    void reportIdsExpireByThemselvesAfterThirtyDaysOfStreamTime() {
        Instant t0 = Instant.parse("2024-11-29T18:00:00Z");
        send(REPORT_A, t0);
        send(REPORT_A, t0.plus(Duration.ofDays(29)));
        assertThat(meters.counter("tollwatch.reports.duplicates").count()).isEqualTo(1);
        WindowStore<String, Long> ids = driver.getWindowStore(Names.REPORT_IDS_STORE);
        assertThat(ids.fetch("a", 0, Long.MAX_VALUE)).toIterable().extracting(kv -> kv.value)
                .containsExactly(t0.toEpochMilli());

        send(REPORT_B, t0.plus(Duration.ofDays(61)));
        send(REPORT_A, t0.plus(Duration.ofDays(61)));
        assertThat(meters.counter("tollwatch.reports.duplicates").count()).as("forgotten, so counted again").isEqualTo(1);
        assertThat(ids.fetch("a", 0, Long.MAX_VALUE)).toIterable().extracting(kv -> kv.value)
                .as("the first sighting has expired").containsExactly(t0.plus(Duration.ofDays(61)).toEpochMilli());
        assertThat(latestTotals().get("SY-HL|killed|all").getBest()).as("which changes no total").isEqualTo(277);
    }

    @Test
    void tombstonesAreSkippedAndCountedNotDeadLettered() {
        TestOutputTopic<byte[], byte[]> dlq = dlq();
        rawReports.pipeInput("a", (byte[]) null);
        send(REPORT_A);
        assertThat(dlq.isEmpty()).isTrue();
        assertThat(meters.counter("tollwatch.reports.tombstones").count()).isEqualTo(1);
        assertThat(meters.find("tollwatch.reports.tombstones").counter().getId().getDescription()).isNotBlank();
        assertThat(latestTotals().get("SY-HL|killed|all").getBest()).isEqualTo(255);
    }

    @Test
    void theConfiguredPlausibilityBoundRejectsLargerFigures() {
        TestOutputTopic<byte[], byte[]> dlq = dlq();
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
        send("""
                {"report_id":"d1","source":"AP","published_at":"2024-05-27T08:00:00Z","figures":[
                 {"metric":"killed","value":30,"location":"PS-RFH","date":"2024-05-26"}]}""");
        send("""
                {"report_id":"d2","source":"AP","published_at":"2024-05-27T20:00:00Z","figures":[
                 {"metric":"killed","value":45,"location":"PS-RFH","date":"2024-05-26"}]}""");
        Map<String, DailyCount> latest = latestDaily();
        assertThat(latest).containsOnlyKeys("PS-RFH|killed|all|2024-05-26", "PS|killed|all|2024-05-26");
        assertThat(latest.get("PS|killed|all|2024-05-26").getBest()).isEqualTo(45);
        DailyCount d = latest.get("PS-RFH|killed|all|2024-05-26");
        assertThat(d.getBest()).as("the toll update replaces, not adds").isEqualTo(45);
        assertThat(d.getDay()).isEqualTo(LocalDate.of(2024, 5, 26));
        assertThat(d.getIncidents()).isEqualTo(1);
    }

    @Test
    void anIncidentMoreThanSevenDaysBehindTheLatestDayIsLeftOutOfTheDailySeriesAndCounted() {
        sendRafahIncident("now", 30, "2024-05-26");
        sendRafahIncident("week", 7, "2024-05-19");
        sendRafahIncident("older", 8, "2024-05-18");
        Map<String, DailyCount> latest = latestDaily();
        assertThat(latest).as("the 18th's window closed with the 26th; the 19th's stays open until the 27th").containsOnlyKeys(
                "PS-RFH|killed|all|2024-05-26", "PS|killed|all|2024-05-26",
                "PS-RFH|killed|all|2024-05-19", "PS|killed|all|2024-05-19");
        assertThat(meters.get("tollwatch.daily.late").counter().count()).isEqualTo(1.0);
        assertThat(latestTotals().get("PS-RFH|killed|all").getBest()).as("the totals still count it").isEqualTo(45);
    }

    private void sendRafahIncident(String reportId, int killed, String day) {
        send("{\"report_id\":\"" + reportId + "\",\"source\":\"AP\",\"published_at\":\"2024-05-27T08:00:00Z\",\"figures\":["
                + "{\"metric\":\"killed\",\"value\":" + killed + ",\"location\":\"PS-RFH\",\"date\":\"" + day + "\"}]}");
    }

    @Test
    void aCountrysDailyRowHoldsItsOwnIncidentsAndItsSubdivisionsEachOnce() {
        send("""
                {"report_id":"n1","source":"SOHR","published_at":"2024-12-02T08:00:00Z","figures":[
                 {"metric":"killed","value":5,"location":"SY-HL","date":"2024-12-01"},
                 {"metric":"killed","value":3,"location":"SY-ID","date":"2024-12-01"},
                 {"metric":"killed","value":2,"location":"SY","date":"2024-12-01"}]}""");
        send("""
                {"report_id":"n2","source":"SOHR","published_at":"2024-12-02T09:00:00Z","figures":[
                 {"metric":"killed","value":6,"location":"SY-HL","date":"2024-12-01"},
                 {"metric":"killed","value":4,"counter":"state media","location":"SY-ID","date":"2024-12-01"}]}""");
        Map<String, DailyCount> latest = latestDaily();
        assertThat(latest).containsOnlyKeys("SY-HL|killed|all|2024-12-01", "SY-ID|killed|all|2024-12-01",
                "SY|killed|all|2024-12-01");
        DailyCount country = latest.get("SY|killed|all|2024-12-01");
        assertThat(country.getRegion()).isEqualTo("SY");
        assertThat(country.getBest()).as("SOHR: 6 in SY-HL (the update replaces 5), 3 in SY-ID, 2 country-level")
                .isEqualTo(11);
        assertThat(country.getLow()).as("state media: 4 in SY-ID").isEqualTo(4);
        assertThat(country.getIncidents()).isEqualTo(4);
        assertThat(latest.get("SY-ID|killed|all|2024-12-01").getBest()).isEqualTo(4);
    }

    @Test
    void everyProcessorStoreAndInternalTopicIsNamed() {
        String description = bare().describe().toString();
        assertThat(description).doesNotContain("KSTREAM-").doesNotContain("KTABLE-").doesNotContain("KSTREAM_");
    }

    /** What makes {@code max.task.idle.ms} -1 safe ({@link StreamsProperties}): no task reads two partitions to keep in step. */
    @Test
    void everySubTopologyReadsOneTopic() {
        Set<TopologyDescription.Subtopology> subTopologies = bare().describe().subtopologies();
        assertThat(subTopologies).hasSizeGreaterThan(1);
        for (TopologyDescription.Subtopology sub : subTopologies) {
            Set<String> topics = new TreeSet<>();
            sub.nodes().stream().filter(n -> n instanceof TopologyDescription.Source)
                    .forEach(n -> topics.addAll(((TopologyDescription.Source) n).topicSet()));
            assertThat(topics).as("sub-topology %d", sub.id()).hasSize(1);
        }
    }

    /** The topology alone, for its description. */
    private static Topology bare() {
        return TollwatchTopology.build(TOPICS, new TopologySerdes(REPORT, FIGURE, TOTAL, DAILY),
                CodeNormaliser::figures, code -> code, new SimpleMeterRegistry(), 1_000_000);
    }

    private static String header(TestRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
