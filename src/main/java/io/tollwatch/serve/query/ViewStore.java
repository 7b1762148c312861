package io.tollwatch.serve.query;

import io.tollwatch.registry.PlainAvro;
import io.tollwatch.schema.DailyCount;
import io.tollwatch.schema.Total;
import io.tollwatch.topology.FigureList;
import io.tollwatch.topology.Names;
import io.tollwatch.topology.QueryViews;
import org.apache.kafka.common.serialization.Serde;

import java.util.Map;

/** A query store, with the serde its values travel in between instances. */
record ViewStore<V>(String name, Serde<V> serde) {
    static final ViewStore<Total> TOTALS = new ViewStore<>(Names.TOTALS_VIEW, PlainAvro.serde(Total.class));
    static final ViewStore<DailyCount> DAILY = new ViewStore<>(Names.DAILY_VIEW, PlainAvro.serde(DailyCount.class));
    static final ViewStore<FigureList> FIGURES = new ViewStore<>(Names.FIGURES_VIEW, QueryViews.figuresSerde());

    static final Map<String, ViewStore<?>> BY_NAME = Map.of(TOTALS.name, TOTALS, DAILY.name, DAILY, FIGURES.name, FIGURES);

    byte[] encode(V value) {
        return serde.serializer().serialize(name, value);
    }

    V decode(byte[] bytes) {
        return serde.deserializer().deserialize(name, bytes);
    }
}
