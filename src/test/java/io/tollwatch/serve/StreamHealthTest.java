package io.tollwatch.serve;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StreamHealthTest {
    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final StreamHealth health = new StreamHealth(clock, List::of, new SimpleMeterRegistry());

    private StreamHealth running() {
        health.onChange(State.REBALANCING, State.CREATED);
        health.onChange(State.RUNNING, State.REBALANCING);
        return health;
    }

    @Test
    void runningIsLiveAndReady() {
        StreamHealth.Status s = running().status();
        assertThat(s.live()).isTrue();
        assertThat(s.ready()).isTrue();
        assertThat(s.body()).containsEntry("status", "UP").containsEntry("state", "RUNNING");
    }

    @Test
    void threadsThatKeepFailingMakeItUnhealthyUntilTheyStop() {
        running();
        health.threadFailed(new IllegalStateException("boom"));
        health.threadFailed(new IllegalStateException("boom"));
        assertThat(health.status().live()).as("two failures may be a blip").isTrue();
        health.threadFailed(new RuntimeException("wrapped", new IllegalStateException("boom")));
        StreamHealth.Status s = health.status();
        assertThat(s.live()).isFalse();
        assertThat(s.ready()).isFalse();
        assertThat(s.reason()).contains("keep failing").contains("3 failures").contains("IllegalStateException: boom");
        assertThat(s.body()).containsEntry("status", "DOWN").containsEntry("thread_failures_recent", 3);

        clock.now = clock.now.plus(StreamHealth.WINDOW).plus(Duration.ofSeconds(1));
        assertThat(health.status().live()).as("quiet for a whole window").isTrue();
    }

    @Test
    void failuresSpreadWiderThanTheWindowAreNotAnAlarm() {
        running();
        for (int i = 0; i < 5; i++) {
            health.threadFailed(new IllegalStateException("now and then"));
            clock.now = clock.now.plus(StreamHealth.WINDOW.dividedBy(2));
        }
        assertThat(health.status().live()).isTrue();
    }

    @Test
    void errorAndStoppedAreNotLive() {
        running();
        health.onChange(State.PENDING_ERROR, State.RUNNING);
        assertThat(health.status().live()).isFalse();
        health.onChange(State.ERROR, State.PENDING_ERROR);
        assertThat(health.status().reason()).contains("ERROR");
        health.onChange(State.NOT_RUNNING, State.ERROR);
        assertThat(health.status().live()).isFalse();
    }

    @Test
    void notReadyWhileRebalancingOrRestoring() {
        health.onChange(State.REBALANCING, State.CREATED);
        assertThat(health.status().live()).isTrue();
        assertThat(health.status().ready()).isFalse();
        running();
        TopicPartition changelog = new TopicPartition("app-region-metric-state-changelog", 2);
        health.onRestoreStart(changelog, "region-metric-state", 0, 100);
        StreamHealth.Status restoring = health.status();
        assertThat(restoring.ready()).isFalse();
        assertThat(restoring.live()).isTrue();
        assertThat(restoring.body().get("restoring")).isEqualTo(List.of("region-metric-state-2"));
        health.onRestoreEnd(changelog, "region-metric-state", 100);
        assertThat(health.status().ready()).isTrue();
    }
}
