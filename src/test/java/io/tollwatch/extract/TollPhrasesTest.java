package io.tollwatch.extract;

import io.tollwatch.count.Metric;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TollPhrasesTest {

    /** The toll reading of the last number of {@code s}. */
    private static Metric toll(String s) {
        Token[] t = Stage.tokens(s);
        int last = -1;
        for (int i = 0; i < t.length; i++) {
            last = t[i].isNum() ? i : last;
        }
        return TollPhrases.toll(t, Qualifiers.of(t, last).start(), last + 1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "the death toll rose to 21|KILLED", "officials put the toll at 56|KILLED", "the injury toll reached 40|INJURED",
        "the massacre of 23 farmers|KILLED", "forced the evacuation of 2,000 residents|DISPLACED"})
    void tollsSetToANumber(String s, Metric m) {
        assertThat(toll(s)).isEqualTo(m);
    }

    @ParameterizedTest
    @ValueSource(strings = {"the evacuation of 3 hospitals", "prices rose to 21", "the vote count reached 500"})
    void notATollOfPeople(String s) {
        assertThat(toll(s)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"This brings to 41,000 the number of people displaced|DISPLACED",
        "rose to 41 the number of dead|KILLED"})
    void theNumberOfAfterIt(String s, Metric m) {
        Token[] t = Stage.tokens(s);
        int num = -1;
        for (int i = 0; i < t.length; i++) {
            num = t[i].isNum() && num < 0 ? i : num;
        }
        assertThat(TollPhrases.numberOfAfter(t, num + 1)).isEqualTo(m);
        assertThat(TollPhrases.numberOfAfter(Stage.tokens("rose to 41 the number of cars"), 3)).isNull();
    }
}
