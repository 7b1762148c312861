package io.tollwatch.report;

import io.tollwatch.count.Basis;
import io.tollwatch.count.Metric;
import io.tollwatch.count.Population;
import io.tollwatch.count.Qualifier;
import io.tollwatch.count.Vocabulary;
import io.tollwatch.extract.Cause;
import io.tollwatch.extract.Counters;
import io.tollwatch.extract.ExtractedFigure;
import io.tollwatch.extract.Extractor;
import io.tollwatch.place.Gazetteer;
import io.tollwatch.place.PlaceIdentity;
import io.tollwatch.place.Resolution;
import io.tollwatch.schema.Figure;
import io.tollwatch.schema.Report;
import io.tollwatch.schema.ReportedFigure;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A valid report to its normalised figures (spec §2): structured figures with their location resolved and their
 * counter named, plus the figures read from the text that do not repeat a structured one. Deterministic and
 * thread-safe; the topology's {@code normalise} step and the {@code extract} command both call it.
 */
public final class Normalizer {
    private final Gazetteer gazetteer;
    private final PlaceIdentity places;
    private final Counters counters;
    private final Extractor extractor;

    public Normalizer(Gazetteer gazetteer, Counters counters, Extractor extractor) {
        this.gazetteer = gazetteer;
        this.places = new PlaceIdentity(gazetteer);
        this.counters = counters;
        this.extractor = extractor;
    }

    public static Normalizer defaults() {
        Gazetteer g = Gazetteer.defaultGazetteer();
        Counters c = Counters.defaults();
        return new Normalizer(g, c, new Extractor(g, c));
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /** Sentences and reports the text rules failed on so far (see {@link Extractor#failures()}). */
    public long extractionFailures() {
        return extractor.failures();
    }

    public List<Figure> figures(Report report) {
        List<Figure> out = new ArrayList<>();
        LocalDate published = report.getPublishedAt().atZone(ZoneOffset.UTC).toLocalDate();
        List<String> context = contextCountries(report);
        Set<String> structured = new HashSet<>();
        for (ReportedFigure f : report.getFigures()) {
            String location = f.getLocation() != null ? f.getLocation() : report.getLocation();
            Resolution where = location == null
                    ? Resolution.unresolved("the figure and the report name no place")
                    : gazetteer.resolve(location, context);
            Metric metric = Vocabulary.parse(Metric.class, f.getMetric()).orElseThrow();
            Population population = Vocabulary.parse(Population.class, f.getPopulation()).orElseThrow();
            structured.add(sameFigureKey(metric, population, f.getValue()));
            out.add(base(report)
                    .setMetric(Vocabulary.wire(metric))
                    .setPopulation(Vocabulary.wire(population))
                    .setValue(f.getValue())
                    .setQualifier(Vocabulary.wire(Vocabulary.parse(Qualifier.class, f.getQualifier()).orElseThrow()))
                    .setBasis(Vocabulary.wire(Vocabulary.parse(Basis.class, f.getBasis()).orElseThrow()))
                    .setCounter(counters.canonical(f.getCounter() != null ? f.getCounter() : report.getSource()))
                    .setRegion(where.region())
                    .setCountry(where.country())
                    .setPlace(where.resolved() ? location : null)
                    .setPlaceId(where.resolved() ? places.of(location, where.region(), context) : null)
                    .setDay(f.getDate() != null ? f.getDate() : published)
                    .setUnresolvedReason(where.reason())
                    .setCause(metric == Metric.DISPLACED ? Vocabulary.wire(Cause.UNKNOWN) : null)
                    .build());
        }
        String text = report.getText();
        if (text != null && !text.isBlank()) {
            for (ExtractedFigure e : extractor.extract(report)) {
                // Spec §2: a text figure that repeats a structured one is the same figure, published once.
                if (structured.contains(sameFigureKey(e.metric(), e.population(), e.value()))) {
                    continue;
                }
                out.add(base(report)
                        .setMetric(Vocabulary.wire(e.metric()))
                        .setPopulation(Vocabulary.wire(e.population()))
                        .setValue(e.value())
                        .setValueHigh(e.valueHigh())
                        .setQualifier(Vocabulary.wire(e.qualifier()))
                        .setBasis(Vocabulary.wire(e.basis()))
                        .setCounter(e.counter() != null ? e.counter() : counters.canonical(report.getSource()))
                        .setRegion(e.region())
                        .setCountry(e.country())
                        .setPlace(e.place())
                        .setPlaceId(e.region() != null ? places.of(e.place(), e.region(), context) : null)
                        .setDay(e.day() != null ? e.day() : published)
                        .setEvidence(e.evidence())
                        .setUnit(e.unit())
                        .setReportedValue(e.reportedValue())
                        .setCause(e.cause() != null ? Vocabulary.wire(e.cause()) : null)
                        .setPlaceFrom(e.placeFrom() != null ? Vocabulary.wire(e.placeFrom()) : null)
                        .setUnresolvedReason(e.region() == null ? e.unresolvedReason() : null)
                        .build());
            }
        }
        return out;
    }

    private List<String> contextCountries(Report report) {
        if (report.getLocation() == null) {
            return List.of();
        }
        Resolution hint = gazetteer.resolve(report.getLocation());
        return hint.resolved() ? List.of(hint.country()) : List.of();
    }

    private static String sameFigureKey(Metric metric, Population population, long value) {
        return metric + "|" + population + "|" + value;
    }

    private static Figure.Builder base(Report report) {
        return Figure.newBuilder()
                .setReportId(report.getReportId())
                .setSource(report.getSource())
                .setUrl(report.getUrl())
                .setPublishedAt(report.getPublishedAt());
    }
}
