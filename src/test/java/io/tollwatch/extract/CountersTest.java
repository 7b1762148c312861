package io.tollwatch.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.tollwatch.extract.Fixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

class CountersTest {
    private final Counters counters = Counters.defaults();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "the Syrian Observatory for Human Rights|SOHR",
        "the Observatory|SOHR",
        "The Britain-based war monitor|SOHR",
        "the war monitor|SOHR",
        "the United Nations Office for the Coordination of Humanitarian Affairs|OCHA",
        "UN humanitarian office|OCHA",
        "SANA|state media",
        "state television|state media",
        "Syrian television|state media",
        "the UN refugee agency|UNHCR",
        "UN agency for Palestinian refugees|UNRWA",
        "the International Organization for Migration|IOM",
        "Displacement Tracking Matrix|IOM",
        "UN human rights office|OHCHR",
        "Sudan's health ministry|Sudan health ministry",
        "the health ministry in the Hamas-run territory|Gaza health ministry",
    })
    void aliases(String alias, String canonical) {
        assertThat(counters.canonical(alias)).isEqualTo(canonical);
    }

    @Test
    void unknownNamesComeBackTrimmed() {
        assertThat(counters.canonical("  Karari Emergency Room  ")).isEqualTo("Karari Emergency Room");
        assertThat(counters.canonical(null)).isNull();
    }

    @Test
    void findsCountersInsideLongerAttributions() {
        assertThat(counters.find("a conservative estimate by the Armed Conflict Location and Event Data Project"))
            .contains("ACLED");
        assertThat(counters.find("State news agency SANA")).contains("state media");
        assertThat(counters.find("IOM's Displacement Tracking Matrix")).contains("IOM");
        assertThat(counters.find("a local official")).isEmpty();
        // a short generic alias is not looked for inside other names
        assertThat(counters.find("a local monitor of the town council")).isEmpty();
    }

    @Test
    void attributionInTheText() {
        assertThat(read("The strike killed 12 people, according to the Syrian Observatory for Human Rights.").get(0)
            .counter()).isEqualTo("SOHR");
        assertThat(read("Shelling killed four civilians, state media reported.").get(0).counter())
            .isEqualTo("state media");
        assertThat(read("State news agency SANA said 52 people were wounded.").get(0).counter())
            .isEqualTo("state media");
        assertThat(read("The UN agency for Palestinian refugees, UNRWA, says nearly one million people have fled.")
            .get(0).counter()).isEqualTo("UNRWA");
        assertThat(read("The JNIM group, which claimed the attack, said it had killed some 300 soldiers.").get(0)
            .counter()).isEqualTo("JNIM");
        assertThat(read("Explosions killed 11 people, said Corneille Nangaa, head of the Congo River Alliance.")
            .get(0).counter()).isEqualTo("AFC/M23");
    }

    @Test
    void reportsAndFiguresOfACounterAreThatCounter() {
        assertThat(CounterResolver.bareName("a statement from the Palestinian Red Crescent"))
            .isEqualTo("the Palestinian Red Crescent");
        assertThat(CounterResolver.bareName("health ministry figures")).isEqualTo("health ministry");
        assertThat(CounterResolver.bareName("figures")).isEqualTo("figures");
        assertThat(read("Shelling killed 12 people in Damascus, according to health ministry figures.").get(0)
            .counter()).isEqualTo("Syrian health ministry");
    }

    @Test
    void bracketedAbbreviationsDoNotHideTheCounter() {
        assertThat(read("At least 43,000 Palestinians have been killed, according to the Ministry of Health (MoH) in"
            + " Gaza.").get(0).counter()).isEqualTo("Gaza health ministry");
    }

    @Test
    void unattributedFiguresBelongToTheSource() {
        assertThat(read("Four soldiers were killed when their convoy hit a roadside bomb.").get(0).counter())
            .isEqualTo("Wire");
    }

    @Test
    void anaphoraAndPronouns() {
        var f = read("Fighting forced 50,000 people from their homes, the UN humanitarian office said. About 10,000 of"
            + " them have crossed the border as refugees, the office said. Strikes killed 46 people, a Taliban"
            + " spokesman said. Six other people were wounded, he said.");
        assertThat(f).extracting(ExtractedFigure::counter)
            .containsExactly("OCHA", "OCHA", "Taliban spokesman", "Taliban spokesman");
    }

    @Test
    void theTollContinuesTheCounterBefore() {
        var f = read("The fighting has killed 255 people, according to the Observatory. Most of the dead were"
            + " fighters but the toll also includes 24 civilians.");
        assertThat(f).extracting(ExtractedFigure::counter).containsExactly("SOHR", "SOHR");
    }

    @Test
    void institutionsAreQualifiedByCountry() {
        var f = Fixtures.read("A bomber killed 20 people in a church in Damascus, the health ministry said.");
        assertThat(f.get(0).counter()).isEqualTo("Syrian health ministry");
        var g = Fixtures.read("Israel's military operation began in January. Near Hama, a drone strike killed three"
            + " militants, the military said.");
        assertThat(g.get(0).counter()).isEqualTo("Israeli military");
    }

    @Test
    void personsKeepOneName() {
        var f = read("The toll rose to 21, regional governor Oleg Kiper said. Another 75 people were wounded, Kiper"
            + " said.");
        assertThat(f).extracting(ExtractedFigure::counter).containsOnly("regional governor Oleg Kiper");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "A medical charity that supports hospitals in the region put the death toll at 73.|medical charity",
        "A residents' committee which organises aid convoys said 18 people were killed.|residents committee",
        "The doctor who treated the survivors said nine people had died.|doctor",
        "The Syrian Observatory, which relies on a network of sources, said 41 fighters were killed.|SOHR",
        "The monitor that tracks the war said 41 fighters were killed.|SOHR",
    })
    void aRelativeClauseIsNeverTheCounter(String sentence, String counter) {
        assertThat(read(sentence).get(0).counter()).isEqualTo(counter);
    }

    @Test
    void thatAfterAReportingVerbIsNotARelativeClause() {
        assertThat(read("Officials believe that local medics said 31 people were killed.").get(0).counter())
            .isEqualTo("local medics");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Lebanon's health minister Rami Haddad said strikes killed 60 people in Tyre.|Lebanese health ministry",
        "Health Minister Rami Haddad said strikes killed 60 people in Tyre.|Lebanese health ministry",
        "The minister of health said strikes killed 60 people in Tyre.|Lebanese health ministry",
        "Lebanon's caretaker health minister said strikes killed 60 people in Tyre.|Lebanese health ministry",
    })
    void aMinisterSpeaksForTheMinistry(String sentence, String counter) {
        assertThat(Fixtures.read(sentence, "Tyre, Lebanon").get(0).counter()).isEqualTo(counter);
    }

    @Test
    void aMinisterNamedAgainBySurnameKeepsTheMinistry() {
        var f = Fixtures.read("Health Minister Rami Haddad said strikes killed 60 people in Tyre. Haddad said 200 "
            + "people were wounded.", "Tyre, Lebanon");
        assertThat(f.get(1).counter()).isEqualTo("Lebanese health ministry");
    }

    @Test
    void thePrimeMinisterIsNoMinistry() {
        assertThat(ministry("Prime Minister Najib Mikati")).isNull();
        assertThat(ministry("Lebanon's health minister Firass Abiad")).isEqualTo("Lebanon's health ministry");
    }

    private static String ministry(String s) {
        return CounterResolver.ministryOf(s);
    }
}
