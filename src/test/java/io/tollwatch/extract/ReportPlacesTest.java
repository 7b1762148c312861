package io.tollwatch.extract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportPlacesTest {

    private static ReportPlaces places(ReportContext ctx) {
        return new ReportPlaces(ctx, Stage.PLACES);
    }

    @Test
    void placesOfACountryTheReportNamesAreKeptAndVote() {
        ReportContext ctx = Stage.context("Syria: shelling in Hama killed 4.", null);
        ReportPlaces p = places(ctx);
        assertThat(p.in(0, ctx.text.length())).extracting(PlaceLookup.Hit::name).containsExactly("Syria", "Hama");
        assertThat(p.mainCountry()).isEqualTo("SY");
    }

    @Test
    void aTownOfACountryTheReportNeverNamesIsAFalseMatch() {
        ReportContext ctx = Stage.context("Syria said that Springfield officials met. Shelling killed 4.", null);
        assertThat(places(ctx).in(0, ctx.text.length())).extracting(PlaceLookup.Hit::name).containsExactly("Syria");
    }

    @Test
    void theFocalPlaceIsTheTitlesElseTheFirstSentences() {
        ReportContext ctx = Stage.context("Shelling hit Idlib. Talks went on.", null);
        assertThat(places(ctx).focal()).isEqualTo(new Pick("SY-ID", "SY", "Idlib"));
        ReportContext none = Stage.context("Talks went on. Nothing else.", null);
        assertThat(places(none).focal()).isNull();
        assertThat(places(none).mainCountry()).isNull();
    }
}
