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
import org.apache.kafka.common.serialization.StringSerializer;
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

    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, Report> reports;

    @BeforeEach
    void start() {
        var topology = TollwatchTopology.build(TOPICS, new TopologySerdes(REPORT, PlainAvro.serde(Figure.class),
                        PlainAvro.serde(Total.class), PlainAvro.serde(DailyCount.class)),
                CodeNormaliser::figures, code -> "name of " + code, new SimpleMeterRegistry(), ReportValidator.DEFAULT_MAX_VALUE);
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
        KeyValueStore<String, ValueAndTimestamp<Total>> totals = driver.getTimestampedKeyValueStore(Names.TOTALS_VIEW);
        assertThat(totals.get("SY-HL|killed|all").value().getBest()).isEqualTo(277);
        assertThat(totals.get("SY|killed|all").value().getBest()).isEqualTo(277);
        KeyValueStore<String, ValueAndTimestamp<DailyCount>> daily = driver.getTimestampedKeyValueStore(Names.DAILY_VIEW);
        assertThat(daily.get("SY-HL|killed|all|2024-11-28").value().getBest()).isEqualTo(4);
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
        KeyValueStore<String, FigureList> figures = driver.getKeyValueStore(Names.FIGURES_VIEW);
        List<Figure> idlib = figures.get("SY-ID").figures();
        assertThat(idlib).hasSize(QueryViews.FIGURES_PER_REGION);
        assertThat(idlib.get(0).getReportId()).isEqualTo("r" + (QueryViews.FIGURES_PER_REGION + 19));
        assertThat(idlib.get(idlib.size() - 1).getReportId()).isEqualTo("r20");
        assertThat(figures.get("SY-HL")).isNull();
    }

    @Test
    void theFiguresSerdeRoundTripsAndARepeatedFigureTakesOnePlace() {
        Figure f = Figure.newBuilder().setReportId("x").setSource("AFP").setPublishedAt(java.time.Instant.EPOCH)
                .setMetric("killed").setPopulation("all").setValue(3).setQualifier("exact").setBasis("incident")
                .setCounter("SOHR").setDay(java.time.LocalDate.of(2024, 11, 28)).setEvidence("<b>x</b>").build();
        Figure g = Figure.newBuilder(f).setReportId("y").build();
        Figure revised = Figure.newBuilder(f).setValue(4).build();
        var serde = QueryViews.figuresSerde();
        FigureList list = FigureList.EMPTY.prepend(f, 10).prepend(g, 10).prepend(revised, 10);
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", list)).figures())
                .containsExactly(revised, g);
        assertThat(list.prepend(f, 1).figures()).containsExactly(f);
        Figure h = Figure.newBuilder(f).setReportId("z").build();
        FigureList three = list.prepend(h, 3);
        assertThat(three.prepend(g, 3).figures()).containsExactly(g, h, revised);
        assertThat(three.prepend(f, 3).figures()).containsExactly(f, h, g);
        assertThat(three.prepend(revised, 2).figures()).containsExactly(revised, h);
        assertThat(FigureList.EMPTY.figures()).isEmpty();
    }
}
