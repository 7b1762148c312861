package io.tollwatch.extract;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class AsidesTest {

    private static String read(String s) {
        return String.join(" ", Arrays.stream(Stage.tokens(s)).map(t -> t.text).toList());
    }

    @Test
    void dropsQuotesAndBracketedAsides() {
        assertThat(read("\"52 people (including 12 children) were killed\"")).isEqualTo("52 people were killed");
    }

    @Test
    void dropsDashAsidesWithoutNumbers() {
        assertThat(read("Shelling \u2014 the heaviest in weeks \u2014 killed 4 people"))
            .isEqualTo("Shelling killed 4 people");
    }

    @Test
    void keepsDashAsidesWithNumbersAndUnclosedBrackets() {
        assertThat(read("Shelling \u2014 which killed 4 people \u2014 went on")).contains("4");
        assertThat(read("Shelling (which went on killed 4")).contains("(");
    }
}
