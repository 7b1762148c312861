package io.tollwatch.topology;

import io.micrometer.core.instrument.MeterRegistry;
import io.tollwatch.config.Topics;
import io.tollwatch.count.CountedFigure;
import io.tollwatch.count.CountryRollup;
import io.tollwatch.count.DailyState;
import io.tollwatch.count.Metric;
import io.tollwatch.count.PopulationTotal;
import io.tollwatch.count.RegionMetricState;
import io.tollwatch.schema.Figure;
import io.tollwatch.schema.Report;
import io.tollwatch.schema.Total;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The tollwatch topology, built by a pure function: no I/O, so TopologyTestDriver tests and the real runner build
 * exactly the same graph. It only wires; every counting rule lives in {@code io.tollwatch.count}.
 *
 * <pre>
 * reports ─ validate-and-dedup ─ normalise ─┬─ unresolved ──────────────────────────────► unresolved topic
 *                                           └─ resolved ─┬─ key by region ────────────────► figures topic
 *                                                        ├─ by region|metric ─ aggregate ─┬─ subdivisions ─► totals
 *                                                        │                                └─ rollup by country ┐
 *                                                        │                   country-level ─ outer join ◄──────┘─► totals
 *                                                        └─ incidents ─ to region and country rows ─ by day window
 *                                                                       (7 days grace) ───────────────────► daily topic
 * </pre>
 */
public final class TollwatchTopology {
    /** Rule 7: one-day windows by event day, accepting reports up to 7 days late. */
    public static final Duration DAY = Duration.ofDays(1);
    public static final Duration GRACE = Duration.ofDays(7);

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

        totals(topics, serdes, resolved, regionNames, meters);
        daily(topics, serdes, resolved);
        QueryViews.add(builder, topics, serdes);
        return builder.build();
    }

    /** Rules 1–5: per (region, metric) state, subdivision totals, and country totals rolled up from them. */
    private static void totals(Topics topics, TopologySerdes serdes, KStream<String, Figure> resolved,
                               UnaryOperator<String> regionNames, MeterRegistry meters) {
        Produced<String, Total> totalsOut = Produced.with(Serdes.String(), serdes.total());

        // The initial aggregate is null: a state is created by its first figure, which names its region and metric.
        KTable<String, RegionMetricState> states = resolved
                .selectKey((id, f) -> Keys.regionMetric(f.getRegion(), f.getMetric()), Named.as(Names.KEY_BY_REGION_METRIC))
                .groupByKey(Grouped.with(Names.BY_REGION_METRIC, Serdes.String(), serdes.figure()))
                .aggregate(() -> null,
                        (key, figure, state) -> {
                            CountedFigure f = FigureMapping.counted(figure);
                            RegionMetricState s = state != null ? state : new RegionMetricState(f.region(), f.metric());
                            s.merge(f);
                            return s;
                        },
                        Named.as(Names.AGGREGATE),
                        Materialized.<String, RegionMetricState, KeyValueStore<Bytes, byte[]>>as(Names.REGION_METRIC_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(StateSerdes.regionMetric()));

        KTable<String, RegionMetricState> subdivisions = states.filter(
                (key, state) -> CountryRollup.isSubdivision(state.region()), Named.as(Names.SUBDIVISION_STATES));
        subdivisions.toStream(Named.as(Names.REGION_TOTALS))
                .filter((key, state) -> state != null, Named.as(Names.SUBDIVISIONS))
                .flatMap((key, state) -> FigureMapping.totals(state.totals(), regionNames), Named.as(Names.SUBDIVISION_TOTALS))
                .processValues(() -> new TotalsLag(meters), Named.as(Names.SUBDIVISION_TOTALS_LAG))
                .to(topics.totals(), totalsOut.withName(Names.SUBDIVISION_TOTALS_SINK));

        // Rule 5: each subdivision's totals, re-grouped by country; the subtractor takes the old state, the adder the new.
        KTable<String, CountryRollup> rollups = subdivisions
                .groupBy((key, state) -> KeyValue.pair(Keys.countryMetricOf(key), state),
                        Grouped.with(Names.BY_COUNTRY_METRIC, Serdes.String(), StateSerdes.regionMetric()))
                .aggregate(() -> null,
                        (countryKey, state, rollup) -> {
                            CountryRollup r = rollup != null ? rollup
                                    : new CountryRollup(CountryRollup.countryOf(state.region()), state.metric());
                            state.totals().forEach(r::add);
                            return r;
                        },
                        (countryKey, state, rollup) -> {
                            state.totals().forEach(rollup::remove);
                            return rollup;
                        },
                        Named.as(Names.ROLLUP),
                        Materialized.<String, CountryRollup, KeyValueStore<Bytes, byte[]>>as(Names.ROLLUP_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(StateSerdes.rollup()));

        states.filter((key, state) -> !CountryRollup.isSubdivision(state.region()), Named.as(Names.COUNTRY_LEVEL))
                .outerJoin(rollups, (own, rollup) -> countryTotals(own, rollup), Named.as(Names.COUNTRY_JOIN))
                .toStream(Named.as(Names.COUNTRY_TOTALS))
                .flatMap((key, totals) -> FigureMapping.totals(totals, regionNames), Named.as(Names.COUNTRY_TOTALS + "-records"))
                .processValues(() -> new TotalsLag(meters), Named.as(Names.COUNTRY_TOTALS_LAG))
                .to(topics.totals(), totalsOut.withName(Names.COUNTRY_TOTALS_SINK));
    }

    private static List<PopulationTotal> countryTotals(RegionMetricState own, CountryRollup rollup) {
        String country = own != null ? own.region() : rollup.country();
        Metric metric = own != null ? own.metric() : rollup.metric();
        return RegionMetricState.countryTotals(country, metric, own, rollup);
    }

    /**
     * Rule 7: incidents per (region, metric, population) in one-day event-time windows, 7 days of grace; each figure
     * goes to its own region's row and to its country's.
     */
    private static void daily(Topics topics, TopologySerdes serdes, KStream<String, Figure> resolved) {
        resolved.filter((id, f) -> DailyState.accepts(FigureMapping.counted(f)), Named.as(Names.INCIDENTS))
                .processValues(EventDayTimestamp::new, Named.as(Names.EVENT_DAY))
                .flatMap((id, f) -> DailyState.rows(FigureMapping.counted(f)).stream()
                                .map(row -> KeyValue.pair(Keys.regionMetricPopulation(row, f.getMetric(), f.getPopulation()), f))
                                .toList(),
                        Named.as(Names.BY_DAY_KEY + "-key"))
                .groupByKey(Grouped.with(Names.BY_DAY_KEY, Serdes.String(), serdes.figure()))
                .windowedBy(TimeWindows.ofSizeAndGrace(DAY, GRACE))
                .aggregate(() -> null,
                        (key, figure, state) -> {
                            CountedFigure f = FigureMapping.counted(figure);
                            DailyState s = state != null ? state
                                    : new DailyState(Keys.region(key), f.metric(), f.population(), f.day());
                            s.merge(f);
                            return s;
                        },
                        Named.as(Names.DAILY_WINDOW),
                        Materialized.<String, DailyState, WindowStore<Bytes, byte[]>>as(Names.DAILY_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(StateSerdes.daily())
                                .withRetention(DAY.plus(GRACE)))
                .toStream(Named.as(Names.DAILY_TO_STREAM))
                .filter((windowed, state) -> state != null, Named.as(Names.DAILY_RECORDS + "-present"))
                .map((windowed, state) -> FigureMapping.daily(state.total()), Named.as(Names.DAILY_RECORDS))
                .to(topics.daily(), Produced.with(Serdes.String(), serdes.daily()).withName(Names.DAILY_SINK));
    }
}
