package io.tollwatch.serve;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tollwatch.config.Settings;
import io.tollwatch.config.Topics;
import io.tollwatch.registry.PlainAvro;
import io.tollwatch.schema.DailyCount;
import io.tollwatch.schema.Figure;
import io.tollwatch.schema.Report;
import io.tollwatch.schema.Total;
import io.tollwatch.topology.StreamsProperties;
import io.tollwatch.topology.TollwatchTopology;
import io.tollwatch.topology.TopologySerdes;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;

/**
 * Runs the real topology in-process over a list of reports (Kafka Streams' own TopologyTestDriver, no broker), in the
 * order given, each at its publication time; returns the final totals and the dead letters' reasons.
 */
public final class Replay {
    public record Result(Map<String, Total> totals, List<String> rejected) {
    }

    private Replay() {
    }

    public static Result run(List<Report> reports, Function<Report, List<Figure>> normalise,
                             UnaryOperator<String> regionNames, Path stateDir) {
        return run(reports, normalise, regionNames, stateDir, done -> { });
    }

    /** @param progress told the number of reports processed so far, after each one */
    public static Result run(List<Report> reports, Function<Report, List<Figure>> normalise,
                             UnaryOperator<String> regionNames, Path stateDir, IntConsumer progress) {
        Topics topics = Topics.defaults();
        TopologySerdes serdes = new TopologySerdes(PlainAvro.serde(Report.class), PlainAvro.serde(Figure.class),
                PlainAvro.serde(Total.class), PlainAvro.serde(DailyCount.class));
        Settings settings = Settings.builder()
                .set(Settings.STATE_DIR, stateDir.toString(), "replay")
                .set(Settings.APPLICATION_ID, "tollwatch-replay", "replay").build();
        var topology = TollwatchTopology.build(topics, serdes, normalise, regionNames, new SimpleMeterRegistry(),
                settings.getLong(Settings.MAX_FIGURE_VALUE));
        var props = StreamsProperties.from(settings, null);
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, props)) {
            TestInputTopic<String, Report> in = driver.createInputTopic(topics.reports(), new StringSerializer(),
                    serdes.report().serializer());
            TestOutputTopic<String, Total> out = driver.createOutputTopic(topics.totals(), new StringDeserializer(),
                    serdes.total().deserializer());
            TestOutputTopic<byte[], byte[]> dlq = driver.createOutputTopic(topics.dlq(), new ByteArrayDeserializer(),
                    new ByteArrayDeserializer());
            int done = 0;
            for (Report r : reports) {
                in.pipeInput(r.getReportId(), r, r.getPublishedAt());
                progress.accept(++done);
            }
            Map<String, Total> totals = new TreeMap<>(out.readKeyValuesToMap());
            List<String> rejected = new ArrayList<>();
            dlq.readRecordsToList().forEach(rec -> {
                Header h = rec.headers().lastHeader("__streams.errors.message");
                rejected.add(h == null ? "rejected" : new String(h.value(), StandardCharsets.UTF_8));
            });
            return new Result(totals, rejected);
        }
    }
}
