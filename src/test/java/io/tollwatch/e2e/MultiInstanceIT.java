package io.tollwatch.e2e;

import io.tollwatch.config.Settings;
import io.tollwatch.config.Topics;
import io.tollwatch.it.LiveStack;
import io.tollwatch.registry.AvroSerdes;
import io.tollwatch.registry.SchemaRegistryClient;
import io.tollwatch.report.Normalizer;
import io.tollwatch.report.ReportJson;
import io.tollwatch.schema.Report;
import io.tollwatch.serve.Replay;
import io.tollwatch.serve.Service;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service with the same application.id share the work on 3-partition topics; reports over a
 * dozen regions, with exact resends and stories republished under new ids. The totals on the topic (latest per key,
 * read_committed) must equal the in-process reference ({@link Replay}) over the same reports; then one instance is
 * closed in the middle of the stream, more reports (and resends of reports the closed instance had counted) arrive,
 * and the survivor's totals must still equal the reference, with every figure published exactly once.
 */
class MultiInstanceIT {
    private static final String APP = "tollwatch-multi";
    private static final Duration CATCH_UP = Duration.ofSeconds(60);
    @RegisterExtension
    static final LiveStack live = new LiveStack();
    static Normalizer normalizer;
    static Settings settingsA;
    static Settings settingsB;
    static Service a;
    static Service b;
    static SchemaRegistryClient registry;

    @BeforeAll
    static void start() throws Exception {
        normalizer = LiveStack.normalizer();
        registry = live.registry();
        // A short session timeout: Kafka Streams does not leave the group on close, so the survivor takes over the
        // closed instance's tasks when its session expires (the broker's minimum is 6 s).
        Map<String, String> group = Map.of("kafka.session.timeout.ms", "6000", "kafka.heartbeat.interval.ms", "1000");
        settingsA = live.settings(APP, "state-a", group);
        settingsB = live.settings(APP, "state-b", group);
        assertThat(settingsA.getInt(Settings.TOPIC_PARTITIONS)).isEqualTo(3);
        a = live.start(settingsA);
    }

    @Test
    void twoInstancesCountExactlyOnceAndTheSurvivorTakesOver() throws Exception {
        Topics topics = settingsA.topics();
        Random random = new Random(20241129);
        List<Report> phase1 = E2e.batch(random, "p1", 30, List.of());
        List<Report> phase2a = E2e.batch(random, "p2a", 12, phase1);

        // Warm-up on instance A alone: one report through every output and repartition topic, so that each subject's
        // first schema is registered by one instance. (Two instances registering the first schema of a subject at the
        // same moment make Apicurio answer 409 "already exists" to one of them, and that record is dropped; see the
        // hand-back report. This test is about sharing the work and taking over, so it starts like a rolling deploy.)
        List<Report> sent = new ArrayList<>();
        produce(topics, List.of(ReportJson.parse("""
                {"report_id":"warm-up","source":"AFP","published_at":"2024-11-19T12:00:00Z","figures":[
                 {"metric":"killed","value":2,"location":"Aleppo, Syria"},
                 {"metric":"injured","value":5,"basis":"cumulative","counter":"SOHR","location":"Atlantis"}]}""")), sent);
        E2e.awaitCaughtUp(settingsA, APP, CATCH_UP);

        // Instance B joins; both own tasks before phase 1 (state is small, so the split is immediate).
        b = live.start(settingsB);
        awaitBothOwnTasks(Duration.ofSeconds(60));
        assertThat(tasks(a)).doesNotContainAnyElementsOf(tasks(b));

        // Phase 1: both instances at work.
        produce(topics, phase1, sent);
        E2e.assertMatchesReference(settingsA, APP, registry, normalizer, sent, live.dir("reference"), "phase 1, two instances");
        assertThat(processed(a)).as("records processed by instance A").isPositive();
        assertThat(processed(b)).as("records processed by instance B").isPositive();

        // Phase 2: more reports, and instance B is closed while they are being processed (its committed work must
        // survive, its open transaction is committed or aborted as a whole); then more reports.
        Set<TopicPartition> ownedByB = inputPartitions(b);
        produce(topics, phase2a, sent);
        assertThat(ownedByB).as("reports partitions owned by B before it closes").isNotEmpty();
        b.close();
        assertThat(b.streams().state()).isIn(KafkaStreams.State.NOT_RUNNING, KafkaStreams.State.PENDING_SHUTDOWN);
        // After the close: new reports, and a resend of every report so far on B's partitions (their ids are in B's
        // dedup store, which the survivor must restore rather than count them again).
        List<Report> resentFromB = sent.stream().filter(r -> ownedByB.contains(partitionOf(topics, r))).toList();
        assertThat(resentFromB).as("reports B counted").isNotEmpty();
        produce(topics, concat(E2e.batch(random, "p2b", 12, sent), resentFromB), sent);
        E2e.assertMatchesReference(settingsA, APP, registry, normalizer, sent, live.dir("reference"), "phase 2, survivor only");
        assertThat(inputPartitions(a)).as("the survivor owns every reports partition")
                .containsExactlyInAnyOrder(new TopicPartition(topics.reports(), 0),
                        new TopicPartition(topics.reports(), 1), new TopicPartition(topics.reports(), 2));
        assertThat(a.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
    }

    /** Sends {@code reports} in order, keyed by report_id; waits for the acks. */
    private static void produce(Topics topics, List<Report> reports, List<Report> sent) throws Exception {
        Map<String, Object> props = new HashMap<>(settingsA.kafka());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, Report> producer = new KafkaProducer<>(props, new StringSerializer(),
                new AvroSerdes(registry).value(Report.class).serializer())) {
            for (Report r : reports) {
                // Sent now, not at publication time: records two years old fall to the topics' 7-day retention (by
                // record time) at the broker's first check, 30 s after it starts, and their figures with them.
                producer.send(new ProducerRecord<>(topics.reports(), r.getReportId(), r)).get(30, TimeUnit.SECONDS);
                sent.add(r);
            }
        }
    }

    private static <T> List<T> concat(List<T> x, List<T> y) {
        List<T> out = new ArrayList<>(x);
        out.addAll(y);
        return out;
    }

    private static TopicPartition partitionOf(Topics topics, Report r) {
        byte[] key = r.getReportId().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new TopicPartition(topics.reports(),
                org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(key)) % 3);
    }

    private static Set<String> tasks(Service s) {
        return s.streams().metadataForLocalThreads().stream().flatMap(t -> t.activeTasks().stream())
                .map(t -> t.taskId().toString()).collect(Collectors.toSet());
    }

    private static Set<TopicPartition> inputPartitions(Service s) {
        String reports = settingsA.topics().reports();
        Set<TopicPartition> out = new HashSet<>();
        for (ThreadMetadata thread : s.streams().metadataForLocalThreads()) {
            for (TaskMetadata task : thread.activeTasks()) {
                task.topicPartitions().stream().filter(tp -> tp.topic().equals(reports)).forEach(out::add);
            }
        }
        return out;
    }

    /** Records processed by the instance's stream threads (thread-level metric, INFO recording level). */
    private static double processed(Service s) {
        double sum = 0;
        for (Map.Entry<org.apache.kafka.common.MetricName, ? extends Metric> e : s.streams().metrics().entrySet()) {
            if (e.getKey().name().equals("process-total") && e.getKey().group().equals("stream-thread-metrics")) {
                sum += ((Number) e.getValue().metricValue()).doubleValue();
            }
        }
        return sum;
    }

    private static void awaitBothOwnTasks(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean running = a.streams().state() == KafkaStreams.State.RUNNING
                    && b.streams().state() == KafkaStreams.State.RUNNING;
            if (running && !inputPartitions(a).isEmpty() && !inputPartitions(b).isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("after " + timeout + " not both instances own reports partitions: A "
                        + a.streams().state() + " " + tasks(a) + ", B " + b.streams().state() + " " + tasks(b));
            }
            Thread.sleep(100);
        }
    }
}
