package io.tollwatch.serve;

import io.tollwatch.config.Settings;
import io.tollwatch.config.Topics;
import io.tollwatch.it.LiveStack;
import io.tollwatch.registry.AvroSerdes;
import io.tollwatch.registry.SchemaRegistryClient;
import io.tollwatch.report.ReportJson;
import io.tollwatch.schema.Report;
import io.tollwatch.schema.Total;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole path on a real KRaft broker and a real Apicurio registry: Avro reports in, totals and dead letters out. */
class TollwatchIT {
    @RegisterExtension
    static final LiveStack live = new LiveStack();
    static Service service;
    static Settings settings;
    static SchemaRegistryClient registry;

    @BeforeAll
    static void start() throws Exception {
        settings = live.settings("tollwatch-it", Map.of());
        service = live.startCoded(settings);
        registry = live.registry();
    }

    @Test
    void reportsInTotalsOutDeadLettersApart() throws Exception {
        Topics topics = settings.topics();
        Map<String, Object> props = new HashMap<>(settings.kafka());
        List<String> lines = List.of(
                """
                {"report_id":"a","source":"AFP","published_at":"2024-11-29T18:00:00Z","location":"Aleppo, Syria","figures":[
                 {"metric":"killed","value":255,"basis":"cumulative","counter":"SOHR","location":"SY-HL"},
                 {"metric":"killed","population":"civilians","value":24,"basis":"cumulative","counter":"SOHR","location":"SY-HL"},
                 {"metric":"killed","population":"civilians","value":4,"counter":"state media","location":"SY-HL"},
                 {"metric":"displaced","value":14000,"qualifier":"more_than","basis":"cumulative","counter":"OCHA","location":"SY-HL"}]}""",
                """
                {"source":"AFP","published_at":"2024-11-29T18:00:00Z","figures":[{"metric":"killed","value":1,"location":"SY-HL"}]}""",
                """
                {"report_id":"neg","source":"AFP","published_at":"2024-11-29T18:00:00Z","figures":[{"metric":"killed","value":-1,"location":"SY-HL"}]}""",
                """
                {"report_id":"unk","source":"AFP","published_at":"2024-11-29T18:00:00Z","figures":[{"metric":"arrested","value":9,"location":"SY-HL"}]}""",
                // Rule 8: a typo in the year would make 999 SOHR's latest toll for good; dead-lettered, then resent fixed.
                """
                {"report_id":"typo","source":"AFP","published_at":"2024-11-29T20:00:00Z","figures":[
                 {"metric":"killed","value":999,"basis":"cumulative","counter":"SOHR","location":"SY-HL","date":"2099-11-29"},
                 {"metric":"killed","value":12,"location":"SY-ID"}]}""",
                """
                {"report_id":"typo","source":"AFP","published_at":"2024-11-29T20:00:00Z","figures":[
                 {"metric":"killed","value":12,"location":"SY-ID"}]}""",
                """
                {"report_id":"old","source":"AFP","published_at":"1899-11-29T18:00:00Z","figures":[{"metric":"killed","value":3,"location":"SY-HL"}]}""");
        try (KafkaProducer<String, Report> producer = new KafkaProducer<>(props, new StringSerializer(),
                new AvroSerdes(registry).value(Report.class).serializer());
             KafkaProducer<String, byte[]> raw = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (String line : lines) {
                Report r = ReportJson.parse(line);
                producer.send(new ProducerRecord<>(topics.reports(), r.getReportId(), r)).get();
            }
            raw.send(new ProducerRecord<>(topics.reports(), "junk", "not avro at all".getBytes(StandardCharsets.UTF_8))).get();
            Report b = ReportJson.parse("""
                    {"report_id":"b","source":"AFP","published_at":"2024-11-30T12:00:00Z","figures":[
                     {"metric":"killed","value":277,"basis":"cumulative","counter":"SOHR","location":"SY-HL"}]}""");
            // A tombstone on b's partition, ahead of b: skipped and counted, not dead-lettered.
            producer.send(new ProducerRecord<>(topics.reports(), "b", null)).get();
            producer.send(new ProducerRecord<>(topics.reports(), "b", b)).get();
            producer.send(new ProducerRecord<>(topics.reports(), "b", b)).get();
        }

        // The values on the totals topic are framed in the Confluent wire format with a registered schema id.
        Map<String, Total> totals = new LinkedHashMap<>();
        List<ConsumerRecord<String, byte[]>> rawTotals = consume(topics.totals(),
                recs -> {
                    recs.forEach(r -> totals.put(r.key(), new AvroSerdes(registry).value(Total.class).deserializer()
                            .deserialize(topics.totals(), r.value())));
                    Total all = totals.get("SY-HL|killed|all");
                    Total country = totals.get("SY|killed|all");
                    Total resent = totals.get("SY-ID|killed|all");
                    return all != null && all.getBest() == 277 && country != null && country.getBest() == 289
                            && resent != null && resent.getBest() == 12;
                });
        assertThat(rawTotals).isNotEmpty();
        byte[] framed = rawTotals.get(0).value();
        assertThat(framed[0]).isEqualTo((byte) 0);
        int id = ByteBuffer.wrap(framed, 1, 4).getInt();
        assertThat(registry.byId(id).getFullName()).isEqualTo("io.tollwatch.schema.Total");
        assertThat(registry.subjects()).contains(topics.totals() + "-value", topics.reports() + "-value");

        assertThat(totals.get("SY-HL|killed|civilians").getBest()).isEqualTo(24);
        assertThat(totals.get("SY-HL|killed|civilians").getLow()).isEqualTo(4);
        assertThat(totals.get("SY-HL|displaced|all").getBest()).isEqualTo(14000);

        List<String> reasons = new ArrayList<>();
        consume(topics.dlq(), recs -> {
            recs.forEach(r -> reasons.add(header(r, "__streams.errors.message")));
            return reasons.size() >= 6;
        });
        assertThat(reasons).hasSize(6).contains("report_id is missing", "report neg: figure 1: negative value -1",
                "report unk: figure 1: unknown metric 'arrested' (expected killed, injured, displaced)",
                "report typo: the killed all figure 999 is dated 2099-11-29, more than one day after published_at"
                        + " 2024-11-29T20:00:00Z",
                "report old: published_at 1899-11-29T18:00:00Z is before 1900");
        assertThat(reasons).anySatisfy(r -> assertThat(r).contains("unknown magic byte"));

        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + service.httpPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("tollwatch_reports_duplicates_total 1.0")
                .contains("tollwatch_reports_tombstones_total 1.0").contains("kafka_stream");
    }

    /** Both topics are keyed by what they total, so compaction keeps every key's latest record, however old. */
    @Test
    void theTotalsAndTheDailySeriesAreCreatedCompacted() throws Exception {
        Topics topics = settings.topics();
        try (Admin admin = Admin.create(new HashMap<>(settings.kafka()))) {
            Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(
                    new ConfigResource(ConfigResource.Type.TOPIC, topics.totals()),
                    new ConfigResource(ConfigResource.Type.TOPIC, topics.daily()),
                    new ConfigResource(ConfigResource.Type.TOPIC, topics.figures()))).all().get(30, TimeUnit.SECONDS);
            Map<String, String> policy = new HashMap<>();
            configs.forEach((r, c) -> policy.put(r.name(), c.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()));
            assertThat(policy).containsEntry(topics.totals(), TopicConfig.CLEANUP_POLICY_COMPACT)
                    .containsEntry(topics.daily(), TopicConfig.CLEANUP_POLICY_COMPACT)
                    .containsEntry(topics.figures(), TopicConfig.CLEANUP_POLICY_DELETE);
        }
    }

    private static List<ConsumerRecord<String, byte[]>> consume(String topic,
                                                               Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        Map<String, Object> props = new HashMap<>(settings.kafka());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + topic + "-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline) {
                List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
                c.poll(Duration.ofMillis(500)).forEach(batch::add);
                all.addAll(batch);
                if (done.test(batch) && !all.isEmpty()) {
                    return all;
                }
            }
        }
        throw new AssertionError("timed out waiting on " + topic + " after " + all.size() + " records");
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
