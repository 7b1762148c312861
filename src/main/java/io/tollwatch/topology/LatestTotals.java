package io.tollwatch.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorNode;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Sends each key's latest total (or daily row) of a commit interval once, as Kafka Streams commits, instead of every
 * change: a busy total changes with nearly every figure, and under exactly-once its readers see an interval's records
 * only after the commit anyway. A total the interval changed and changed back is not sent again.
 * <p>
 * A cached in-memory store without a changelog ({@link Names#TOTALS_BUFFER}; {@link Names#DAILY_BUFFER} for the daily
 * series) marks the keys whose total changed: a commit flushes the record cache before it commits, and the flush
 * hands each dirty key to this processor, which encodes the key's latest total and forwards it in the same
 * transaction. The totals themselves wait here, not in the store, so that only the one in six a commit sends is
 * encoded (encoding every total made was 6% of the stream thread). A crash before the commit loses only what the
 * input's replay makes again; a revived task calls {@link #init} again, which starts both maps afresh as the store
 * starts empty. That hand-over is the one Kafka Streams' KTables use to coalesce their updates, and it is internal
 * ({@code CachedStateStore.setFlushListener}, and the current node a forward from outside {@code process} needs); the
 * DSL's own route, {@code toTable} after the count's key-changing {@code process}, puts a repartition topic in front
 * of the table, a third exactly-once hop. {@code LatestTotalsTest} pins the behaviour, so a Kafka upgrade that changes
 * the hook fails there.
 */
final class LatestTotals<V> implements Processor<String, V, String, byte[]> {
    private static final byte[] CHANGED = new byte[0];

    private final Serializer<V> values;
    private final String topic;
    private final String storeName;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, byte[]> changed;
    /** Each changed key's latest total since the last commit. */
    private Map<String, Record<String, V>> latest;
    /** Each key's bytes as last sent, so that a total changed and changed back is not sent again. */
    private Map<String, byte[]> sent;
    /** False when Kafka Streams strips the store's cache ({@code statestore.cache.max.bytes} 0): every change goes. */
    private boolean coalesced;

    /**
     * @param values    the output topic's serializer
     * @param topic     the output topic, for the serializer's subject
     * @param storeName its {@link #store}
     */
    LatestTotals(Serializer<V> values, String topic, String storeName) {
        this.values = values;
        this.topic = topic;
        this.storeName = storeName;
    }

    /**
     * Its store: cached, so that a commit's flush names the changed keys; in memory and without a changelog, since it
     * holds them only until then.
     */
    static StoreBuilder<KeyValueStore<String, byte[]>> store(String name) {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                Serdes.String(), Serdes.ByteArray()).withCachingEnabled().withLoggingDisabled();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        latest = new HashMap<>();
        sent = new HashMap<>();
        changed = context.getStateStore(storeName);
        InternalProcessorContext<String, byte[]> internal = (InternalProcessorContext<String, byte[]>) context;
        ProcessorNode<?, ?, ?, ?> self = internal.currentNode();
        coalesced = ((WrappedStateStore<?, String, byte[]>) changed).setFlushListener(flushed -> {
            Record<String, V> total = latest.remove(flushed.key());
            if (total == null) {
                return;
            }
            byte[] bytes = values.serialize(topic, total.value());
            if (Arrays.equals(bytes, sent.put(total.key(), bytes))) {
                return;
            }
            ProcessorNode<?, ?, ?, ?> current = internal.currentNode();
            internal.setCurrentNode(self);
            try {
                context.forward(new Record<>(total.key(), bytes, total.timestamp()));
            } finally {
                internal.setCurrentNode(current);
            }
        }, false);
    }

    @Override
    public void process(Record<String, V> record) {
        if (coalesced) {
            latest.put(record.key(), record);
            changed.put(record.key(), CHANGED);
        } else {
            context.forward(record.withValue(values.serialize(topic, record.value())));
        }
    }
}
