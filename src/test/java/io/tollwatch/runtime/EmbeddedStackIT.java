package io.tollwatch.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollwatch.registry.AvroSerde;
import io.tollwatch.registry.AvroSerdes;
import io.tollwatch.registry.SchemaRegistryClient;
import io.tollwatch.schema.Report;
import io.tollwatch.schema.ReportedFigure;
import io.tollwatch.schema.Total;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One real broker and one real Apicurio Registry for the whole class. */
class EmbeddedStackIT {
    private static EmbeddedStack stack;
    private static long registryPid;

    @BeforeAll
    static void start() {
        long t0 = System.nanoTime();
        stack = EmbeddedStack.start();
        registryPid = stack.registry().pid();
        System.out.printf("embedded stack started in %d ms: %s%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), stack);
    }

    @AfterAll
    static void stop() {
        if (stack == null) {
            return;
        }
        long t0 = System.nanoTime();
        stack.close();
        System.out.printf("embedded stack stopped in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        assertThat(ProcessHandle.of(registryPid).map(ProcessHandle::isAlive).orElse(false))
                .as("registry process gone after close").isFalse();
    }

    static Report report(String id) {
        return Report.newBuilder().setReportId(id).setSource("OCHA")
                .setPublishedAt(Instant.parse("2025-06-01T10:00:00.123Z"))
                .setText("Some 2,000 people were displaced from Tawila.")
                .setFigures(List.of(ReportedFigure.newBuilder().setMetric("displaced").setValue(2000)
                        .setBasis("incident").setDate(LocalDate.of(2025, 5, 31)).build()))
                .build();
    }

    @Test
    void registersThroughApicuriosConfluentApi() {
        SchemaRegistryClient client = new SchemaRegistryClient(stack.registryUrl());
        int a = client.register("it-a-value", Report.getClassSchema());
        int b = client.register("it-b-value", Report.getClassSchema());
        int total = client.register("it-a-value", Total.getClassSchema());
        assertThat(b).as("same schema, two subjects, one id").isEqualTo(a);
        assertThat(total).isNotEqualTo(a);

        // A fresh client has no cache: the registry itself must answer idempotently and by id.
        SchemaRegistryClient fresh = new SchemaRegistryClient(stack.registryUrl());
        assertThat(fresh.register("it-a-value", Report.getClassSchema())).isEqualTo(a);
        assertThat(fresh.byId(a)).isEqualTo(Report.getClassSchema());
        assertThat(fresh.byId(total)).isEqualTo(Total.getClassSchema());
        assertThat(fresh.subjects()).contains("it-a-value", "it-b-value");
    }

    @Test
    void producesAndConsumesAReportWithTheAvroSerde() {
        AvroSerdes serdes = new AvroSerdes(new SchemaRegistryClient(stack.registryUrl()));
        AvroSerde<Report> serde = serdes.value(Report.class);
        String topic = "it.reports." + UUID.randomUUID();
        Report sent = report("r-1");
        try (KafkaProducer<String, Report> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(),
                serde.serializer())) {
            producer.send(new ProducerRecord<>(topic, sent.getReportId(), sent)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        // Read with a separate client, so the writer schema is fetched from the registry by id.
        AvroSerde<Report> reader = new AvroSerdes(new SchemaRegistryClient(stack.registryUrl())).value(Report.class);
        List<ConsumerRecord<String, Report>> records = consume(topic, reader.deserializer(), 1, "read_uncommitted");
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo("r-1");
        assertThat(records.get(0).value()).isEqualTo(sent);
        assertThat(new SchemaRegistryClient(stack.registryUrl()).subjects()).contains(topic + "-value");
    }

    @Test
    void transactionsCommitAndAbortAgainstTheEmbeddedBroker() throws Exception {
        String topic = "it.tx." + UUID.randomUUID();
        Map<String, Object> config = producerConfig();
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "it-tx-" + UUID.randomUUID());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "committed-1"));
            producer.send(new ProducerRecord<>(topic, "k", "committed-2"));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "aborted"));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "committed-3"));
            producer.commitTransaction();
        }
        List<ConsumerRecord<String, String>> records = consume(topic, new StringDeserializer(), 3, "read_committed");
        assertThat(records).extracting(ConsumerRecord::value).containsExactly("committed-1", "committed-2", "committed-3");
    }

    @Test
    void kafkaStreamsExactlyOnceV2RunsAgainstTheEmbeddedBroker() throws Exception {
        String in = "it.eos.in." + UUID.randomUUID();
        String out = "it.eos.out." + UUID.randomUUID();
        AvroSerde<Report> serde = new AvroSerdes(new SchemaRegistryClient(stack.registryUrl())).value(Report.class);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(in, Consumed.with(Serdes.String(), serde))
                .mapValues(r -> r.getSource() + ":" + r.getFigures().get(0).getValue())
                .to(out, Produced.with(Serdes.String(), Serdes.String()));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "it-eos-" + UUID.randomUUID());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stack.kafka().dataDir().resolve("streams-state").toString());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        try (KafkaProducer<String, Report> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(),
                serde.serializer())) {
            producer.send(new ProducerRecord<>(in, "r-eos", report("r-eos"))).get(30, TimeUnit.SECONDS);
        }
        long t0 = System.nanoTime();
        try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
            streams.start();
            List<ConsumerRecord<String, String>> records = consume(out, new StringDeserializer(), 1, "read_committed");
            assertThat(records).extracting(ConsumerRecord::value).containsExactly("OCHA:2000");
            System.out.printf("EOS v2 round trip in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            streams.close(Duration.ofSeconds(20));
        }
    }

    private static Map<String, Object> producerConfig() {
        Map<String, Object> config = new java.util.HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return config;
    }

    private static <V> List<ConsumerRecord<String, V>> consume(String topic, Deserializer<V> values, int expected,
            String isolation) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // A little longer, to see records that should not be there.
            consumer.poll(Duration.ofMillis(300)).forEach(records::add);
        }
        return records;
    }
}
