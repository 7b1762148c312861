package io.tollwatch.e2e;

import io.tollwatch.config.Settings;
import io.tollwatch.config.Topics;
import io.tollwatch.registry.AvroSerdes;
import io.tollwatch.registry.SchemaRegistryClient;
import io.tollwatch.report.Normalizer;
import io.tollwatch.report.ReportJson;
import io.tollwatch.runtime.EmbeddedStack;
import io.tollwatch.runtime.Files2;
import io.tollwatch.schema.Report;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances in child JVMs (exactly-once v2, one standby replica) share the work; one is SIGKILLed in the middle
 * of the stream and started again; the totals equal the in-process reference ({@code replay}) and every figure is
 * published once. Three rounds, each on topics of its own; in the third the killed instance's state folder is also
 * deleted, so it comes back from the changelog topics alone.
 */
class CrashRestoreIT {
    private static final Duration START = Duration.ofSeconds(90);

    @TempDir
    static Path dir;
    static EmbeddedStack stack;
    static SchemaRegistryClient registry;
    static Normalizer normalizer;

    @BeforeAll
    static void start() {
        stack = EmbeddedStack.start(dir.resolve("stack"));
        registry = new SchemaRegistryClient(stack.registryUrl());
        normalizer = Normalizer.defaults();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aKilledInstanceComesBackWithExactTotalsThreeRunsOutOfThree() throws Exception {
        for (int round = 1; round <= 3; round++) {
            round(round, round == 3);
        }
    }

    private void round(int round, boolean deleteState) throws Exception {
        String app = "crash-" + round;
        Map<String, String> topicNames = new LinkedHashMap<>();
        for (Topics.Role role : Topics.Role.values()) {
            topicNames.put(role.key(), "crash" + round + "." + role.name().toLowerCase(java.util.Locale.ROOT));
        }
        Settings settings = E2e.settings(stack, app, dir.resolve("unused"), topicNames);
        Path stateA = dir.resolve(app + "-state-a");
        Path stateB = dir.resolve(app + "-state-b");
        Random random = new Random(1000 + round);
        List<Report> sent = new ArrayList<>();
        String what = "round " + round + (deleteState ? " (state deleted)" : "");

        try (ServiceProcess a = ServiceProcess.start(env(app, stateA, topicNames), dir.resolve(app + "-a.log"))) {
            a.awaitHealthy(START);
            // One report through every topic first, on A alone, so that each subject's first schema is registered
            // by one instance (see MultiInstanceIT).
            produce(settings, List.of(ReportJson.parse("""
                    {"report_id":"warm-up","source":"AFP","published_at":"2024-11-19T12:00:00Z","figures":[
                     {"metric":"killed","value":2,"location":"Aleppo, Syria"},
                     {"metric":"injured","value":5,"basis":"cumulative","counter":"SOHR","location":"Atlantis"}]}""")),
                    sent);
            E2e.awaitCaughtUp(settings, app, START);

            ServiceProcess b = ServiceProcess.start(env(app, stateB, topicNames), dir.resolve(app + "-b.log"));
            try {
                b.awaitHealthy(START);
                produce(settings, E2e.batch(random, "p1", 30, sent), sent);
                E2e.awaitCaughtUp(settings, app, START);

                // Mid-stream: half of the next batch sent, B killed while it works on it, the rest sent.
                List<Report> phase2 = E2e.batch(random, "p2", 30, sent);
                produce(settings, phase2.subList(0, phase2.size() / 2), sent);
                b.kill();
                produce(settings, phase2.subList(phase2.size() / 2, phase2.size()), sent);
                if (deleteState) {
                    Files2.deleteRecursively(stateB);
                    assertThat(stateB).doesNotExist();
                }
                b = ServiceProcess.start(env(app, stateB, topicNames), dir.resolve(app + "-b2.log"));
                b.awaitHealthy(START);
                produce(settings, E2e.batch(random, "p3", 20, sent), sent);

                E2e.assertMatchesReference(settings, app, registry, normalizer, sent, dir, what);
            } finally {
                b.close();
            }
        }
    }

    private static Map<String, String> env(String app, Path stateDir, Map<String, String> topicNames) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(Settings.envName(Settings.BOOTSTRAP), stack.bootstrapServers());
        env.put(Settings.envName(Settings.REGISTRY_URL), stack.registryUrl());
        env.put(Settings.envName(Settings.APPLICATION_ID), app);
        env.put(Settings.envName(Settings.STATE_DIR), stateDir.toString());
        env.put(Settings.envName(Settings.HTTP_PORT), "0");
        topicNames.forEach((key, name) -> env.put(Settings.envName(key), name));
        env.put("TOLLWATCH_KAFKA_NUM_STANDBY_REPLICAS", "1");
        env.put("TOLLWATCH_KAFKA_COMMIT_INTERVAL_MS", "100");
        // A killed instance never leaves the group: the survivor takes its tasks over when its session expires.
        env.put("TOLLWATCH_KAFKA_SESSION_TIMEOUT_MS", "6000");
        env.put("TOLLWATCH_KAFKA_HEARTBEAT_INTERVAL_MS", "1000");
        return env;
    }

    private static void produce(Settings settings, List<Report> reports, List<Report> sent) throws Exception {
        Map<String, Object> props = new HashMap<>(settings.kafka());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, Report> producer = new KafkaProducer<>(props, new StringSerializer(),
                new AvroSerdes(registry).value(Report.class).serializer())) {
            for (Report r : reports) {
                producer.send(new ProducerRecord<>(settings.topics().reports(), null, r.getPublishedAt().toEpochMilli(),
                        r.getReportId(), r)).get(30, TimeUnit.SECONDS);
                sent.add(r);
            }
        }
    }
}
