package io.tollwatch.topology;

import io.tollwatch.count.Basis;
import io.tollwatch.count.CountedFigure;
import io.tollwatch.count.CountryRollup;
import io.tollwatch.count.DailyTotal;
import io.tollwatch.count.Metric;
import io.tollwatch.count.Population;
import io.tollwatch.count.PopulationTotal;
import io.tollwatch.count.Qualifier;
import io.tollwatch.count.Vocabulary;
import io.tollwatch.schema.CounterFigure;
import io.tollwatch.schema.DailyCount;
import io.tollwatch.schema.Figure;
import io.tollwatch.schema.RegionPart;
import io.tollwatch.schema.Total;
import org.apache.kafka.streams.KeyValue;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/** Between the topics' Avro records and the counting package's plain Java values. */
final class FigureMapping {
    private FigureMapping() {
    }

    static CountedFigure counted(Figure f) {
        return new CountedFigure(f.getReportId(), f.getPublishedAt(),
                Vocabulary.parse(Metric.class, f.getMetric()).orElseThrow(),
                Vocabulary.parse(Population.class, f.getPopulation()).orElseThrow(),
                f.getValue(),
                Vocabulary.parse(Qualifier.class, f.getQualifier()).orElseThrow(),
                Vocabulary.parse(Basis.class, f.getBasis()).orElseThrow(),
                f.getCounter(), f.getRegion(),
                f.getPlaceId() != null ? f.getPlaceId() : f.getRegion(),
                f.getDay());
    }

    static List<KeyValue<String, Total>> totals(List<PopulationTotal> totals, UnaryOperator<String> regionNames) {
        return totals.stream().map(t -> KeyValue.pair(t.key(), total(t, regionNames))).toList();
    }

    static Total total(PopulationTotal t, UnaryOperator<String> regionNames) {
        String name = regionNames.apply(t.region());
        return Total.newBuilder()
                .setRegion(t.region())
                .setRegionName(name != null ? name : t.region())
                .setCountry(CountryRollup.countryOf(t.region()))
                .setMetric(Vocabulary.wire(t.metric()))
                .setPopulation(Vocabulary.wire(t.population()))
                .setBest(t.best())
                .setLow(t.low())
                .setHigh(t.high())
                .setCounters(counters(t.counters()))
                .setParts(t.parts().stream().map(p -> new RegionPart(p.region(), p.best())).toList())
                .setReports(t.reports())
                .setUpdatedAt(t.updatedAt() != null ? t.updatedAt() : Instant.EPOCH)
                .build();
    }

    private static List<CounterFigure> counters(List<io.tollwatch.count.CounterFigure> counters) {
        return counters.stream().map(c -> new CounterFigure(c.counter(), c.value(), c.day())).toList();
    }

    static KeyValue<String, DailyCount> daily(DailyTotal d) {
        String key = Keys.regionMetricPopulation(d.region(), Vocabulary.wire(d.metric()), Vocabulary.wire(d.population()))
                + Keys.SEP + d.day();
        return KeyValue.pair(key, DailyCount.newBuilder()
                .setRegion(d.region())
                .setMetric(Vocabulary.wire(d.metric()))
                .setPopulation(Vocabulary.wire(d.population()))
                .setDay(d.day())
                .setBest(d.best())
                .setLow(d.low())
                .setIncidents(d.incidents())
                .setCounters(counters(d.counters()))
                .build());
    }
}
