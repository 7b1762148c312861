package io.tollwatch.extract;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceNamesTest {

    private static List<String> runs(String s) {
        return PlaceNames.capitalRuns(s, 0, s.length()).stream().map(r -> s.substring(r[0], r[1])).toList();
    }

    @Test
    void capitalRunsKeepSmallWordsInsideNames() {
        assertThat(runs("strikes on Deir al-Balah, in Bosnia and Herzegovina"))
            .containsExactly("Deir al-Balah", "Bosnia and Herzegovina");
        assertThat(runs("in Gaza's south")).containsExactly("Gaza");
    }

    @Test
    void lowerCaseWordsEndARun() {
        assertThat(runs("the army of the north")).isEmpty();
    }

    @Test
    void sceneWordsAndPersonNames() {
        String s = "killed in Hama, said spokesman Jean Hama Badoun";
        PlaceLookup.Hit scene = new PlaceLookup.Hit(10, 14, "Hama", "SY-HM", "SY", false, 3);
        int at = s.lastIndexOf("Hama");
        PlaceLookup.Hit name = new PlaceLookup.Hit(at, at + 4, "Hama", "SY-HM", "SY", false, 3);
        assertThat(PlaceNames.sceneMarked(s, scene)).isTrue();
        assertThat(PlaceNames.insideName(s, scene)).isFalse();
        assertThat(PlaceNames.sceneMarked(s, name)).isFalse();
        assertThat(PlaceNames.insideName(s, name)).isTrue();
    }

    @Test
    void actorsAfterNationalities() {
        assertThat(PlaceNames.actorAfter("Rwandan troops", 7)).isTrue();
        assertThat(PlaceNames.actorAfter("Libyan health ministry", 6)).isFalse();
    }

    @Test
    void titleCaseOnlyChangesAllCapsWords() {
        assertThat(PlaceNames.titleCase("KHARTOUM, Sudan")).isEqualTo("Khartoum, Sudan");
        assertThat(PlaceNames.titleCase("Goma")).isEqualTo("Goma");
    }
}
