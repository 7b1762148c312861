package io.tollwatch.extract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CounterMemoryTest {

    @Test
    void theLatestCounterNamedWithAWordWins() {
        CounterMemory m = CounterMemory.EMPTY.with("the health ministry", "Syrian health ministry")
            .with("the UN office", "OCHA").with("the interior ministry", "Syrian interior ministry");
        assertThat(m.latestWith("ministry")).isEqualTo("Syrian interior ministry");
        assertThat(m.latestWith("office")).isEqualTo("OCHA");
    }

    @Test
    void wholeWordsOnlyAndImmutable() {
        CounterMemory m = CounterMemory.EMPTY.with("regional governor Oleg Kiper", "Oleg Kiper");
        assertThat(m.latestWith("kiper")).isEqualTo("Oleg Kiper");
        assertThat(m.latestWith("kip")).isNull();
        assertThat(CounterMemory.EMPTY.latestWith("kiper")).isNull();
    }

    @Test
    void forgetsTheOldestPastItsLimit() {
        CounterMemory m = CounterMemory.EMPTY.with("first agency", "First");
        for (int i = 0; i < 64; i++) {
            m = m.with("name" + i, "N" + i);
        }
        assertThat(m.latestWith("first")).isNull();
        assertThat(m.latestWith("name63")).isEqualTo("N63");
    }
}
