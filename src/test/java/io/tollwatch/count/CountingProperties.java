package io.tollwatch.count;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static io.tollwatch.count.Population.ALL;
import static io.tollwatch.count.Population.CHILDREN;
import static io.tollwatch.count.Population.CIVILIANS;
import static io.tollwatch.count.Population.COMBATANTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Rule 6 and the other rules stated over random sets of figures of one region and metric. */
class CountingProperties {
    static final Instant T0 = Instant.parse("2024-11-29T00:00:00Z");
    static final LocalDate D0 = LocalDate.parse("2024-11-25");

    /** Few reports, counters, places and days, so that collisions (ties, updates, republications) are common. */
    @Provide
    Arbitrary<CountedFigure> figure() {
        return Combinators.combine(
                Arbitraries.integers().between(0, 7),
                Arbitraries.of(Population.class),
                Arbitraries.longs().between(0, 60),
                Arbitraries.of(Qualifier.EXACT, Qualifier.ABOUT, Qualifier.UP_TO),
                Arbitraries.of(Basis.class),
                Arbitraries.of("SOHR", "state media", "OCHA"),
                Arbitraries.of("SY-HL", "Aleppo", "Azaz"),
                Arbitraries.integers().between(0, 5)
        ).as((report, population, value, qualifier, basis, counter, place, day) -> new CountedFigure(
                "r" + report, T0.plusSeconds(3600L * (report / 2)), Metric.KILLED, population, value, qualifier,
                basis, counter, "SY-HL", place, D0.plusDays(day)));
    }

    @Provide
    Arbitrary<List<CountedFigure>> figures() {
        return figure().list().ofMaxSize(40);
    }

    static CountState merged(List<CountedFigure> figs) {
        CountState s = new CountState("SY-HL", Metric.KILLED);
        figs.forEach(s::merge);
        return s;
    }

    /** The same set in another order, with some figures delivered again. */
    static List<CountedFigure> reshuffled(List<CountedFigure> figs, Random random) {
        List<CountedFigure> again = new ArrayList<>(figs);
        for (CountedFigure f : figs) {
            if (random.nextInt(3) == 0) {
                again.add(f);
            }
        }
        Collections.shuffle(again, random);
        return again;
    }

    @Property(tries = 500)
    void anyOrderWithAnyDuplicatesGivesEqualStateAndTotals(@ForAll("figures") List<CountedFigure> figs,
                                                           @ForAll Random random) {
        CountState a = merged(figs);
        CountState b = merged(reshuffled(figs, random));
        assertThat(b.totals()).isEqualTo(a.totals());
        assertThat(b.encode()).isEqualTo(a.encode());
    }

    @Property(tries = 300)
    void mergingAFigureAgainNeverChangesTheState(@ForAll("figures") List<CountedFigure> figs) {
        CountState s = merged(figs);
        byte[] before = s.encode();
        for (CountedFigure f : figs) {
            assertThat(s.merge(f)).isFalse();
        }
        assertThat(s.encode()).isEqualTo(before);
    }

    @Property(tries = 500)
    void totalsAreOrderedAndNeverBelowAnyCounterOrPart(@ForAll("figures") List<CountedFigure> figs) {
        Map<Population, PopulationTotal> t = CountingTest.totals(merged(figs));
        for (PopulationTotal total : t.values()) {
            assertThat(total.low()).isLessThanOrEqualTo(total.best());
            assertThat(total.best()).isLessThanOrEqualTo(total.high());
            for (CounterFigure c : total.counters()) {
                assertThat(c.value()).isBetween(total.low(), total.best());
            }
        }
        assertThat(best(t, CIVILIANS)).isGreaterThanOrEqualTo(best(t, CHILDREN));
        assertThat(best(t, ALL)).isGreaterThanOrEqualTo(best(t, CIVILIANS) + best(t, COMBATANTS));
    }

    private static long best(Map<Population, PopulationTotal> t, Population p) {
        return t.containsKey(p) ? t.get(p).best() : 0;
    }

    /** The rules computed naively from the whole set of figures, as the spec words them ({@link NaiveSpec}). */
    @Property(tries = 500)
    void totalsMatchTheSpecComputedFromTheWholeSet(@ForAll("figures") List<CountedFigure> figs) {
        Map<String, NaiveSpec.Total> expected = new HashMap<>();
        NaiveSpec.totals(figs.stream().map(CountingProperties::truth).toList()).forEach((key, t) -> {
            if (key.startsWith("SY-HL|")) {
                expected.put(key, t);
            }
        });
        Map<String, PopulationTotal> actual = new HashMap<>();
        merged(figs).totals().forEach(t -> actual.put(t.key(), t));
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        actual.forEach((key, t) -> {
            NaiveSpec.Total want = expected.get(key);
            assertThat(List.of(t.low(), t.best(), t.high())).as(key).isEqualTo(List.of(want.low(), want.best(), want.high()));
            assertThat(t.counters()).as(key).extracting(CounterFigure::counter, CounterFigure::value, CounterFigure::day)
                    .isEqualTo(want.counters().stream().map(c -> tuple(c.counter(), c.value(), c.day())).toList());
            assertThat(t.reports()).as(key).isEqualTo(want.reports().size());
            assertThat(t.updatedAt()).as(key).isEqualTo(want.updatedAt());
        });
    }

    static NaiveSpec.Truth truth(CountedFigure f) {
        return new NaiveSpec.Truth(f.reportId(), f.publishedAt(), Vocabulary.wire(f.metric()),
                Vocabulary.wire(f.population()), f.value(), Vocabulary.wire(f.qualifier()), Vocabulary.wire(f.basis()),
                f.counter(), f.region(), f.place(), f.day());
    }

    @Property(tries = 300)
    void aFigureRoundTripsThroughItsInternalTopicCodec(@ForAll("figure") CountedFigure f) {
        assertThat(CountedFigure.decode(f.encode())).isEqualTo(f);
    }

    @Property(tries = 300)
    void aCumulativeFigureCoversOldIncidentsSoStateStaysBounded(@ForAll("figures") List<CountedFigure> figs) {
        CountState s = merged(figs);
        Set<List<Object>> tracks = new HashSet<>();
        for (CountedFigure f : figs) {
            if (tracks.add(List.of(f.population(), f.qualifier() == Qualifier.UP_TO, f.counter()))) {
                s.merge(new CountedFigure("later", T0.plusSeconds(86_400 * 30), Metric.KILLED, f.population(), 1,
                        f.qualifier(), Basis.CUMULATIVE, f.counter(), "SY-HL", "SY-HL", D0.plusDays(10)));
            }
        }
        assertThat(s.size()).isEqualTo(tracks.size());
        for (CountedFigure f : figs) {
            assertThat(s.merge(f)).isFalse();
        }
        assertThat(s.size()).isEqualTo(tracks.size());
    }

    @Property(tries = 300)
    void dailySeriesIsOrderFree(@ForAll("figures") List<CountedFigure> figs, @ForAll Random random) {
        List<CountedFigure> day = figs.stream()
                .filter(f -> DailyState.accepts(f) && f.population() == ALL && f.day().equals(D0)).toList();
        DailyState a = new DailyState("SY-HL", Metric.KILLED, ALL, D0);
        DailyState b = new DailyState("SY-HL", Metric.KILLED, ALL, D0);
        day.forEach(a::merge);
        reshuffled(day, random).forEach(b::merge);
        assertThat(b.total()).isEqualTo(a.total());
        assertThat(DailyState.decode(a.encode()).total()).isEqualTo(a.total());
    }
}
