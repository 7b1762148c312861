package io.tollwatch.topology;

import io.tollwatch.config.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The stores the query API reads, materialised from the output topics rather than from the counting state, so the
 * counting stores can change shape without touching the API: totals by {@code REGION|metric|population}, the daily
 * series by {@code REGION|metric|population|day}, and the latest figures of each region. Each store is partitioned
 * like its topic, so a key's owner is the owner of the topic partition the key was produced to.
 */
public final class QueryViews {
    /** How many figures a region keeps for {@code /api/figures/{region}}. */
    public static final int FIGURES_PER_REGION = 100;

    private QueryViews() {
    }

    /** The serde of a region's figures as one value, between instances. */
    public static Serde<FigureList> figuresSerde() {
        return FigureList.serde();
    }

    /** The key of the record in {@link Names#FIGURES_VIEW} that says where a region's figures are. */
    public static Bytes figuresIndex(String region) {
        return RecentFigures.metaKey(region);
    }

    /** The first key of a region's figures in {@link Names#FIGURES_VIEW}, from the value of its index record. */
    public static Bytes figuresFrom(String region, byte[] index) {
        return RecentFigures.oldestPage(region, index);
    }

    /** The last key (inclusive) of a region's figures in {@link Names#FIGURES_VIEW}, from its index record's value. */
    public static Bytes figuresTo(String region, byte[] index) {
        return RecentFigures.newestPage(region, index);
    }

    /** A region's latest figures, newest first, from the records between its first and last key, in key order. */
    public static FigureList figures(Iterator<KeyValue<Bytes, byte[]>> pages) {
        List<byte[]> oldestFirst = new ArrayList<>();
        pages.forEachRemaining(kv -> oldestFirst.add(kv.value));
        return FigureList.newest(oldestFirst, FIGURES_PER_REGION);
    }

    /**
     * The two tables keep their topics' bytes, so that their compacted topics serve as their changelogs (the topology
     * is built with {@code reuse.ktable.source.topics}): a restore copies a topic's records into the store as they are.
     * They never decode them: every total and day would be decoded and encoded again only to be stored, and only a
     * query needs them as records (the topics' own deserializers, in {@code serve/query/ClusterViews}).
     */
    static void add(StreamsBuilder builder, Topics topics, TopologySerdes serdes) {
        builder.table(topics.totals(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(Names.TOTALS_VIEW_SOURCE),
                Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(Names.TOTALS_VIEW)
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray()));
        builder.table(topics.daily(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(Names.DAILY_VIEW_SOURCE),
                Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(Names.DAILY_VIEW)
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray()));
        // Cached: a busy region's newest page and index change with every figure, and the changelog needs only their
        // last version of each commit interval.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(Names.FIGURES_VIEW),
                Serdes.Bytes(), Serdes.ByteArray()).withCachingEnabled());
        builder.stream(topics.figures(), Consumed.with(Serdes.String(), serdes.figure()).withName(Names.FIGURES_VIEW_SOURCE))
                .process(() -> new RecentFigures(FIGURES_PER_REGION), Named.as(Names.FIGURES_VIEW_PROCESSOR),
                        Names.FIGURES_VIEW);
    }
}
