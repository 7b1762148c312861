package io.tollwatch.place;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ScanTest {

    private final Gazetteer g = Gazetteer.defaultGazetteer();

    private List<String> surfaces(String text) {
        return g.scan(text).stream().map(Mention::surface).toList();
    }

    @Test
    void findsEveryMentionWithOffsets() {
        String text = "Israeli strikes on Khan Younis and Rafah killed 30 people, the health ministry in Gaza said, "
                + "while shelling hit Deir al-Balah and the Nuseirat camp.";
        List<Mention> ms = g.scan(text);
        assertThat(ms).extracting(Mention::surface)
                .containsExactly("Khan Younis", "Rafah", "Gaza", "Deir al-Balah", "Nuseirat camp");
        for (Mention m : ms) assertThat(text.substring(m.start(), m.end())).isEqualTo(m.surface());
        assertThat(g.resolve(ms.get(0), List.of("PS")).region()).isEqualTo("PS-KYS");
        assertThat(g.resolve(ms.get(3), List.of()).region()).isEqualTo("PS-DEB");
    }

    @Test
    void longestMatchWins() {
        assertThat(surfaces("Refugees crossed from South Sudan into Sudan.")).containsExactly("South Sudan", "Sudan");
        assertThat(surfaces("Fighting around Lake Chad displaced thousands in Chad."))
                .containsExactly("Lake Chad", "Chad");
        assertThat(surfaces("Guinea-Bissau, Guinea and Equatorial Guinea"))
                .containsExactly("Guinea-Bissau", "Guinea", "Equatorial Guinea");
        assertThat(surfaces("Nigeria and Niger")).containsExactly("Nigeria", "Niger");
        assertThat(surfaces("DR Congo and the Republic of the Congo"))
                .containsExactly("DR Congo", "Republic of the Congo");
        assertThat(surfaces("Airstrikes on Gaza City and the Gaza Strip")).containsExactly("Gaza City", "Gaza Strip");
        assertThat(surfaces("in North Darfur state")).containsExactly("North Darfur state");
    }

    @Test
    void articleVariantsAndDiacritics() {
        assertThat(surfaces("in al-Hasakah and Al Hasakah and Hasakah")).containsExactly("al-Hasakah", "Al Hasakah", "Hasakah");
        List<Mention> ms = g.scan("Gangs attacked Pont-Sondé and Pont Sonde.");
        assertThat(ms).extracting(Mention::surface).containsExactly("Pont-Sondé", "Pont Sonde");
        assertThat(g.resolve(ms.get(0), List.of()).region()).isEqualTo("HT-AR");
        assertThat(surfaces("attack in Dar’a")).containsExactly("Dar’a");
    }

    @Test
    void noFalseMatchesInsideWordsOrOnCommonWords() {
        assertThat(g.scan("human rights groups met the ambassador; HTS and Assad forces clashed")).isEmpty();
        assertThat(g.scan("the rights of mobile clinics, as of most nice places, may split")).isEmpty();
        assertThat(g.scan("we asked us about the car")).isEmpty();
        assertThat(surfaces("The US and the UK, and U.S. officials")).containsExactly("US", "UK", "U.S");
        assertThat(surfaces("North of the city, the West Bank town")).containsExactly("West Bank");
        assertThat(surfaces("Most of those killed")).isEmpty();
    }

    @Test
    void possessivesEndTheName() {
        assertThat(surfaces("Sudan's army and Gaza’s health ministry, in Turkey's capital"))
                .containsExactly("Sudan", "Gaza", "Turkey");
        assertThat(surfaces("in Dar'a and Ma'rib")).containsExactly("Dar'a", "Ma'rib");
    }

    @Test
    void mentionsResolveWithTheReportsCountries() {
        List<Mention> ms = g.scan("Clashes in Tripoli left 12 dead.");
        assertThat(ms).hasSize(1);
        assertThat(g.resolve(ms.get(0), List.of("LB")).region()).isEqualTo("LB-AS");
        assertThat(g.resolve(ms.get(0), List.of("LY")).region()).isEqualTo("LY-TB");
        assertThat(g.resolve(ms.get(0), List.of()).resolved()).isFalse();
        Mention sahel = g.scan("attacks across the Sahel").get(0);
        assertThat(g.resolve(sahel, Set.of()).reason()).startsWith("spans several countries");
    }

    @Test
    void emptyAndOddInput() {
        assertThat(g.scan("")).isEmpty();
        assertThat(g.scan(null)).isEmpty();
        assertThat(g.scan("!!! ... ---")).isEmpty();
        assertThat(g.scan("Zamzam")).extracting(Mention::surface).containsExactly("Zamzam");
        assertThat(g.scan("Донецк, سوريا, 😀 Kharkiv")).extracting(Mention::surface).contains("Kharkiv");
    }
}
