package io.tollwatch.serve.query;

import io.tollwatch.topology.FigureList;
import io.tollwatch.topology.Names;
import io.tollwatch.topology.QueryViews;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.util.Map;

/** A query store, with the serde its values travel in between instances and the one lookup it answers. */
record ViewStore<V>(String name, Serde<V> serde, Lookup lookup) {
    /** How other instances ask a store: a key range over its partitions, or one key in one partition. */
    enum Lookup { RANGE, KEY }

    /** The totals and the days travel in their topics' bytes, as their stores keep them. */
    static final ViewStore<byte[]> TOTALS = new ViewStore<>(Names.TOTALS_VIEW, Serdes.ByteArray(), Lookup.RANGE);
    static final ViewStore<byte[]> DAILY = new ViewStore<>(Names.DAILY_VIEW, Serdes.ByteArray(), Lookup.RANGE);
    /** A region's figures: its pages put together, one list ({@link LocalViews#figures}). */
    static final ViewStore<FigureList> FIGURES = new ViewStore<>(Names.FIGURES_VIEW, QueryViews.figuresSerde(), Lookup.KEY);

    static final Map<String, ViewStore<?>> BY_NAME = Map.of(TOTALS.name, TOTALS, DAILY.name, DAILY, FIGURES.name, FIGURES);

    byte[] encode(V value) {
        return serde.serializer().serialize(name, value);
    }

    V decode(byte[] bytes) {
        return serde.deserializer().deserialize(name, bytes);
    }
}
