package io.tollwatch.extract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TriggersTest {

    @Test
    void findsTheFirstWordWithATriggerStem() {
        String s = "Talks resumed. Shelling killed four people.";
        assertThat(Triggers.next(s, 0)).isEqualTo(s.indexOf("killed"));
        assertThat(Triggers.next("Seven were INJURED", 0)).isEqualTo(11);
    }

    @Test
    void aStemInsideAWordIsNoTrigger() {
        // "skill" holds "kill" but does not start with it; a word cut at "from" is skipped whole
        assertThat(Triggers.next("The skilled workers met.", 0)).isEqualTo(-1);
        String s = "killed";
        assertThat(Triggers.next(s, 2)).isEqualTo(-1);
    }

    @Test
    void sentencesWithoutStemsAreSkipped() {
        assertThat(Triggers.next("Prices of bread rose by 12 percent.", 0)).isEqualTo(-1);
    }
}
