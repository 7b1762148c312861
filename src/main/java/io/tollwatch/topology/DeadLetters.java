package io.tollwatch.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Marks the dead letters that Kafka Streams' handlers build with their {@link DeadLetterReason} and counts them
 * ({@code tollwatch.dead.letters}, by reason). The handlers are made by Kafka Streams from a class name, so the
 * registry reaches them through the Streams configuration ({@link StreamsProperties#METER_REGISTRY}).
 */
final class DeadLetters {
    private final Map<DeadLetterReason, Counter> counters = new EnumMap<>(DeadLetterReason.class);

    private DeadLetters(MeterRegistry meters) {
        for (DeadLetterReason r : DeadLetterReason.values()) {
            counters.put(r, Counter.builder("tollwatch.dead.letters").tag("reason", r.label())
                    .description("Records sent to the dead-letter topic, by reason").register(meters));
        }
    }

    /** From a handler's {@code configure} map; a private registry when none was given (TopologyTestDriver runs). */
    static DeadLetters from(Map<String, ?> configs) {
        Object m = configs.get(StreamsProperties.METER_REGISTRY);
        return new DeadLetters(m instanceof MeterRegistry registry ? registry : new SimpleMeterRegistry());
    }

    /** Stamps the reason on the dead letters and counts them. */
    List<ProducerRecord<byte[], byte[]>> mark(List<ProducerRecord<byte[], byte[]>> records, DeadLetterReason reason) {
        byte[] label = reason.label().getBytes(StandardCharsets.UTF_8);
        records.forEach(r -> r.headers().add(DeadLetterReason.HEADER, label));
        counters.get(reason).increment();
        return records;
    }
}
