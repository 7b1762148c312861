package io.tollwatch.extract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatelineTest {

    @Test
    void readsWireDatelines() {
        String s = "KYIV, Ukraine (AP) \u2014 Russian drones struck the city.";
        Dateline d = Dateline.of(s);
        assertThat(d.place()).startsWith("Kyiv, Ukraine"); // the resolver trims each part of the path
        assertThat(s.substring(d.end())).startsWith("Russian");
        assertThat(Dateline.of("BEIRUT (Reuters) - Strikes hit the south.").place().strip()).isEqualTo("Beirut");
        assertThat(Dateline.of("GOMA, Congo, Jan 27 (Reuters) - Rebels advanced.").place().strip()).isEqualTo("Goma, Congo");
    }

    @Test
    void aStoryWithoutDatelineHasNone() {
        assertThat(Dateline.of("Shelling killed four people in Hama - officials said.")).isEqualTo(Dateline.NONE);
        assertThat(Dateline.of("The UN said 12 people died.").end()).isZero();
    }
}
