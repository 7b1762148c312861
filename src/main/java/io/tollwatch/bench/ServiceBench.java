package io.tollwatch.bench;

import io.tollwatch.config.Settings;
import io.tollwatch.config.Topics;
import io.tollwatch.registry.AvroSerdes;
import io.tollwatch.registry.SchemaRegistryClient;
import io.tollwatch.report.Normalizer;
import io.tollwatch.runtime.EmbeddedStack;
import io.tollwatch.runtime.Files2;
import io.tollwatch.schema.Report;
import io.tollwatch.schema.Total;
import io.tollwatch.serve.Service;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code tollwatch bench}: the service on the embedded broker and registry, measured against the broker's own
 * exactly-once speed, plus extraction speed, the cost of a long history and the heap. See {@link BenchResult}.
 */
public final class ServiceBench {
    /** The application id of the measured service; its internal topics start with it. */
    static final String APPLICATION_ID = "tollwatch-bench";
    private static final String PASSTHROUGH_TOPIC = "tollwatch-bench.passthrough";

    /**
     * @param reports        load reports pre-loaded for the pass-through and the pipeline
     * @param instances      service instances sharing the work (in this JVM)
     * @param latencySeconds how long the latency phase sends at half the pipeline's rate
     * @param historyFigures the long history (the short one is a thousand figures)
     * @param extractSeconds how long extraction is timed (after as long again of warm-up)
     * @param overrides      service settings ({@code kafka.*} and the rest), as {@code run --set} takes them
     */
    public record Options(int reports, int instances, double latencySeconds, long historyFigures,
                          double extractSeconds, Map<String, String> overrides) {
        public static Options standard(Map<String, String> overrides) {
            return new Options(22_000, 1, 30, 1_000_000, 5, overrides);
        }

        public static Options quick(Map<String, String> overrides) {
            return new Options(3_000, 1, 8, 200_000, 2, overrides);
        }
    }

    private final Options options;
    private final PrintStream log;

    public ServiceBench(Options options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    public BenchResult run() throws Exception {
        log.println("bench: extraction on one thread …");
        double extract = ExtractSpeed.megabytesPerSecond(options.extractSeconds(), options.extractSeconds());
        log.printf(Locale.ROOT, "bench: history (%,d vs 1,000 figures) …%n", options.historyFigures());
        HistoryCost.Result history = HistoryCost.measure(1_000, options.historyFigures());
        Normalizer normalizer = Normalizer.defaults();
        List<Report> load = BenchLoad.reports(0, options.reports(), 12);
        int figures = BenchLoad.figures(load);

        Path dir = Files.createTempDirectory("tollwatch-bench-");
        log.println("bench: starting the embedded broker and registry …");
        try (HeapPeak heap = HeapPeak.start(); EmbeddedStack stack = EmbeddedStack.start(dir.resolve("stack"))) {
            Settings base = settings(stack, dir, 0);
            Topics topics = base.topics();
            Service.ensureTopics(base, topics);
            createPassthroughTopic(stack.bootstrapServers(), base.getInt(Settings.TOPIC_PARTITIONS));
            AvroSerdes avro = new AvroSerdes(new SchemaRegistryClient(stack.registryUrl()));

            log.printf(Locale.ROOT, "bench: pre-loading %,d reports (%,d figures) …%n", load.size(), figures);
            preload(stack.bootstrapServers(), topics.reports(), avro, load);

            log.println("bench: pass-through …");
            long cpu = CpuClock.nanos();
            double passthrough = Passthrough.copy(stack.bootstrapServers(), topics.reports(), PASSTHROUGH_TOPIC, load.size());
            double passthroughCpuMs = (CpuClock.nanos() - cpu) / 1e6 / load.size();

            log.printf(Locale.ROOT, "bench: pipeline, %d instance(s) …%n", options.instances());
            List<Service> services = new ArrayList<>();
            try (Drain drain = new Drain(stack.bootstrapServers(), APPLICATION_ID, topics.reports())) {
                for (int i = 0; i < options.instances(); i++) {
                    services.add(new Service(settings(stack, dir, i), normalizer::figures,
                            normalizer.gazetteer()::regionName, normalizer::extractionFailures).start());
                }
                long started = awaitFirstRunning(services);
                cpu = CpuClock.nanos();
                drain.await(Duration.ofMinutes(20));
                double seconds = (System.nanoTime() - started) / 1e9;
                double pipelineCpuMs = (CpuClock.nanos() - cpu) / 1e6 / load.size();
                double pipeline = load.size() / seconds;

                double rate = pipeline / 2;
                log.printf(Locale.ROOT, "bench: latency at %,.0f reports/s for %.0f s …%n", rate, options.latencySeconds());
                Latency.Result latency = Latency.measure(stack.bootstrapServers(), topics.reports(),
                        avro.value(Report.class).serializer(), topics.totals(), avro.value(Total.class).deserializer(),
                        rate, Duration.ofMillis((long) (options.latencySeconds() * 1000)), load.size(),
                        place -> normalizer.gazetteer().resolve(place).region());
                double heapPeak = heap.peakMegabytes();
                double heapLive = heap.liveAfterGcMegabytes();

                log.println("bench: reading the internal topics' record sizes …");
                StateSizes.Largest largest = StateSizes.largest(stack.bootstrapServers(), drain.internalTopics());
                String workload = String.format(Locale.ROOT, "%,d reports (%,d figures), %d instance(s), %d partitions",
                        load.size(), figures, options.instances(), base.getInt(Settings.TOPIC_PARTITIONS));
                return new BenchResult(workload, pipeline, figures / seconds, passthrough, pipelineCpuMs,
                        passthroughCpuMs, extract, latency.p50Ms(),
                        latency.p99Ms(), latency.sent(), latency.seen(), rate, history, largest.bytes(),
                        largest.topic(), heapPeak, heapLive);
            } finally {
                services.forEach(Service::close);
            }
        } finally {
            Files2.deleteRecursively(dir);
        }
    }

    private Settings settings(EmbeddedStack stack, Path dir, int instance) {
        Map<String, String> s = new HashMap<>();
        s.put(Settings.BOOTSTRAP, stack.bootstrapServers());
        s.put(Settings.REGISTRY_URL, stack.registryUrl());
        s.put(Settings.APPLICATION_ID, APPLICATION_ID);
        s.put(Settings.STATE_DIR, dir.resolve("state-" + instance).toString());
        s.put(Settings.HTTP_PORT, "0");
        s.putAll(options.overrides());
        return Settings.builder().overrides(s).build();
    }

    private static void createPassthroughTopic(String bootstrap, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(PASSTHROUGH_TOPIC, partitions, (short) 1))).all().get();
        }
    }

    private static void preload(String bootstrap, String topic, AvroSerdes avro, List<Report> reports) {
        try (KafkaProducer<String, Report> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20), new StringSerializer(), avro.value(Report.class).serializer())) {
            for (Report r : reports) {
                producer.send(new ProducerRecord<>(topic, r.getReportId(), r));
            }
            producer.flush();
        }
    }

    /** Waits until one instance is RUNNING (processing starts then) and returns that moment. */
    private static long awaitFirstRunning(List<Service> services) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (services.stream().noneMatch(s -> s.streams().state() == KafkaStreams.State.RUNNING)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no instance reached RUNNING within two minutes");
            }
            Thread.sleep(5);
        }
        return System.nanoTime();
    }
}
