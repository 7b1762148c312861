package io.tollwatch.serve;

import io.tollwatch.config.Settings;
import io.tollwatch.config.Topics;
import io.tollwatch.deploy.Dashboard;
import io.tollwatch.it.LiveStack;
import io.tollwatch.registry.AvroSerdes;
import io.tollwatch.registry.SchemaRegistryClient;
import io.tollwatch.report.ReportJson;
import io.tollwatch.schema.Report;
import io.tollwatch.topology.DeadLetterReason;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator sees of a running instance on a real broker and registry: the meters move as valid, invalid and
 * duplicate reports flow, every store type's Kafka Streams meters are there, and health turns when threads keep
 * failing.
 */
class OperatorsIT {
    @RegisterExtension
    static final LiveStack live = new LiveStack();
    static Service service;
    static Settings settings;
    static SchemaRegistryClient registry;

    @BeforeAll
    static void start() throws Exception {
        registry = live.registry();
        settings = settings("tollwatch-ops", "ops");
        service = live.start(settings);
    }

    /** Settings of an instance of its own: application id, state folder and topics. */
    static Settings settings(String applicationId, String topicPrefix, String... extraKeyValues) {
        Map<String, String> s = new HashMap<>();
        s.put(Settings.TOPIC_PARTITIONS, "1");
        for (Topics.Role role : Topics.Role.values()) {
            s.put(role.key(), topicPrefix + "." + role.defaultName());
        }
        for (int i = 0; i < extraKeyValues.length; i += 2) {
            s.put(extraKeyValues[i], extraKeyValues[i + 1]);
        }
        return live.settings(applicationId, s);
    }

    @Test
    void theMetersMoveWithValidInvalidAndDuplicateReports() throws Exception {
        Topics topics = settings.topics();
        Scrape before = Scrape.of(service.httpPort());

        String text = """
                {"report_id":"t1","source":"AP","published_at":"2024-03-16T10:00:00Z","location":"Odesa, Ukraine",
                 "text":"A missile strike on Odesa killed 21 people on Saturday, the regional governor said."}""";
        String structured = """
                {"report_id":"s1","source":"OCHA","published_at":"2024-11-29T18:00:00Z","figures":[
                 {"metric":"displaced","value":14000,"basis":"cumulative","counter":"OCHA","location":"Aleppo, Syria"},
                 {"metric":"killed","value":3,"counter":"OCHA","location":"Qwxzvillé"}]}""";
        String negative = """
                {"report_id":"neg","source":"AFP","published_at":"2024-11-29T18:00:00Z","figures":[{"metric":"killed","value":-1,"location":"SY-HL"}]}""";
        String noId = """
                {"source":"AFP","published_at":"2024-11-29T18:00:00Z","figures":[{"metric":"killed","value":1,"location":"SY-HL"}]}""";
        send(topics, List.of(text, structured, structured, negative, noId));
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(new HashMap<>(settings.kafka()),
                new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(topics.reports(), "junk", "not avro".getBytes(StandardCharsets.UTF_8))).get();
        }

        Scrape after = await(s -> s.since(before, "tollwatch_reports_in_total") >= 6
                && s.since(before, "tollwatch_dead_letters_total") >= 3
                && s.sum("tollwatch_totals_lag_seconds_count", "from=\"ingest\"") > 0
                && s.sum("tollwatch_store_entries", "store=\"counted-report-ids\"") > 0);
        assertThat(after.since(before, "tollwatch_reports_in_total")).isEqualTo(6);
        assertThat(after.since(before, "tollwatch_reports_duplicates_total")).isEqualTo(1);
        assertThat(after.since(before, "tollwatch_dead_letters_total", "reason=\"invalid_report\"")).isEqualTo(2);
        assertThat(after.since(before, "tollwatch_dead_letters_total", "reason=\"undecodable\"")).isEqualTo(1);
        assertThat(after.since(before, "tollwatch_figures_total", "metric=\"killed\"", "source=\"text\"")).isEqualTo(1);
        assertThat(after.since(before, "tollwatch_figures_total", "metric=\"displaced\"", "source=\"structured\"")).isEqualTo(1);
        assertThat(after.since(before, "tollwatch_figures_total", "metric=\"killed\"", "source=\"structured\"")).isEqualTo(1);
        assertThat(after.since(before, "tollwatch_figures_unresolved_total", "reason=\"unknown_place\"")).isEqualTo(1);
        assertThat(after.since(before, "tollwatch_extraction_seconds_count")).isEqualTo(2);
        // the reports read cleanly: the extractor's failure counter is published, and stays put
        assertThat(after.names()).contains("tollwatch_extraction_failures_total");
        assertThat(after.since(before, "tollwatch_extraction_failures_total")).isZero();
        assertThat(after.sum("tollwatch_totals_lag_seconds_count", "from=\"published\"")).isPositive();
        // Published in 2024, so the lag from publication is long; from ingest it is the time through the service.
        assertThat(after.sum("tollwatch_totals_lag_seconds_max", "from=\"published\"")).isGreaterThan(86_400);
        assertThat(after.sum("tollwatch_totals_lag_seconds_max", "from=\"ingest\"")).isLessThan(120);
        assertThat(after.sum("tollwatch_streams_state", "state=\"RUNNING\"")).isEqualTo(1);
        assertThat(after.sum("tollwatch_stream_threads", "state=\"RUNNING\"")).isEqualTo(1);
        assertThat(after.sum("tollwatch_health")).isEqualTo(1);

        List<String> reasons = new ArrayList<>();
        consume(topics.dlq(), r -> reasons.add(header(r, DeadLetterReason.HEADER)), () -> reasons.size() >= 3);
        assertThat(reasons).containsExactlyInAnyOrder("invalid_report", "invalid_report", "undecodable");
    }

    @Test
    void kafkaStreamsStoreMetersOfEveryStoreTypeAndJvmMetersAreExported() throws Exception {
        // Meters that both store types have: Micrometer 1.16 kept only the first tag-key set of each name.
        List<String> shared = List.of("kafka_stream_state_commit_latency_max", "kafka_stream_state_put_rate",
                "kafka_stream_state_estimate_num_keys");
        Scrape s = await(x -> shared.stream().allMatch(n -> x.has(n, "rocksdb_window_state_id=\"daily-windows\"")));
        for (String name : shared) {
            assertThat(s.has(name, "rocksdb_state_id=\"totals-view\"")).as(name + " of the key-value store").isTrue();
            assertThat(s.has(name, "rocksdb_state_id=\"count-state\"")).as(name + " of the count store").isTrue();
            assertThat(s.has(name, "rocksdb_window_state_id=\"daily-windows\"")).as(name + " of the window store").isTrue();
        }
        assertThat(s.names()).contains("jvm_memory_used_bytes", "jvm_gc_pause_seconds_count", "process_cpu_usage",
                "jvm_threads_live_threads");
    }

    @Test
    void healthAndReadinessSayRunningWithTheStateInTheBody() throws Exception {
        HttpResponse<String> health = get(service.httpPort(), "/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"state\":\"RUNNING\"");
        HttpResponse<String> ready = get(service.httpPort(), "/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"ready\":true");
    }

    @Test
    void theGrafanaDashboardReadsOnlyMetricsTheServiceExports() throws Exception {
        Set<String> wanted = Dashboard.read().metricNames();
        get(service.httpPort(), "/health");
        // Histograms and Kafka's per-task meters appear once something has flowed; give them the time to.
        Scrape before = Scrape.of(service.httpPort());
        send(settings.topics(), List.of("""
                {"report_id":"d1","source":"OCHA","published_at":"2024-12-01T08:00:00Z","figures":[
                 {"metric":"injured","value":7,"counter":"OCHA","location":"Homs, Syria"}]}"""));
        Scrape s = await(x -> x.since(before, "tollwatch_extraction_seconds_count") >= 1 && x.names().containsAll(wanted));
        assertThat(wanted).isNotEmpty().isSubsetOf(s.names());
    }

    @Test
    void httpRequestsAreCountedByRouteAndStatus() throws Exception {
        get(service.httpPort(), "/health");
        get(service.httpPort(), "/no/such/page");
        Scrape s = Scrape.of(service.httpPort());
        assertThat(s.sum("tollwatch_http_requests_seconds_count", "route=\"/health\"", "status=\"200\"")).isPositive();
        assertThat(s.sum("tollwatch_http_requests_seconds_count", "route=\"unmatched\"", "status=\"404\"")).isPositive();
        assertThat(s.body()).doesNotContain("/no/such/page");
    }

    /** A defect that no retry cures: the record fails its stream thread each time it is processed. */
    static final class Defect extends Error {
        Defect() {
            super("normaliser defect");
        }
    }

    @Test
    void healthTurnsUnhealthyWhenEveryRecordFailsItsStreamThread() throws Exception {
        // A replaced thread's consumer does not leave the group; a short session lets the next one in sooner.
        Settings failing = settings("tollwatch-failing", "failing",
                "kafka.session.timeout.ms", "6000", "kafka.heartbeat.interval.ms", "1000");
        try (Service broken = new Service(failing, r -> {
            throw new Defect();
        }, code -> code).start()) {
            broken.awaitRunning(Duration.ofSeconds(60));
            assertThat(get(broken.httpPort(), "/health").statusCode()).isEqualTo(200);
            send(failing.topics(), List.of("""
                    {"report_id":"p1","source":"AFP","published_at":"2024-11-29T18:00:00Z","figures":[{"metric":"killed","value":1,"location":"SY-HL"}]}"""));

            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            HttpResponse<String> health = get(broken.httpPort(), "/health");
            while (health.statusCode() == 200 && System.nanoTime() < deadline) {
                Thread.sleep(500);
                health = get(broken.httpPort(), "/health");
            }
            assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
            assertThat(health.body()).contains("\"status\":\"DOWN\"").contains("stream threads keep failing")
                    .contains("normaliser defect").contains("\"threads\"");
            assertThat(get(broken.httpPort(), "/ready").statusCode()).isEqualTo(503);
            Scrape s = Scrape.of(broken.httpPort());
            assertThat(s.sum("tollwatch_stream_thread_failures_total")).isGreaterThanOrEqualTo(3);
            assertThat(s.sum("tollwatch_health")).isZero();
        }
    }

    static void send(Topics topics, List<String> lines) throws Exception {
        try (KafkaProducer<String, Report> producer = new KafkaProducer<>(new HashMap<>(settings.kafka()),
                new StringSerializer(), new AvroSerdes(registry).value(Report.class).serializer())) {
            for (String line : lines) {
                Report r = ReportJson.parse(line);
                producer.send(new ProducerRecord<>(topics.reports(), r.getReportId(), r)).get();
            }
        }
    }

    static Scrape await(Predicate<Scrape> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Scrape s = Scrape.of(service.httpPort());
        while (!done.test(s)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("metrics did not get there in 90 s:\n" + s.body());
            }
            Thread.sleep(500);
            s = Scrape.of(service.httpPort());
        }
        return s;
    }

    static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static void consume(String topic, java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each,
                        java.util.function.BooleanSupplier done) {
        Map<String, Object> props = new HashMap<>(settings.kafka());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + topic + "-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!done.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("timed out reading " + topic);
                }
                c.poll(Duration.ofMillis(500)).forEach(each);
            }
        }
    }

    static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
