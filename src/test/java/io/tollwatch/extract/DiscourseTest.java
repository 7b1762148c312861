package io.tollwatch.extract;

import io.tollwatch.count.Basis;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class DiscourseTest {

    private static final Candidate C = Stage.candidates("Shelling killed 4 people").get(0);
    private static final LocalDate DAY = LocalDate.of(2024, 11, 27);

    @Test
    void rememberesTheLastFigure() {
        Pick hama = new Pick("SY-HM", "SY", "Hama");
        Discourse d = Discourse.START.afterFigure(C, hama, "OCHA", Basis.INCIDENT, DAY);
        assertThat(d.figure()).isSameAs(C);
        assertThat(d.place()).isEqualTo(hama);
        assertThat(d.counter()).isEqualTo("OCHA");
        assertThat(d.day()).isEqualTo(DAY);
        assertThat(Discourse.START.figure()).isNull(); // immutable: the start is unchanged
    }

    @Test
    void anUnresolvedPlaceKeepsTheLastKnownAndCumulativeTollsHaveNoDay() {
        Pick hama = new Pick("SY-HM", "SY", "Hama");
        Discourse d = Discourse.START.afterFigure(C, hama, "a", Basis.INCIDENT, DAY)
            .afterFigure(C, Pick.NONE, "b", Basis.CUMULATIVE, DAY);
        assertThat(d.place()).isEqualTo(hama);
        assertThat(d.day()).isNull();
        assertThat(d.basis()).isEqualTo(Basis.CUMULATIVE);
    }
}
