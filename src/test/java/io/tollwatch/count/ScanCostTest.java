package io.tollwatch.count;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A figure's scans step over a bounded number of records however long the track's history, also in a store that keeps
 * deleted keys until a compaction (RocksDB's tombstones; {@link TombstoneStore}).
 */
class ScanCostTest {
    private static final int UPDATES = 2_000;
    private static final LocalDate FIRST = LocalDate.parse("2024-01-01");

    @Test
    void aMonitorRevisingItsTollStepsOverNoDeletedPublications() {
        TombstoneStore store = new TombstoneStore();
        Counting counting = new Counting(store);
        long steppedAtHalf = 0;
        for (int n = 0; n < UPDATES; n++) {
            if (n == UPDATES / 2) {
                steppedAtHalf = store.stepped();
            }
            counting.merge(Fig.cumulative(1_000 + n).report("r" + n, published(n)).day(day(n / 10)).build());
        }
        assertThat(store.stepped() - steppedAtHalf).isLessThanOrEqualTo(UPDATES / 2);
    }

    @Test
    void aCumulativeFigureStepsOnlyOverTheIncidentsItNewlyCovers() {
        TombstoneStore store = new TombstoneStore();
        Counting counting = new Counting(store);
        long steppedAtHalf = 0;
        for (int n = 0; n < UPDATES; n++) {
            if (n == UPDATES / 2) {
                steppedAtHalf = store.stepped();
            }
            counting.merge(Fig.incident(3).report("i" + n, published(2 * n)).day(day(n + 1)).build());
            counting.merge(Fig.cumulative(1_000 + 3L * n).report("c" + n, published(2 * n + 1)).day(day(n + 1)).build());
        }
        // Each cumulative figure covers the one incident after the last: one live record and nothing deleted before.
        assertThat(store.stepped() - steppedAtHalf).isLessThanOrEqualTo(2L * (UPDATES / 2));
    }

    @Test
    void anIncidentRevisedUpwardsStepsOverNoDeletedPublications() {
        TombstoneStore store = new TombstoneStore();
        Counting counting = new Counting(store);
        long steppedAtHalf = 0;
        for (int n = 0; n < UPDATES; n++) {
            if (n == UPDATES / 2) {
                steppedAtHalf = store.stepped();
            }
            counting.merge(Fig.incident(1 + n).report("r" + n, published(n)).build());
        }
        assertThat(store.stepped() - steppedAtHalf).isLessThanOrEqualTo(UPDATES / 2);
    }

    private static String published(int n) {
        return Instant.parse("2024-01-01T00:00:00Z").plusSeconds(60L * n).toString();
    }

    private static String day(int n) {
        return FIRST.plusDays(n).toString();
    }
}
