package io.tollwatch.extract;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CounterResolverTest {

    private static final CounterResolver R = new CounterResolver(Counters.defaults(), Stage.DEMONYMS);

    /** The counter of the first figure of a one-sentence report, after {@code before}. */
    private static CounterResolver.Said said(String s, Discourse before, Pick where) {
        ReportContext ctx = Stage.context(s, null);
        Token[] t = Stage.tokens(ctx.text);
        List<Attribution.Attr> attrs = Attribution.find(ctx.text, t);
        Candidate c = new FigureReader().read(t, null).get(0);
        return R.counter(ctx, before, before.counters(), c, attrs, SentenceCues.of(t, attrs), where,
            ctx.sentences.get(0));
    }

    @Test
    void unattributedFiguresAreTheSources() {
        assertThat(said("Shelling killed 4 people in Hama.", Discourse.START, null).counter()).isEqualTo("Wire");
    }

    @Test
    void anInstitutionIsQualifiedByTheFiguresCountry() {
        CounterResolver.Said s = said("Shelling killed 4 people, the health ministry said.", Discourse.START,
            new Pick("SY-HM", "SY", "Hama"));
        assertThat(s.counter()).containsIgnoringCase("syrian health ministry");
        assertThat(s.memory().latestWith("ministry")).isEqualTo(s.counter());
    }

    @Test
    void pronounsAndKindsReferBack() {
        Discourse before = Discourse.START.withCounters(CounterMemory.EMPTY.with("the UN office", "OCHA"));
        Discourse withLast = new Discourse(null, null, "OCHA", null, null, before.counters(), null, 0);
        assertThat(said("Shelling killed 4 people, he said.", withLast, null).counter()).isEqualTo("OCHA");
        assertThat(said("Shelling killed 4 people, the office said.", before, null).counter()).isEqualTo("OCHA");
        // a kind never named before is a new counter, not a guess
        assertThat(said("Shelling killed 4 people, the agency said.", before, null).counter()).isNotEqualTo("OCHA");
    }

    @Test
    void aMinisterSpeaksForTheMinistry() {
        assertThat(CounterResolver.ministryOf("Lebanon's health minister Firass Abiad"))
            .isEqualTo("Lebanon's health ministry");
        assertThat(CounterResolver.ministryOf("Prime Minister Najib Mikati")).isNull();
        assertThat(CounterResolver.bareName("a conservative estimate by the UN")).isEqualTo("the UN");
    }
}
