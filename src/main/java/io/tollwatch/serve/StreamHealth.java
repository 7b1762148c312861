package io.tollwatch.serve;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tollwatch.registry.RegistryException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.apache.kafka.streams.processor.internals.StreamThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Liveness and readiness of the Kafka Streams client. Live: the client is not in ERROR (nor shutting down), and its
 * stream threads do not keep failing — fewer than {@link #MAX_FAILURES} uncaught exceptions within {@link #WINDOW}
 * (a replaced thread that fails again on the same record is not working, even though the client says RUNNING).
 * Ready: live, RUNNING, and no store restoring. Fed by the client's state listener, restore listener and uncaught
 * exception handler; read by the HTTP endpoints and the metrics.
 */
final class StreamHealth implements KafkaStreams.StateListener, StateRestoreListener {
    static final Duration WINDOW = Duration.ofMinutes(5);
    static final int MAX_FAILURES = 3;
    private static final Logger LOG = LoggerFactory.getLogger(StreamHealth.class);

    private final Clock clock;
    private final Supplier<Collection<ThreadMetadata>> threads;
    private final Counter failuresCounter;
    private final Deque<Failure> failures = new ArrayDeque<>();
    private final Set<String> restoring = ConcurrentHashMap.newKeySet();
    private final Set<String> tracedCauses = new HashSet<>();
    private volatile KafkaStreams.State state = KafkaStreams.State.CREATED;
    private boolean reportedUnhealthy;

    record Failure(Instant at, String thread, String error) {
    }

    /** What the endpoints answer: up or not, and why, with the client's and its threads' states. */
    record Status(boolean live, boolean ready, String reason, Map<String, Object> body) {
    }

    StreamHealth(Clock clock, Supplier<Collection<ThreadMetadata>> threads, MeterRegistry meters) {
        this.clock = clock;
        this.threads = threads;
        this.failuresCounter = Counter.builder("tollwatch.stream.thread.failures")
                .description("Stream threads that died of an uncaught exception (each is replaced)").register(meters);
        for (KafkaStreams.State s : KafkaStreams.State.values()) {
            Gauge.builder("tollwatch.streams.state", () -> state == s ? 1 : 0).tag("state", s.name())
                    .description("1 for the Kafka Streams client's current state").register(meters);
        }
        for (StreamThread.State s : StreamThread.State.values()) {
            Gauge.builder("tollwatch.stream.threads", () -> threadsIn(s.name())).tag("state", s.name())
                    .description("Stream threads of this instance in each state").register(meters);
        }
        Gauge.builder("tollwatch.stores.restoring", restoring::size)
                .description("State store partitions being restored from their changelogs").register(meters);
        Gauge.builder("tollwatch.health", () -> status().live() ? 1 : 0)
                .description("1 while /health answers 200").register(meters);
        Gauge.builder("tollwatch.ready", () -> status().ready() ? 1 : 0)
                .description("1 while /ready answers 200").register(meters);
    }

    /** Records a stream thread's death: one line in the log (a stack trace only the first time a cause is seen). */
    void threadFailed(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String error = root.getClass().getSimpleName() + ": " + root.getMessage();
        int recent;
        boolean firstOfItsKind;
        synchronized (this) {
            failures.addLast(new Failure(clock.instant(), Thread.currentThread().getName(), error));
            recent = recentFailures();
            firstOfItsKind = !(root instanceof RegistryException) && tracedCauses.add(root.getClass().getName());
        }
        failuresCounter.increment();
        String line = "stream thread {} failed ({} in the last {} min), replacing it: {}";
        if (firstOfItsKind) {
            LOG.error(line, Thread.currentThread().getName(), recent, WINDOW.toMinutes(), error, e);
        } else {
            LOG.error(line, Thread.currentThread().getName(), recent, WINDOW.toMinutes(), error);
        }
        status();
    }

    @Override
    public void onChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
        state = newState;
        LOG.info("Kafka Streams {} -> {}", oldState, newState);
    }

    @Override
    public void onRestoreStart(TopicPartition partition, String store, long startOffset, long endOffset) {
        restoring.add(store + "-" + partition.partition());
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long numRestored) {
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
        restoring.remove(store + "-" + partition.partition());
    }

    @Override
    public void onRestoreSuspended(TopicPartition partition, String store, long totalRestored) {
        restoring.remove(store + "-" + partition.partition());
    }

    Status status() {
        KafkaStreams.State s = state;
        int recent;
        Failure last;
        synchronized (this) {
            recent = recentFailures();
            last = failures.peekLast();
        }
        String reason = null;
        if (s == KafkaStreams.State.ERROR || s == KafkaStreams.State.PENDING_ERROR) {
            reason = "Kafka Streams is in " + s;
        } else if (s == KafkaStreams.State.PENDING_SHUTDOWN || s == KafkaStreams.State.NOT_RUNNING) {
            reason = "Kafka Streams is stopped (" + s + ")";
        } else if (recent >= MAX_FAILURES) {
            reason = "stream threads keep failing: " + recent + " failures in the last " + WINDOW.toMinutes()
                    + " min, the last: " + last.error();
        }
        boolean live = reason == null;
        boolean ready = live && s == KafkaStreams.State.RUNNING && restoring.isEmpty();
        reportTransition(live, reason);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", live ? "UP" : "DOWN");
        body.put("ready", ready);
        if (reason != null) {
            body.put("reason", reason);
        }
        body.put("state", s.name());
        Map<String, String> byThread = new LinkedHashMap<>();
        threadMetadata().forEach(t -> byThread.put(t.threadName(), t.threadState()));
        body.put("threads", byThread);
        body.put("restoring", List.copyOf(restoring));
        body.put("thread_failures_recent", recent);
        if (last != null) {
            body.put("last_thread_failure", Map.of("at", last.at().toString(), "thread", last.thread(),
                    "error", last.error()));
        }
        return new Status(live, ready, reason, body);
    }

    private synchronized void reportTransition(boolean live, String reason) {
        if (!live && !reportedUnhealthy) {
            LOG.error("tollwatch is unhealthy: {}", reason);
        } else if (live && reportedUnhealthy) {
            LOG.info("tollwatch is healthy again");
        }
        reportedUnhealthy = !live;
    }

    /** Failures within the window; older ones are forgotten. Called with the lock held. */
    private int recentFailures() {
        Instant cutoff = clock.instant().minus(WINDOW);
        while (!failures.isEmpty() && failures.peekFirst().at().isBefore(cutoff)) {
            failures.removeFirst();
        }
        return failures.size();
    }

    private int threadsIn(String threadState) {
        return (int) threadMetadata().stream().filter(t -> t.threadState().equals(threadState)).count();
    }

    private Collection<ThreadMetadata> threadMetadata() {
        try {
            return threads.get();
        } catch (RuntimeException notYetOrNoLonger) {
            return List.of();
        }
    }
}
