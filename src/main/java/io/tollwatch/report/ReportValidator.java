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
    /** The default plausibility bound on a figure's value (setting {@code report.max.value}). */
    public static final long DEFAULT_MAX_VALUE = 50_000_000L;

    private ReportValidator() {
    }

    /** Throws {@link InvalidReportException} naming the first problem found. */
    public static void validate(Report r, long maxValue) {
        problem(r, maxValue).ifPresent(reason -> {
            throw new InvalidReportException(reason);
        });
    }

    /** {@link #problem(Report, long)} with the default plausibility bound. */
    public static Optional<String> problem(Report r) {
        return problem(r, DEFAULT_MAX_VALUE);
    }

    /**
     * The first problem of the report, in a sentence an operator can act on; empty when it is valid.
     *
     * @param maxValue the largest plausible figure value; a larger one is a scraper's error, not a toll
     */
    public static Optional<String> problem(Report r, long maxValue) {
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
        Optional<String> control = controlCharacter(r.getReportId(), "report_id")
                .or(() -> controlCharacter(r.getSource(), "source"))
                .or(() -> controlCharacter(r.getTitle(), "title"))
                .or(() -> controlCharacter(r.getLocation(), "location"))
                .or(() -> controlCharacter(r.getText(), "text"));
        if (control.isPresent()) {
            return Optional.of("report " + id + ": " + control.get());
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
                Optional<String> p = figureProblem(figures.get(i), maxValue);
                if (p.isPresent()) {
                    return Optional.of("report " + id + ": figure " + (i + 1) + ": " + p.get());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> figureProblem(ReportedFigure f, long maxValue) {
        if (Vocabulary.parse(Metric.class, f.getMetric()).isEmpty()) {
            return Optional.of("unknown metric '" + f.getMetric() + "' (expected " + choices(Metric.class) + ")");
        }
        if (f.getValue() < 0) {
            return Optional.of("negative value " + f.getValue());
        }
        if (f.getValue() > Math.min(maxValue, CountedFigure.MAX_VALUE)) {
            return Optional.of("value " + f.getValue() + " is above the plausible maximum of " + maxValue);
        }
        Optional<String> control = controlCharacter(f.getLocation(), "location")
                .or(() -> controlCharacter(f.getCounter(), "counter"));
        if (control.isPresent()) {
            return control;
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

    /**
     * A control character means binary garbage or a broken scraper, never text (and it would reach dashboards); the
     * layout controls that scraped documents do carry (tab, line and page breaks, U+0009 to U+000D) are text.
     * Named by its code point and position.
     */
    private static Optional<String> controlCharacter(String value, String field) {
        if (value == null) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && (c < '\t' || c > '\r')) {
                return Optional.of(field + " contains control character " + String.format("U+%04X", (int) c)
                        + " at position " + i);
            }
        }
        return Optional.empty();
    }

    private static String choices(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Vocabulary::wire).collect(Collectors.joining(", "));
    }
}
