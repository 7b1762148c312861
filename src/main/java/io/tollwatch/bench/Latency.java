package io.tollwatch.bench;

import io.tollwatch.count.CountedFigure;
import io.tollwatch.schema.Report;
import io.tollwatch.schema.Total;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
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
 * Produce-to-total latency at a steady rate: load reports whose first figure is a probe (see
 * {@link BenchLoad#probe}), sent at {@code rate} a second; a probe has arrived when its region's total on the totals
 * topic, read_committed, shows a best at or above its value (a later probe on the same key may carry it). The first
 * of the two exactly-once hops is timed too: when the probe's figure can be read, read_committed, on the count's
 * repartition topic. One thread: both topics are polled while waiting for the next send.
 *
 * <p>The probes of a first stretch ({@link #settling}) are sent at the same rate but not timed: the phase follows a
 * drain, and a per-probe trace showed the service's first seconds at the new rate slower than the rest, most likely
 * the drain's after-work (RocksDB flushing and compacting what it wrote, the JIT meeting the probes' paths; not
 * measured apart), which is not the steady load the figure is about.
 */
final class Latency {
    /** The probes' produce-to-total times, and the first hop's (produce to the count's input). */
    record Result(double p50Ms, double p99Ms, int sent, int seen, double firstHopP50Ms, double firstHopP99Ms) {
    }

    /** The untimed first stretch of a phase of {@code duration}: a sixth of it, at most 5 s. */
    static Duration settling(Duration duration) {
        Duration sixth = duration.dividedBy(6);
        return sixth.compareTo(Duration.ofSeconds(5)) < 0 ? sixth : Duration.ofSeconds(5);
    }

    /** Per region, the numbers of the probes not yet seen in its totals, in the order sent. */
    private final Map<String, Deque<Integer>> pending = new HashMap<>();
    private final List<Double> millis = new ArrayList<>();
    private final List<Double> firstHop = new ArrayList<>();
    private long[] sentNanos;
    /** Probes below this number are the settling stretch's: sent, awaited, not timed. */
    private int firstTimed;

    private Latency() {
    }

    /**
     * @param countInput the count's repartition topic, where the first hop ends
     * @param regionOf   a place of {@link BenchLoad#PLACES} to the region its totals are keyed by
     * @param timing     run when the settling stretch ends and the timed probes begin
     */
    static Result measure(String bootstrap, String reportsTopic, Serializer<Report> reports, String totalsTopic,
                          Deserializer<Total> totals, String countInput, double rate, Duration duration, int firstId,
                          UnaryOperator<String> regionOf, Runnable timing) throws InterruptedException {
        Latency l = new Latency();
        l.firstTimed = (int) (rate * settling(duration).toMillis() / 1000);
        int count = l.firstTimed + (int) Math.max(1, rate * duration.toMillis() / 1000);
        l.sentNanos = new long[count];
        try (KafkaConsumer<byte[], Total> consumer = consumer(bootstrap, totalsTopic, totals);
             KafkaConsumer<byte[], byte[]> hop = consumer(bootstrap, countInput, new ByteArrayDeserializer());
             KafkaProducer<String, Report> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), reports)) {
            Random rnd = new Random(firstId);
            long start = System.nanoTime();
            long step = (long) (1e9 / rate);
            for (int n = 0; n < count; n++) {
                long due = start + n * step;
                while (System.nanoTime() < due) {
                    l.poll(consumer, Duration.ofMillis(Math.max(1, (due - System.nanoTime()) / 1_000_000)));
                    l.pollFirstHop(hop);
                }
                if (n == l.firstTimed) {
                    timing.run();
                }
                Report r = BenchLoad.probe(firstId + n, n, rnd);
                l.sentNanos[n] = System.nanoTime();
                l.pending.computeIfAbsent(regionOf.apply(BenchLoad.probePlace(n)), k -> new ArrayDeque<>()).add(n);
                producer.send(new ProducerRecord<>(reportsTopic, r.getReportId(), r));
            }
            producer.flush();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while ((l.outstanding() > 0 || l.firstHop.size() < count - l.firstTimed) && System.nanoTime() < deadline) {
                l.poll(consumer, Duration.ofMillis(20));
                l.pollFirstHop(hop);
            }
            List<Double> sorted = sorted(l.millis);
            List<Double> first = sorted(l.firstHop);
            return new Result(percentile(sorted, 0.50), percentile(sorted, 0.99), count - l.firstTimed, sorted.size(),
                    percentile(first, 0.50), percentile(first, 0.99));
        }
    }

    private static List<Double> sorted(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted;
    }

    private static <V> KafkaConsumer<byte[], V> consumer(String bootstrap, String topic, Deserializer<V> values) {
        KafkaConsumer<byte[], V> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), values);
        List<TopicPartition> parts = c.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        c.assign(parts);
        c.seekToEnd(parts);
        parts.forEach(c::position);
        return c;
    }

    /** The probes' figures as the count reads them (no load figure comes near their values); each crosses once. */
    private void pollFirstHop(KafkaConsumer<byte[], byte[]> consumer) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ZERO)) {
            long now = System.nanoTime();
            long n = CountedFigure.decode(r.value()).value() - BenchLoad.PROBE_BASE;
            if (n >= firstTimed && n < sentNanos.length) {
                firstHop.add((now - sentNanos[(int) n]) / 1e6);
            }
        }
    }

    private void poll(KafkaConsumer<byte[], Total> consumer, Duration timeout) {
        for (ConsumerRecord<byte[], Total> r : consumer.poll(timeout)) {
            long now = System.nanoTime();
            Total t = r.value();
            if (t == null || !t.getMetric().equals("killed") || !t.getPopulation().equals("all")
                    || t.getBest() < BenchLoad.PROBE_BASE || !t.getRegion().contains("-")) {
                continue;
            }
            long upTo = t.getBest() - BenchLoad.PROBE_BASE;
            Deque<Integer> q = pending.get(t.getRegion());
            while (q != null && !q.isEmpty() && q.peek() <= upTo) {
                int n = q.poll();
                if (n >= firstTimed) {
                    millis.add((now - sentNanos[n]) / 1e6);
                }
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
