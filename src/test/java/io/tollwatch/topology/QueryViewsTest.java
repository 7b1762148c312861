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
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The query stores follow the output topics: totals and daily by their topic keys, the latest figures per region. */
class QueryViewsTest {
    private static final Topics TOPICS = Topics.defaults();
    private static final Serde<Report> REPORT = PlainAvro.serde(Report.class);
    private static final TopologySerdes SERDES = new TopologySerdes(REPORT, PlainAvro.serde(Figure.class),
            PlainAvro.serde(Total.class), PlainAvro.serde(DailyCount.class));

    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, Report> reports;

    @BeforeEach
    void start() {
        var topology = TollwatchTopology.build(TOPICS, SERDES, CodeNormaliser::figures, code -> "name of " + code, new SimpleMeterRegistry(), ReportValidator.DEFAULT_MAX_VALUE);
        driver = new TopologyTestDriver(topology, StreamsProperties.from(Settings.builder()
                .overrides(Map.of("state.dir", stateDir.toString())).build(), null));
        reports = driver.createInputTopic(TOPICS.reports(), new StringSerializer(), REPORT.serializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(String json) {
        Report r = ReportJson.parse(json);
        reports.pipeInput(r.getReportId(), r, r.getPublishedAt());
    }

    @Test
    void totalsAndDailyFollowTheirTopics() {
        send("""
                {"report_id":"a","source":"AFP","published_at":"2024-11-29T18:00:00Z","figures":[
                 {"metric":"killed","value":255,"basis":"cumulative","counter":"SOHR","location":"SY-HL"},
                 {"metric":"killed","value":4,"counter":"state media","location":"SY-HL","date":"2024-11-28"}]}""");
        send("""
                {"report_id":"b","source":"AFP","published_at":"2024-11-30T12:00:00Z","figures":[
                 {"metric":"killed","value":277,"basis":"cumulative","counter":"SOHR","location":"SY-HL"}]}""");
        KeyValueStore<String, ValueAndTimestamp<byte[]>> totals = driver.getTimestampedKeyValueStore(Names.TOTALS_VIEW);
        assertThat(total(totals.get("SY-HL|killed|all")).getBest()).isEqualTo(277);
        assertThat(total(totals.get("SY|killed|all")).getBest()).isEqualTo(277);
        KeyValueStore<String, ValueAndTimestamp<byte[]>> daily = driver.getTimestampedKeyValueStore(Names.DAILY_VIEW);
        assertThat(SERDES.daily().deserializer().deserialize(TOPICS.daily(), daily.get("SY-HL|killed|all|2024-11-28").value())
                .getBest()).isEqualTo(4);
        // The views hold the topics' own bytes.
        var fromTopic = driver.createOutputTopic(TOPICS.totals(), new StringDeserializer(), new ByteArrayDeserializer())
                .readKeyValuesToMap();
        assertThat(totals.get("SY|killed|all").value()).isEqualTo(fromTopic.get("SY|killed|all"));
        // The two tables restore from their own topics: no changelog copies them.
        assertThat(driver.producedTopicNames()).contains(TOPICS.totals(), TOPICS.daily())
                .anyMatch(t -> t.endsWith(Names.COUNT_STORE + "-changelog"))
                .noneMatch(t -> t.endsWith(Names.TOTALS_VIEW + "-changelog") || t.endsWith(Names.DAILY_VIEW + "-changelog"));
    }

    @Test
    void recentFiguresKeepTheLatestOfARegionNewestFirstWithoutRepeats() {
        for (int i = 0; i < QueryViews.FIGURES_PER_REGION + 20; i++) {
            send("""
                    {"report_id":"r%d","source":"AFP","published_at":"2024-11-29T18:00:00Z","figures":[
                     {"metric":"killed","value":%d,"counter":"SOHR","location":"SY-ID","date":"2024-11-28"}]}""".formatted(i, i));
        }
        List<Figure> idlib = figures("SY-ID");
        assertThat(idlib).hasSize(QueryViews.FIGURES_PER_REGION);
        assertThat(idlib.get(0).getReportId()).isEqualTo("r" + (QueryViews.FIGURES_PER_REGION + 19));
        assertThat(idlib.get(idlib.size() - 1).getReportId()).isEqualTo("r20");
        assertThat(figures("SY-HL")).isEmpty();
        // Pages of ten and an index: the dropped pages are gone, and no value holds more than a page.
        try (var all = figureStore().all()) {
            List<byte[]> values = new java.util.ArrayList<>();
            all.forEachRemaining(kv -> values.add(kv.value));
            assertThat(values).hasSize(QueryViews.FIGURES_PER_REGION / RecentFigures.PAGE + 1);
            assertThat(values).allSatisfy(v -> assertThat(v.length).isLessThan(RecentFigures.PAGE * 300));
        }
    }

    /** A figure read again (a replay, a resend after the id window) replaces its copy: the views alone, fed directly. */
    @Test
    void aFigureThatArrivesAgainTakesOnePlaceAndTheNewest(@TempDir Path viewsDir) {
        try (TopologyTestDriver views = viewsAlone(viewsDir)) {
            var in = views.createInputTopic(TOPICS.figures(), new StringSerializer(), SERDES.figure().serializer());
            Figure x = idlibFigure("x", 3);
            Figure y = idlibFigure("y", 5);
            Figure z = idlibFigure("z", 7);
            List.of(x, y, z, y).forEach(f -> in.pipeInput("SY-ID", f));
            KeyValueStore<Bytes, byte[]> store = views.getKeyValueStore(Names.FIGURES_VIEW);
            assertThat(figures(store, "SY-ID")).containsExactly(y, z, x);
            Figure revised = Figure.newBuilder(x).setValue(4).build();
            in.pipeInput("SY-ID", revised);
            assertThat(figures(store, "SY-ID")).containsExactly(revised, y, z);
            // A copy two pages back leaves its page; the region keeps one of each.
            for (int i = 0; i < 2 * RecentFigures.PAGE; i++) {
                in.pipeInput("SY-ID", idlibFigure("more" + i, i));
            }
            in.pipeInput("SY-ID", z);
            List<Figure> all = figures(store, "SY-ID");
            assertThat(all).hasSize(3 + 2 * RecentFigures.PAGE).startsWith(z).containsOnlyOnce(z, y, revised);
            // A region whose code another one begins with keeps its own list.
            Figure country = Figure.newBuilder(x).setRegion("SY").build();
            in.pipeInput("SY", country);
            assertThat(figures(store, "SY")).containsExactly(country);
            assertThat(figures(store, "SY-ID")).hasSize(3 + 2 * RecentFigures.PAGE);
        }
    }

    /**
     * An index written before it kept its pages' identity hashes (its first 20 bytes) still finds an earlier copy, and
     * the region's next figure writes the hashes.
     */
    @Test
    void anIndexWithoutHashesStillFindsCopiesAndGainsThem(@TempDir Path viewsDir) {
        try (TopologyTestDriver views = viewsAlone(viewsDir)) {
            var in = views.createInputTopic(TOPICS.figures(), new StringSerializer(), SERDES.figure().serializer());
            Figure first = idlibFigure("first", 1);
            in.pipeInput("SY-ID", first);
            for (int i = 0; i < 2 * RecentFigures.PAGE; i++) {
                in.pipeInput("SY-ID", idlibFigure("more" + i, i));
            }
            KeyValueStore<Bytes, byte[]> store = views.getKeyValueStore(Names.FIGURES_VIEW);
            Bytes indexKey = QueryViews.figuresIndex("SY-ID");
            byte[] index = store.get(indexKey);
            assertThat(index.length).isGreaterThan(20);
            store.put(indexKey, java.util.Arrays.copyOf(index, 20));

            Figure revised = Figure.newBuilder(first).setValue(2).build();
            in.pipeInput("SY-ID", revised);
            List<Figure> all = figures(store, "SY-ID");
            assertThat(all).hasSize(1 + 2 * RecentFigures.PAGE).startsWith(revised).doesNotContain(first);
            assertThat(store.get(indexKey)).hasSize(index.length);
            in.pipeInput("SY-ID", idlibFigure("more3", 3));
            assertThat(figures(store, "SY-ID")).hasSize(1 + 2 * RecentFigures.PAGE).startsWith(idlibFigure("more3", 3))
                    .containsOnlyOnce(idlibFigure("more3", 3));
        }
    }

    /** The query views' topology alone, fed directly on the figures topic. */
    private static TopologyTestDriver viewsAlone(Path stateDir) {
        StreamsBuilder builder = new StreamsBuilder();
        QueryViews.add(builder, TOPICS, SERDES);
        return new TopologyTestDriver(builder.build(), StreamsProperties.from(Settings.builder()
                .overrides(Map.of("state.dir", stateDir.toString())).build(), null));
    }

    private static Figure idlibFigure(String reportId, long value) {
        return Figure.newBuilder().setReportId(reportId).setSource("AFP").setPublishedAt(java.time.Instant.EPOCH)
                .setMetric("killed").setPopulation("all").setValue(value).setQualifier("exact").setBasis("incident")
                .setCounter("SOHR").setRegion("SY-ID").setDay(java.time.LocalDate.of(2024, 11, 28))
                .setEvidence("<b>x</b>").build();
    }

    @Test
    void theFiguresSerdeRoundTripsAList() {
        send(idlib("x", 3));
        send(idlib("y", 5));
        var serde = QueryViews.figuresSerde();
        FigureList list = list("SY-ID");
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", list)).figures())
                .isEqualTo(list.figures()).extracting(Figure::getValue).containsExactly(5L, 3L);
        assertThat(FigureList.newest(List.of(), 5).figures()).isEmpty();
    }

    private static Total total(ValueAndTimestamp<byte[]> stored) {
        return SERDES.total().deserializer().deserialize(TOPICS.totals(), stored.value());
    }

    private static String idlib(String reportId, int value) {
        return """
                {"report_id":"%s","source":"AFP","published_at":"2024-11-29T18:00:00Z","figures":[
                 {"metric":"killed","value":%d,"counter":"SOHR","location":"SY-ID","date":"2024-11-28"}]}"""
                .formatted(reportId, value);
    }

    private KeyValueStore<Bytes, byte[]> figureStore() {
        return driver.getKeyValueStore(Names.FIGURES_VIEW);
    }

    private FigureList list(String region) {
        return list(figureStore(), region);
    }

    private static FigureList list(KeyValueStore<Bytes, byte[]> store, String region) {
        byte[] index = store.get(QueryViews.figuresIndex(region));
        if (index == null) {
            return FigureList.newest(List.of(), QueryViews.FIGURES_PER_REGION);
        }
        try (var range = store.range(QueryViews.figuresFrom(region, index), QueryViews.figuresTo(region, index))) {
            return QueryViews.figures(range);
        }
    }

    private List<Figure> figures(String region) {
        return list(region).figures();
    }

    private static List<Figure> figures(KeyValueStore<Bytes, byte[]> store, String region) {
        return list(store, region).figures();
    }
}
