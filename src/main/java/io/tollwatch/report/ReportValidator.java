package io.tollwatch.report;

import io.tollwatch.count.Basis;
import io.tollwatch.count.CountedFigure;
import io.tollwatch.count.Metric;
import io.tollwatch.count.Population;
import io.tollwatch.count.Qualifier;
import io.tollwatch.count.Vocabulary;
import io.tollwatch.schema.Report;
import io.tollwatch.schema.ReportedFigure;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The input contract of spec §4: what makes a report countable. */
public final class ReportValidator {
    public static final int MAX_ID_LENGTH = 200;
    public static final int MAX_TEXT_BYTES = 1 << 20;
    public static final int MAX_FIGURES = 1000;

    private ReportValidator() {
    }

    /** Throws {@link InvalidReportException} naming the first problem found. */
    public static void validate(Report r) {
        problem(r).ifPresent(reason -> {
            throw new InvalidReportException(reason);
        });
    }

    /** The first problem of the report, in a sentence an operator can act on; empty when it is valid. */
    public static Optional<String> problem(Report r) {
        if (r == null) {
            return Optional.of("report is empty");
        }
        String id = r.getReportId();
        if (id == null || id.isBlank()) {
            return Optional.of("report_id is missing");
        }
        if (id.length() > MAX_ID_LENGTH) {
            return Optional.of("report_id is longer than " + MAX_ID_LENGTH + " characters");
        }
        if (r.getSource() == null || r.getSource().isBlank()) {
            return Optional.of("report " + id + ": source is missing");
        }
        if (r.getPublishedAt() == null) {
            return Optional.of("report " + id + ": published_at is missing");
        }
        String text = r.getText();
        boolean hasText = text != null && !text.isBlank();
        if (text != null && text.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
            return Optional.of("report " + id + ": text is larger than 1 MiB");
        }
        var figures = r.getFigures();
        if (figures != null && figures.size() > MAX_FIGURES) {
            return Optional.of("report " + id + ": more than " + MAX_FIGURES + " figures");
        }
        if (!hasText && (figures == null || figures.isEmpty())) {
            return Optional.of("report " + id + ": needs text or figures");
        }
        if (figures != null) {
            for (int i = 0; i < figures.size(); i++) {
                Optional<String> p = figureProblem(figures.get(i));
                if (p.isPresent()) {
                    return Optional.of("report " + id + ": figure " + (i + 1) + ": " + p.get());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> figureProblem(ReportedFigure f) {
        if (Vocabulary.parse(Metric.class, f.getMetric()).isEmpty()) {
            return Optional.of("unknown metric '" + f.getMetric() + "' (expected " + choices(Metric.class) + ")");
        }
        if (f.getValue() < 0) {
            return Optional.of("negative value " + f.getValue());
        }
        if (f.getValue() > CountedFigure.MAX_VALUE) {
            return Optional.of("value " + f.getValue() + " is beyond any real toll");
        }
        if (Vocabulary.parse(Population.class, f.getPopulation()).isEmpty()) {
            return Optional.of("unknown population '" + f.getPopulation() + "' (expected " + choices(Population.class) + ")");
        }
        if (Vocabulary.parse(Qualifier.class, f.getQualifier()).isEmpty()) {
            return Optional.of("unknown qualifier '" + f.getQualifier() + "' (expected " + choices(Qualifier.class) + ")");
        }
        if (Vocabulary.parse(Basis.class, f.getBasis()).isEmpty()) {
            return Optional.of("unknown basis '" + f.getBasis() + "' (expected " + choices(Basis.class) + ")");
        }
        return Optional.empty();
    }

    private static String choices(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Vocabulary::wire).collect(Collectors.joining(", "));
    }
}
