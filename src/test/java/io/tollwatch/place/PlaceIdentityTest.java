package io.tollwatch.place;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Spec §3 rule 2's place: one identity per gazetteer place, whatever the spelling or path. */
class PlaceIdentityTest {
    private static final PlaceIdentity PLACES = new PlaceIdentity(Gazetteer.defaultGazetteer());

    private static String id(String written, String region) {
        return PLACES.of(written, region, List.of());
    }

    @Test
    void spellingsAndPathsOfOnePlaceAreOnePlace() {
        String khanYunis = id("Khan Younis", "PS-KYS");
        assertThat(khanYunis).isEqualTo("PS-KYS/city/khan yunis");
        assertThat(List.of("Khan Yunis", "Khan Younis, Gaza Strip", "Khan Yunus, Khan Yunis governorate, Palestine",
                "Khān Yūnis", "KHAN YOUNES", "khan younis city"))
                .allSatisfy(w -> assertThat(id(w, "PS-KYS")).as(w).isEqualTo(khanYunis));
        assertThat(id("Kharkov", "UA-63")).isEqualTo(id("Kharkiv, Ukraine", "UA-63"));
    }

    @Test
    void differentPlacesOfOneRegionStayApart() {
        assertThat(id("Azaz", "SY-HL")).isNotEqualTo(id("Manbij", "SY-HL"));
        assertThat(id("Khan Yunis governorate", "PS-KYS")).as("the governorate is not its city")
                .isEqualTo("PS-KYS").isNotEqualTo(id("Khan Yunis", "PS-KYS"));
    }

    @Test
    void aCountryOrSubdivisionIsItsCodeTheSameAsNoPlaceAtAll() {
        assertThat(id("Syria", "SY")).isEqualTo("SY").isEqualTo(id(null, "SY"));
        assertThat(id("Aleppo province", "SY-HL")).isEqualTo("SY-HL").isEqualTo(id(" ", "SY-HL"));
    }

    @Test
    void aPlaceTheGazetteerCannotSingleOutThereIsItsFoldedName() {
        assertThat(id("Qwxzyv farm", "SY-HL")).isEqualTo("~qwxzyv farm").isEqualTo(id("QWXZYV  Farm", "SY-HL"));
        assertThat(id("Khan Younis", "SY-HL")).as("resolves elsewhere than the figure's region")
                .isEqualTo("~khan younis");
    }

    @Test
    void theIdOfAPlaceIsBuiltFromItsData() {
        assertThat(new Place("Tel al-Sultan", Level.DISTRICT, "PS-RFH", "PS").id()).isEqualTo("PS-RFH/district/tel sultan");
        assertThat(new Place("Palestine", Level.COUNTRY, "PS", "PS").id()).isEqualTo("PS");
    }
}
