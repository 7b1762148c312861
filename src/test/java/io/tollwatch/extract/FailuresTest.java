package io.tollwatch.extract;

import io.tollwatch.place.Resolution;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A sentence the rules fail on yields nothing, is counted, and does not stop the rest of the report. */
class FailuresTest {

    /** A gazetteer that fails on one name, as a defect would. */
    private static final PlaceLookup BROKEN_ON_HOMS = new PlaceLookup() {
        private final PlaceLookup table = TablePlaces.syriaAndFriends();

        @Override
        public List<Hit> scan(String text, List<int[]> spans, Collection<String> contextCountries) {
            for (int[] sp : spans) {
                if (text.substring(sp[0], sp[1]).contains("Homs")) {
                    throw new IllegalStateException("broken index");
                }
            }
            return table.scan(text, spans, contextCountries);
        }

        @Override
        public Resolution resolve(String nameOrPath, Collection<String> contextCountries) {
            return table.resolve(nameOrPath, contextCountries);
        }
    };

    @Test
    void aFailingSentenceIsCountedAndTheOthersStillCount() {
        Extractor extractor = new Extractor(BROKEN_ON_HOMS, Counters.defaults());
        var figures = extractor.extract(Fixtures.report("Shelling killed four people in Hama, Syria, on Friday. "
            + "A car bomb killed nine people in Homs. Strikes on Idlib killed 12 people.", null, "Wire",
            "2024-11-29T12:00:00Z"));
        assertThat(Fixtures.brief(figures)).containsExactly("killed/all/4", "killed/all/12");
        assertThat(extractor.failures()).isEqualTo(1);
    }

    @Test
    void aReportThatReadsCleanlyCountsNoFailure() {
        Extractor extractor = new Extractor(TablePlaces.syriaAndFriends(), Counters.defaults());
        extractor.extract(Fixtures.report("Strikes on Idlib killed 12 people.", null, "Wire", "2024-11-29T12:00:00Z"));
        assertThat(extractor.failures()).isZero();
    }
}
