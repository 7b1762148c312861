package io.tollwatch.topology;

import io.tollwatch.count.CountedFigure;
import io.tollwatch.count.Counting;
import io.tollwatch.count.PopulationTotal;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Runs the counting rules over the count store and forwards each total a figure changed, keyed by the total's key. */
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
        for (PopulationTotal t : counting.merge(record.value())) {
            context.forward(record.withKey(t.key()).withValue(t));
        }
    }
}
