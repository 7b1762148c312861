package io.tollwatch.serve;

import io.tollwatch.place.Gazetteer;
import io.tollwatch.report.Normalizer;
import io.tollwatch.report.ReportJson;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The reasons the real resolver gives become a few bounded labels, never the place names in them. */
class UnresolvedReasonTest {
    private static final Gazetteer GAZETTEER = Gazetteer.defaultGazetteer();

    @Test
    void theResolversOwnReasonsMapToTheirKinds() {
        assertThat(UnresolvedReason.of(GAZETTEER.resolve("Qwxzvillé").reason())).isEqualTo("unknown_place");
        assertThat(UnresolvedReason.of(GAZETTEER.resolve("").reason())).isEqualTo("no_place");
        assertThat(UnresolvedReason.of("ambiguous: Springfield is in US, AU")).isEqualTo("ambiguous");
        assertThat(UnresolvedReason.of("something new")).isEqualTo("other");
        assertThat(UnresolvedReason.of(null)).isEqualTo("other");
    }

    @Test
    void aReportWithoutAnyPlaceIsNoPlace() {
        Normalizer n = new Normalizer(GAZETTEER, io.tollwatch.extract.Counters.defaults(),
                new io.tollwatch.extract.Extractor(GAZETTEER, io.tollwatch.extract.Counters.defaults()));
        List<String> reasons = n.figures(ReportJson.parse("""
                {"report_id":"x","source":"AFP","published_at":"2024-11-29T18:00:00Z","figures":[{"metric":"killed","value":2}]}"""))
                .stream().map(f -> UnresolvedReason.of(f.getUnresolvedReason())).toList();
        assertThat(reasons).containsExactly("no_place");
    }
}
