package io.tollwatch.bench;

import io.tollwatch.config.Settings;
import io.tollwatch.config.Topics;
import io.tollwatch.registry.AvroSerdes;
import io.tollwatch.registry.SchemaRegistryClient;
import io.tollwatch.report.Normalizer;
import io.tollwatch.runtime.Files2;
import io.tollwatch.schema.Report;
import io.tollwatch.schema.Total;
import io.tollwatch.serve.Service;
import io.tollwatch.topology.Names;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serializer;
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
import java.util.function.UnaryOperator;

/**
 * {@code tollwatch bench}: the service on the embedded broker and registry (in a JVM of their own: {@link SeparateStack}),
 * measured against the broker's own exactly-once speed and against {@link Floor}, plus extraction speed, the cost of a
 * long history and the service's heap. See {@link BenchResult}.
 */
public final class ServiceBench {
    /** The application id of the measured service; its internal topics start with it. */
    static final String APPLICATION_ID = "tollwatch-bench";
    private static final String PASSTHROUGH_TOPIC = "tollwatch-bench.passthrough";
    private static final String FLOOR_INPUT = "tollwatch-bench.floor-reports";
    private static final String FLOOR_OUTPUT = "tollwatch-bench.floor-totals";

    /**
     * @param reports        load reports pre-loaded for the pass-through and the pipeline
     * @param instances      service instances sharing the work (in this JVM)
     * @param latencySeconds how long the latency phase sends
     * @param floorLatencySeconds how long the floor's latency phase sends (at most {@code latencySeconds})
     * @param latencyRate    reports a second in the latency phase; null: half the pipeline's rate, where the goal is
     * @param historyFigures the long history (the short one is a thousand figures)
     * @param extractSeconds how long extraction is timed (after as long again of warm-up)
     * @param warmUpReports  reports in each of the warm-up's rounds, sent to the very instances then timed (and to
     *                       the floor's), until a round leaves the JIT quiet ({@link WarmUp})
     * @param warmUpRounds   the most rounds of warm-up (0: none)
     * @param overrides      service settings ({@code kafka.*} and the rest), as {@code run --set} takes them
     */
    public record Options(int reports, int instances, double latencySeconds, double floorLatencySeconds,
                          Double latencyRate, long historyFigures, double extractSeconds, int warmUpReports,
                          int warmUpRounds, Map<String, String> overrides) {
        public static Options standard(Map<String, String> overrides) {
            return new Options(22_000, 1, 30, 30, null, 1_000_000, 5, 4_000, 6, overrides);
        }

        public static Options quick(Map<String, String> overrides) {
            // A short latency phase for the floor keeps the smoke run under a minute.
            return new Options(3_000, 1, 8, 2, null, 200_000, 2, 1_500, 2, overrides);
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
        log.println("bench: starting the embedded broker and registry in a JVM of their own …");
        try (HeapPeak heap = HeapPeak.start(); SeparateStack stack = SeparateStack.start(dir.resolve("stack"))) {
            Settings base = settings(stack, dir, 0);
            Topics topics = base.topics();
            Service.ensureTopics(base, topics);
            for (String topic : List.of(PASSTHROUGH_TOPIC, FLOOR_INPUT, FLOOR_OUTPUT)) {
                createTopic(stack.bootstrapServers(), topic, base.getInt(Settings.TOPIC_PARTITIONS));
            }
            AvroSerdes avro = new AvroSerdes(new SchemaRegistryClient(stack.registryUrl()));
            Serializer<Report> reports = avro.value(Report.class).serializer();

            List<Service> services = new ArrayList<>();
            try (Drain drain = new Drain(stack.bootstrapServers(), APPLICATION_ID, topics.reports())) {
                for (int i = 0; i < options.instances(); i++) {
                    services.add(Service.of(settings(stack, dir, i), normalizer).start());
                }
                List<KafkaStreams> apps = services.stream().map(Service::streams).toList();
                awaitRunning(apps);
                log.printf(Locale.ROOT, "bench: warming up %d service instance(s) …%n", options.instances());
                WarmUp.Result warm = WarmUp.run(stack.bootstrapServers(), topics.reports(), reports, drain,
                        options.warmUpReports(), options.warmUpRounds(), log);
                apps.forEach(KafkaStreams::pause);
                if (warm.rounds() > 0) {
                    // The copy warms up on the same reports, so that both sides of the ratio are timed warm.
                    Passthrough.copy(stack.bootstrapServers(), topics.reports(), PASSTHROUGH_TOPIC,
                            (long) warm.rounds() * options.warmUpReports());
                }

                log.printf(Locale.ROOT, "bench: pre-loading %,d reports (%,d figures) …%n", load.size(), figures);
                WarmUp.send(stack.bootstrapServers(), topics.reports(), reports, load);

                log.println("bench: pass-through …");
                long cpu = CpuClock.nanos(stack);
                double passthrough = Passthrough.copy(stack.bootstrapServers(), topics.reports(), PASSTHROUGH_TOPIC, load.size());
                double passthroughCpuMs = (CpuClock.nanos(stack) - cpu) / 1e6 / load.size();

                log.printf(Locale.ROOT, "bench: pipeline, %d instance(s) …%n", options.instances());
                TimedDrain pipeline = TimedDrain.resume(stack, apps, drain, load.size());

                double rate = options.latencyRate() != null ? options.latencyRate() : pipeline.reportsPerSecond() / 2;
                log.printf(Locale.ROOT, "bench: latency at %,.0f reports/s for %.0f s …%n", rate, options.latencySeconds());
                Duration latencyTime = Duration.ofMillis((long) (options.latencySeconds() * 1000));
                UnaryOperator<String> regionOf = place -> normalizer.gazetteer().resolve(place).region();
                // The stream threads' clock starts with the timed probes, after the settling stretch (Latency).
                long[] timedFrom = new long[2];
                Latency.Result latency = Latency.measure(stack.bootstrapServers(), topics.reports(), reports,
                        topics.totals(), avro.value(Total.class).deserializer(),
                        APPLICATION_ID + "-" + Names.BY_COUNTRY_METRIC + "-repartition", rate, latencyTime, load.size(),
                        regionOf, () -> {
                            timedFrom[0] = StreamThreadClock.nanos(APPLICATION_ID);
                            timedFrom[1] = System.nanoTime();
                        });
                StreamThreadClock.Usage streamThreads = new StreamThreadClock.Usage(
                        StreamThreadClock.nanos(APPLICATION_ID) - timedFrom[0], System.nanoTime() - timedFrom[1]);
                double heapPeak = heap.peakMegabytes();
                double heapLive = heap.liveAfterGcMegabytes();

                log.println("bench: reading the internal topics' record sizes …");
                StateSizes.Largest largest = StateSizes.largest(stack.bootstrapServers(), drain.internalTopics());
                services.forEach(Service::close);
                services.clear();

                log.printf(Locale.ROOT, "bench: the floor (two exactly-once hops, no rules), latency at %,.0f reports/s …%n",
                        rate);
                Floor.Result floor = Floor.measure(stack, settings(stack, dir, Floor.APPLICATION_ID, "state-floor"),
                        Floor.topology(FLOOR_INPUT, FLOOR_OUTPUT, avro.value(Report.class), avro.value(Total.class), regionOf),
                        FLOOR_INPUT, FLOOR_OUTPUT, avro, load, options.warmUpReports(), options.warmUpRounds(), rate,
                        Duration.ofMillis((long) (Math.min(options.floorLatencySeconds(), options.latencySeconds()) * 1000)),
                        regionOf, log);
                String workload = String.format(Locale.ROOT, "%,d reports (%,d figures), %d instance(s), %d partitions",
                        load.size(), figures, options.instances(), base.getInt(Settings.TOPIC_PARTITIONS));
                return new BenchResult(workload, pipeline.reportsPerSecond(), figures / pipeline.seconds(), passthrough,
                        pipeline.cpuMsPerReport(), passthroughCpuMs, pipeline.jitShare(), warm, floor, extract, latency,
                        rate, options.latencyRate() == null, streamThreads, history, largest.bytes(), largest.topic(), heapPeak, heapLive);
            } finally {
                services.forEach(Service::close);
            }
        } finally {
            Files2.deleteRecursively(dir);
        }
    }

    private Settings settings(SeparateStack stack, Path dir, int instance) {
        return settings(stack, dir, APPLICATION_ID, "state-" + instance);
    }

    private Settings settings(SeparateStack stack, Path dir, String applicationId, String state) {
        Map<String, String> s = new HashMap<>();
        s.put(Settings.BOOTSTRAP, stack.bootstrapServers());
        s.put(Settings.REGISTRY_URL, stack.registryUrl());
        s.put(Settings.APPLICATION_ID, applicationId);
        s.put(Settings.STATE_DIR, dir.resolve(state).toString());
        s.put(Settings.HTTP_PORT, "0");
        s.putAll(options.overrides());
        return Settings.builder().overrides(s).build();
    }

    private static void createTopic(String bootstrap, String name, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        }
    }

    /** Waits until every instance is RUNNING. */
    static void awaitRunning(List<KafkaStreams> apps) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (apps.stream().anyMatch(a -> a.state() != KafkaStreams.State.RUNNING)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka Streams did not reach RUNNING within two minutes");
            }
            Thread.sleep(5);
        }
    }
}
