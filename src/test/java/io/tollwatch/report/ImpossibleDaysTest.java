package io.tollwatch.report;

import io.tollwatch.schema.Figure;
import io.tollwatch.schema.Report;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rule 8 on normalised figures: structured dates and days read from text pass the same check. */
class ImpossibleDaysTest {
    private static final Instant PUBLISHED = Instant.parse("2024-11-29T23:30:00Z");

    private static Report report(Instant publishedAt) {
        return Report.newBuilder().setReportId("r").setSource("AFP").setPublishedAt(publishedAt).setText("x").build();
    }

    private static Figure figure(LocalDate day, String evidence) {
        return Figure.newBuilder().setReportId("r").setSource("AFP").setPublishedAt(PUBLISHED)
                .setMetric("killed").setPopulation("civilians").setValue(12).setQualifier("exact").setBasis("incident")
                .setCounter("AFP").setDay(day).setEvidence(evidence).build();
    }

    @Test
    void fromNineteenHundredToTheDayAfterPublicationIsPossible() {
        List<Figure> figures = List.of(figure(LocalDate.of(1900, 1, 1), null), figure(LocalDate.of(2024, 11, 30), null));
        assertThat(ImpossibleDays.problem(report(PUBLISHED), figures)).isEmpty();
        assertThat(ImpossibleDays.problem(report(Instant.parse("1900-01-01T00:00:00Z")), List.of())).isEmpty();
    }

    @Test
    void aDayReadFromTheTextIsCheckedLikeAStructuredDate() {
        List<Figure> figures = List.of(figure(LocalDate.of(2024, 11, 29), "12 civilians were killed"),
                figure(LocalDate.of(2024, 12, 1), "12 civilians were killed"));
        assertThat(ImpossibleDays.problem(report(PUBLISHED), figures)).contains("report r: the killed civilians"
                + " figure 12 read from the text is dated 2024-12-01, more than one day after published_at"
                + " 2024-11-29T23:30:00Z");
    }

    @Test
    void aReportPublishedBefore1900IsInvalidEvenWithoutFigures() {
        assertThatThrownBy(() -> ImpossibleDays.check(report(Instant.parse("1899-12-31T23:59:59Z")), List.of()))
                .isInstanceOf(InvalidReportException.class)
                .hasMessage("report r: published_at 1899-12-31T23:59:59Z is before 1900");
    }

    @Test
    void aReportIsNotPublishedMoreThanADayAfterItWasSent() {
        Instant sent = Instant.parse("2024-11-29T12:00:00Z");
        ImpossibleDays.checkSent(report(Instant.parse("2024-11-30T12:00:00Z")), sent);
        ImpossibleDays.checkSent(report(Instant.parse("2001-01-01T00:00:00Z")), sent);
        assertThatThrownBy(() -> ImpossibleDays.checkSent(report(Instant.parse("2024-11-30T12:00:01Z")), sent))
                .isInstanceOf(InvalidReportException.class)
                .hasMessage("report r: published_at 2024-11-30T12:00:01Z is more than one day after the record was sent"
                        + " (2024-11-29T12:00:00Z)");
    }
}
