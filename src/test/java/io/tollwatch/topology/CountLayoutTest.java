package io.tollwatch.topology;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tollwatch.config.Settings;
import io.tollwatch.config.Topics;
import io.tollwatch.registry.PlainAvro;
import io.tollwatch.report.ReportJson;
import io.tollwatch.schema.DailyCount;
import io.tollwatch.schema.Figure;
import io.tollwatch.schema.Report;
import io.tollwatch.schema.Total;
import io.tollwatch.report.ReportValidator;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.tollwatch.count.Counting;
import io.tollwatch.count.InMemoryCountStore;
import io.tollwatch.count.PopulationTotal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The split state layout through the topology: bounded records whatever the history, and output only on change. */
class CountLayoutTest {
    private static final Topics TOPICS = Topics.defaults();
    private static final Serde<Report> REPORT = PlainAvro.serde(Report.class);
    private static final Serde<Total> TOTAL = PlainAvro.serde(Total.class);
    private static final int LIMIT = 64 * 1024;
    private static final String CHANGELOG = "tollwatch-" + Names.COUNT_STORE + "-changelog";

    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, Report> reports;
    private TestOutputTopic<String, Total> totals;

    /** The code normaliser, with each figure of a report at its own place: "spot-0", "spot-1", … */
    private static List<Figure> normalise(Report r) {
        List<Figure> figures = new ArrayList<>(CodeNormaliser.figures(r));
        for (int i = 0; i < figures.size(); i++) {
            figures.set(i, Figure.newBuilder(figures.get(i)).setPlaceId("spot-" + i).build());
        }
        return figures;
    }

    @BeforeEach
    void start() {
        var serdes = new TopologySerdes(REPORT, PlainAvro.serde(Figure.class), TOTAL, PlainAvro.serde(DailyCount.class));
        var props = StreamsProperties.from(Settings.builder()
                .overrides(Map.of("state.dir", stateDir.toString())).build(), null);
        driver = new TopologyTestDriver(TollwatchTopology.build(TOPICS, serdes, CountLayoutTest::normalise,
                code -> code, new SimpleMeterRegistry(), ReportValidator.DEFAULT_MAX_VALUE), props);
        reports = driver.createInputTopic(TOPICS.reports(), new StringSerializer(), REPORT.serializer());
        totals = driver.createOutputTopic(TOPICS.totals(), new StringDeserializer(), TOTAL.deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private static final int OUTLETS = 30;

    private static Report report(String id, String outlet, LocalDate day, long... values) {
        StringBuilder figures = new StringBuilder();
        for (long v : values) {
            figures.append(figures.isEmpty() ? "" : ",").append("{\"metric\":\"killed\",\"value\":").append(v)
                    .append(",\"location\":\"SY-HL\",\"date\":\"").append(day).append("\"}");
        }
        return ReportJson.parse("{\"report_id\":\"" + id + "\",\"source\":\"" + outlet + "\",\"published_at\":\""
                + day.atTime(12, 0).toInstant(ZoneOffset.UTC) + "\",\"figures\":[" + figures + "]}");
    }

    /**
     * Issue 12's busy key: unattributed wire copy (each of 30 outlets its own counter) at five places a day, for
     * {@code days}; each report to {@code each}, in order.
     */
    private static void busyKey(int days, Consumer<Report> each) {
        LocalDate start = LocalDate.parse("2023-01-01");
        for (int d = 0; d < days; d++) {
            for (int o = 0; o < OUTLETS; o++) {
                each.accept(report("r-" + d + "-" + o, "outlet-" + o, start.plusDays(d), values(d, o)));
            }
        }
    }

    private static long[] values(int d, int o) {
        return new long[] {1 + d % 3, 2, 1 + o % 4, 3, 1 + (d + o) % 5};
    }

    private static String hex(byte[] key, byte[] value) {
        return HexFormat.of().formatHex(key) + "=" + HexFormat.of().formatHex(value);
    }

    /**
     * Two years of the busy key through the counting rules over the in-memory store: the rules and codec the
     * topology runs, without the test driver's cost per record (the next test holds the topology to the same
     * records). Every stored record and every total forwarded stays under the bound, and the totals stay exact.
     */
    @Test
    void aBusyKeysRecordsAndTotalsStayUnder64KiBOverTwoYears() {
        int days = 730;
        InMemoryCountStore store = new InMemoryCountStore();
        Counting counting = new Counting(store);
        int[] largestTotal = {0};
        Total[] last = {null};
        busyKey(days, r -> {
            for (Figure f : normalise(r)) {
                for (PopulationTotal t : counting.merge(FigureMapping.counted(f))) {
                    Total total = FigureMapping.total(t, code -> code);
                    largestTotal[0] = Math.max(largestTotal[0], TOTAL.serializer().serialize(TOPICS.totals(), total).length);
                    if (t.key().equals("SY-HL|killed|all")) {
                        last[0] = total;
                    }
                }
            }
        });
        long[] running = new long[OUTLETS];
        for (int d = 0; d < days; d++) {
            for (int o = 0; o < OUTLETS; o++) {
                running[o] += Arrays.stream(values(d, o)).sum(); // rule 1 without a cumulative figure: every incident counts
            }
        }
        int largestRecord = store.records().entrySet().stream()
                .mapToInt(e -> e.getKey().length + e.getValue().length).max().orElseThrow();
        assertThat(store.records()).as("one record per incident at least").hasSizeGreaterThan(days * OUTLETS * 5);
        assertThat(largestRecord).as("largest stored (and changelogged) record").isLessThan(LIMIT);
        assertThat(largestTotal[0]).as("largest forwarded total").isLessThan(LIMIT);
        assertThat(last[0]).isNotNull();
        assertThat(last[0].getReports()).as("every report still counts").isEqualTo(days * OUTLETS);
        assertThat(last[0].getCounters()).hasSize(OUTLETS);
        assertThat(last[0].getBest()).isEqualTo(Arrays.stream(running).max().orElseThrow());
        assertThat(last[0].getLow()).isEqualTo(Arrays.stream(running).min().orElseThrow());
    }

    /** Through the topology, the count store holds record for record what the rules write in memory. */
    @Test
    void theTopologysCountStoreHoldsWhatTheRulesWriteInMemory() {
        InMemoryCountStore expected = new InMemoryCountStore();
        Counting counting = new Counting(expected);
        List<Long> bests = new ArrayList<>();
        busyKey(20, r -> {
            reports.pipeInput(r.getReportId(), r, r.getPublishedAt());
            for (Figure f : normalise(r)) {
                counting.merge(FigureMapping.counted(f)).forEach(t -> bests.add(t.best()));
            }
        });
        List<String> actual = new ArrayList<>();
        KeyValueStore<Bytes, byte[]> store = driver.getKeyValueStore(Names.COUNT_STORE);
        try (KeyValueIterator<Bytes, byte[]> all = store.all()) {
            all.forEachRemaining(kv -> actual.add(hex(kv.key.get(), kv.value)));
        }
        assertThat(actual).hasSizeGreaterThan(20 * OUTLETS * 5).containsExactlyElementsOf(
                expected.records().entrySet().stream().map(e -> hex(e.getKey(), e.getValue())).toList());
        assertThat(totals.readRecordsToList()).extracting(t -> t.value().getBest()).containsExactlyElementsOf(bests);
    }

    private static final String TOLL = """
            {"report_id":"%s","source":"AFP","published_at":"2024-11-29T18:00:00Z","figures":[
             {"metric":"killed","value":%d,"basis":"cumulative","counter":"SOHR","location":"SY-HL","date":"%s"}]}""";

    @Test
    void aFigureThatChangesNothingWritesNoChangelogRecordAndNoTotal() {
        Report a = ReportJson.parse(TOLL.formatted("a", 255, "2024-11-29"));
        reports.pipeInput("a", a, a.getPublishedAt());
        assertThat(totals.readRecordsToList()).as("the first figure's totals").isNotEmpty();
        TestOutputTopic<byte[], byte[]> changelog = driver.createOutputTopic(CHANGELOG,
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        assertThat(driver.producedTopicNames()).contains(CHANGELOG);
        changelog.readRecordsToList();

        Report older = ReportJson.parse(TOLL.formatted("b", 200, "2024-11-20")); // an older toll: rule 1 keeps 255
        reports.pipeInput("b", older, older.getPublishedAt());
        assertThat(totals.readRecordsToList()).isEmpty();
        assertThat(changelog.readRecordsToList()).isEmpty();

        Report revision = ReportJson.parse(TOLL.formatted("c", 277, "2024-11-30"));
        reports.pipeInput("c", revision, revision.getPublishedAt());
        assertThat(totals.readRecordsToList()).extracting(TestRecord::key)
                .containsExactlyInAnyOrder("SY-HL|killed|all", "SY|killed|all");
        assertThat(changelog.readRecordsToList()).isNotEmpty();
    }
}
