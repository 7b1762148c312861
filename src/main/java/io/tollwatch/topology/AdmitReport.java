package io.tollwatch.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tollwatch.report.ImpossibleDays;
import io.tollwatch.report.ReportValidator;
import io.tollwatch.schema.Figure;
import io.tollwatch.schema.Report;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The front of the topology, one report at a time: skips tombstones, validates, drops resends of a counted
 * report_id (rule 6), normalises, checks the event days (rule 8), and only then remembers the id, so that a report
 * dead-lettered on the way is counted when it is sent again fixed. An invalid report is rejected by throwing, so that
 * Kafka Streams' processing exception handler puts its original bytes on the dead-letter topic with the reason.
 *
 * <p>Ids live in a window store that drops them after {@link #RETENTION} of stream time by itself (as in the dedup
 * example of confluentinc/kafka-streams-examples): the counting merges are idempotent, so a very late resend changes
 * no total, it only costs work.
 */
final class AdmitReport implements FixedKeyProcessor<String, Report, List<Figure>> {
    static final Duration RETENTION = Duration.ofDays(30);

    private final Function<Report, List<Figure>> normalise;
    private final long maxFigureValue;
    private final Counter duplicates;
    private final Counter tombstones;
    private FixedKeyProcessorContext<String, List<Figure>> context;
    private WindowStore<String, Long> counted;

    /** @param maxFigureValue the plausibility bound on a structured figure's value (setting {@code report.max.value}) */
    AdmitReport(Function<Report, List<Figure>> normalise, MeterRegistry meters, long maxFigureValue) {
        this.normalise = normalise;
        this.maxFigureValue = maxFigureValue;
        this.duplicates = Counter.builder("tollwatch.reports.duplicates")
                .description("Reports dropped because their report_id was already counted").register(meters);
        this.tombstones = Counter.builder("tollwatch.reports.tombstones")
                .description("Null values on the reports topic, skipped: there is nothing to count or dead-letter")
                .register(meters);
    }

    @Override
    public void init(FixedKeyProcessorContext<String, List<Figure>> context) {
        this.context = context;
        this.counted = context.getStateStore(Names.REPORT_IDS_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, Report> record) {
        Report report = record.value();
        if (report == null) {
            tombstones.increment();
            return;
        }
        ReportValidator.validate(report, maxFigureValue);
        ImpossibleDays.checkSent(report, Instant.ofEpochMilli(record.timestamp()));
        String id = report.getReportId();
        if (wasCounted(id, record.timestamp())) {
            duplicates.increment();
            return;
        }
        List<Figure> figures = normalise.apply(report);
        ImpossibleDays.check(report, figures);
        context.forward(record.withValue(figures));
        counted.put(id, record.timestamp(), record.timestamp());
    }

    private boolean wasCounted(String id, long timestamp) {
        long retention = RETENTION.toMillis();
        try (WindowStoreIterator<Long> it = counted.fetch(id, Math.max(0, timestamp - retention), timestamp + retention)) {
            return it.hasNext();
        }
    }
}
