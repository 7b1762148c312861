package io.tollwatch.serve;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tollwatch.schema.Figure;
import io.tollwatch.schema.Report;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.Topology;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * What operators see of one instance: the Prometheus registry (JVM, Kafka Streams with every store type, and
 * tollwatch's own {@code tollwatch_*} meters) and the health of the Kafka Streams client.
 */
final class Monitoring implements AutoCloseable {
    /** How soon meters of new Kafka metrics (a task's stores after a rebalance) appear; Micrometer's default is 60 s. */
    private static final Duration KAFKA_METRICS_REFRESH = Duration.ofSeconds(10);

    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final StreamHealth health;
    private volatile KafkaStreams streams;
    private ScheduledExecutorService refresher;
    private KafkaStreamsMetrics streamsMetrics;
    private LongSupplier extractionFailures;

    Monitoring() {
        new ClassLoaderMetrics().bindTo(meters);
        new JvmMemoryMetrics().bindTo(meters);
        gc.bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);
        new UptimeMetrics().bindTo(meters);
        health = new StreamHealth(Clock.systemUTC(), this::threads, meters);
    }

    MeterRegistry meters() {
        return meters;
    }

    /** The normalise step, timed and counted. */
    Function<Report, List<Figure>> normalise(Function<Report, List<Figure>> normalise) {
        return new MeteredNormaliser(normalise, meters);
    }

    /**
     * Sentences (or whole reports) the text rules failed on, as {@code tollwatch.extraction.failures}: each yields no
     * figures and is logged once with its report id; a count above zero is a defect to look into, not bad input.
     */
    void extractionFailures(LongSupplier failures) {
        extractionFailures = failures; // the counter holds it weakly, and callers pass a method reference nothing else holds
        FunctionCounter.builder("tollwatch.extraction.failures", failures, LongSupplier::getAsLong)
                .description("Sentences or reports the text rules failed on (each logged once; they yield no figures)")
                .register(meters);
    }

    /** The reports topic's serde, counting every record read. */
    Serde<Report> reports(Serde<Report> serde) {
        return ReportsIn.counted(serde, meters);
    }

    /** Watches the client (call before {@code start}): health, restoration, Kafka's metrics, store sizes. */
    void watch(KafkaStreams streams, Topology topology) {
        this.streams = streams;
        streams.setStateListener(health);
        streams.setGlobalStateRestoreListener(health);
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tollwatch-metrics-refresh");
            t.setDaemon(true);
            return t;
        });
        streamsMetrics = new KafkaStreamsMetrics(streams, List.of(), refresher, KAFKA_METRICS_REFRESH);
        streamsMetrics.bindTo(meters);
        StoreSizes.bind(topology, streams, meters);
    }

    private Collection<ThreadMetadata> threads() {
        KafkaStreams s = streams;
        return s == null ? List.of() : s.metadataForLocalThreads();
    }

    StreamHealth health() {
        return health;
    }

    String scrape() {
        return meters.scrape();
    }

    @Override
    public void close() {
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        if (refresher != null) {
            refresher.shutdownNow();
        }
        gc.close();
        meters.close();
    }
}
