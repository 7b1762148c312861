package io.tollwatch.extract;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tollwatch.extract.Fixtures.brief;
import static io.tollwatch.extract.Fixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

/** Sentences, damaged text, households, and text that is not English. */
class TextTest {

    private static List<String> sentences(String t) {
        return Sentences.split(t).stream().map(s -> t.substring(s.start(), s.end())).toList();
    }

    @Test
    void sentencesDoNotEndAtAbbreviations() {
        assertThat(sentences("The offensive began on Jan. 21 in the north. Gen. Smith said 8 p.m. was the hour."
            + " U.S. officials agreed."))
            .containsExactly("The offensive began on Jan. 21 in the north.",
                "Gen. Smith said 8 p.m. was the hour.", "U.S. officials agreed.");
    }

    @Test
    void linesAndBulletsEndSentencesButWrappedLinesDoNot() {
        assertThat(sentences("HIGHLIGHTS\n\u2022 Five people were killed\n\u2022 Ten were hurt in the\nattack."))
            .containsExactly("HIGHLIGHTS", "Five people were killed", "Ten were hurt in the\nattack.");
    }

    @Test
    void repairsMojibake() {
        assertThat(TextClean.clean("According to IOM\u00e2\u20ac\u2122s matrix \u00e2\u20ac\u201c more"))
            .isEqualTo("According to IOM\u2019s matrix \u2013 more");
        assertThat(TextClean.clean("HIGHLIGHTS\u00c2\u00a0")).isEqualTo("HIGHLIGHTS ");
        assertThat(TextClean.clean("\u00ef\u00acve civilians")).isEqualTo("five civilians");
        assertThat(TextClean.clean("plain text")).isSameAs("plain text");
        assertThat(TextClean.clean("Pont-Sond\u00e9 and D\u00e2kar")).isEqualTo("Pont-Sond\u00e9 and D\u00e2kar");
    }

    @Test
    void readsFiguresOutOfPdfDamage() {
        String text = "FLASH UPDATE No. 3 (17 May 2024)\nHIGHLIGHTS\u00c2\u00a0\n\u00e2\u20ac\u00a2 According to"
            + " IOM\u00e2\u20ac\u2122s Displacement Tracking Matrix, more than 9,400 people have been displaced since"
            + " the attack.\n\u00e2\u20ac\u00a2 Local sources reported that \u00ef\u00acve civilians were killed.\n"
            + "\u00e2\u20ac\u00a2 Partners aim to reach 30,000 people with food.";
        var f = read(text);
        assertThat(brief(f)).containsExactly("displaced/all/9400", "killed/civilians/5");
        assertThat(f.get(0).counter()).isEqualTo("IOM");
    }

    @Test
    void familiesBecomePeopleKeepingTheUnit() {
        var f = read("Some 921 families were displaced from Hama on Sunday.").get(0);
        assertThat(f.unit()).isEqualTo("families");
        assertThat(f.reportedValue()).isEqualTo(921L);
        assertThat(f.value()).isEqualTo(Math.round(921 * new Households().size("SY")));
    }

    @Test
    void whenTheTextGivesThePeopleItWins() {
        var f = read("Fighting has displaced more than 2,000 families, or about 14,000 people, since January.");
        assertThat(brief(f)).containsExactly("displaced/all/14000");
        assertThat(f.get(0).unit()).isNull();
    }

    @Test
    void notEnglishYieldsWhatItCan() {
        assertThat(read("Au moins 44 civils ont \u00e9t\u00e9 tu\u00e9s et 13 autres bless\u00e9s vendredi.")).isEmpty();
        assertThat(read("\u0642\u062a\u0644 12 \u0634\u062e\u0635\u0627")).isEmpty();
        assertThat(read("")).isEmpty();
        assertThat(Fixtures.EXTRACTOR.extract(null)).isEmpty();
    }

    @Property(tries = 300)
    void neverThrowsOnArbitraryText(@ForAll @StringLength(max = 400) String text) {
        assertThat(read(text)).isNotNull();
    }

    @Property(tries = 200)
    void neverThrowsOnShuffledWireWords(@ForAll("wire") String text) {
        assertThat(read(text)).isNotNull();
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> wire() {
        return net.jqwik.api.Arbitraries.of("killed", "at", "least", "12", "people", ",", "including", "children",
                "were", "wounded", "the", "toll", "rose", "to", "1,500", "of", "them", "said", "according", "Hama",
                ".", "between", "and", "families", "or", "about", "\u2014", "(", ")", "'s", "Nine", "hundred",
                "forced", "from", "their", "homes", "since", "Sunday", "Jan.", "2024", "%", "$")
            .list().ofMaxSize(60).map(l -> String.join(" ", l));
    }

    @Test
    // A guard against quadratic blow-up (hours on a mebibyte), not a speed goal: on a shared 2-core machine at load 26
    // the linear pass took over 20 s. Speed is the bench's (`bench`, `bench jmh ExtractBench`).
    @org.junit.jupiter.api.Timeout(180)
    void aMebibyteOfRunOnTextStaysLinear() {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (sb.length() < 1 << 20) {
            sb.append(i % 7 == 0 ? "the toll rose to " : "killed ").append(i % 500).append(" people, said X and ");
            i++;
        }
        assertThat(read(sb.toString())).isNotNull();
        assertThat(read(sb.toString().replace(' ', '\n'))).isNotNull();
    }

    @Test
    void sameTextSameFigures() {
        String t = "Strikes on Hama killed 12 people on Sunday, including 3 children, state media said.";
        assertThat(read(t)).isEqualTo(read(t));
    }
}
