package io.tollwatch.topology;

import io.tollwatch.schema.Figure;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

import java.time.ZoneOffset;

/** Stamps each figure with the start of its event day (UTC), so the daily windows are by event time (rule 7). */
final class EventDayTimestamp implements FixedKeyProcessor<String, Figure, Figure> {
    private FixedKeyProcessorContext<String, Figure> context;

    @Override
    public void init(FixedKeyProcessorContext<String, Figure> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, Figure> record) {
        long dayStart = record.value().getDay().atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        context.forward(record.withTimestamp(dayStart));
    }
}
