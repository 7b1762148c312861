package io.tollwatch.serve;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The size of each state store on this instance, summed over its partitions (and a window store's segments):
 * {@code tollwatch.store.entries} (RocksDB's estimate of the keys) and {@code tollwatch.store.bytes} (SST files plus
 * memtables). Read from Kafka Streams' own RocksDB metrics, which are per task and per store type; this gives one
 * series per store, named as in {@code topology.Names}.
 */
final class StoreSizes {
    private static final String GROUP = "stream-state-metrics";
    private static final long CACHE_MILLIS = 1000;

    private final KafkaStreams streams;
    private Map<String, long[]> snapshot = Map.of();
    private long snapshotAt;

    private StoreSizes(KafkaStreams streams) {
        this.streams = streams;
    }

    static void bind(Topology topology, KafkaStreams streams, MeterRegistry meters) {
        StoreSizes sizes = new StoreSizes(streams);
        for (String store : stores(topology)) {
            Gauge.builder("tollwatch.store.entries", () -> sizes.of(store)[0]).tag("store", store)
                    .description("Estimated keys in the state store on this instance").register(meters);
            Gauge.builder("tollwatch.store.bytes", () -> sizes.of(store)[1]).tag("store", store).baseUnit("bytes")
                    .description("Bytes of the state store on this instance (SST files and memtables)").register(meters);
        }
    }

    static Set<String> stores(Topology topology) {
        Set<String> out = new TreeSet<>();
        for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Processor p) {
                    out.addAll(p.stores());
                }
            }
        }
        return out;
    }

    /** {entries, bytes} of one store; one pass over the client's metrics serves a whole scrape. */
    private synchronized long[] of(String store) {
        long now = System.currentTimeMillis();
        if (now - snapshotAt > CACHE_MILLIS) {
            snapshot = read();
            snapshotAt = now;
        }
        return snapshot.getOrDefault(store, new long[2]);
    }

    private Map<String, long[]> read() {
        Map<String, long[]> sizes = new HashMap<>();
        for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
            MetricName name = e.getKey();
            if (!GROUP.equals(name.group()) || !(e.getValue().metricValue() instanceof Number value)) {
                continue;
            }
            int slot = switch (name.name()) {
                case "estimate-num-keys" -> 0;
                case "total-sst-files-size", "size-all-mem-tables" -> 1;
                default -> -1;
            };
            String store = storeOf(name);
            if (slot >= 0 && store != null) {
                sizes.computeIfAbsent(store, s -> new long[2])[slot] += value.longValue();
            }
        }
        return sizes;
    }

    /** The store a RocksDB metric is about: the value of its {@code rocksdb-[window-|session-]state-id} tag. */
    private static String storeOf(MetricName name) {
        for (Map.Entry<String, String> tag : name.tags().entrySet()) {
            if (tag.getKey().startsWith("rocksdb-") && tag.getKey().endsWith("state-id")) {
                return tag.getValue();
            }
        }
        return null;
    }
}
