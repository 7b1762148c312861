package io.tollwatch.extract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast character tests answer as {@link Character} does, for every char. */
class CharsTest {

    @Test
    void everyCharAnswersAsCharacterDoes() {
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            assertThat(Chars.isLetter(c)).as("isLetter %04x", i).isEqualTo(Character.isLetter(c));
            assertThat(Chars.isLetterOrDigit(c)).as("isLetterOrDigit %04x", i).isEqualTo(Character.isLetterOrDigit(c));
            assertThat(Chars.isUpperCase(c)).as("isUpperCase %04x", i).isEqualTo(Character.isUpperCase(c));
            assertThat(Chars.toLowerCase(c)).as("toLowerCase %04x", i).isEqualTo(Character.toLowerCase(c));
            assertThat(Chars.isSpace(c)).as("isSpace %04x", i)
                .isEqualTo(Character.isWhitespace(c) || Character.isSpaceChar(c));
        }
    }
}
