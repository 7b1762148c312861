package io.tollwatch.count;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.ObjIntConsumer;

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
        long stepped = steppedInTheSecondHalf((counting, n) -> counting.merge(
                Fig.cumulative(1_000 + n).report("r" + n, published(n)).day(day(n / 10)).build()));
        assertThat(stepped).isLessThanOrEqualTo(UPDATES / 2);
    }

    @Test
    void aCumulativeFigureStepsOnlyOverTheIncidentsItNewlyCovers() {
        long stepped = steppedInTheSecondHalf((counting, n) -> {
            counting.merge(Fig.incident(3).report("i" + n, published(2 * n)).day(day(n + 1)).build());
            counting.merge(Fig.cumulative(1_000 + 3L * n).report("c" + n, published(2 * n + 1)).day(day(n + 1)).build());
        });
        // Each cumulative figure covers the one incident after the last: one live record and nothing deleted before.
        assertThat(stepped).isLessThanOrEqualTo(2L * (UPDATES / 2));
    }

    @Test
    void anIncidentRevisedUpwardsStepsOverNoDeletedPublications() {
        long stepped = steppedInTheSecondHalf((counting, n) -> counting.merge(
                Fig.incident(1 + n).report("r" + n, published(n)).build()));
        assertThat(stepped).isLessThanOrEqualTo(UPDATES / 2);
    }

    /** Runs {@code update} for n = 0 … UPDATES − 1 and returns the records its scans stepped over in the second half. */
    private static long steppedInTheSecondHalf(ObjIntConsumer<Counting> update) {
        TombstoneStore store = new TombstoneStore();
        Counting counting = new Counting(store);
        long steppedAtHalf = 0;
        for (int n = 0; n < UPDATES; n++) {
            if (n == UPDATES / 2) {
                steppedAtHalf = store.stepped();
            }
            update.accept(counting, n);
        }
        return store.stepped() - steppedAtHalf;
    }

    private static String published(int n) {
        return Instant.parse("2024-01-01T00:00:00Z").plusSeconds(60L * n).toString();
    }

    private static String day(int n) {
        return FIRST.plusDays(n).toString();
    }
}
