package io.tollwatch.bench;

import io.tollwatch.schema.Report;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Warms a started application on load reports of its own, in rounds sent to its input and drained, until a round
 * leaves the JIT nearly quiet or the rounds run out. A deployed service has run for hours; a freshly started one spends
 * its first minute with the C2 compiler on one of the 2 cores, so a drain timed from its start measures the compiler
 * (about half a core) more than the service. Warming the very instances that are then timed, rather than a service
 * thrown away before them, keeps the type profiles C2 compiled for.
 */
final class WarmUp {
    /** Below this share of a core spent compiling in a round, the JIT counts as quiet. */
    static final double QUIET = 0.25;
    /** Warm-up report ids start here, far from the load's and the probes'. */
    private static final int FIRST_ID = 100_000_000;

    /** What the warm-up did: its rounds and the JIT's share of a core in the last. */
    record Result(int rounds, double lastJitShare) {
    }

    private WarmUp() {
    }

    static Result run(String bootstrap, String input, Serializer<Report> serializer, Drain drain, int reportsPerRound,
                      int maxRounds, PrintStream log) throws Exception {
        double share = Double.NaN;
        int round = 0;
        while (round < maxRounds) {
            long jit = JitClock.millis();
            long started = System.nanoTime();
            send(bootstrap, input, serializer, BenchLoad.reports(FIRST_ID + round * reportsPerRound, reportsPerRound, 13));
            drain.await(Duration.ofMinutes(10));
            share = (JitClock.millis() - jit) / 1e3 / ((System.nanoTime() - started) / 1e9);
            round++;
            log.printf(Locale.ROOT, "bench:   warm-up round %d: %,d reports, JIT compiling %.0f%% of a core%n", round,
                    reportsPerRound, 100 * share);
            if (share < QUIET) {
                break;
            }
        }
        return new Result(round, share);
    }

    /** Sends {@code reports} to {@code topic}, keyed by report id, and waits until the broker has them all. */
    static void send(String bootstrap, String topic, Serializer<Report> serializer, List<Report> reports) {
        try (KafkaProducer<String, Report> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20), new StringSerializer(), serializer)) {
            for (Report r : reports) {
                producer.send(new ProducerRecord<>(topic, r.getReportId(), r));
            }
            producer.flush();
        }
    }
}
