package io.tollwatch.extract;

import org.junit.jupiter.api.Test;

import static io.tollwatch.extract.Fixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

/** Region order of spec §2, over the small test gazetteer. */
class RegionTest {

    @Test
    void aPlaceInTheSentenceDecides() {
        ExtractedFigure f = read("Strikes on Hama killed 12 people.", "Damascus, Syria").get(0);
        assertThat(f.region()).isEqualTo("SY-HM");
        assertThat(f.country()).isEqualTo("SY");
        assertThat(f.place()).isEqualTo("Hama");
    }

    @Test
    void placesInSeveralSubdivisionsGiveTheCountry() {
        assertThat(read("Clashes in Latakia and Tartus provinces killed 40 people.").get(0).region()).isEqualTo("SY");
    }

    @Test
    void aPlaceInsideAnotherGivesTheMostSpecific() {
        assertThat(read("Shelling killed nine tourists at a resort near Zakho in Iraq's Kurdistan region.").get(0)
            .region()).isEqualTo("IQ-DA");
    }

    @Test
    void otherwiseTheLocationHint() {
        assertThat(read("Another 75 people were wounded.", "Kharkiv, Ukraine").get(0).region()).isEqualTo("UA-63");
    }

    @Test
    void otherwiseTheFocalPlaceOfTheLead() {
        var f = read("Rebels entered Hama on Friday. Another 75 people were wounded, medics said.");
        assertThat(f.get(0).region()).isEqualTo("SY-HM");
    }

    @Test
    void theCityIsTheFocalCityNotACountryNamedInPassing() {
        var f = read("Rebels entered Hama on Friday. The group, once Syria's Al-Qaeda branch, shelled a school in the"
            + " city, killing four civilians, state media reported.");
        assertThat(f.get(0).region()).isEqualTo("SY-HM");
    }

    @Test
    void aCountryNamedInTheSentence() {
        var f = read("At least 13 people have been killed in Israel since Iran began firing missiles.", "Hama");
        assertThat(f.get(0).region()).isEqualTo("IL");
    }

    @Test
    void townsOfCountriesTheReportNeverNamesAreIgnored() {
        var f = read("Strikes on Idlib killed 12 people, said a Springfield-based analyst.", null);
        assertThat(f.get(0).region()).isEqualTo("SY-ID");
    }

    @Test
    void unresolvedIsKeptWithAReason() {
        var f = read("Gunmen killed 23 people in a raid on a village.");
        assertThat(f).hasSize(1);
        assertThat(f.get(0).region()).isNull();
        assertThat(f.get(0).unresolvedReason()).isNotBlank();
    }

    @Test
    void anaphoricSentencesStayWhereTheDeadWere() {
        var f = read("The RSF shelled El Fasher, killing 40 civilians. Fifteen of the dead were children.",
            "Khartoum, Sudan");
        assertThat(f).extracting(ExtractedFigure::region).containsExactly("SD-DN", "SD-DN");
    }

    @Test
    void aDatelineIsTheHintAndNotAPlaceOfTheLead() {
        var f = read("KHARTOUM, Sudan (AP) \u2014 Shelling killed 12 people on Monday, medics said. Another 30 were"
            + " wounded.");
        assertThat(f).extracting(ExtractedFigure::region).containsExactly("SD-KH", "SD-KH");
        var g = read("DAMASCUS (Reuters) - Strikes on Hama killed 12 people, medics said.");
        assertThat(g.get(0).region()).isEqualTo("SY-HM");
    }

    @Test
    void aWarLongTollWithoutAPlaceIsTheCountry() {
        var f = read("Shelling of Khartoum killed 25 people on Monday. The war has uprooted more than 11 million"
            + " people, the IOM says.", "Khartoum, Sudan");
        assertThat(f).extracting(ExtractedFigure::region).containsExactly("SD-KH", "SD");
    }

    @Test
    void eachFigureTakesThePlacesOfItsClause() {
        assertThat(read("Strikes killed 12 people in Hama and five in Idlib.")).extracting(ExtractedFigure::region)
            .containsExactly("SY-HM", "SY-ID");
        assertThat(read("In Hama, a strike killed 3 people, while in Idlib 2 were wounded."))
            .extracting(ExtractedFigure::region).containsExactly("SY-HM", "SY-ID");
        assertThat(read("Clashes in Latakia and Tartus killed 40 people, including 9 children."))
            .extracting(ExtractedFigure::region).containsExactly("SY", "SY");
    }

    @Test
    void aCityNamedAsALandmarkGivesWayToTheHintedPlace() {
        var f = read("Gunmen who stormed a shopping centre near Moscow killed at least 40 people. More than 90 were "
            + "wounded in Krasnogorsk.", "Krasnogorsk, Russia");
        assertThat(f).extracting(ExtractedFigure::region).containsExactly("RU-MOS", "RU-MOS");
    }

    @Test
    void aLandmarkCityStaysWithoutAMoreSpecificHint() {
        assertThat(read("A drone hit a fuel depot outside Moscow, killing four workers.", "Russia").get(0)
            .region()).isEqualTo("RU-MOW");
        assertThat(read("A drone hit a fuel depot in Moscow, killing four workers.", "Krasnogorsk, Russia").get(0)
            .region()).isEqualTo("RU-MOW");
        // a landmark city of another province than the hint's: the landmark's own province
        assertThat(read("A drone hit a fuel depot near Moscow, killing four workers.", "Belgorod, Russia").get(0)
            .region()).isEqualTo("RU-MOW");
    }
}
