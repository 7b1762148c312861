package io.tollwatch.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tollwatch.report.ReportValidator;
import io.tollwatch.schema.Report;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Rejects invalid reports by throwing, so that Kafka Streams' processing exception handler puts the original bytes
 * on the dead-letter topic with the reason; drops reports whose report_id was already seen (rule 6). The id store
 * forgets ids older than the retention (by stream time): the counting merges are idempotent, so a very late resend
 * changes no total, it only costs work.
 */
final class ValidateAndDedup implements FixedKeyProcessor<String, Report, Report> {
    static final Duration RETENTION = Duration.ofDays(30);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final Counter duplicates;
    private final long maxFigureValue;
    private FixedKeyProcessorContext<String, Report> context;
    private KeyValueStore<String, Long> seen;

    ValidateAndDedup(MeterRegistry meters, long maxFigureValue) {
        this.maxFigureValue = maxFigureValue;
        this.duplicates = Counter.builder("tollwatch.reports.duplicates")
                .description("Reports dropped because their report_id was already counted").register(meters);
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Report> context) {
        this.context = context;
        this.seen = context.getStateStore(Names.REPORT_IDS_STORE);
        context.schedule(PURGE_EVERY, PunctuationType.STREAM_TIME, this::purge);
    }

    @Override
    public void process(FixedKeyRecord<String, Report> record) {
        ReportValidator.validate(record.value(), maxFigureValue);
        String id = record.value().getReportId();
        if (seen.get(id) != null) {
            duplicates.increment();
            return;
        }
        seen.put(id, record.timestamp());
        context.forward(record);
    }

    private void purge(long streamTime) {
        long cutoff = streamTime - RETENTION.toMillis();
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = seen.all()) {
            while (it.hasNext()) {
                KeyValue<String, Long> e = it.next();
                if (e.value < cutoff) {
                    old.add(e.key);
                }
            }
        }
        old.forEach(seen::delete);
    }
}
