package io.tollwatch.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NumbersTest {

    private static List<Token> nums(String s) {
        return Tokenizer.tokenize(s, 0, s.length()).stream().filter(Token::isNum).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "14,000 people|14000",
        "1.5 million people|1500000",
        "2.3m people|2300000",
        "Nearly 1m people|1000000",
        "some 120m people|120000000",
        "four civilians|4",
        "twenty-one others|21",
        "Nine hundred and twenty-one families|921",
        "Seventy-nine people|79",
        "one million people|1000000",
        "3.7 million people|3700000",
        "5,600 people|5600",
        "about forty civilians|40",
        "1,234,567 people|1234567",
    })
    void readsNumbers(String text, long value) {
        List<Token> n = nums(text);
        assertThat(n).hasSize(1);
        assertThat(Math.round(n.get(0).value)).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "the M23 rebels",
        "a Kh-22 missile",
        "a 14-year-old girl",
        "17-kilogram warheads",
        "the eight-month war",
        "Nearly two-thirds of arrivals",
        "the nine-storey building",
        "dozens of people",
        "hundreds of thousands of people",
    })
    void wordsWithDigitsAndVagueQuantitiesAreNotNumbers(String text) {
        assertThat(nums(text)).isEmpty();
    }

    @Test
    void yearsAreMarked() {
        assertThat(nums("in 2015").get(0).yearLike).isTrue();
        assertThat(nums("14,000 people").get(0).yearLike).isFalse();
    }

    @Test
    void possessiveIsItsOwnToken() {
        List<Token> t = Tokenizer.tokenize("Gaza's 2.4 million people", 0, 25);
        assertThat(t).extracting(x -> x.text).containsExactly("Gaza", "'s", "2.4 million", "people");
    }
}
