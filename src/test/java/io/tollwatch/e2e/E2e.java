package io.tollwatch.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tollwatch.config.Settings;
import io.tollwatch.registry.AvroSerdes;
import io.tollwatch.registry.SchemaRegistryClient;
import io.tollwatch.report.ReportJson;
import io.tollwatch.runtime.EmbeddedStack;
import io.tollwatch.schema.CounterFigure;
import io.tollwatch.schema.Total;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Helpers shared by the end-to-end tests: settings for a service on the embedded stack, consuming, comparing totals. */
final class E2e {
    private E2e() {
    }

    /** Settings for one service instance on {@code stack}: HTTP port 0, short commit interval, its own state dir. */
    static Settings settings(EmbeddedStack stack, String applicationId, Path stateDir, Map<String, String> more) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put(Settings.BOOTSTRAP, stack.bootstrapServers());
        o.put(Settings.REGISTRY_URL, stack.registryUrl());
        o.put(Settings.APPLICATION_ID, applicationId);
        o.put(Settings.STATE_DIR, stateDir.toString());
        o.put(Settings.HTTP_PORT, "0");
        o.put("kafka.commit.interval.ms", "100");
        o.putAll(more);
        return Settings.builder().overrides(o).build();
    }

    /**
     * Reads {@code topic} from the beginning, read_committed, until {@code done} holds for everything read so far (or
     * fails after {@code timeout}); the raw records in offset order per partition.
     */
    static List<ConsumerRecord<String, byte[]>> consumeUntil(Settings settings, String topic, Duration timeout,
                                                            Predicate<List<ConsumerRecord<String, byte[]>>> done,
                                                            Supplier<String> describe) {
        Map<String, Object> props = new HashMap<>(settings.kafka());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + topic + "-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(250)).forEach(all::add);
                if (done.test(all)) {
                    return all;
                }
            }
        }
        throw new AssertionError("timed out after " + timeout + " reading " + topic + " (" + all.size()
                + " records): " + describe.get());
    }

    /** Every committed record of {@code topic}, read from the beginning to its end as of the call (read_committed). */
    static List<ConsumerRecord<String, byte[]>> readToEnd(Settings settings, String topic) {
        Map<String, Object> props = new HashMap<>(settings.kafka());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> c.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end " + end + " within 60 s");
                }
                c.poll(Duration.ofMillis(200)).forEach(all::add);
            }
        }
        return all;
    }

    /** The latest total per key of the records read, decoded with tollwatch's own Java serde. */
    static Map<String, Total> latestTotals(List<ConsumerRecord<String, byte[]>> records, SchemaRegistryClient registry,
                                           String topic) {
        var deserializer = new AvroSerdes(registry).value(Total.class).deserializer();
        Map<String, Total> latest = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            Total t = deserializer.deserialize(topic, r.value());
            if (t == null) {
                latest.remove(r.key());
            } else {
                latest.put(r.key(), t);
            }
        }
        return latest;
    }

    /**
     * A total in the shape its Avro encoding has on the wire: timestamp-millis as epoch milliseconds, date as epoch
     * days, unions unwrapped, counters sorted by name (their order is not part of the contract). Parsed back from
     * text, so that it compares equal to the same total decoded by another client and printed as JSON.
     */
    static JsonNode wire(Total t) {
        ObjectNode o = ReportJson.toJson(t);
        o.put("updated_at", t.getUpdatedAt().toEpochMilli());
        ArrayNode counters = o.putArray("counters");
        t.getCounters().stream().sorted(Comparator.comparing(CounterFigure::getCounter)).forEach(c -> {
            ObjectNode n = counters.addObject();
            n.put("counter", c.getCounter());
            n.put("value", c.getValue());
            if (c.getDay() == null) {
                n.putNull("day");
            } else {
                n.put("day", c.getDay().toEpochDay());
            }
        });
        return reparse(o);
    }

    /** {@code value} (a Total as JSON with wire-shaped fields) with its counters sorted by name, parsed back. */
    static JsonNode wire(JsonNode value) {
        ObjectNode o = value.deepCopy();
        List<JsonNode> counters = new ArrayList<>();
        value.get("counters").forEach(counters::add);
        counters.sort(Comparator.comparing(c -> c.get("counter").asText()));
        o.putArray("counters").addAll(counters);
        return reparse(o);
    }

    static Map<String, JsonNode> wire(Map<String, Total> totals) {
        Map<String, JsonNode> out = new TreeMap<>();
        totals.forEach((k, v) -> out.put(k, wire(v)));
        return out;
    }

    private static JsonNode reparse(JsonNode n) {
        try {
            return ReportJson.MAPPER.readTree(ReportJson.MAPPER.writeValueAsString(n));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
