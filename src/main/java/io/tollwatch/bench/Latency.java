package io.tollwatch.bench;

import io.tollwatch.schema.Report;
import io.tollwatch.schema.Total;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Produce-to-total latency at a steady rate: load reports, each carrying one probe figure (see
 * {@link BenchLoad#probe}), sent at {@code rate} a second; a probe has arrived when its region's total on the totals
 * topic, read_committed, shows a best at or above its value (a later probe on the same key may carry it). One
 * thread: the totals are polled while waiting for the next send.
 */
final class Latency {
    record Result(double p50Ms, double p99Ms, int sent, int seen) {
    }

    private record Pending(long n, long sentNanos) {
    }

    private final Map<String, Deque<Pending>> pending = new HashMap<>();
    private final List<Double> millis = new ArrayList<>();

    private Latency() {
    }

    /**
     * @param regionOf a place of {@link BenchLoad#PLACES} to the region its totals are keyed by
     */
    static Result measure(String bootstrap, String reportsTopic, Serializer<Report> reports, String totalsTopic,
                          Deserializer<Total> totals, double rate, Duration duration, int firstId,
                          UnaryOperator<String> regionOf) throws InterruptedException {
        Latency l = new Latency();
        try (KafkaConsumer<String, Total> consumer = l.consumer(bootstrap, totalsTopic, totals);
             KafkaProducer<String, Report> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), reports)) {
            Random rnd = new Random(firstId);
            int count = (int) Math.max(1, rate * duration.toMillis() / 1000);
            long start = System.nanoTime();
            long step = (long) (1e9 / rate);
            for (int n = 0; n < count; n++) {
                long due = start + n * step;
                while (System.nanoTime() < due) {
                    l.poll(consumer, Duration.ofMillis(Math.max(1, (due - System.nanoTime()) / 1_000_000)));
                }
                Report r = BenchLoad.probe(firstId + n, n, rnd);
                l.pending.computeIfAbsent(regionOf.apply(BenchLoad.probePlace(n)), k -> new ArrayDeque<>())
                        .add(new Pending(n, System.nanoTime()));
                producer.send(new ProducerRecord<>(reportsTopic, r.getReportId(), r));
            }
            producer.flush();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (l.outstanding() > 0 && System.nanoTime() < deadline) {
                l.poll(consumer, Duration.ofMillis(100));
            }
            List<Double> sorted = new ArrayList<>(l.millis);
            Collections.sort(sorted);
            return new Result(percentile(sorted, 0.50), percentile(sorted, 0.99), count, sorted.size());
        }
    }

    private KafkaConsumer<String, Total> consumer(String bootstrap, String topic, Deserializer<Total> totals) {
        KafkaConsumer<String, Total> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), totals);
        List<TopicPartition> parts = c.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        c.assign(parts);
        c.seekToEnd(parts);
        parts.forEach(c::position);
        return c;
    }

    private void poll(KafkaConsumer<String, Total> consumer, Duration timeout) {
        for (ConsumerRecord<String, Total> r : consumer.poll(timeout)) {
            long now = System.nanoTime();
            Total t = r.value();
            if (t == null || !t.getMetric().equals("killed") || !t.getPopulation().equals("all")
                    || t.getBest() < BenchLoad.PROBE_BASE || !t.getRegion().contains("-")) {
                continue;
            }
            long upTo = t.getBest() - BenchLoad.PROBE_BASE;
            Deque<Pending> q = pending.get(t.getRegion());
            while (q != null && !q.isEmpty() && q.peek().n() <= upTo) {
                millis.add((now - q.poll().sentNanos()) / 1e6);
            }
        }
    }

    private int outstanding() {
        return pending.values().stream().mapToInt(Deque::size).sum();
    }

    static double percentile(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get((int) Math.ceil(q * sorted.size()) - 1);
    }
}
