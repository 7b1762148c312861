package io.tollwatch.topology;

import io.tollwatch.schema.Figure;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the latest figures of each region, newest first, at most {@code limit}: a figure that arrives again (the
 * same report, metric, population, counter, place and day) replaces its earlier copy instead of taking two places.
 */
final class RecentFigures implements Processor<String, Figure, Void, Void> {
    private final int limit;
    private KeyValueStore<String, FigureList> store;

    RecentFigures(int limit) {
        this.limit = limit;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(Names.FIGURES_VIEW);
    }

    @Override
    public void process(Record<String, Figure> record) {
        Figure f = record.value();
        if (record.key() == null || f == null) {
            return;
        }
        FigureList old = store.get(record.key());
        store.put(record.key(), (old == null ? FigureList.EMPTY : old).prepend(f, limit));
    }
}
