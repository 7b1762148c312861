package io.tollwatch.serve;

import io.tollwatch.registry.RegistryException;
import io.tollwatch.registry.RegistryRefusedException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreamFailuresTest {
    @Test
    void aRefusalStopsThisInstanceWithItsReason() {
        StreamFailures failures = new StreamFailures();
        String reason = "schema registry at http://r:8081 denied access (HTTP 403) trying to register a schema under"
                + " subject 'tollwatch.totals.v1-value': forbidden";
        assertThat(failures.handle(new StreamsException("task failed", new RegistryRefusedException(reason))))
                .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(failures.fatalReason()).contains(reason);
    }

    @Test
    void anOutageReplacesTheThreadAfterABackoff() {
        StreamFailures failures = new StreamFailures();
        long started = System.nanoTime();
        assertThat(failures.handle(new StreamsException("task failed",
                new RegistryException("schema registry at http://r:8081 is not reachable: Connection refused"))))
                .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(StreamFailures.FIRST_BACKOFF.toNanos());
        assertThat(failures.fatalReason()).isEmpty();
    }
}
