package io.tollwatch.count;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.tollwatch.count.Fig.cumulative;
import static io.tollwatch.count.Fig.incident;
import static io.tollwatch.count.Population.ALL;
import static io.tollwatch.count.Population.CIVILIANS;
import static io.tollwatch.count.Population.COMBATANTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CountryRollupTest {
    static final Instant T = Instant.parse("2024-11-29T12:00:00Z");

    static PopulationTotal sub(String region, Population p, long best) {
        return new PopulationTotal(region, Metric.KILLED, p, best, best, best, List.of(), List.of(), Set.of(region), T);
    }

    static Map<Population, PopulationTotal> country(RegionMetricState own, CountryRollup rollup) {
        return RegionMetricState.countryTotals("SY", Metric.KILLED, own, rollup).stream()
                .collect(Collectors.toMap(PopulationTotal::population, Function.identity()));
    }

    @Test
    void kafkaUpdateSubtractsTheOldAndAddsTheNew() {
        CountryRollup r = new CountryRollup("SY", Metric.KILLED)
                .add(sub("SY-HL", ALL, 255))
                .add(sub("SY-ID", ALL, 40));
        assertThat(r.subdivisionBest(ALL)).isEqualTo(295);
        r.remove(sub("SY-HL", ALL, 255)).add(sub("SY-HL", ALL, 277));
        assertThat(r.subdivisionBest(ALL)).isEqualTo(317);
        assertThat(r.countryBest(ALL, 300)).isEqualTo(317);
        assertThat(r.countryBest(ALL, 400)).isEqualTo(400);
    }

    @Test
    void lateSubtractorDoesNotRemoveTheNewerTotal() {
        CountryRollup r = new CountryRollup("SY", Metric.KILLED).add(sub("SY-HL", ALL, 255));
        r.add(sub("SY-HL", ALL, 277)).remove(sub("SY-HL", ALL, 255));
        assertThat(r.subdivisionBest(ALL)).isEqualTo(277);
    }

    @Test
    void tombstoneRemovesTheSubdivision() {
        CountryRollup r = new CountryRollup("SY", Metric.KILLED).add(sub("SY-HL", ALL, 255));
        r.remove(sub("SY-HL", ALL, 255));
        assertThat(r.isEmpty()).isTrue();
        assertThat(r.subdivisionBest(ALL)).isZero();
    }

    @Test
    void countryTotalIsTheLargerOfOwnAndSubdivisions() {
        RegionMetricState own = new RegionMetricState("SY", Metric.KILLED);
        own.merge(cumulative(500).in("SY").build());
        CountryRollup r = new CountryRollup("SY", Metric.KILLED).add(sub("SY-HL", ALL, 255)).add(sub("SY-ID", ALL, 40));
        assertThat(country(own, r).get(ALL).best()).isEqualTo(500);
        r.add(sub("SY-ID", ALL, 300));
        PopulationTotal all = country(own, r).get(ALL);
        assertThat(all.best()).isEqualTo(555);
        assertThat(all.low()).isEqualTo(500);
        assertThat(all.high()).isEqualTo(555);
        assertThat(all.counters()).extracting(CounterFigure::value).containsExactly(500L);
        assertThat(all.reports()).isEqualTo(3);
    }

    @Test
    void aReportBehindSeveralSubdivisionsAndTheCountryCountsOnce() {
        RegionMetricState own = new RegionMetricState("SY", Metric.KILLED);
        own.merge(cumulative(40).in("SY").report("sy-2", "2024-12-01T10:00:00Z").build());
        RegionMetricState aleppo = new RegionMetricState("SY-HL", Metric.KILLED);
        aleppo.merge(cumulative(10).in("SY-HL").report("sy-1", "2024-12-01T09:00:00Z").build());
        aleppo.merge(incident(3).in("SY-HL").by("state media").report("sy-3", "2024-12-01T11:00:00Z").build());
        RegionMetricState idlib = new RegionMetricState("SY-ID", Metric.KILLED);
        idlib.merge(cumulative(5).in("SY-ID").report("sy-1", "2024-12-01T09:00:00Z").build());
        idlib.merge(incident(2).in("SY-ID").by("state media").report("sy-4", "2024-12-01T12:00:00Z").build());
        CountryRollup r = new CountryRollup("SY", Metric.KILLED);
        aleppo.totals().forEach(r::add);
        idlib.totals().forEach(r::add);
        PopulationTotal all = country(own, r).get(ALL);
        assertThat(all.reportIds()).containsExactly("sy-1", "sy-2", "sy-3", "sy-4");
        assertThat(all.reports()).isEqualTo(4);
        assertThat(all.updatedAt()).isEqualTo(Instant.parse("2024-12-01T12:00:00Z"));
    }

    @Test
    void aCountryTotalListsItsSubdivisionsBestsAsParts() {
        CountryRollup r = new CountryRollup("SY", Metric.KILLED).add(sub("SY-ID", ALL, 40)).add(sub("SY-HL", ALL, 255))
                .add(sub("SY-DR", ALL, 40)).add(sub("SY-HM", CIVILIANS, 7));
        RegionMetricState own = new RegionMetricState("SY", Metric.KILLED);
        own.merge(cumulative(500).in("SY").build());
        Map<Population, PopulationTotal> t = country(own, r);
        assertThat(t.get(ALL).parts()).containsExactly(new RegionPart("SY-HL", 255), new RegionPart("SY-DR", 40),
                new RegionPart("SY-ID", 40));
        assertThat(t.get(ALL).best()).as("own figures larger than the parts' sum").isEqualTo(500);
        assertThat(t.get(CIVILIANS).parts()).containsExactly(new RegionPart("SY-HM", 7));
        r.remove(sub("SY-HL", ALL, 255));
        assertThat(country(own, r).get(ALL).parts()).extracting(RegionPart::region).containsExactly("SY-DR", "SY-ID");
        assertThat(RegionMetricStateTest.totals(own).get(ALL).parts()).as("a subdivision or own-only total").isEmpty();
    }

    @Test
    void partsAndWholeHoldAtCountryLevel() {
        RegionMetricState own = new RegionMetricState("SY", Metric.KILLED);
        own.merge(cumulative(100).in("SY").build());
        own.merge(cumulative(90).in("SY").of(CIVILIANS).build());
        CountryRollup r = new CountryRollup("SY", Metric.KILLED).add(sub("SY-HL", COMBATANTS, 30));
        Map<Population, PopulationTotal> t = country(own, r);
        assertThat(t.get(COMBATANTS).best()).isEqualTo(30);
        assertThat(t.get(ALL).best()).isEqualTo(120);
    }

    @Test
    void countryWithOnlySubdivisionTotals() {
        CountryRollup r = new CountryRollup("SY", Metric.KILLED).add(sub("SY-HL", ALL, 255));
        PopulationTotal all = country(null, r).get(ALL);
        assertThat(all.best()).isEqualTo(255);
        assertThat(all.updatedAt()).isEqualTo(T);
        assertThat(all.counters()).isEmpty();
    }

    @Test
    void refusesTotalsOfAnotherCountryOrMetricOrOfACountry() {
        CountryRollup r = new CountryRollup("SY", Metric.KILLED);
        assertThatThrownBy(() -> r.add(sub("UA-63", ALL, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.add(sub("SY", ALL, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.add(new PopulationTotal("SY-HL", Metric.INJURED, ALL, 1, 1, 1, List.of(), List.of(), Set.of("r"), T)))
                .isInstanceOf(IllegalArgumentException.class);
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

    @Test
    void roundTrip() {
        CountryRollup r = new CountryRollup("SY", Metric.KILLED).add(sub("SY-HL", ALL, 255))
                .add(new PopulationTotal("SY-ID", Metric.KILLED, CIVILIANS, 5, 4, 9, List.of(), List.of(), Set.of("r1", "r2"), null));
        CountryRollup back = CountryRollup.decode(r.encode());
        assertThat(back.encode()).isEqualTo(r.encode());
        assertThat(RegionMetricState.countryTotals("SY", Metric.KILLED, null, back))
                .isEqualTo(RegionMetricState.countryTotals("SY", Metric.KILLED, null, r));
    }
}
