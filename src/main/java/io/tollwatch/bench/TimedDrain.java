package io.tollwatch.bench;

import org.apache.kafka.streams.KafkaStreams;

import java.time.Duration;
import java.util.List;

/**
 * A drain timed from the moment paused, warmed applications resume until every partition they read is committed to
 * its end: the rate, the CPU a report of all the bench's processes, and the JIT's share of a core meanwhile.
 */
record TimedDrain(double seconds, double reportsPerSecond, double cpuMsPerReport, double jitShare) {

    static TimedDrain resume(SeparateStack stack, List<KafkaStreams> apps, Drain drain, int reports) throws Exception {
        long cpu = CpuClock.nanos(stack);
        long jit = JitClock.millis();
        long started = System.nanoTime();
        apps.forEach(KafkaStreams::resume);
        drain.await(Duration.ofMinutes(20));
        double seconds = (System.nanoTime() - started) / 1e9;
        return new TimedDrain(seconds, reports / seconds, (CpuClock.nanos(stack) - cpu) / 1e6 / reports,
                (JitClock.millis() - jit) / 1e3 / seconds);
    }
}
