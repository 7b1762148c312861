package io.tollwatch.topology;

import io.tollwatch.count.CountedFigure;
import io.tollwatch.count.Counting;
import io.tollwatch.count.PopulationTotal;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs the counting rules over the count store and forwards each total a figure changed, keyed by the total's key.
 * A total carries the task's stream time, not its figure's timestamp: figures reach this partition out of timestamp
 * order, and the totals topic is a table whose readers take a key's timestamps as its versions, so they must never
 * go back. A key always counts in the same task, and Kafka Streams keeps the stream time across restarts.
 */
final class CountProcessor implements Processor<String, CountedFigure, String, PopulationTotal> {
    private ProcessorContext<String, PopulationTotal> context;
    private Counting counting;

    @Override
    public void init(ProcessorContext<String, PopulationTotal> context) {
        this.context = context;
        this.counting = new Counting(new StoreCountStore(context.<KeyValueStore<Bytes, byte[]>>getStateStore(Names.COUNT_STORE)));
    }

    @Override
    public void process(Record<String, CountedFigure> record) {
        long asOf = Math.max(record.timestamp(), context.currentStreamTimeMs());
        for (PopulationTotal t : counting.merge(record.value())) {
            context.forward(record.withKey(t.key()).withValue(t).withTimestamp(asOf));
        }
    }
}
