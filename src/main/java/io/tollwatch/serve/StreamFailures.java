package io.tollwatch.serve;

import io.tollwatch.registry.RegistryRefusedException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a failed stream thread means. A refusal by the schema registry (credentials, permission, an incompatible or
 * invalid schema) cannot heal by retrying: this instance stops, with one line naming the registry and the subject.
 * Anything else (a registry or broker outage) is retried: the thread is replaced after a back-off that doubles from
 * one second up to half a minute and starts again once a thread has run for a minute without failing. The record
 * that failed is not lost: its offset was not committed, so the new thread reads it again.
 */
final class StreamFailures implements StreamsUncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(StreamFailures.class);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration CALM = Duration.ofMinutes(1);

    private final AtomicLong backoffMillis = new AtomicLong(FIRST_BACKOFF.toMillis());
    private final AtomicLong lastFailureNanos = new AtomicLong(System.nanoTime());
    private final AtomicReference<String> fatal = new AtomicReference<>();

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        Optional<RegistryRefusedException> refused = refusal(exception);
        if (refused.isPresent()) {
            String reason = refused.get().getMessage();
            if (fatal.compareAndSet(null, reason)) {
                LOG.error("tollwatch stopping: {}", reason);
            }
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        long now = System.nanoTime();
        if (now - lastFailureNanos.getAndSet(now) > CALM.toNanos()) {
            backoffMillis.set(FIRST_BACKOFF.toMillis());
        }
        long wait = backoffMillis.getAndUpdate(b -> Math.min(2 * b, MAX_BACKOFF.toMillis()));
        // The failure itself is logged once by StreamHealth; here only the back-off.
        LOG.debug("replacing the failed stream thread in {} ms", wait);
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    /** The reason this instance stopped for good, if it did. */
    Optional<String> fatalReason() {
        return Optional.ofNullable(fatal.get());
    }

    static Optional<RegistryRefusedException> refusal(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RegistryRefusedException r) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
