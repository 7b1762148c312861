package io.tollwatch.topology;

import io.tollwatch.schema.Total;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorNode;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

import java.util.Arrays;

/**
 * Sends each key's latest total of a commit interval once, as Kafka Streams commits, instead of every change: a busy
 * total changes with nearly every figure, and under exactly-once its readers see an interval's records only after the
 * commit anyway. A total the interval changed and changed back is not sent again.
 * <p>
 * The totals wait, already encoded for the totals topic, in a cached in-memory store without a changelog
 * ({@link Names#TOTALS_BUFFER}): a commit flushes the record cache before it commits, and the flush hands each dirty
 * key's last value to this processor, which forwards it in the same transaction. A crash before the commit loses only
 * what the input's replay makes again. That hand-over is the one Kafka Streams' KTables use to coalesce their
 * updates, and it is internal ({@code CachedStateStore.setFlushListener}, and the current node a forward from outside
 * {@code process} needs); the DSL's own route, {@code toTable} after the count's key-changing {@code process}, puts a
 * repartition topic in front of the table, a third exactly-once hop. {@code LatestTotalsTest} pins the behaviour, so
 * a Kafka upgrade that changes the hook fails there.
 */
final class LatestTotals implements Processor<String, Total, String, byte[]> {
    private final Serializer<Total> totals;
    private final String topic;
    private ProcessorContext<String, byte[]> context;
    private TimestampedKeyValueStore<String, byte[]> pending;
    /** False when Kafka Streams strips the store's cache ({@code statestore.cache.max.bytes} 0): every change goes. */
    private boolean coalesced;

    /**
     * @param totals the totals topic's serializer
     * @param topic  the totals topic, for the serializer's subject
     */
    LatestTotals(Serializer<Total> totals, String topic) {
        this.totals = totals;
        this.topic = topic;
    }

    /**
     * Its store: cached, so that a commit's flush sends the totals; in memory and without a changelog, since it holds
     * them only until then.
     */
    static StoreBuilder<TimestampedKeyValueStore<String, byte[]>> store() {
        return Stores.timestampedKeyValueStoreBuilder(Stores.inMemoryKeyValueStore(Names.TOTALS_BUFFER),
                Serdes.String(), Serdes.ByteArray()).withCachingEnabled().withLoggingDisabled();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        pending = context.getStateStore(Names.TOTALS_BUFFER);
        InternalProcessorContext<String, byte[]> internal = (InternalProcessorContext<String, byte[]>) context;
        ProcessorNode<?, ?, ?, ?> self = internal.currentNode();
        coalesced = ((WrappedStateStore<?, String, ValueAndTimestamp<byte[]>>) pending).setFlushListener(flushed -> {
            ValueAndTimestamp<byte[]> latest = flushed.value().newValue;
            ValueAndTimestamp<byte[]> sent = flushed.value().oldValue;
            if (latest == null || sent != null && Arrays.equals(latest.value(), sent.value())) {
                return;
            }
            ProcessorNode<?, ?, ?, ?> current = internal.currentNode();
            internal.setCurrentNode(self);
            try {
                context.forward(new Record<>(flushed.key(), latest.value(), latest.timestamp()));
            } finally {
                internal.setCurrentNode(current);
            }
        }, true);
    }

    @Override
    public void process(Record<String, Total> record) {
        byte[] bytes = totals.serialize(topic, record.value());
        if (coalesced) {
            pending.put(record.key(), ValueAndTimestamp.make(bytes, record.timestamp()));
        } else {
            context.forward(record.withValue(bytes));
        }
    }
}
