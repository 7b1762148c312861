package io.tollwatch.topology;

import io.tollwatch.config.Settings;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

import java.util.Properties;

/** The Kafka Streams configuration of the service, from its settings; {@code kafka.*} settings win. */
public final class StreamsProperties {
    /** Room for the largest valid report (1 MiB of text and 1,000 figures) and for larger ones to be rejected. */
    public static final int MAX_RECORD_BYTES = 4 << 20;
    /** The record caches of the state stores, all threads of an instance together. */
    public static final long CACHE_BYTES = 64L << 20;
    /** The producer's batch for one partition: eight times Kafka's 16 KiB. */
    public static final int BATCH_BYTES = 128 << 10;
    /** The service's MeterRegistry, handed to the exception handlers that Kafka Streams instantiates by class name. */
    public static final String METER_REGISTRY = "tollwatch.meter.registry";

    private StreamsProperties() {
    }

    public static Properties from(Settings settings, String applicationServer) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.get(Settings.APPLICATION_ID));
        p.put(StreamsConfig.STATE_DIR_CONFIG, settings.get(Settings.STATE_DIR));
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        // Bad input never stops the service: undecodable bytes and invalid reports go to the dead-letter topic with
        // the original bytes, the reason and the origin in headers (Kafka Streams' built-in DLQ, KIP-1034).
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, BadInputHandler.class.getName());
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, BadReportHandler.class.getName());
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, settings.topics().dlq());
        // A report may carry 1 MiB of text, and a rejected one is copied to the dead-letter topic as it came: the
        // producer's 1 MB default would fail that copy and with it the stream thread, again and again.
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), MAX_RECORD_BYTES);
        // The count store, the recent-figures view and the daily windows share one cache per thread; at Kafka's
        // 10 MB default a busy stream evicts, and each eviction flushes its store's dirty records to RocksDB and the
        // changelog, which undoes the cache (measured when the figures view kept 20 KB lists: the README's bench).
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, CACHE_BYTES);
        // A commit's cache flush sends each partition a burst of changelog and totals records, and a produce request
        // carries at most one batch per partition: at Kafka's 16 KiB a burst takes several requests in turn before
        // the commit can end (the README's bench: a third of the requests at 128 KiB, and less CPU a report).
        p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), BATCH_BYTES);
        // Each sub-topology reads one topic (TollwatchTopologyTest checks), so a task has one partition and nothing to
        // wait for; with idling on, Kafka Streams formats a log line for every idle task on every loop (3% of the
        // stream thread in the README's bench, whose p99 was lower without it in all four pairs run).
        p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        if (applicationServer != null) {
            p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
        }
        p.putAll(settings.kafka());
        return p;
    }
}
