package io.tollwatch.extract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemonymsTest {

    private static final Demonyms D = Stage.DEMONYMS;

    @Test
    void findsNationalitiesSingularPluralAndTwoWords() {
        assertThat(D.in("the Libyan health ministry said")).extracting(Demonyms.Nationality::country)
            .containsExactly("LY");
        assertThat(D.in("Yemenis fled")).extracting(Demonyms.Nationality::country).containsExactly("YE");
        assertThat(D.in("South Sudanese troops")).extracting(Demonyms.Nationality::country).containsExactly("SS");
    }

    @Test
    void lowerCaseAndUnknownWordsAreNoNationalities() {
        assertThat(D.in("the syrian army and the Moon")).isEmpty();
    }

    @Test
    void aNationalArmyIsTheNationNamedBeforeIt() {
        String s = "Israel's military said it struck. The military said more.";
        assertThat(D.nationalArmy(s, s.length())).isEqualTo(D.ofCountry("IL"));
        assertThat(D.nationalArmy("The military said it struck.", 28)).isNull();
    }
}
