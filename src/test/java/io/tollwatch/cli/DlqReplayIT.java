package io.tollwatch.cli;

import io.tollwatch.config.Settings;
import io.tollwatch.config.Topics;
import io.tollwatch.it.LiveStack;
import io.tollwatch.registry.AvroSerdes;
import io.tollwatch.report.ReportJson;
import io.tollwatch.schema.Figure;
import io.tollwatch.schema.Report;
import io.tollwatch.topology.CodeNormaliser;
import io.tollwatch.topology.DeadLetterReason;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tollwatch dlq replay} against a real broker and registry, with the service dead-lettering real input. */
class DlqReplayIT {
    @RegisterExtension
    static final LiveStack live = new LiveStack();
    static Settings settings;
    static Topics topics;
    /** The normaliser defect, "fixed" by flipping this. */
    static final AtomicBoolean defect = new AtomicBoolean(true);
    static Instant started;

    @BeforeAll
    static void start() throws Exception {
        settings = live.settings("tollwatch-dlq-it", Map.of(Settings.TOPIC_PARTITIONS, "1"));
        topics = settings.topics();
        live.start(settings, DlqReplayIT::normalise, code -> code);
        started = Instant.now();

        try (KafkaProducer<String, Report> producer = new KafkaProducer<>(new HashMap<>(settings.kafka()),
                new StringSerializer(), new AvroSerdes(live.registry()).value(Report.class).serializer());
             KafkaProducer<String, byte[]> raw = new KafkaProducer<>(new HashMap<>(settings.kafka()), new StringSerializer(),
                     new ByteArraySerializer())) {
            for (String line : List.of("""
                    {"report_id":"bug","source":"broken-scraper","published_at":"2024-11-29T18:00:00Z","figures":[{"metric":"killed","value":5,"location":"SY-HL"}]}""",
                    """
                    {"report_id":"neg","source":"AFP","published_at":"2024-11-29T18:00:00Z","figures":[{"metric":"killed","value":-1,"location":"SY-HL"}]}""")) {
                Report r = ReportJson.parse(line);
                producer.send(new ProducerRecord<>(topics.reports(), r.getReportId(), r)).get();
            }
            raw.send(new ProducerRecord<>(topics.reports(), "junk", "not avro".getBytes(StandardCharsets.UTF_8))).get();
        }
        awaitRecords(topics.dlq(), 3);
    }

    static List<Figure> normalise(Report r) {
        if (defect.get() && r.getSource().equals("broken-scraper")) {
            throw new IllegalStateException("defect in normalising " + r.getReportId());
        }
        return CodeNormaliser.figures(r);
    }

    @Test
    void aDryRunListsTheSelectionAndSendsNothing() throws Exception {
        long before = endOffset(topics.reports());
        Run run = replay("--reason", "processing_error", "--dry-run");
        assertThat(run.code).isZero();
        assertThat(run.out.lines()).hasSize(1).first().asString().contains("processing_error").contains("key=bug")
                .contains("defect in normalising bug");
        assertThat(run.err).contains("would replay 1 of ");
        assertThat(endOffset(topics.reports())).isEqualTo(before);
    }

    @Test
    void aTimeRangeSelectsByTheOriginalRecordsTime() throws Exception {
        assertThat(replay("--until", started.minusSeconds(3600).toString(), "--dry-run").out).isEmpty();
        assertThat(replay("--since", started.minusSeconds(60).toString(), "--until", Instant.now().plusSeconds(60).toString(),
                "--dry-run").out.lines()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void replayRepublishesTheOriginalRecordsOfAReasonToTheReportsTopic() throws Exception {
        defect.set(false);
        long from = endOffset(topics.reports());
        Run run = replay("--reason", "undecodable");
        assertThat(run.code).isZero();
        assertThat(run.err).contains("replayed 1 of ");

        List<ConsumerRecord<byte[], byte[]>> sent = read(topics.reports(), from, 1);
        assertThat(new String(sent.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("junk");
        assertThat(new String(sent.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("not avro");
        assertThat(header(sent.get(0), "tollwatch.replayed-from")).startsWith(topics.dlq() + "-0@");
        assertThat(sent.get(0).headers().lastHeader("__streams.errors.message")).isNull();
        // Still not a report: the service dead-letters it again, and a second replay only takes what was there.
        awaitRecords(topics.dlq(), 4);
        assertThat(replay("--reason", "undecodable", "--dry-run").out.lines()).hasSize(2);
    }

    @Test
    void anUnknownReasonIsAClearError() {
        Run run = replay("--reason", "bad_vibes");
        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("unknown reason 'bad_vibes'").contains(DeadLetterReason.INVALID_REPORT.label());
    }

    record Run(int code, String out, String err) {
    }

    static Run replay(String... options) {
        List<String> args = new ArrayList<>(List.of("dlq", "replay",
                "--set", "kafka.bootstrap.servers=" + live.stack().bootstrapServers(),
                "--set", "schema.registry.url=" + live.stack().registryUrl()));
        args.addAll(List.of(options));
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    static long endOffset(String topic) {
        try (KafkaConsumer<byte[], byte[]> c = consumer()) {
            TopicPartition tp = new TopicPartition(topic, 0);
            return c.endOffsets(List.of(tp)).get(tp);
        }
    }

    static List<ConsumerRecord<byte[], byte[]>> read(String topic, long from, int count) {
        try (KafkaConsumer<byte[], byte[]> c = consumer()) {
            TopicPartition tp = new TopicPartition(topic, 0);
            c.assign(List.of(tp));
            c.seek(tp, from);
            List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (out.size() < count && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(500)).forEach(out::add);
            }
            assertThat(out).as("records on " + topic).hasSizeGreaterThanOrEqualTo(count);
            return out;
        }
    }

    static void awaitRecords(String topic, int count) {
        read(topic, 0, count);
    }

    static KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> props = new HashMap<>(settings.kafka());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
