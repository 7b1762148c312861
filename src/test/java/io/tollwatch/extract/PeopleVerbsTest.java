package io.tollwatch.extract;

import io.tollwatch.count.Metric;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PeopleVerbsTest {

    /** The passive reading of what follows "N people" (tokens 0 and 1) in {@code s}. */
    private static Metric passive(String s) {
        Token[] t = Stage.tokens(s);
        return PeopleVerbs.passive(t, 2, t[1].lower);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "52 villagers were killed|KILLED", "3,000 residents had fled|DISPLACED", "12 people were yesterday wounded|INJURED",
        "40 families had to evacuate|DISPLACED", "9 men were hacked to death|KILLED", "34 bodies were found|KILLED",
        "558 people, including 50 children, were killed|KILLED", "20,000 people in Beni town were displaced|DISPLACED",
        "2,300 residents moved away from villages|DISPLACED", "12 others sustained injuries|INJURED"})
    void thePeopleAsSubject(String s, Metric m) {
        assertThat(passive(s)).isEqualTo(m);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12 people who were killed", "20 people were living there",
        "12 people, officials said, were killed"})
    void notAVerbOfThePeople(String s) {
        assertThat(passive(s)).isNull();
    }
}
