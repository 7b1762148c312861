package io.tollwatch.extract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class NotAFigureTest {

    /** The first number of {@code s} as a token index. */
    private static boolean notAFigure(String s) {
        Token[] t = Stage.tokens(s);
        for (int i = 0; i < t.length; i++) {
            if (t[i].isNum()) {
                return NotAFigure.test(t, i);
            }
        }
        throw new AssertionError("no number in " + s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12 km from the border", "at 8 p.m. on Monday", "$500 million in aid", "on 12 March",
        "in 2023 the war", "aged 14 and over", "90 percent of Gaza's 2.4 million people", "home to 1,700 residents",
        "Resolution 2334 was passed", "40 % of homes"})
    void measuresDatesMoneyAndShares(String s) {
        assertThat(notAFigure(s)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12 people were killed", "1500 people fled", "killing 4 civilians", "at least 40 dead"})
    void peopleNumbers(String s) {
        assertThat(notAFigure(s)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rose to 21, up from 14 killed", "an initial toll of 14 killed"})
    void supersededNumbers(String s) {
        Token[] t = Stage.tokens(s);
        int last = -1;
        for (int i = 0; i < t.length; i++) {
            last = t[i].isNum() ? i : last;
        }
        assertThat(NotAFigure.superseded(t, last)).isTrue();
        assertThat(NotAFigure.superseded(Stage.tokens("the toll rose to 14"), 4)).isFalse();
    }
}
