package io.tollwatch.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;

/**
 * Whether a Kafka Streams application has processed everything it reads ({@link #sources}), every partition
 * committed up to its end.
 *
 * <p>Repartition topics are written in transactions, so a partition's end is often a commit marker the application
 * has not stepped over yet; an offset one short of the end counts as drained once a read_committed fetch from it
 * finds no record.
 */
final class Drain implements AutoCloseable {
    private final Admin admin;
    private final String group;
    private final String input;
    private final KafkaConsumer<byte[], byte[]> probe;
    /** Partitions whose record at the offset given is a transaction marker. */
    private final Map<TopicPartition, Long> markerAt = new HashMap<>();

    Drain(String bootstrap, String group, String input) {
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
        this.group = group;
        this.input = input;
        this.probe = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * The topics the application reads: the input, its {@code <group>-…-repartition} topics, and any other topic it
     * has committed offsets on ({@code committedOn}; the service's query views read its own totals, daily and figures
     * topics: work the same stream thread does, so a drain is not over until they have caught up).
     */
    private List<String> sources(Set<TopicPartition> committedOn) throws ExecutionException, InterruptedException {
        Set<String> out = new TreeSet<>(List.of(input));
        for (String t : admin.listTopics().names().get()) {
            if (t.startsWith(group + "-") && t.endsWith("-repartition")) {
                out.add(t);
            }
        }
        committedOn.forEach(tp -> out.add(tp.topic()));
        return new ArrayList<>(out);
    }

    /** Internal topics of the application: repartition and changelog. */
    List<String> internalTopics() throws ExecutionException, InterruptedException {
        return admin.listTopics().names().get().stream()
                .filter(t -> t.startsWith(group + "-") && (t.endsWith("-repartition") || t.endsWith("-changelog")))
                .sorted().toList();
    }

    /** Polls until drained; throws after {@code timeout}. */
    void await(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!drained()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(group + " has not drained its input within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
    }

    boolean drained() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        List<String> topics = sources(committed.keySet());
        // End offsets are read after the committed ones: they only grow, so the comparison errs on "not yet".
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (TopicDescription d : admin.describeTopics(topics).allTopicNames().get().values()) {
            d.partitions().forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
        }
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
        List<TopicPartition> oneShort = new ArrayList<>();
        for (Map.Entry<TopicPartition, ListOffsetsResultInfo> e : ends.entrySet()) {
            long end = e.getValue().offset();
            OffsetAndMetadata c = committed.get(e.getKey());
            long at = c == null ? 0 : c.offset();
            if (at == end - 1 && !Long.valueOf(at).equals(markerAt.get(e.getKey()))) {
                oneShort.add(e.getKey());
            } else if (at < end - 1) {
                return false;
            }
        }
        for (TopicPartition tp : oneShort) {
            if (!onlyMarkerAt(tp, committed.get(tp) == null ? 0 : committed.get(tp).offset())) {
                return false;
            }
        }
        return true;
    }

    private boolean onlyMarkerAt(TopicPartition tp, long offset) {
        probe.assign(List.of(tp));
        probe.seek(tp, offset);
        if (!probe.poll(Duration.ofMillis(300)).isEmpty() || probe.position(tp) <= offset) {
            return false;
        }
        markerAt.put(tp, offset);
        return true;
    }

    @Override
    public void close() {
        probe.close();
        admin.close();
    }
}
