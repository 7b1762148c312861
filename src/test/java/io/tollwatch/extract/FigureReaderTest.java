package io.tollwatch.extract;

import io.tollwatch.count.Metric;
import io.tollwatch.count.Population;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FigureReaderTest {

    @Test
    void candidatesCarryTheirRuleAndAreNestedInTheirParent() {
        List<Candidate> c = Stage.candidates("Strikes killed 40 people, including 12 children");
        assertThat(c).hasSize(2);
        assertThat(c.get(0).metric()).isEqualTo(Metric.KILLED);
        assertThat(c.get(0).viaActive()).isTrue(); // "killed" governs it
        assertThat(c.get(1).nested()).isTrue();
        assertThat(c.get(1).parent()).isSameAs(c.get(0));
        assertThat(c.get(1).population()).isEqualTo(Population.CHILDREN);
    }

    @Test
    void aNestedGroupThatIsNoPopulationIsNotEmitted() {
        assertThat(Stage.candidates("Strikes killed 40 people, including six women")).hasSize(1);
    }

    @Test
    void ofThemTakesThePopulationOfThePreviousSentencesFigure() {
        Candidate children = Stage.candidates("Strikes killed 40 children").get(0);
        List<Candidate> c = new FigureReader().read(Stage.tokens("12 of them were killed in Hama"), children);
        assertThat(c).singleElement().satisfies(x -> {
            assertThat(x.ofThem()).isTrue();
            assertThat(x.population()).isEqualTo(Population.CHILDREN);
        });
    }

    @Test
    void numbersThatCountNoPeopleGiveNoCandidates() {
        assertThat(Stage.candidates("Prices rose 12 percent in 2024")).isEmpty();
        assertThat(Stage.candidates("Dozens were killed")).isEmpty();
    }
}
