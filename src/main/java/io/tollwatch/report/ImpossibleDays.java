package io.tollwatch.report;

import io.tollwatch.schema.Figure;
import io.tollwatch.schema.Report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Spec §3 rule 8, impossible days: a report published before 1900, or with a figure whose event day is before 1900
 * or more than one day after the report's publication, is invalid as a whole. One such figure would otherwise become
 * its counter's latest toll for good, or push the daily series' stream time so far that real incidents are late.
 * Checked on the normalised figures, so that structured dates and the days read from text pass the same rule.
 * Beside it, and for the same reason, a report cannot be published after it was sent ({@link #checkSent}).
 */
public final class ImpossibleDays {
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** An event may be dated the day after publication: the report's time zone can be ahead of UTC. */
    public static final int DAYS_AHEAD = 1;

    private ImpossibleDays() {
    }

    /** Throws {@link InvalidReportException} naming the first impossible day of the report or its figures. */
    public static void check(Report report, List<Figure> figures) {
        problem(report, figures).ifPresent(reason -> {
            throw new InvalidReportException(reason);
        });
    }

    public static Optional<String> problem(Report report, List<Figure> figures) {
        Instant published = report.getPublishedAt();
        String id = report.getReportId();
        if (published.isBefore(EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant())) {
            return Optional.of("report " + id + ": published_at " + published + " is before " + EARLIEST.getYear());
        }
        LocalDate latest = published.atZone(ZoneOffset.UTC).toLocalDate().plusDays(DAYS_AHEAD);
        for (Figure f : figures) {
            LocalDate day = f.getDay();
            if (day.isBefore(EARLIEST)) {
                return Optional.of("report " + id + ": " + describe(f) + " is dated " + day + ", before "
                        + EARLIEST.getYear());
            }
            if (day.isAfter(latest)) {
                return Optional.of("report " + id + ": " + describe(f) + " is dated " + day
                        + ", more than one day after published_at " + published);
            }
        }
        return Optional.empty();
    }

    /**
     * A report is not published after it was sent: a {@code published_at} more than a day after its record's
     * timestamp (the scraper's clock, or the broker's) is a clock or parsing fault. Its figures would be dated as far
     * ahead, pass the check above, and move the daily series' stream time so far that every real incident after them
     * is late. Replaying a file has no send time, so there the check passes.
     */
    public static void checkSent(Report report, Instant sent) {
        Instant latest = sent.plus(Duration.ofDays(DAYS_AHEAD));
        if (report.getPublishedAt().isAfter(latest)) {
            throw new InvalidReportException("report " + report.getReportId() + ": published_at "
                    + report.getPublishedAt() + " is more than one day after the record was sent (" + sent + ")");
        }
    }

    private static String describe(Figure f) {
        return "the " + f.getMetric() + " " + f.getPopulation() + " figure " + f.getValue()
                + (f.getEvidence() != null ? " read from the text" : "");
    }
}
