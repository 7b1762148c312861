package io.tollwatch.extract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportContextTest {

    @Test
    void theHintVotesTwiceAndSettlesContext() {
        ReportContext c = Stage.context("Shelling killed 4 people.", "Hama");
        assertThat(c.hintCountry).isEqualTo("SY");
        assertThat(c.votes).containsEntry("SY", 2);
        assertThat(c.contextCountries).containsExactly("SY");
        assertThat(c.published).hasToString("2024-11-29");
    }

    @Test
    void theDatelineIsTheHintWhenTheScraperGaveNone() {
        ReportContext c = Stage.context("HAMA (Reuters) - Shelling killed 4 people.", null);
        assertThat(c.dateline.end()).isPositive();
        assertThat(c.hintCountry).isEqualTo("SY");
    }

    @Test
    void nationalitiesOfActorsDoNotVote() {
        ReportContext c = Stage.context("Rwandan troops advanced. The Libyan health ministry said 4 died.", null);
        assertThat(c.contextCountries).contains("RW", "LY");
        assertThat(c.votes).containsKey("LY").doesNotContainKey("RW");
    }

    @Test
    void anUnknownHintIsUnresolvedNotResolved() {
        ReportContext c = Stage.context("Shelling killed 4 people.", "Atlantis");
        assertThat(c.hint).isNotNull();
        assertThat(c.resolvedHint()).isNull();
        assertThat(c.votes).isEmpty();
    }
}
