package io.tollwatch.extract;

import org.junit.jupiter.api.Test;

import static io.tollwatch.extract.Fixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

/** A report that repeats a figure gives it once; equal figures at different places are different incidents. */
class InReportDedupTest {

    @Test
    void equalFiguresAtTwoPlacesOfOneRegionAreTwoIncidents() {
        var f = read("A drone strike killed three people in Azaz on Thursday, the Syrian Observatory said. "
            + "On the same day, a car bomb killed three people in Manbij, the Syrian Observatory said.");
        assertThat(f).extracting(ExtractedFigure::place).containsExactly("Azaz", "Manbij");
        assertThat(f).extracting(ExtractedFigure::region).containsOnly("SY-HL");
        assertThat(f).extracting(ExtractedFigure::day).containsOnly(java.time.LocalDate.parse("2024-11-28"));
    }

    @Test
    void theSameFigureRepeatedAtTheSamePlaceIsOne() {
        var f = read("A drone strike killed three people in Azaz on Thursday, the Syrian Observatory said. "
            + "The strike on Thursday killed three people in Azaz, the Syrian Observatory said.");
        assertThat(f).hasSize(1);
    }
}
