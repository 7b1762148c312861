package io.tollwatch.serve;

import io.tollwatch.config.ConfigException;
import io.tollwatch.config.Settings;
import io.tollwatch.config.Topics;
import io.tollwatch.registry.AvroSerdes;
import io.tollwatch.registry.SchemaRegistryClient;
import io.tollwatch.report.Normalizer;
import io.tollwatch.schema.DailyCount;
import io.tollwatch.schema.Figure;
import io.tollwatch.schema.Report;
import io.tollwatch.schema.Total;
import io.tollwatch.serve.dashboard.DashboardRoutes;
import io.tollwatch.serve.http.HttpServer;
import io.tollwatch.serve.ingest.IngestRoutes;
import io.tollwatch.serve.ingest.KafkaReportSink;
import io.tollwatch.serve.live.StreamRoutes;
import io.tollwatch.serve.live.TotalsFeed;
import io.tollwatch.serve.query.ClusterViews;
import io.tollwatch.serve.query.PartitionCounts;
import io.tollwatch.serve.query.QueryRoutes;
import io.tollwatch.topology.StreamsProperties;
import io.tollwatch.topology.TollwatchTopology;
import io.tollwatch.topology.TopologySerdes;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * The running service: Kafka Streams over the topology, the HTTP server (metrics, health, query API, live
 * stream, ingest, dashboard) and the metrics registry. Everything with I/O lives here, so that the topology stays a pure function.
 */
public final class Service implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Service.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final Settings settings;
    private final Function<Report, List<Figure>> normalise;
    private final UnaryOperator<String> regionNames;
    private final Monitoring monitoring = new Monitoring();
    private final StreamFailures failures = new StreamFailures();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile KafkaStreams streams;
    private TotalsFeed feed;
    private StreamRoutes live;
    private KafkaReportSink sink;
    private HttpServer http;

    /**
     * @param normalise   a valid report to its figures (in production {@code Normalizer::figures})
     * @param regionNames region code to English name
     */
    public Service(Settings settings, Function<Report, List<Figure>> normalise, UnaryOperator<String> regionNames) {
        this.settings = settings;
        this.normalise = normalise;
        this.regionNames = regionNames;
    }

    /**
     * A service whose normalise step reads text: {@code extractionFailures} (in production
     * {@code Normalizer::extractionFailures}) is published as {@code tollwatch_extraction_failures_total}.
     */
    public Service(Settings settings, Function<Report, List<Figure>> normalise, UnaryOperator<String> regionNames,
                   LongSupplier extractionFailures) {
        this(settings, normalise, regionNames);
        monitoring.extractionFailures(extractionFailures);
    }

    /** The production service: the normaliser's figures, its region names and its extraction failures. */
    public static Service of(Settings settings, Normalizer normalizer) {
        return new Service(settings, normalizer::figures, normalizer.gazetteer()::regionName,
                normalizer::extractionFailures);
    }

    /**
     * Checks the registry and prepares the subjects, creates missing topics, starts Kafka Streams and the HTTP
     * endpoint.
     */
    public Service start() throws IOException {
        LOG.info("tollwatch starting with {}", settings.describe());
        SchemaRegistryClient registry = RegistryClients.from(settings);
        registry.checkReachable();
        Topics topics = settings.topics();
        prepareSubjects(registry, topics, settings.get(Settings.REGISTRY_COMPATIBILITY));
        ensureTopics(settings, topics);

        int port = resolve(settings.getInt(Settings.HTTP_PORT));
        String advertised = settings.get(Settings.HTTP_ADVERTISED_URL);
        String appServer = advertised != null ? hostPort(advertised) : "localhost:" + port;

        AvroSerdes avro = new AvroSerdes(registry);
        TopologySerdes serdes = new TopologySerdes(monitoring.reports(avro.value(Report.class)), avro.value(Figure.class),
                avro.value(Total.class), avro.value(DailyCount.class));
        Topology topology = TollwatchTopology.build(topics, serdes, monitoring.normalise(normalise), regionNames,
                monitoring.meters(), settings.getLong(Settings.MAX_FIGURE_VALUE));
        Properties props = StreamsProperties.from(settings, appServer);
        props.put(StreamsProperties.METER_REGISTRY, monitoring.meters());
        streams = new KafkaStreams(topology, props);
        monitoring.watch(streams, topology);
        StreamHealth health = monitoring.health();
        // One state listener per client: health's, and the latch that awaitStop waits on.
        streams.setStateListener((now, before) -> {
            health.onChange(now, before);
            if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                stopped.countDown();
            }
        });
        streams.setUncaughtExceptionHandler(e -> {
            if (StreamFailures.refusal(e).isEmpty()) {
                health.threadFailed(e);
            }
            return failures.handle(e);
        });
        ClusterViews views = new ClusterViews(streams, HostInfo.buildFromEndpoint(appServer), topics,
                PartitionCounts.of(settings.kafka(), List.of(topics.totals(), topics.daily(), topics.figures())),
                serdes.total().deserializer(), serdes.daily().deserializer());
        feed = new TotalsFeed(settings.kafka(), topics.totals(), avro.value(Total.class).deserializer()).start();
        live = new StreamRoutes(feed, HEARTBEAT);
        sink = new KafkaReportSink(settings.kafka(), topics.reports(), avro.value(Report.class).serializer());
        try {
            http = HttpServer.builder()
                    .port(port)
                    .module(new RequestMetrics(monitoring.meters()))
                    .module(new HealthRoutes(monitoring))
                    .module(new QueryRoutes(views, regionNames))
                    .module(views.internalRoutes())
                    .module(live)
                    .module(new IngestRoutes(settings.get(Settings.INGEST_TOKEN), settings.getInt(Settings.INGEST_MAX_BYTES),
                            settings.getInt(Settings.INGEST_RATE), sink))
                    .module(new DashboardRoutes())
                    .start();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        streams.start();

        LOG.info("tollwatch running: streams {} , http on port {}", settings.get(Settings.APPLICATION_ID),
                http.port());
        return this;
    }

    public KafkaStreams streams() {
        return streams;
    }

    public int httpPort() {
        return http.port();
    }

    /**
     * Waits until Kafka Streams has stopped (closed, or stopped by a failure that retrying cannot heal); the reason
     * of such a failure, if that is why.
     */
    public Optional<String> awaitStop() throws InterruptedException {
        stopped.await();
        return failures.fatalReason();
    }

    /**
     * Sets the compatibility level of the subjects of the topics the service reads and writes (so the registry
     * refuses a scraper's or a later version's schema that would break readers), then registers the output schemas:
     * a registered schema that this version's is incompatible with stops the start with the registry's reason.
     */
    static void prepareSubjects(SchemaRegistryClient registry, Topics topics, String compatibility) {
        Map<String, Schema> outputs = new LinkedHashMap<>();
        outputs.put(topics.figures(), Figure.getClassSchema());
        outputs.put(topics.totals(), Total.getClassSchema());
        outputs.put(topics.daily(), DailyCount.getClassSchema());
        outputs.put(topics.unresolved(), Figure.getClassSchema());
        if (compatibility != null && !compatibility.isBlank()) {
            String level = compatibility.trim().toUpperCase(Locale.ROOT);
            registry.setCompatibility(topics.reports() + "-value", level);
            outputs.keySet().forEach(topic -> registry.setCompatibility(topic + "-value", level));
        }
        outputs.forEach((topic, schema) -> registry.register(topic + "-value", schema));
    }

    /** Waits until Kafka Streams is RUNNING, or throws after the timeout. */
    public void awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka Streams is " + streams.state() + " after " + timeout);
            }
            Thread.sleep(100);
        }
    }

    /**
     * Creates the topics of spec §4 that do not exist yet; totals and the daily series are compacted, reports and dead
     * letters take records up to {@link StreamsProperties#MAX_RECORD_BYTES}. Existing topics keep their configuration.
     */
    public static void ensureTopics(Settings settings, Topics topics) {
        Map<String, Object> admin = new HashMap<>(settings.kafka());
        admin.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15000);
        try (Admin a = Admin.create(admin)) {
            Set<String> existing = a.listTopics().names().get(30, TimeUnit.SECONDS);
            int partitions = settings.getInt(Settings.TOPIC_PARTITIONS);
            short replication = (short) settings.getInt(Settings.TOPIC_REPLICATION);
            List<NewTopic> missing = new ArrayList<>();
            for (String t : topics.all()) {
                if (!existing.contains(t)) {
                    NewTopic nt = new NewTopic(t, partitions, replication);
                    if (t.equals(topics.totals()) || t.equals(topics.daily())) { // keyed by what they total
                        nt.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                    } else if (t.equals(topics.reports()) || t.equals(topics.dlq())) {
                        // A report of 1 MiB text is larger than the broker's 1 MB default, and so is its dead letter.
                        nt.configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                                String.valueOf(StreamsProperties.MAX_RECORD_BYTES)));
                    }
                    missing.add(nt);
                }
            }
            if (!missing.isEmpty()) {
                a.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ConfigException("cannot reach Kafka at " + settings.get(Settings.BOOTSTRAP)
                    + " to create topics: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        }
    }

    /** 0 becomes a free port now, because Kafka Streams must know the port before the server starts. */
    private static int resolve(int port) throws IOException {
        if (port != 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String hostPort(String url) {
        URI u = URI.create(url);
        return u.getHost() + ":" + (u.getPort() > 0 ? u.getPort() : 80);
    }

    /** Idempotent: a second call does nothing. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        if (live != null) {
            live.close();
        }
        if (http != null) {
            http.close();
        }
        if (feed != null) {
            feed.close();
        }
        if (sink != null) {
            sink.close();
        }
        if (streams != null) {
            // Leave the group, so that the other instances take this one's work over at once, not after the session timeout.
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(30)));
        }
        monitoring.close();
    }
}
