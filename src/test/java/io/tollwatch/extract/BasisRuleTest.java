package io.tollwatch.extract;

import io.tollwatch.count.Basis;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BasisRuleTest {

    private static Basis basis(String s) {
        Token[] t = Stage.tokens(s);
        SentenceCues q = SentenceCues.of(t, Attribution.find(s, t));
        return BasisRule.of(Discourse.START, Stage.candidates(s).get(0), q);
    }

    @Test
    void cumulativeWording() {
        assertThat(basis("The war has killed 40,000 people")).isEqualTo(Basis.CUMULATIVE);
        assertThat(basis("Fighting killed 40 people this year")).isEqualTo(Basis.CUMULATIVE);
        assertThat(basis("The toll from the rebel offensive rose to 277 on Saturday")).isEqualTo(Basis.CUMULATIVE);
        assertThat(basis("More than 3,000 people fled their homes")).isEqualTo(Basis.CUMULATIVE);
    }

    @Test
    void incidentWording() {
        assertThat(basis("An air strike killed 12 people")).isEqualTo(Basis.INCIDENT);
        assertThat(basis("Fighting on Monday killed 5 soldiers")).isEqualTo(Basis.INCIDENT);
        assertThat(basis("Gunmen killed 9 villagers")).isEqualTo(Basis.INCIDENT);
        assertThat(basis("3,000 people fled on Monday")).isEqualTo(Basis.INCIDENT);
    }

    @Test
    void aPartOfTheTollBeforeTakesItsBasis() {
        String s = "The toll includes 427 fighters";
        Token[] t = Stage.tokens(s);
        Candidate part = Stage.candidates(s).get(0);
        assertThat(part.tollAnaphora()).isTrue();
        Discourse before = Discourse.START.afterFigure(part, Pick.NONE, "x", Basis.CUMULATIVE, null);
        assertThat(BasisRule.of(before, part, SentenceCues.of(t, Attribution.find(s, t))))
            .isEqualTo(Basis.CUMULATIVE);
    }
}
