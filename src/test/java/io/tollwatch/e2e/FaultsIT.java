package io.tollwatch.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollwatch.config.Settings;
import io.tollwatch.config.Topics;
import io.tollwatch.registry.AvroSerdes;
import io.tollwatch.registry.SchemaRegistryClient;
import io.tollwatch.runtime.EmbeddedKafka;
import io.tollwatch.runtime.EmbeddedRegistry;
import io.tollwatch.schema.Report;
import io.tollwatch.schema.ReportedFigure;
import io.tollwatch.serve.Replay;
import io.tollwatch.serve.Service;
import io.tollwatch.topology.CodeNormaliser;
import org.apache.avro.Schema;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The infrastructure fails under a running service, which must wait and resume by itself with exact totals: the
 * broker stops in the middle of the stream and starts again on the same ports and data; the registry stops answering
 * (SIGSTOP: connections hang, as with a registry that is down behind a load balancer) for 20 seconds while records
 * need a schema the service has not seen yet. Nothing is dead-lettered; totals equal the in-process reference.
 */
class FaultsIT {
    private static final String APP = "tollwatch-faults";
    private static final List<String> REGIONS = List.of("SY-HL", "SY-ID", "UA-14", "SD-DN", "SY");

    @TempDir
    static Path dir;
    static EmbeddedKafka kafka;
    static EmbeddedRegistry registryProcess;
    static Service service;
    static Settings settings;
    static SchemaRegistryClient registry;
    static final List<Report> sent = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        registryProcess = EmbeddedRegistry.launch();
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), null, null);
        registryProcess.awaitReady();
        settings = Settings.builder().overrides(Map.of(
                Settings.BOOTSTRAP, kafka.bootstrapServers(),
                Settings.REGISTRY_URL, registryProcess.confluentUrl(),
                Settings.APPLICATION_ID, APP,
                Settings.STATE_DIR, dir.resolve("state").toString(),
                Settings.HTTP_PORT, "0",
                "kafka.commit.interval.ms", "100")).build();
        registry = new SchemaRegistryClient(registryProcess.confluentUrl());
        service = new Service(settings, CodeNormaliser::figures, code -> code).start();
        service.awaitRunning(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        try {
            if (service != null) {
                service.close();
            }
        } finally {
            if (kafka != null) {
                kafka.close();
            }
            if (registryProcess != null) {
                registryProcess.close();
            }
        }
    }

    @Test
    void theBrokerRestartsMidStreamAndTheServiceResumesWithExactTotals() throws Exception {
        Random random = new Random(7);
        produce(reports(random, "before-restart", 300));
        EmbeddedKafka.Ports ports = kafka.ports();
        kafka.close();
        Thread.sleep(3_000);
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), ports, null);
        produce(reports(random, "after-restart", 100));
        assertExactTotals("after the broker restart");
    }

    @Test
    void recordsWaitWhileTheRegistryIsDownAndAreCountedWhenItReturns() throws Exception {
        Topics topics = settings.topics();
        Schema newer = SchemaVariants.reportWithField(
                "{\"name\":\"scraper_version\",\"type\":[\"null\",\"string\"],\"default\":null}");
        int id = registry.register(topics.reports() + "-value", newer);
        List<Report> reports = reports(new Random(8), "registry-down", 60);
        signal("STOP");
        try {
            Map<String, Object> props = new HashMap<>(settings.kafka());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                    new ByteArraySerializer())) {
                for (Report r : reports) {
                    producer.send(new ProducerRecord<>(topics.reports(), r.getReportId(),
                            SchemaVariants.frame(id, newer, r, Map.of("scraper_version", "3.0")))).get(30, TimeUnit.SECONDS);
                    sent.add(r);
                }
            }
            Thread.sleep(20_000);
            assertThat(E2e.readToEnd(settings, topics.dlq())).as("dead letters while the registry is down").isEmpty();
        } finally {
            signal("CONT");
        }
        assertExactTotals("after the registry came back");
    }

    /** The totals topic equals the reference over every report sent; each figure once; nothing dead-lettered. */
    private static void assertExactTotals(String when) throws Exception {
        Topics topics = settings.topics();
        E2e.awaitCaughtUp(settings, APP, Duration.ofMinutes(3));
        Map<String, JsonNode> expected = E2e.wire(Replay.run(sent, CodeNormaliser::figures, code -> code,
                dir.resolve("replay-" + System.nanoTime())).totals());
        Map<String, JsonNode> actual = E2e.wire(E2e.latestTotals(E2e.readToEnd(settings, topics.totals()), registry,
                topics.totals()));
        assertThat(actual).as("totals " + when).isEqualTo(expected);
        Set<String> ids = new HashSet<>();
        int figures = sent.stream().filter(r -> ids.add(r.getReportId())).mapToInt(r -> r.getFigures().size()).sum();
        assertThat(E2e.readToEnd(settings, topics.figures())).as("figures " + when).hasSize(figures);
        assertThat(E2e.readToEnd(settings, topics.dlq())).as("dead letters " + when).isEmpty();
        assertThat(service.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
    }

    private static void signal(String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(registryProcess.pid())).start();
        assertThat(kill.waitFor()).as("kill -" + signal).isZero();
    }

    private static void produce(List<Report> reports) throws Exception {
        Map<String, Object> props = new HashMap<>(settings.kafka());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, Report> producer = new KafkaProducer<>(props, new StringSerializer(),
                new AvroSerdes(registry).value(Report.class).serializer())) {
            for (Report r : reports) {
                // Sent now, not at publication time, which would put them under the 7-day retention at once.
                producer.send(new ProducerRecord<>(settings.topics().reports(), r.getReportId(), r));
                sent.add(r);
            }
            producer.flush();
        }
    }

    private static List<Report> reports(Random random, String prefix, int count) {
        Instant start = Instant.parse("2024-11-01T00:00:00Z");
        List<Report> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean cumulative = random.nextInt(3) == 0;
            out.add(Report.newBuilder().setReportId(prefix + "-" + i).setSource("AFP")
                    .setPublishedAt(start.plusSeconds(3600L * random.nextInt(24 * 20)))
                    .setFigures(List.of(ReportedFigure.newBuilder()
                            .setMetric(random.nextBoolean() ? "killed" : "displaced")
                            .setValue(cumulative ? 100 + random.nextInt(900) : 1 + random.nextInt(30))
                            .setBasis(cumulative ? "cumulative" : "incident")
                            .setCounter(random.nextBoolean() ? "SOHR" : "OCHA")
                            .setLocation(REGIONS.get(random.nextInt(REGIONS.size()))).build()))
                    .build());
        }
        return out;
    }
}
