package io.tollwatch.cli;

import io.tollwatch.config.Settings;
import io.tollwatch.topology.DeadLetterReason;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Reads the dead-letter topic from its start to its end as it is when the replay begins (what arrives later is left
 * alone, so a replayed record that fails again is not replayed twice), and re-publishes the selected records'
 * original key and value to the reports topic. Kafka Streams' error headers stay behind; the record's own headers
 * go along, plus {@link #REPLAYED_FROM}.
 */
final class DeadLetterReplay {
    static final String REPLAYED_FROM = "tollwatch.replayed-from";
    private static final String STREAMS_ERROR_HEADERS = "__streams.errors.";

    private DeadLetterReplay() {
    }

    /** Which dead letters: a reason label and a half-open time range of the original record, each optional. */
    record Selection(String reason, Instant since, Instant until) {
        boolean matches(ConsumerRecord<byte[], byte[]> r) {
            return (reason == null || reason.equals(header(r, DeadLetterReason.HEADER)))
                    && (since == null || r.timestamp() >= since.toEpochMilli())
                    && (until == null || r.timestamp() < until.toEpochMilli());
        }
    }

    record Result(int scanned, int selected) {
    }

    /** Replays (or, on a dry run, only lists) the selection; each selected dead letter is described to {@code out}. */
    static Result run(Settings settings, Selection selection, boolean dryRun, Consumer<String> out) {
        String dlq = settings.topics().dlq();
        Map<String, Object> consumerProps = new HashMap<>(settings.kafka());
        consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumerProps.remove(ConsumerConfig.GROUP_ID_CONFIG);
        Map<String, Object> producerProps = new HashMap<>(settings.kafka());
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        int scanned = 0;
        int selected = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = dryRun ? null
                     : new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(dlq, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(dlq, p.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition()))) {
                        continue;
                    }
                    scanned++;
                    if (!selection.matches(r)) {
                        continue;
                    }
                    selected++;
                    out.accept(describe(r));
                    if (producer != null) {
                        producer.send(replayOf(r, settings.topics().reports())).get();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserException("interrupted while replaying dead letters");
        } catch (ExecutionException e) {
            throw new UserException("cannot publish to " + settings.topics().reports() + ": " + e.getCause().getMessage());
        }
        return new Result(scanned, selected);
    }

    private static ProducerRecord<byte[], byte[]> replayOf(ConsumerRecord<byte[], byte[]> r, String reports) {
        RecordHeaders headers = new RecordHeaders();
        for (Header h : r.headers()) {
            if (!h.key().startsWith(STREAMS_ERROR_HEADERS) && !h.key().equals(DeadLetterReason.HEADER)
                    && !h.key().equals(REPLAYED_FROM)) {
                headers.add(h);
            }
        }
        headers.add(REPLAYED_FROM, (r.topic() + "-" + r.partition() + "@" + r.offset()).getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(reports, null, r.key(), r.value(), headers);
    }

    private static String describe(ConsumerRecord<byte[], byte[]> r) {
        String key = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
        String reason = header(r, DeadLetterReason.HEADER);
        return String.format("%s-%d@%d  %s  %s  key=%s  %s", r.topic(), r.partition(), r.offset(),
                Instant.ofEpochMilli(r.timestamp()), reason == null ? "unclassified" : reason, key,
                header(r, STREAMS_ERROR_HEADERS + "message"));
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
