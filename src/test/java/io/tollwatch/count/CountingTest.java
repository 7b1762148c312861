package io.tollwatch.count;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.tollwatch.count.Fig.cumulative;
import static io.tollwatch.count.Fig.incident;
import static io.tollwatch.count.Population.ALL;
import static io.tollwatch.count.Population.CHILDREN;
import static io.tollwatch.count.Population.CIVILIANS;
import static io.tollwatch.count.Population.COMBATANTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CountingTest {

    static CountState state(Fig... figs) {
        CountState s = new CountState("SY-HL", Metric.KILLED);
        for (Fig f : figs) {
            s.merge(f.build());
        }
        return s;
    }

    static Map<Population, PopulationTotal> totals(CountState s) {
        return s.totals().stream().collect(Collectors.toMap(PopulationTotal::population, Function.identity()));
    }

    static PopulationTotal total(CountState s, Population p) {
        return totals(s).get(p);
    }

    static long best(CountState s, Population p) {
        return total(s, p).best();
    }

    @Nested
    class WorkedExample {
        static final String A = "2024-11-29T14:00:00Z";
        static final String B = "2024-11-30T09:00:00Z";

        List<CountedFigure> reportA() {
            return List.of(
                    cumulative(255).report("A", A).by("SOHR").build(),
                    cumulative(24).report("A", A).by("SOHR").of(CIVILIANS).build(),
                    incident(4).report("A", A).by("state media").of(CIVILIANS).at("student residence, Aleppo").build(),
                    cumulative(14000).report("A", A).by("OCHA").metric(Metric.DISPLACED)
                            .qualifier(Qualifier.MORE_THAN).build());
        }

        void mergeInto(CountState killed, CountState displaced, List<CountedFigure> figs) {
            for (CountedFigure f : figs) {
                (f.metric() == Metric.KILLED ? killed : displaced).merge(f);
            }
        }

        @Test
        void aleppoTotals() {
            CountState killed = new CountState("SY-HL", Metric.KILLED);
            CountState displaced = new CountState("SY-HL", Metric.DISPLACED);
            mergeInto(killed, displaced, reportA());

            PopulationTotal civilians = total(killed, CIVILIANS);
            assertThat(civilians.key()).isEqualTo("SY-HL|killed|civilians");
            assertThat(civilians.best()).isEqualTo(24);
            assertThat(civilians.low()).isEqualTo(4);
            assertThat(civilians.high()).isEqualTo(24);
            assertThat(civilians.counters()).containsExactly(
                    new CounterFigure("SOHR", 24, Fig.DAY), new CounterFigure("state media", 4, Fig.DAY));
            assertThat(civilians.reports()).isEqualTo(1);
            assertThat(civilians.updatedAt()).isEqualTo(Instant.parse(A));

            assertThat(best(killed, ALL)).isEqualTo(255);
            assertThat(totals(killed)).containsOnlyKeys(ALL, CIVILIANS);
            assertThat(best(displaced, ALL)).isEqualTo(14000);

            PopulationTotal country = killed.countryTotals().stream()
                    .filter(t -> t.population() == ALL).findFirst().orElseThrow();
            assertThat(country.key()).isEqualTo("SY|killed|all");
            assertThat(country.best()).isEqualTo(255);
        }

        @Test
        void reportBRaisesTheTollAndReportAAgainChangesNothing() {
            CountState killed = new CountState("SY-HL", Metric.KILLED);
            CountState displaced = new CountState("SY-HL", Metric.DISPLACED);
            mergeInto(killed, displaced, reportA());

            assertThat(killed.merge(cumulative(277).report("B", B).by("SOHR").build())).isTrue();
            assertThat(best(killed, ALL)).isEqualTo(277);

            List<PopulationTotal> before = killed.totals();
            byte[] bytes = killed.encode();
            for (CountedFigure f : reportA()) {
                if (f.metric() == Metric.KILLED) {
                    assertThat(killed.merge(f)).isFalse();
                }
            }
            assertThat(killed.totals()).isEqualTo(before);
            assertThat(killed.encode()).isEqualTo(bytes);
        }
    }

    @Nested
    class Rule1PerCounter {
        @Test
        void laterCumulativeReplacesEvenWhenLower() {
            CountState s = state(
                    cumulative(300).report("a", "2024-11-29T10:00:00Z"),
                    cumulative(280).report("b", "2024-11-29T11:00:00Z"));
            assertThat(best(s, ALL)).isEqualTo(280);
            assertThat(total(s, ALL).reports()).isEqualTo(1);
        }

        @Test
        void revisionDownwardReplacesWhateverTheArrivalOrder() {
            CountState s = state(
                    cumulative(280).report("b", "2024-11-29T11:00:00Z"),
                    cumulative(300).report("a", "2024-11-29T10:00:00Z"));
            assertThat(best(s, ALL)).isEqualTo(280);
        }

        @Test
        void laterDayWinsOverLaterPublication() {
            CountState s = state(
                    cumulative(100).day("2024-11-30").report("a", "2024-11-30T08:00:00Z"),
                    cumulative(90).day("2024-11-29").report("b", "2024-12-01T08:00:00Z"));
            assertThat(best(s, ALL)).isEqualTo(100);
        }

        @Test
        void tieOnDayAndPublicationGoesToTheLargerValue() {
            CountState s = state(cumulative(50).report("a", "2024-11-29T10:00:00Z"),
                    cumulative(40).report("b", "2024-11-29T10:00:00Z"));
            assertThat(best(s, ALL)).isEqualTo(50);
            assertThat(total(s, ALL).reports()).isEqualTo(1);
        }

        @Test
        void identicalCumulativeFromTwoReportsCountsOnceWithBothReports() {
            CountState s = state(cumulative(50).report("a", "2024-11-29T10:00:00Z"),
                    cumulative(50).report("b", "2024-11-29T10:00:00Z"));
            assertThat(best(s, ALL)).isEqualTo(50);
            assertThat(total(s, ALL).reports()).isEqualTo(2);
        }

        @Test
        void incidentAfterTheCumulativeDayAdds() {
            CountState s = state(cumulative(255), incident(7).day("2024-11-30"));
            assertThat(best(s, ALL)).isEqualTo(262);
            assertThat(total(s, ALL).counters())
                    .containsExactly(new CounterFigure("SOHR", 262, LocalDate.parse("2024-11-30")));
        }

        @Test
        void incidentOnOrBeforeTheCumulativeDayDoesNot() {
            CountState s = state(cumulative(255));
            assertThat(s.merge(incident(7).build())).isFalse();
            assertThat(s.merge(incident(7).day("2024-11-28").build())).isFalse();
            assertThat(best(s, ALL)).isEqualTo(255);
        }

        @Test
        void cumulativeArrivingLateCoversAndPrunesEarlierIncidents() {
            CountState s = state(incident(3).day("2024-11-27"), incident(4).day("2024-11-29"),
                    incident(5).day("2024-11-30"));
            assertThat(best(s, ALL)).isEqualTo(12);
            assertThat(s.size()).isEqualTo(3);
            s.merge(cumulative(255).day("2024-11-29").build());
            assertThat(best(s, ALL)).isEqualTo(260);
            assertThat(s.size()).isEqualTo(2);
        }

        @Test
        void incidentsOfAnotherCounterAreNotCovered() {
            CountState s = state(cumulative(255), incident(4).by("state media"));
            assertThat(total(s, ALL).counters()).extracting(CounterFigure::counter, CounterFigure::value)
                    .containsExactly(tuple("SOHR", 255L),
                            tuple("state media", 4L));
        }
    }

    @Nested
    class Rule2IncidentDedup {
        @Test
        void tollUpdateReplaces() {
            CountState s = state(incident(30).report("a", "2024-11-29T10:00:00Z"),
                    incident(41).report("b", "2024-11-29T15:00:00Z"));
            assertThat(best(s, ALL)).isEqualTo(41);
            assertThat(total(s, ALL).reports()).isEqualTo(1);
            assertThat(total(s, ALL).updatedAt()).isEqualTo(Instant.parse("2024-11-29T15:00:00Z"));
        }

        @Test
        void staleLowerTollArrivingLateChangesNothing() {
            CountState s = state(incident(41).report("b", "2024-11-29T15:00:00Z"));
            assertThat(s.merge(incident(30).report("a", "2024-11-29T10:00:00Z").build())).isFalse();
            assertThat(best(s, ALL)).isEqualTo(41);
        }

        @Test
        void tenRepublicationsCountOnce() {
            CountState s = new CountState("SY-HL", Metric.KILLED);
            for (int i = 0; i < 10; i++) {
                s.merge(incident(30).report("outlet-" + i, "2024-11-29T1" + i + ":00:00Z").build());
            }
            assertThat(best(s, ALL)).isEqualTo(30);
            assertThat(total(s, ALL).reports()).isEqualTo(10);
            assertThat(total(s, ALL).updatedAt()).isEqualTo(Instant.parse("2024-11-29T19:00:00Z"));
            assertThat(s.size()).isEqualTo(1);
        }

        @Test
        void sameReportTwiceChangesNothing() {
            CountState s = state(incident(30));
            assertThat(s.merge(incident(30).build())).isFalse();
        }

        @Test
        void differentPlacesOrDaysAreDifferentIncidents() {
            CountState s = state(incident(3).at("A"), incident(4).at("B"), incident(5).at("A").day("2024-11-30"));
            assertThat(best(s, ALL)).isEqualTo(12);
        }
    }

    @Nested
    class Rule3AcrossCounters {
        @Test
        void bestLowAndCounters() {
            CountState s = state(cumulative(100).by("X"), cumulative(80).by("Y"), incident(90).by("Z"));
            PopulationTotal t = total(s, ALL);
            assertThat(t.best()).isEqualTo(100);
            assertThat(t.low()).isEqualTo(80);
            assertThat(t.high()).isEqualTo(100);
            assertThat(t.counters()).extracting(CounterFigure::counter).containsExactly("X", "Z", "Y");
        }

        @Test
        void upToRaisesHighOnly() {
            CountState s = state(cumulative(100).by("X"), cumulative(300).by("Y").qualifier(Qualifier.UP_TO));
            PopulationTotal t = total(s, ALL);
            assertThat(t.best()).isEqualTo(100);
            assertThat(t.low()).isEqualTo(100);
            assertThat(t.high()).isEqualTo(300);
            assertThat(t.counters()).extracting(CounterFigure::counter).containsExactly("X");
        }

        @Test
        void upToBelowBestLeavesHighAtBest() {
            CountState s = state(cumulative(100).by("X"), cumulative(50).by("X").qualifier(Qualifier.UP_TO));
            assertThat(total(s, ALL).high()).isEqualTo(100);
        }

        @Test
        void onlyUpperBoundsGiveZeroBestAndTheBoundAsHigh() {
            PopulationTotal t = total(state(cumulative(300).qualifier(Qualifier.UP_TO)), ALL);
            assertThat(List.of(t.low(), t.best(), t.high())).containsExactly(0L, 0L, 300L);
            assertThat(t.counters()).isEmpty();
        }

        @Test
        void otherHedgesCountAsTheirNumber() {
            assertThat(best(state(cumulative(14000).qualifier(Qualifier.MORE_THAN)), ALL)).isEqualTo(14000);
        }
    }

    @Nested
    class Rule4PartsAndWhole {
        @Test
        void partsAboveTheWholeRaiseItsBest() {
            CountState s = state(cumulative(50).by("X"), cumulative(40).by("Y").of(CIVILIANS),
                    cumulative(30).by("Z").of(COMBATANTS));
            PopulationTotal all = total(s, ALL);
            assertThat(all.best()).isEqualTo(70);
            assertThat(all.low()).isEqualTo(50);
            assertThat(all.high()).isEqualTo(70);
            assertThat(all.counters()).extracting(CounterFigure::value).containsExactly(50L);
            assertThat(all.reports()).isEqualTo(1);
        }

        @Test
        void childrenRaiseCiviliansFirstAndThatFeedsAll() {
            CountState s = state(cumulative(10), cumulative(5).of(CIVILIANS), cumulative(8).of(CHILDREN),
                    cumulative(4).of(COMBATANTS));
            assertThat(best(s, CIVILIANS)).isEqualTo(8);
            assertThat(best(s, ALL)).isEqualTo(12);
        }

        @Test
        void partsBelowTheWholeChangeNothing() {
            CountState s = state(cumulative(255), cumulative(24).of(CIVILIANS));
            assertThat(best(s, ALL)).isEqualTo(255);
        }

        @Test
        void wholeWithoutFiguresIsDerivedFromItsParts() {
            CountState s = state(cumulative(24).by("X").of(CIVILIANS), incident(4).by("Y").of(CIVILIANS),
                    cumulative(6).of(CHILDREN));
            Map<Population, PopulationTotal> t = totals(s);
            assertThat(t).containsOnlyKeys(ALL, CIVILIANS, CHILDREN);
            PopulationTotal all = t.get(ALL);
            assertThat(List.of(all.low(), all.best(), all.high())).containsExactly(4L, 24L, 24L);
            assertThat(all.counters()).isEmpty();
            assertThat(all.reports()).isEqualTo(1);
        }
    }

    @Test
    void updatedAtIsTheLatestPublicationBehindWhatCounts() {
        CountState s = state(incident(3).report("a", "2024-11-29T10:00:00Z"),
                cumulative(10).report("b", "2024-11-30T10:00:00Z").day("2024-11-28"));
        assertThat(total(s, ALL).updatedAt()).isEqualTo(Instant.parse("2024-11-30T10:00:00Z"));
        s.merge(cumulative(20).report("c", "2024-11-29T18:00:00Z").day("2024-11-29").build());
        assertThat(total(s, ALL).best()).isEqualTo(20);
        assertThat(total(s, ALL).updatedAt()).isEqualTo(Instant.parse("2024-11-29T18:00:00Z"));
        assertThat(total(s, ALL).reports()).isEqualTo(1);
    }

    @Test
    void anEntryKeepsOneReportCountAndOnePublicationCountWhateverItsPopulationAndScopes() {
        CountState s = state(incident(3).of(CHILDREN).report("a", "2024-11-29T10:00:00Z"));
        assertThat(s.recordsByKind()).as("children count in civilians and all, and in SY-HL and SY")
                .isEqualTo(Map.of('H', 1, 'I', 1, 'P', 1, 'R', 1, 'S', 2, 'U', 1));
        assertThat(s.countryTotals()).allSatisfy(t -> {
            assertThat(t.reports()).isEqualTo(1);
            assertThat(t.updatedAt()).isEqualTo(Instant.parse("2024-11-29T10:00:00Z"));
        });
    }

    @Test
    void onlyTheTotalsAFigureChangesComeOut() {
        CountState s = new CountState("SY-HL", Metric.KILLED);
        CountedFigure civilians = cumulative(24).report("A", "2024-11-29T14:00:00Z").of(CIVILIANS).build();
        assertThat(s.mergeChanges(civilians)).extracting(PopulationTotal::key)
                .containsExactlyInAnyOrder("SY-HL|killed|civilians", "SY-HL|killed|all", "SY|killed|civilians", "SY|killed|all");
        assertThat(s.mergeChanges(civilians)).as("a resend").isEmpty();
        assertThat(s.mergeChanges(cumulative(300).report("B", "2024-11-29T15:00:00Z").build()))
                .extracting(PopulationTotal::key).containsExactlyInAnyOrder("SY-HL|killed|all", "SY|killed|all");
    }

    @Test
    void emptyStateHasNoTotals() {
        CountState s = new CountState("SY-HL", Metric.KILLED);
        assertThat(s.totals()).isEmpty();
    }
}
