package io.tollwatch.e2e;

import io.tollwatch.config.Settings;
import io.tollwatch.it.LiveStack;
import io.tollwatch.registry.AvroSerdes;
import io.tollwatch.registry.SchemaRegistryClient;
import io.tollwatch.report.Normalizer;
import io.tollwatch.report.ReportJson;
import io.tollwatch.runtime.Files2;
import io.tollwatch.schema.Report;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
 * published once. Three runs of kill and restart on one stream, each checked; in the third the killed instance's
 * state folder is also deleted, so it comes back from the changelog topics (and the standby) alone.
 */
class CrashRestoreIT {
    private static final String APP = "tollwatch-crash";
    private static final Duration START = Duration.ofSeconds(90);

    @RegisterExtension
    static final LiveStack live = new LiveStack();
    static SchemaRegistryClient registry;
    static Normalizer normalizer;
    static Settings settings;

    @BeforeAll
    static void start() {
        registry = live.registry();
        normalizer = LiveStack.normalizer();
        settings = live.settings(APP, "unused", Map.of());
    }

    @Test
    void aKilledInstanceComesBackWithExactTotalsThreeRunsOutOfThree() throws Exception {
        Path stateA = live.dir("state-a");
        Path stateB = live.dir("state-b");
        Random random = new Random(1000);
        List<Report> sent = new ArrayList<>();
        try (ServiceProcess a = ServiceProcess.start(env(stateA), live.dir("a.log"))) {
            a.awaitHealthy(START);
            // One report through every topic first, on A alone, so that each subject's first schema is registered
            // by one instance (see MultiInstanceIT).
            produce(List.of(ReportJson.parse("""
                    {"report_id":"warm-up","source":"AFP","published_at":"2024-11-19T12:00:00Z","figures":[
                     {"metric":"killed","value":2,"location":"Aleppo, Syria"},
                     {"metric":"injured","value":5,"basis":"cumulative","counter":"SOHR","location":"Atlantis"}]}""")),
                    sent);
            E2e.awaitCaughtUp(settings, APP, START);
            ServiceProcess b = ServiceProcess.start(env(stateB), live.dir("b-0.log"));
            try {
                b.awaitHealthy(START);
                produce(E2e.batch(random, "p0", 30, sent), sent);
                E2e.awaitCaughtUp(settings, APP, START);
                for (int run = 1; run <= 3; run++) {
                    // Mid-stream: half of a batch sent, B killed while it works on it, the rest sent.
                    List<Report> batch = E2e.batch(random, "p" + run, 30, sent);
                    produce(batch.subList(0, batch.size() / 2), sent);
                    b.kill();
                    produce(batch.subList(batch.size() / 2, batch.size()), sent);
                    boolean deleteState = run == 3;
                    if (deleteState) {
                        Files2.deleteRecursively(stateB);
                        assertThat(stateB).doesNotExist();
                    }
                    b = ServiceProcess.start(env(stateB), live.dir("b-" + run + ".log"));
                    b.awaitHealthy(START);
                    produce(E2e.batch(random, "p" + run + "-after", 15, sent), sent);
                    E2e.assertMatchesReference(settings, APP, registry, normalizer, sent, live.dir("reference"),
                            "run " + run + " of 3" + (deleteState ? " (state deleted)" : ""));
                }
            } finally {
                b.close();
            }
        }
    }

    private static Map<String, String> env(Path stateDir) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(Settings.envName(Settings.BOOTSTRAP), live.stack().bootstrapServers());
        env.put(Settings.envName(Settings.REGISTRY_URL), live.stack().registryUrl());
        env.put(Settings.envName(Settings.APPLICATION_ID), APP);
        env.put(Settings.envName(Settings.STATE_DIR), stateDir.toString());
        env.put(Settings.envName(Settings.HTTP_PORT), "0");
        env.put("TOLLWATCH_KAFKA_NUM_STANDBY_REPLICAS", "1");
        env.put("TOLLWATCH_KAFKA_COMMIT_INTERVAL_MS", "100");
        // A killed instance never leaves the group: the survivor takes its tasks over when its session expires.
        env.put("TOLLWATCH_KAFKA_SESSION_TIMEOUT_MS", "6000");
        env.put("TOLLWATCH_KAFKA_HEARTBEAT_INTERVAL_MS", "1000");
        return env;
    }

    private static void produce(List<Report> reports, List<Report> sent) throws Exception {
        Map<String, Object> props = new HashMap<>(settings.kafka());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, Report> producer = new KafkaProducer<>(props, new StringSerializer(),
                new AvroSerdes(registry).value(Report.class).serializer())) {
            for (Report r : reports) {
                // Sent now, not at publication time: records two years old would fall to the topics' 7-day retention
                // (by record time) at the broker's next check, in the middle of the test.
                producer.send(new ProducerRecord<>(settings.topics().reports(), r.getReportId(), r))
                        .get(30, TimeUnit.SECONDS);
                sent.add(r);
            }
        }
    }
}
