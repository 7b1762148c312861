package io.tollwatch.topology;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tollwatch.schema.Total;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

import java.time.Duration;

/**
 * Measures, as each total is made, how far behind the world it is: from the {@code published_at} of the newest report
 * behind it ({@code updated_at}), and from the moment its newest input reached Kafka (the record timestamp: the
 * count task's stream time, the largest timestamp of the figures it has read). The next commit publishes it
 * ({@link LatestTotals}).
 */
final class TotalsLag implements FixedKeyProcessor<String, Total, Total> {
    private static final Duration[] BUCKETS = {Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5),
        Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(7)};

    private final Timer fromPublished;
    private final Timer fromIngest;
    private FixedKeyProcessorContext<String, Total> context;

    TotalsLag(MeterRegistry meters) {
        this.fromPublished = timer(meters, "published");
        this.fromIngest = timer(meters, "ingest");
    }

    private static Timer timer(MeterRegistry meters, String from) {
        return Timer.builder("tollwatch.totals.lag").tag("from", from)
                .description("Time from a report's publication (published) or arrival in Kafka (ingest) to its total")
                .serviceLevelObjectives(BUCKETS).register(meters);
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Total> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, Total> record) {
        long now = System.currentTimeMillis();
        fromPublished.record(Duration.ofMillis(now - record.value().getUpdatedAt().toEpochMilli()));
        fromIngest.record(Duration.ofMillis(now - record.timestamp()));
        context.forward(record);
    }
}
