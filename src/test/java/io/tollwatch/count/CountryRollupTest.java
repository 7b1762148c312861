package io.tollwatch.count;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.tollwatch.count.Fig.cumulative;
import static io.tollwatch.count.Fig.incident;
import static io.tollwatch.count.Population.ALL;
import static io.tollwatch.count.Population.CIVILIANS;
import static io.tollwatch.count.Population.COMBATANTS;
import static org.assertj.core.api.Assertions.assertThat;

/** Rule 5 through {@link Counting}: a country's figures and its subdivisions' in one store. */
class CountryRollupTest {
    private final Counting counting = new Counting(new InMemoryCountStore());

    private void merge(Fig... figs) {
        for (Fig f : figs) {
            counting.merge(f.build());
        }
    }

    private Map<Population, PopulationTotal> country() {
        return counting.totals("SY", Metric.KILLED).stream()
                .collect(Collectors.toMap(PopulationTotal::population, Function.identity()));
    }

    @Test
    void aSubdivisionsRevisionReplacesItsShareOfTheSum() {
        merge(cumulative(255).in("SY-HL").report("a", "2024-11-29T10:00:00Z"), cumulative(40).in("SY-ID"));
        assertThat(country().get(ALL).best()).isEqualTo(295);
        merge(cumulative(277).in("SY-HL").report("b", "2024-11-30T10:00:00Z"));
        assertThat(country().get(ALL).best()).isEqualTo(317);
        merge(cumulative(200).in("SY-HL").report("c", "2024-12-01T10:00:00Z").day("2024-11-30"));
        assertThat(country().get(ALL).best()).as("a later lower figure is a revision").isEqualTo(240);
    }

    @Test
    void countryTotalIsTheLargerOfOwnAndSubdivisions() {
        merge(cumulative(500).in("SY").report("own", "2024-11-29T10:00:00Z"),
                cumulative(255).in("SY-HL").report("hl", "2024-11-29T10:00:00Z"),
                cumulative(40).in("SY-ID").report("id", "2024-11-29T10:00:00Z"));
        assertThat(country().get(ALL).best()).isEqualTo(500);
        merge(cumulative(300).in("SY-ID").report("id-2", "2024-11-29T11:00:00Z"));
        PopulationTotal all = country().get(ALL);
        assertThat(all.best()).isEqualTo(555);
        assertThat(all.low()).isEqualTo(500);
        assertThat(all.high()).isEqualTo(555);
        assertThat(all.counters()).extracting(CounterFigure::value).containsExactly(500L);
        assertThat(all.reports()).as("own, SY-HL and SY-ID's latest").isEqualTo(3);
    }

    @Test
    void aReportBehindSeveralSubdivisionsAndTheCountryCountsOnce() {
        merge(cumulative(40).in("SY").report("sy-2", "2024-12-01T10:00:00Z"),
                cumulative(10).in("SY-HL").report("sy-1", "2024-12-01T09:00:00Z"),
                incident(3).in("SY-HL").by("state media").report("sy-3", "2024-12-01T11:00:00Z"),
                cumulative(5).in("SY-ID").report("sy-1", "2024-12-01T09:00:00Z"),
                incident(2).in("SY-ID").by("state media").report("sy-4", "2024-12-01T12:00:00Z"));
        PopulationTotal all = country().get(ALL);
        assertThat(all.reports()).isEqualTo(4);
        assertThat(all.updatedAt()).isEqualTo(Instant.parse("2024-12-01T12:00:00Z"));
    }

    @Test
    void aCountryTotalListsItsSubdivisionsBestsAsParts() {
        merge(cumulative(40).in("SY-ID"), cumulative(255).in("SY-HL"), cumulative(40).in("SY-DR"),
                cumulative(7).in("SY-HM").of(CIVILIANS), cumulative(500).in("SY"));
        Map<Population, PopulationTotal> t = country();
        assertThat(t.get(ALL).parts()).containsExactly(new RegionPart("SY-HL", 255), new RegionPart("SY-DR", 40),
                new RegionPart("SY-ID", 40), new RegionPart("SY-HM", 7));
        assertThat(t.get(ALL).best()).as("own figures larger than the parts' sum").isEqualTo(500);
        assertThat(t.get(CIVILIANS).parts()).containsExactly(new RegionPart("SY-HM", 7));
        assertThat(counting.totals("SY-HL", Metric.KILLED)).as("a subdivision total")
                .allSatisfy(s -> assertThat(s.parts()).isEmpty());
    }

    @Test
    void partsAndWholeHoldAtCountryLevel() {
        merge(cumulative(100).in("SY"), cumulative(90).in("SY").of(CIVILIANS), cumulative(30).in("SY-HL").of(COMBATANTS));
        Map<Population, PopulationTotal> t = country();
        assertThat(t.get(COMBATANTS).best()).isEqualTo(30);
        assertThat(t.get(ALL).best()).isEqualTo(120);
    }

    @Test
    void countryWithOnlySubdivisionTotals() {
        merge(cumulative(255).in("SY-HL").report("a", "2024-11-29T10:00:00Z"));
        PopulationTotal all = country().get(ALL);
        assertThat(all.best()).isEqualTo(255);
        assertThat(all.updatedAt()).isEqualTo(Instant.parse("2024-11-29T10:00:00Z"));
        assertThat(all.reports()).isEqualTo(1);
        assertThat(all.counters()).isEmpty();
    }

    @Test
    void subdivisionCodes() {
        assertThat(CountryRollup.isSubdivision("SY-HL")).isTrue();
        assertThat(CountryRollup.isSubdivision("PS-KYS")).isTrue();
        assertThat(CountryRollup.isSubdivision("SY")).isFalse();
        assertThat(CountryRollup.isSubdivision("unresolved")).isFalse();
        assertThat(CountryRollup.countryOf("UA-63")).isEqualTo("UA");
        assertThat(CountryRollup.countryOf("SY")).isEqualTo("SY");
    }
}
