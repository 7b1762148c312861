package io.tollwatch.topology;

import io.tollwatch.count.CountedFigure;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

import java.time.ZoneOffset;

/** Stamps each figure with the start of its event day (UTC), so the daily windows are by event time (rule 7). */
final class EventDayTimestamp implements FixedKeyProcessor<String, CountedFigure, CountedFigure> {
    private FixedKeyProcessorContext<String, CountedFigure> context;

    @Override
    public void init(FixedKeyProcessorContext<String, CountedFigure> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, CountedFigure> record) {
        long dayStart = record.value().day().atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        context.forward(record.withTimestamp(dayStart));
    }
}
