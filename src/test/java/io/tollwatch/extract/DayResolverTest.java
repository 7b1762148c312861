package io.tollwatch.extract;

import io.tollwatch.count.Basis;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class DayResolverTest {

    private static final LocalDate FRIDAY = LocalDate.of(2024, 11, 29);

    private static DayResolver.Dated day(String s, Discourse d, Basis basis) {
        ReportContext ctx = Stage.context(s, null);
        Token[] t = Stage.tokens(ctx.text);
        Candidate c = new FigureReader().read(t, null).get(0);
        return DayResolver.of(ctx, d, c, t, basis, SentenceCues.of(t, Attribution.find(ctx.text, t)), null);
    }

    @Test
    void theSentencesOwnDay() {
        DayResolver.Dated d = day("A strike killed 4 people on Wednesday.", Discourse.START, Basis.INCIDENT);
        assertThat(d.day()).isEqualTo(FRIDAY.minusDays(2));
        assertThat(d.own()).isTrue();
    }

    @Test
    void cumulativeTollsAreDatedByTheReport() {
        assertThat(day("The war has killed 4 people since Wednesday.", Discourse.START, Basis.CUMULATIVE).day())
            .isEqualTo(FRIDAY);
    }

    @Test
    void withoutADayTheStorysEventDayOrThePublication() {
        Discourse story = Discourse.START.withEventDay(FRIDAY.minusDays(3), 0);
        assertThat(day("Twelve people died at the scene.", story, Basis.INCIDENT).day()).isEqualTo(FRIDAY.minusDays(3));
        assertThat(day("Twelve people died at the scene.", Discourse.START, Basis.INCIDENT).day()).isEqualTo(FRIDAY);
        // a story day more than a week old is background
        Discourse old = Discourse.START.withEventDay(FRIDAY.minusDays(30), 0);
        assertThat(day("Twelve people died at the scene.", old, Basis.INCIDENT).day()).isEqualTo(FRIDAY);
    }

    @Test
    void sentencesNotReadForFiguresStillNameTheEventDay() {
        ReportContext ctx = Stage.context("Gunmen attacked a village on Tuesday. Twelve people died.", null);
        Discourse d = DayResolver.advance(ctx, Discourse.START, ctx.sentences.get(1).start());
        assertThat(d.eventDay()).isEqualTo(FRIDAY.minusDays(3));
        assertThat(d.daysRead()).isEqualTo(1);
        assertThat(DayResolver.advance(ctx, Discourse.START, 0)).isSameAs(Discourse.START);
    }
}
