package io.tollwatch.topology;

import io.micrometer.core.instrument.MeterRegistry;
import io.tollwatch.config.Topics;
import io.tollwatch.count.CountedFigure;
import io.tollwatch.count.CountryRollup;
import io.tollwatch.count.Vocabulary;
import io.tollwatch.schema.Figure;
import io.tollwatch.schema.Report;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The tollwatch topology, built by a pure function: no I/O, so TopologyTestDriver tests and the real runner build
 * exactly the same graph. It only wires; every counting rule lives in {@code io.tollwatch.count}.
 *
 * <pre>
 * reports ─ validate-and-dedup ─ normalise ─┬─ unresolved ─────────────────────────► unresolved topic
 *                                           └─ resolved ─┬─ key by region ─────────► figures topic
 *                                                        └─ by country|metric ─┬─ count (store: rules 1–5)
 *                                                                              │   ─ latest of a commit ─► totals
 *                                                                              └─ daily windows (rule 7, 7 days
 *                                                                                  grace) ─ latest of a commit ─► daily
 * </pre>
 */
public final class TollwatchTopology {
    private TollwatchTopology() {
    }

    /**
     * @param normalise   a report to its figures (text extraction, places, counters); figures with a null region are
     *                    unresolved
     * @param regionNames region code → English name, for the totals
     * @param maxFigureValue the plausibility bound on a structured figure's value (setting {@code report.max.value})
     */
    public static Topology build(Topics topics, TopologySerdes serdes, Function<Report, List<Figure>> normalise,
                                 UnaryOperator<String> regionNames, MeterRegistry meters, long maxFigureValue) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(Names.REPORT_IDS_STORE,
                AdmitReport.RETENTION, AdmitReport.RETENTION, false), Serdes.String(), Serdes.Long()));
        // Cached: a busy key's summary and rollup change with nearly every figure, and the changelog needs only their
        // last version of each commit interval (StoreCountStore works around the cache's reverse-iterator bug).
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(Names.COUNT_STORE), Serdes.Bytes(), Serdes.ByteArray()).withCachingEnabled());

        builder.addStateStore(LatestTotals.store(Names.TOTALS_BUFFER));
        builder.addStateStore(DailyWindows.store());
        builder.addStateStore(LatestTotals.store(Names.DAILY_BUFFER));

        KStream<String, Figure> figures = builder
                .stream(topics.reports(), Consumed.with(Serdes.String(), serdes.report()).withName(Names.REPORTS_SOURCE))
                .processValues(() -> new AdmitReport(normalise, meters, maxFigureValue), Named.as(Names.ADMIT), Names.REPORT_IDS_STORE)
                .flatMapValues(reportFigures -> reportFigures, Named.as(Names.REPORT_FIGURES));

        Map<String, KStream<String, Figure>> byPlace = figures.split(Named.as(Names.SPLIT))
                .branch((id, f) -> f.getRegion() == null, Branched.as(Names.UNRESOLVED))
                .defaultBranch(Branched.as(Names.RESOLVED));
        byPlace.get(Names.SPLIT + Names.UNRESOLVED).to(topics.unresolved(),
                Produced.with(Serdes.String(), serdes.figure()).withName(Names.UNRESOLVED_SINK));
        KStream<String, Figure> resolved = byPlace.get(Names.SPLIT + Names.RESOLVED);

        resolved.selectKey((id, f) -> f.getRegion(), Named.as(Names.KEY_BY_REGION))
                .to(topics.figures(), Produced.with(Serdes.String(), serdes.figure()).withName(Names.FIGURES_SINK));

        // A figure's totals and daily rows, of its region and its country, are all keyed within its country|metric.
        KStream<String, CountedFigure> byCountry = resolved.mapValues(FigureMapping::counted, Named.as(Names.TO_COUNTED))
                .selectKey((id, f) -> Keys.regionMetric(CountryRollup.countryOf(f.region()), Vocabulary.wire(f.metric())),
                        Named.as(Names.KEY_BY_COUNTRY_METRIC))
                .repartition(Repartitioned.with(Serdes.String(), StateSerdes.figure()).withName(Names.BY_COUNTRY_METRIC));
        totals(topics, serdes, byCountry, regionNames, meters);
        daily(topics, serdes, byCountry, meters);
        QueryViews.add(builder, topics, serdes);
        return builder.build(optimizations());
    }

    /**
     * Rules 1–5 in one processor over the count store, partitioned by {@code country|metric} so that a country's
     * figures and its subdivisions' meet; it forwards only the totals a figure changed, and a commit publishes each
     * of them once, at its latest.
     */
    private static void totals(Topics topics, TopologySerdes serdes, KStream<String, CountedFigure> byCountry,
                               UnaryOperator<String> regionNames, MeterRegistry meters) {
        byCountry.process(CountProcessor::new, Named.as(Names.COUNT), Names.COUNT_STORE)
                .map((key, t) -> KeyValue.pair(key, FigureMapping.total(t, regionNames)), Named.as(Names.TOTAL_RECORDS))
                .processValues(() -> new TotalsLag(meters), Named.as(Names.TOTALS_LAG))
                .process(() -> new LatestTotals<>(serdes.total().serializer(), topics.totals(), Names.TOTALS_BUFFER),
                        Named.as(Names.LATEST_TOTALS), Names.TOTALS_BUFFER)
                .to(topics.totals(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName(Names.TOTALS_SINK));
    }

    /**
     * Rule 7: incidents per (region, metric, population) in one-day event-time windows, 7 days of grace, beside the
     * count in its task; a commit publishes each changed row once, at its latest.
     */
    private static void daily(Topics topics, TopologySerdes serdes, KStream<String, CountedFigure> byCountry,
                              MeterRegistry meters) {
        byCountry.process(() -> new DailyWindows(meters), Named.as(Names.DAILY_WINDOW), Names.DAILY_STORE)
                .process(() -> new LatestTotals<>(serdes.daily().serializer(), topics.daily(), Names.DAILY_BUFFER),
                        Named.as(Names.LATEST_DAILY), Names.DAILY_BUFFER)
                .to(topics.daily(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName(Names.DAILY_SINK));
    }

    /**
     * The query views' tables restore from their own (compacted) topics instead of a changelog copy of them: every
     * total and every day is written to the broker once, not twice.
     */
    private static Properties optimizations() {
        Properties p = new Properties();
        p.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS);
        return p;
    }
}
