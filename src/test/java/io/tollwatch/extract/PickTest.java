package io.tollwatch.extract;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PickTest {

    private static Pick pick(String s, String focalCountry) {
        return Pick.of(s, Stage.PLACES.scan(s, 0, s.length(), List.of()), focalCountry);
    }

    @Test
    void oneSubdivisionDecides() {
        assertThat(pick("a strike on Hama in Syria", null)).isEqualTo(new Pick("SY-HM", "SY", "Hama"));
    }

    @Test
    void listedSubdivisionsGiveTheirCountry() {
        assertThat(pick("strikes on Latakia and Tartus", null)).isEqualTo(new Pick("SY", "SY", null));
    }

    @Test
    void amongCountriesTheOneTheFigureIsIn() {
        assertThat(pick("Iran said people died in Iraq", null).country()).isEqualTo("IQ");
        assertThat(pick("Iran and Iraq talked", "IQ").country()).isEqualTo("IQ");
    }

    @Test
    void noPlacesNoPick() {
        assertThat(pick("nothing here", null)).isNull();
        assertThat(new Pick("SY", "SY", null).subdivision()).isFalse();
        assertThat(new Pick("SY-HM", "SY", "Hama").subdivision()).isTrue();
    }
}
