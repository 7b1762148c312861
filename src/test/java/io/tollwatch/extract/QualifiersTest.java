package io.tollwatch.extract;

import io.tollwatch.count.Qualifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QualifiersTest {

    private static Qualifiers.Hedge hedge(String s) {
        Token[] t = Stage.tokens(s);
        return Qualifiers.of(t, Qualifiers.numberAt(t, 0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "at least 12 people|AT_LEAST", "no fewer than 50 people|AT_LEAST", "more than 300 people|MORE_THAN",
        "well over 40 people|MORE_THAN", "an estimated 2,000 people|ABOUT", "some 120 people|ABOUT",
        "nearly 90 people|NEARLY", "close to 90 people|NEARLY", "up to 30 people|UP_TO", "as many as 30 people|UP_TO",
        "12 people|EXACT", "the 12 people|EXACT"})
    void readsTheHedge(String s, Qualifier q) {
        assertThat(hedge(s).qualifier()).isEqualTo(q);
    }

    @Test
    void thePhraseStartsAtTheHedge() {
        assertThat(hedge("a total of 1,057 people").start()).isZero();
        assertThat(hedge("killed at least 12 people").start()).isEqualTo(1);
        Qualifiers.Hedge another = hedge("another 75 people");
        assertThat(another.another()).isTrue();
        assertThat(another.start()).isZero();
        assertThat(hedge("12 people").another()).isFalse();
        assertThat(Qualifiers.numberAt(Stage.tokens("no number here at all"), 0)).isEqualTo(-1);
    }
}
