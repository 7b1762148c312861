package io.tollwatch.extract;

import io.tollwatch.count.Metric;
import io.tollwatch.count.Population;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeadsTest {

    @Test
    void victimWords() {
        assertThat(Heads.victimMetric("dead")).isEqualTo(Metric.KILLED);
        assertThat(Heads.victimMetric("wounded")).isEqualTo(Metric.INJURED);
        assertThat(Heads.victimMetric("displaced")).isEqualTo(Metric.DISPLACED);
        assertThat(Heads.victimMetric("children")).isNull();
    }

    @Test
    void membersTakeTheirGroupsPopulation() {
        Token[] army = Stage.tokens("12 members of the army");
        assertThat(Heads.memberPopulation(army, 1, 1, "members")).isEqualTo(Population.COMBATANTS);
        Token[] family = Stage.tokens("12 members of one family");
        assertThat(Heads.memberPopulation(family, 1, 1, "members")).isEqualTo(Population.ALL);
    }

    @Test
    void mixedGroups() {
        Token[] t = Stage.tokens("women and children");
        assertThat(Heads.mixedGroup(t, 0, Population.ALL)).isTrue();
        assertThat(Heads.mixedGroup(Stage.tokens("boys and girls"), 0, Population.CHILDREN)).isFalse();
    }

    @Test
    void whereABareNumbersPhraseEnds() {
        Token[] t = Stage.tokens("wounding 65 on Monday");
        assertThat(Heads.bareEnds(t, 2)).isTrue();
        assertThat(Heads.bareEnds(Stage.tokens("wounding 65 civilians"), 2)).isFalse();
        assertThat(Heads.bareEnds(t, 9)).isTrue();
    }
}
