package io.tollwatch.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of one application's Kafka Streams threads in this JVM ({@code <application.id>-<uuid>-StreamThread-n}).
 * Over the latency phase it says how near the stream thread runs to a full core: JFR's per-thread CPU load reads
 * far lower than the thread's own CPU clock there (33–39% against 76% in one run), and a thread near a full core
 * queues its input, which is where the service's p99 goes.
 */
final class StreamThreadClock {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private StreamThreadClock() {
    }

    /** The stream threads' CPU over a stretch of wall time. */
    record Usage(long cpuNanos, long wallNanos) {
        /** As a share of the wall time (1.0: one core's worth). */
        double share() {
            return wallNanos == 0 ? 0 : cpuNanos / (double) wallNanos;
        }

        /** Milliseconds of CPU for each of {@code items}. */
        double msEach(int items) {
            return items == 0 ? 0 : cpuNanos / 1e6 / items;
        }
    }

    /** Nanoseconds of CPU the application's live stream threads have used so far; 0 where the JVM does not say. */
    static long nanos(String applicationId) {
        if (!THREADS.isThreadCpuTimeSupported()) {
            return 0;
        }
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String name = t.getName();
            if (name.startsWith(applicationId + "-") && name.contains("-StreamThread-")) {
                sum += Math.max(0, THREADS.getThreadCpuTime(t.getId()));
            }
        }
        return sum;
    }
}
