package io.tollwatch.extract;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SentenceCuesTest {

    private static SentenceCues cues(String s) {
        Token[] t = Stage.tokens(s);
        return SentenceCues.of(t, Attribution.find(s, t));
    }

    @Test
    void periodsAndPerfectTolls() {
        assertThat(cues("Fighting has killed 40 people since Monday").cumulative()).isTrue();
        assertThat(cues("40 people have been killed").perfect()).isTrue();
        assertThat(cues("40 people were killed in 2024").period()).isTrue();
        assertThat(cues("An air strike killed 4 people on Monday").cumulative()).isFalse();
    }

    @Test
    void eventsAndDays() {
        SentenceCues c = cues("An air strike killed 4 people on Monday");
        assertThat(c.incident()).isTrue();
        assertThat(c.dayRef()).isTrue();
        // a day that dates a statement names no event
        assertThat(cues("The war has killed 4 people, officials said Monday").dayRef()).isFalse();
    }

    @Test
    void referencesBack() {
        assertThat(cues("15 of the dead were children").anaphoricToll()).isTrue();
        assertThat(cues("Shelling hit the city, killing 3").focalRef()).isTrue();
        assertThat(cues("Shelling hit the city of Hama, killing 3").focalRef()).isFalse();
        assertThat(cues("The toll from the strike rose to 12").anaphoricToll()).isFalse();
    }

    @Test
    void episodeTolls() {
        assertThat(SentenceCues.episodeToll(Stage.tokens("the toll from the rebel offensive rose to 277"))).isEqualTo(1);
        assertThat(SentenceCues.episodeToll(Stage.tokens("the toll from Tuesday's strike rose to 41"))).isEqualTo(-1);
        assertThat(SentenceCues.episodeToll(Stage.tokens("the toll rose to 41"))).isZero();
    }

    @Test
    void wordsInsideTheAttributionDoNotCount() {
        String s = "4 people were killed, the war monitor said";
        Token[] t = Stage.tokens(s);
        assertThat(SentenceCues.of(t, List.of()).episode()).isTrue();
        assertThat(SentenceCues.of(t, Attribution.find(s, t)).episode()).isFalse();
    }
}
