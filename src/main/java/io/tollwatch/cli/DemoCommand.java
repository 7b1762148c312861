package io.tollwatch.cli;

import io.tollwatch.config.Settings;
import io.tollwatch.config.Topics;
import io.tollwatch.registry.AvroSerdes;
import io.tollwatch.registry.SchemaRegistryClient;
import io.tollwatch.report.Normalizer;
import io.tollwatch.report.ReportJson;
import io.tollwatch.runtime.EmbeddedStack;
import io.tollwatch.schema.DailyCount;
import io.tollwatch.schema.Figure;
import io.tollwatch.schema.Report;
import io.tollwatch.schema.Total;
import io.tollwatch.serve.Service;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Starts the whole stack on this machine, with sample reports.",
                "A single-node Kafka broker (KRaft), a schema registry (Apicurio, Confluent-compatible API), the",
                "service and the sample reports; prints the dashboard's URL (and, with --print-totals, running totals",
                "as they change). Ctrl-C stops everything."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep the broker's and the service's data here between runs (default: a temporary folder).")
    Path dataDir;

    @Option(names = "--http-port", defaultValue = "8080", description = "Port of the service's HTTP endpoint (default: ${DEFAULT-VALUE}; 0 for any free port).")
    int httpPort;

    @Option(names = "--no-samples", description = "Do not publish the sample reports.")
    boolean noSamples;

    @Option(names = "--print-totals", description = "Also print each total on the console as it changes.")
    boolean printTotals;

    @Override
    public Integer call() throws Exception {
        boolean keep = dataDir != null;
        Path dir = keep ? dataDir.toAbsolutePath() : Files.createTempDirectory("tollwatch-demo");
        System.err.println("tollwatch: starting the embedded broker and registry in " + dir + " …");
        EmbeddedStack stack = EmbeddedStack.start(dir.resolve("stack"));
        Service service;
        try {
            Settings settings = Settings.builder().overrides(Map.of(
                    Settings.BOOTSTRAP, stack.bootstrapServers(),
                    Settings.REGISTRY_URL, stack.registryUrl(),
                    Settings.STATE_DIR, dir.resolve("state").toString(),
                    Settings.HTTP_PORT, Integer.toString(httpPort),
                    Settings.TOPIC_PARTITIONS, "1")).build();
            registerSchemasInOrder(new SchemaRegistryClient(stack.registryUrl()), settings.topics());
            Normalizer normalizer = Normalizer.defaults();
            service = Service.of(settings, normalizer).start();
            service.awaitRunning(Duration.ofSeconds(60));
            TotalsPrinter printer = printTotals ? new TotalsPrinter(settings, new SchemaRegistryClient(stack.registryUrl())) : null;
            if (printer != null) {
                Thread printing = new Thread(printer, "tollwatch-demo-totals");
                printing.setDaemon(true);
                printing.start();
            }

            CountDownLatch stopped = new CountDownLatch(1);
            stack.closeOnShutdown(() -> System.err.println("tollwatch: stopping …"),
                    printer != null ? printer::stop : () -> { }, service, stopped::countDown);

            if (!noSamples) {
                List<Report> samples = samples();
                ProduceCommand.send(settings, new SchemaRegistryClient(stack.registryUrl()), settings.topics().reports(), samples);
                System.err.println("tollwatch: published " + samples.size() + " sample reports (one resend, one invalid)");
            }
            System.out.println();
            System.out.println("tollwatch demo is running");
            System.out.println("  Kafka broker     " + stack.bootstrapServers());
            System.out.println("  schema registry  " + stack.registryUrl());
            System.out.println("  dashboard        http://localhost:" + service.httpPort() + "/");
            System.out.println("  service          http://localhost:" + service.httpPort() + "  (/api/totals, /api/stream, /metrics, /health)");
            System.out.println("  topics           " + String.join(", ", settings.topics().all()));
            System.out.println("  send reports     java -jar target/tollwatch.jar produce --set kafka.bootstrap.servers="
                    + stack.bootstrapServers() + " --set schema.registry.url=" + stack.registryUrl() + " FILE.jsonl");
            System.out.println("  post reports     curl -X POST --data-binary @FILE.jsonl http://localhost:" + service.httpPort()
                    + "/api/reports");
            System.out.println(printTotals ? "Running totals follow; Ctrl-C stops everything." : "Ctrl-C stops everything.");
            System.out.println();
            stopped.await();
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
        return 0;
    }

    /**
     * The embedded registry keeps schemas in memory, so after a restart on a kept --data-dir the ids are handed out
     * anew; registering every subject in one fixed order first gives the records kept in Kafka their old ids back.
     */
    private static void registerSchemasInOrder(SchemaRegistryClient registry, Topics topics) {
        registry.register(topics.reports() + "-value", Report.getClassSchema());
        registry.register(topics.figures() + "-value", Figure.getClassSchema());
        registry.register(topics.unresolved() + "-value", Figure.getClassSchema());
        registry.register(topics.totals() + "-value", Total.getClassSchema());
        registry.register(topics.daily() + "-value", DailyCount.getClassSchema());
    }

    private static List<Report> samples() throws Exception {
        try (InputStream in = DemoCommand.class.getResourceAsStream("/samples/demo.jsonl")) {
            if (in == null) {
                throw new UserException("the sample reports are missing from the jar");
            }
            return ReportJson.readLines(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), "samples/demo.jsonl");
        }
    }

    /** Prints each total as it changes: the demo's console view of tollwatch.totals.v1. */
    private static final class TotalsPrinter implements Runnable {
        private final KafkaConsumer<String, Total> consumer;
        private final String topic;

        TotalsPrinter(Settings settings, SchemaRegistryClient registry) {
            Map<String, Object> props = new HashMap<>(settings.kafka());
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "tollwatch-demo-console-" + System.nanoTime());
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            this.consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                    new AvroSerdes(registry).value(Total.class).deserializer());
            this.topic = settings.topics().totals();
        }

        @Override
        public void run() {
            try (consumer) {
                consumer.subscribe(List.of(topic));
                while (true) {
                    consumer.poll(Duration.ofMillis(500)).forEach(r -> System.out.println(line(r.value())));
                }
            } catch (WakeupException e) {
                // stopping
            }
        }

        void stop() {
            consumer.wakeup();
        }

        private static String line(Total t) {
            String counters = t.getCounters().stream().map(c -> c.getCounter() + " " + c.getValue())
                    .collect(Collectors.joining(", "));
            return String.format("%-8s %-28s %-9s %-10s best %,d  low %,d  high %,d  [%s]", t.getRegion(),
                    t.getRegionName(), t.getMetric(), t.getPopulation(), t.getBest(), t.getLow(), t.getHigh(), counters);
        }
    }
}
