package io.tollwatch.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollwatch.config.Settings;
import io.tollwatch.config.Topics;
import io.tollwatch.it.LiveStack;
import io.tollwatch.registry.AvroSerdes;
import io.tollwatch.registry.SchemaRegistryClient;
import io.tollwatch.runtime.Files2;
import io.tollwatch.schema.Report;
import io.tollwatch.schema.ReportedFigure;
import io.tollwatch.schema.Total;
import io.tollwatch.serve.Replay;
import io.tollwatch.serve.Service;
import io.tollwatch.topology.CodeNormaliser;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The state folder of the only instance is deleted: started again, it restores every store from its changelog
 * topic, so the totals are unchanged and resent reports are still recognised (the report-id store came back too).
 * Prints how long the instance took to count a new report, with its state on disk and restored from nothing.
 * {@code -Dtollwatch.restore.reports=100000} measures 100,000 report ids (README, "Guarantees").
 */
class RestoreIT {
    private static final String APP = "tollwatch-restore";
    private static final int REPORTS = Integer.getInteger("tollwatch.restore.reports", 3_000);

    @RegisterExtension
    static final LiveStack live = new LiveStack();
    static Settings settings;
    static SchemaRegistryClient registry;

    @BeforeAll
    static void start() {
        settings = live.settings(APP, "state", Map.of(Settings.TOPIC_PARTITIONS, "1"));
        registry = live.registry();
    }

    @Test
    void deletedStateIsRestoredFromTheChangelogs() throws Exception {
        Topics topics = settings.topics();
        Random random = new Random(100_000);
        List<Report> sent = new ArrayList<>();
        for (int i = 0; i < REPORTS; i++) {
            sent.add(report("r-" + i, random.nextInt(10_000), random));
        }
        Service first = service();
        try {
            long started = System.nanoTime();
            produce(sent);
            E2e.awaitCaughtUp(settings, APP, Duration.ofMinutes(20));
            System.out.printf("RESTORE: counted %,d reports in %,d ms%n", REPORTS, (System.nanoTime() - started) / 1_000_000);
        } finally {
            first.close();
        }

        long warm = timeToCount(sent, "probe-warm");
        Files2.deleteRecursively(live.dir("state"));
        assertThat(live.dir("state")).doesNotExist();
        long cold = timeToCount(sent, "probe-cold");
        System.out.printf("RESTORE: %,d report ids; a new report counted %,d ms after start with the state on disk,"
                + " %,d ms after start with the state restored from the changelogs%n", REPORTS, warm, cold);

        // Resends after the restore change nothing: their ids were restored with the rest of the state.
        Service last = service();
        try {
            List<Report> resent = sent.subList(0, 50);
            produce(resent);
            sent.addAll(resent);
            E2e.awaitCaughtUp(settings, APP, Duration.ofMinutes(5));
        } finally {
            last.close();
        }
        Map<String, JsonNode> expected = E2e.wire(Replay.run(sent, CodeNormaliser::figures, code -> code,
                live.dir("replay")).totals());
        Map<String, JsonNode> actual = E2e.wire(E2e.latestTotals(E2e.readToEnd(settings, topics.totals()), registry,
                topics.totals()));
        assertThat(actual).isEqualTo(expected);
        long distinctFigures = sent.stream().map(Report::getReportId).distinct().count();
        assertThat(E2e.readToEnd(settings, topics.figures())).as("each figure once, resends dropped after restore")
                .hasSize((int) distinctFigures);
    }

    /** Starts an instance, sends one new report, and measures from the start until its total is published. */
    private long timeToCount(List<Report> sent, String id) throws Exception {
        Report probe = report(id, 20_000 + sent.size(), new Random(id.hashCode()));
        String key = probe.getFigures().get(0).getLocation() + "|killed|all";
        long want = probe.getFigures().get(0).getValue();
        try (KafkaConsumer<String, byte[]> totals = tail(settings.topics().totals())) {
            long started = System.nanoTime();
            Service s = service();
            try {
                produce(List.of(probe));
                sent.add(probe);
                var deserializer = new AvroSerdes(registry).value(Total.class).deserializer();
                while (true) {
                    for (ConsumerRecord<String, byte[]> r : totals.poll(Duration.ofMillis(100))) {
                        Total t = deserializer.deserialize(r.topic(), r.value());
                        if (r.key().equals(key) && t.getCounters().stream().anyMatch(c -> c.getValue() == want)) {
                            return (System.nanoTime() - started) / 1_000_000;
                        }
                    }
                    assertThat(System.nanoTime() - started).as("time to count " + id)
                            .isLessThan(Duration.ofMinutes(10).toNanos());
                }
            } finally {
                s.close();
            }
        }
    }

    private static Report report(String id, int value, Random random) {
        return Report.newBuilder().setReportId(id).setSource("AFP")
                .setPublishedAt(Instant.parse("2024-11-01T00:00:00Z").plusSeconds(60L * random.nextInt(60 * 24 * 20)))
                .setFigures(List.of(ReportedFigure.newBuilder().setMetric("killed").setValue(value)
                        .setBasis("cumulative").setCounter("counter-" + id)
                        .setLocation("SY-" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26)))
                        .build()))
                .build();
    }

    private static Service service() throws Exception {
        Service s = new Service(settings, CodeNormaliser::figures, code -> code).start();
        s.awaitRunning(Duration.ofMinutes(10));
        return s;
    }

    private static void produce(List<Report> reports) throws Exception {
        Map<String, Object> props = new HashMap<>(settings.kafka());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        try (KafkaProducer<String, Report> producer = new KafkaProducer<>(props, new StringSerializer(),
                new AvroSerdes(registry).value(Report.class).serializer())) {
            for (Report r : reports) {
                // Sent now, not at publication time, which would put them under the 7-day retention at once.
                producer.send(new ProducerRecord<>(settings.topics().reports(), r.getReportId(), r));
            }
            producer.flush();
        }
    }

    private static KafkaConsumer<String, byte[]> tail(String topic) {
        Map<String, Object> props = new HashMap<>(settings.kafka());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        c.assign(partitions);
        c.seekToEnd(partitions);
        partitions.forEach(c::position);
        return c;
    }
}
