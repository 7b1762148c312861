package io.tollwatch.serve;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tollwatch.schema.Figure;
import io.tollwatch.schema.Report;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The normalise step with its meters: time per report ({@code tollwatch.extraction}), figures out by metric and
 * source kind ({@code tollwatch.figures}: structured, or text when read from the text), and figures whose place
 * cannot be told by reason ({@code tollwatch.figures.unresolved}). Wrapping the function keeps the topology as it is.
 */
final class MeteredNormaliser implements Function<Report, List<Figure>> {
    private final Function<Report, List<Figure>> normalise;
    private final MeterRegistry meters;
    private final Timer extraction;

    MeteredNormaliser(Function<Report, List<Figure>> normalise, MeterRegistry meters) {
        this.normalise = normalise;
        this.meters = meters;
        this.extraction = Timer.builder("tollwatch.extraction")
                .description("Time to normalise one report: read its text, resolve its places, name its counters")
                .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(25),
                        Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(2))
                .register(meters);
    }

    @Override
    public List<Figure> apply(Report report) {
        List<Figure> figures = extraction.record(() -> normalise.apply(report));
        for (Figure f : figures) {
            // A figure read from text keeps the sentence it came from; a structured one has none.
            String source = f.getEvidence() == null ? "structured" : "text";
            Counter.builder("tollwatch.figures").tag("metric", f.getMetric()).tag("source", source)
                    .description("Figures normalised out of reports, by metric and source kind").register(meters)
                    .increment();
            if (f.getRegion() == null) {
                Counter.builder("tollwatch.figures.unresolved").tag("reason", UnresolvedReason.of(f.getUnresolvedReason()))
                        .description("Figures whose place cannot be told, by reason").register(meters).increment();
            }
        }
        return figures;
    }
}
