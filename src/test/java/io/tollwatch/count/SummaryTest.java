package io.tollwatch.count;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static io.tollwatch.count.Population.ALL;
import static io.tollwatch.count.Population.CIVILIANS;
import static org.assertj.core.api.Assertions.assertThat;

/** Summaries loaded from the same remembered bytes share their lines, and no change reaches another copy. */
class SummaryTest {
    private static final LocalDate DAY = LocalDate.parse("2024-11-29");
    private static final Instant PUBLISHED = Instant.parse("2024-11-29T12:00:00Z");

    private final InMemoryCountStore store = new InMemoryCountStore();
    private final Decoded<Scope, Summary> decoded = Summary.decoded(8);

    private Summary load() {
        return Summary.load(store, "SY", Metric.KILLED, decoded);
    }

    private static long best(Summary s, Population p) {
        return s.ownRanges().get(p).best();
    }

    @Test
    void aChangeToOneLoadedCopyReachesNeitherTheOthersNorTheStore() {
        Summary saved = load();
        saved.setRunning(ALL, false, "ocha", 10, DAY, PUBLISHED);
        saved.setRunning(CIVILIANS, false, "ocha", 4, DAY, PUBLISHED);
        saved.save(store, decoded);
        saved.setRunning(ALL, false, "ocha", 99, DAY, PUBLISHED);

        Summary a = load();
        Summary b = load();
        a.setRunning(ALL, false, "ocha", 20, DAY, PUBLISHED);
        a.addReports(CIVILIANS, 1);
        b.setRunning(CIVILIANS, false, "unhcr", 7, DAY, PUBLISHED);

        assertThat(best(a, ALL)).isEqualTo(20);
        assertThat(best(a, CIVILIANS)).isEqualTo(4);
        assertThat(a.reports(CIVILIANS)).isEqualTo(1);
        assertThat(best(b, ALL)).isEqualTo(10);
        assertThat(best(b, CIVILIANS)).isEqualTo(7);
        assertThat(b.reports(CIVILIANS)).isZero();
        Summary again = load();
        assertThat(best(again, ALL)).isEqualTo(10);
        assertThat(best(again, CIVILIANS)).isEqualTo(4);
    }

    @Test
    void whatASaveWroteIsWhatTheNextLoadReads() {
        Summary s = load();
        s.setRunning(ALL, false, "ocha", 10, DAY, PUBLISHED);
        s.save(store, decoded);
        Summary next = load();
        next.setRunning(ALL, true, "monitor", 30, DAY, PUBLISHED);
        next.save(store, decoded);

        Summary fresh = Summary.load(store, "SY", Metric.KILLED, Summary.decoded(8));
        assertThat(fresh.ownRanges()).isEqualTo(load().ownRanges());
        assertThat(fresh.ownRanges().get(ALL)).isEqualTo(new Range(10, 10, 30));
    }
}
