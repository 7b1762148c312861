package io.tollwatch.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollwatch.config.Settings;
import io.tollwatch.config.Topics;
import io.tollwatch.registry.AvroSerdes;
import io.tollwatch.registry.SchemaRegistryClient;
import io.tollwatch.report.Normalizer;
import io.tollwatch.report.ReportJson;
import io.tollwatch.runtime.EmbeddedStack;
import io.tollwatch.schema.Figure;
import io.tollwatch.schema.Report;
import io.tollwatch.schema.ReportedFigure;
import io.tollwatch.schema.Total;
import io.tollwatch.serve.Replay;
import io.tollwatch.serve.Service;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
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
    /** Places the gazetteer resolves, over four countries; "Sudan" is a country-level figure, "Atlantis" unresolved. */
    private static final List<String> PLACES = List.of("Aleppo, Syria", "Idlib, Syria", "Homs, Syria", "Hama, Syria",
            "Khartoum, Sudan", "El Fasher, Sudan", "Nyala, Sudan", "Sudan", "Kharkiv, Ukraine", "Donetsk, Ukraine",
            "Kyiv, Ukraine", "Goma, Democratic Republic of the Congo", "Bunia, DR Congo", "Mosul, Iraq", "Atlantis");
    private static final List<String> COUNTERS = List.of("SOHR", "OCHA", "health ministry", "state media", "UNHCR");
    private static final List<String> SOURCES = List.of("AFP", "Reuters", "AP");
    private static final List<String> METRICS = List.of("killed", "injured", "displaced");
    private static final List<String> POPULATIONS = List.of("all", "all", "civilians", "children");
    private static final List<String> QUALIFIERS = List.of("exact", "exact", "at_least", "more_than", "about", "up_to");

    @TempDir
    static Path dir;
    static EmbeddedStack stack;
    static Normalizer normalizer;
    static Settings settingsA;
    static Settings settingsB;
    static Service a;
    static Service b;
    static SchemaRegistryClient registry;

    @BeforeAll
    static void start() throws Exception {
        stack = EmbeddedStack.start(dir.resolve("stack"));
        normalizer = Normalizer.defaults();
        registry = new SchemaRegistryClient(stack.registryUrl());
        // A short session timeout: Kafka Streams does not leave the group on close, so the survivor takes over the
        // closed instance's tasks when its session expires (the broker's minimum is 6 s).
        Map<String, String> group = Map.of("kafka.session.timeout.ms", "6000", "kafka.heartbeat.interval.ms", "1000");
        settingsA = E2e.settings(stack, APP, dir.resolve("state-a"), group);
        settingsB = E2e.settings(stack, APP, dir.resolve("state-b"), group);
        assertThat(settingsA.getInt(Settings.TOPIC_PARTITIONS)).isEqualTo(3);
        a = new Service(settingsA, normalizer::figures, normalizer.gazetteer()::regionName).start();
        a.awaitRunning(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        try {
            for (Service s : new Service[] {a, b}) {
                if (s != null) {
                    s.close();
                }
            }
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
    }

    @Test
    void twoInstancesCountExactlyOnceAndTheSurvivorTakesOver() throws Exception {
        Topics topics = settingsA.topics();
        Random random = new Random(20241129);
        List<Report> phase1 = batch(random, "p1", 30, List.of());
        List<Report> phase2a = batch(random, "p2a", 12, phase1);

        // Warm-up on instance A alone: one report through every output and repartition topic, so that each subject's
        // first schema is registered by one instance. (Two instances registering the first schema of a subject at the
        // same moment make Apicurio answer 409 "already exists" to one of them, and that record is dropped; see the
        // hand-back report. This test is about sharing the work and taking over, so it starts like a rolling deploy.)
        List<Report> sent = new ArrayList<>();
        produce(topics, List.of(ReportJson.parse("""
                {"report_id":"warm-up","source":"AFP","published_at":"2024-11-19T12:00:00Z","figures":[
                 {"metric":"killed","value":2,"location":"Aleppo, Syria"},
                 {"metric":"injured","value":5,"basis":"cumulative","counter":"SOHR","location":"Atlantis"}]}""")), sent);
        awaitCaughtUp(topics);

        // Instance B joins; both own tasks before phase 1 (state is small, so the split is immediate).
        b = new Service(settingsB, normalizer::figures, normalizer.gazetteer()::regionName).start();
        b.awaitRunning(Duration.ofSeconds(60));
        awaitBothOwnTasks(Duration.ofSeconds(60));
        assertThat(tasks(a)).doesNotContainAnyElementsOf(tasks(b));

        // Phase 1: both instances at work.
        produce(topics, phase1, sent);
        assertMatchesReference(topics, sent, "phase 1, two instances");
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
        produce(topics, concat(batch(random, "p2b", 12, sent), resentFromB), sent);
        assertMatchesReference(topics, sent, "phase 2, survivor only");
        assertThat(inputPartitions(a)).as("the survivor owns every reports partition")
                .containsExactlyInAnyOrder(new TopicPartition(topics.reports(), 0),
                        new TopicPartition(topics.reports(), 1), new TopicPartition(topics.reports(), 2));
        assertThat(a.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
    }

    /**
     * Waits until the service group has consumed and committed everything produced, then asserts that the totals
     * topic (latest per key, read_committed, read to its end) equals the reference over {@code sent}, and that the
     * figures topic holds every resolved figure of each distinct report exactly once.
     */
    private void assertMatchesReference(Topics topics, List<Report> sent, String phase) throws Exception {
        awaitCaughtUp(topics);
        Map<String, Total> reference = Replay.run(sent, normalizer::figures, normalizer.gazetteer()::regionName,
                dir.resolve("replay-" + System.nanoTime())).totals();
        assertThat(reference).as("reference totals of " + phase).hasSizeGreaterThan(20);

        List<ConsumerRecord<String, byte[]>> records = E2e.readToEnd(settingsA, topics.totals());
        Map<String, JsonNode> actual = E2e.wire(E2e.latestTotals(records, registry, topics.totals()));
        Map<String, JsonNode> expected = E2e.wire(reference);
        assertThat(actual.keySet()).as("total keys after " + phase).isEqualTo(expected.keySet());
        expected.forEach((key, want) -> assertThat(actual.get(key))
                .as(() -> key + " after " + phase + "; its history on the topic:\n" + history(records, key))
                .isEqualTo(want));

        // Exactly once: each distinct report's resolved figures are on the figures topic once, resends dropped.
        Map<String, Report> distinct = new TreeMap<>();
        sent.forEach(r -> distinct.putIfAbsent(r.getReportId(), r));
        List<String> expectedFigures = distinct.values().stream().flatMap(r -> normalizer.figures(r).stream())
                .filter(f -> f.getRegion() != null).map(f -> ReportJson.toJson(f).toString()).sorted().toList();
        var figureDeserializer = new AvroSerdes(registry).value(Figure.class).deserializer();
        List<String> figures = E2e.readToEnd(settingsA, topics.figures()).stream()
                .map(r -> ReportJson.toJson(figureDeserializer.deserialize(topics.figures(), r.value())).toString())
                .sorted().toList();
        assertThat(E2e.readToEnd(settingsA, topics.dlq())).as("dead letters after " + phase).isEmpty();
        assertThat(figures).as(() -> "figures after " + phase + ": missing " + minus(expectedFigures, figures)
                + "\nunexpected " + minus(figures, expectedFigures)).isEqualTo(expectedFigures);
    }

    /** {@code xs} without one occurrence of each element of {@code ys}. */
    private static List<String> minus(List<String> xs, List<String> ys) {
        List<String> out = new ArrayList<>(xs);
        ys.forEach(out::remove);
        return out;
    }

    private static String history(List<ConsumerRecord<String, byte[]>> records, String key) {
        var deserializer = new AvroSerdes(registry).value(Total.class).deserializer();
        StringBuilder out = new StringBuilder();
        for (ConsumerRecord<String, byte[]> r : records) {
            if (key.equals(r.key())) {
                out.append(r.partition()).append('@').append(r.offset()).append(' ')
                        .append(E2e.wire(deserializer.deserialize(r.topic(), r.value()))).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * Sends {@code reports} in order, keyed by report_id, stamped by the producer's clock as scrapers do; waits for
     * the acks. (Stamped with their 2024 publication times, the broker would delete the windowed stores' changelogs
     * by retention time within minutes, and the survivor would restore no report ids: see README, Decisions → Service.)
     */
    private static void produce(Topics topics, List<Report> reports, List<Report> sent) throws Exception {
        Map<String, Object> props = new HashMap<>(settingsA.kafka());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, Report> producer = new KafkaProducer<>(props, new StringSerializer(),
                new AvroSerdes(registry).value(Report.class).serializer())) {
            for (Report r : reports) {
                producer.send(new ProducerRecord<>(topics.reports(), r.getReportId(), r)).get(30, TimeUnit.SECONDS);
                sent.add(r);
            }
        }
    }

    /**
     * New reports with ids {@code prefix-N}, then exact resends of some of them and of {@code earlier}, and stories
     * republished by another outlet under a new id (same figures, same counter: counted once).
     */
    private static List<Report> batch(Random random, String prefix, int count, List<Report> earlier) {
        List<Report> out = new ArrayList<>();
        LocalDate first = LocalDate.parse("2024-11-20");
        for (int i = 0; i < count; i++) {
            LocalDate day = first.plusDays(random.nextInt(10));
            Instant published = day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600L * (6 + random.nextInt(48)));
            String place = PLACES.get(random.nextInt(PLACES.size()));
            List<ReportedFigure> figures = new ArrayList<>();
            int n = 1 + random.nextInt(3);
            for (int j = 0; j < n; j++) {
                boolean cumulative = random.nextInt(3) == 0;
                figures.add(ReportedFigure.newBuilder()
                        .setMetric(pick(random, METRICS))
                        .setPopulation(pick(random, POPULATIONS))
                        .setValue(cumulative ? 50 + random.nextInt(400) : 1 + random.nextInt(40))
                        .setQualifier(pick(random, QUALIFIERS))
                        .setBasis(cumulative ? "cumulative" : "incident")
                        .setLocation(random.nextInt(5) == 0 ? null : place)
                        .setCounter(random.nextInt(4) == 0 ? null : pick(random, COUNTERS))
                        .setDate(random.nextInt(4) == 0 ? null : day)
                        .build());
            }
            out.add(Report.newBuilder().setReportId(prefix + "-" + i).setSource(pick(random, SOURCES))
                    .setPublishedAt(published).setLocation(place).setFigures(figures).build());
        }
        List<Report> resends = new ArrayList<>();
        for (int i = 0; i < Math.max(2, count / 5); i++) {
            resends.add(out.get(random.nextInt(out.size())));
            if (!earlier.isEmpty()) {
                resends.add(earlier.get(random.nextInt(earlier.size())));
            }
        }
        for (int i = 0; i < Math.max(1, count / 10); i++) {
            Report original = out.get(random.nextInt(out.size()));
            resends.add(Report.newBuilder(original).setReportId(original.getReportId() + "-republished")
                    .setSource("Al Jazeera").setPublishedAt(original.getPublishedAt().plusSeconds(1800)).build());
        }
        out.addAll(resends);
        return out;
    }

    private static <T> T pick(Random random, List<T> xs) {
        return xs.get(random.nextInt(xs.size()));
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

    /**
     * Waits until the application's group has committed, for every partition it reads (the reports topic and its
     * repartition topics), everything that is committed there: then every total and figure those records lead to is
     * committed too (exactly-once: outputs and input offsets commit in one transaction). On the transactional
     * repartition topics the last offset is the commit marker, which a committed position need not pass.
     */
    private static void awaitCaughtUp(Topics topics) throws Exception {
        try (Admin admin = Admin.create(new HashMap<>(settingsA.kafka()))) {
            long deadline = System.nanoTime() + CATCH_UP.toNanos();
            String behind = "";
            while (System.nanoTime() < deadline) {
                List<String> sources = admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                        .filter(t -> t.equals(topics.reports()) || (t.startsWith(APP + "-") && t.endsWith("-repartition")))
                        .toList();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                for (TopicDescription d : admin.describeTopics(sources).allTopicNames().get(10, TimeUnit.SECONDS).values()) {
                    d.partitions().forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
                }
                var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                        .all().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(APP)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                List<String> lagging = new ArrayList<>();
                ends.forEach((tp, end) -> {
                    OffsetAndMetadata c = committed.get(tp);
                    long position = c == null ? 0 : c.offset();
                    long slack = tp.topic().equals(topics.reports()) ? 0 : 1;
                    if (position < end.offset() - slack) {
                        lagging.add(tp + " at " + position + " of " + end.offset());
                    }
                });
                if (sources.size() > 1 && lagging.isEmpty()) {
                    return;
                }
                behind = lagging.toString();
                Thread.sleep(200);
            }
            throw new AssertionError("the service group did not catch up within " + CATCH_UP + ": " + behind);
        }
    }
}
