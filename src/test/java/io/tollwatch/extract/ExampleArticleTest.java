package io.tollwatch.extract;

import io.tollwatch.count.Basis;
import io.tollwatch.count.Metric;
import io.tollwatch.count.Population;
import io.tollwatch.count.Qualifier;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wire story written for this test with the traps of spec §3's worked example: a cumulative monitor toll with a
 * nested civilian count in the next sentence, an incident figure of state media in "the city", a UN displacement
 * figure with a dash aside, and numbers that are not figures (towns and villages, a city's population, raids,
 * kilometres, cars, years). Runs over the shipped gazetteer.
 */
class ExampleArticleTest {

    static final String ARTICLE = """
        Rebels and their allies pushed into the outskirts of Hama on Tuesday, pressing a lightning offensive against \
        government forces in central Syria.
        The fighting has been among the fiercest in years, with 312 people killed since Saturday, according to the \
        Syrian Observatory for Human Rights. Most of the dead were fighters, but the toll also includes 37 civilians, \
        many of them killed in air strikes.
        By Tuesday, the rebels had captured more than 40 towns and villages in the countryside, according to the \
        Britain-based Observatory, the army's biggest setback since 2016.
        Hama, a city of some 800,000 people, is the country's fourth largest.
        The rebels detonated three car bombs at army checkpoints, the war monitor said.
        Rocket fire hit a hospital in the city, killing six civilians, state news agency SANA reported.
        Government and allied warplanes carried out 31 raids on rebel-held areas, according to the Observatory.
        The UN humanitarian office said "more than 21,000 people -- a third of them children -- have been displaced" \
        by the fighting.
        Fighting was reported about nine kilometres (six miles) from the city centre, near a base built in 1982.
        """;

    private static final Extractor EXTRACTOR = Extractor.defaults();

    private static List<ExtractedFigure> figures() {
        return EXTRACTOR.extract(Fixtures.report(ARTICLE, null, "AFP", "2024-12-03T10:00:00Z"));
    }

    @Test
    void exactlyTheFourFigures() {
        List<ExtractedFigure> f = figures();
        assertThat(f).extracting(x -> x.metric() + " " + x.population() + " " + x.value() + " " + x.basis() + " "
                + x.counter())
            .containsExactly(
                "KILLED ALL 312 CUMULATIVE SOHR",
                "KILLED CIVILIANS 37 CUMULATIVE SOHR",
                "KILLED CIVILIANS 6 INCIDENT state media",
                "DISPLACED ALL 21000 CUMULATIVE OCHA");
        assertThat(f).extracting(ExtractedFigure::region).containsOnly("SY-HM");
        assertThat(f.get(3).qualifier()).isEqualTo(Qualifier.MORE_THAN);
        assertThat(f).allSatisfy(x -> assertThat(x.evidence()).isNotBlank());
    }

    @Test
    void noneOfTheTraps() {
        assertThat(figures()).extracting(ExtractedFigure::value)
            .doesNotContain(40L, 800_000L, 3L, 31L, 9L, 6_000L, 2016L, 1982L);
    }

    @Test
    void sameAnswerOnEveryThread() throws Exception {
        List<ExtractedFigure> expected = figures();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<ExtractedFigure>>> runs = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                runs.add(pool.submit(ExampleArticleTest::figures));
            }
            for (Future<List<ExtractedFigure>> r : runs) {
                assertThat(r.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void realGazetteerResolvesTheFigureSentence() {
        List<ExtractedFigure> f = EXTRACTOR.extract(Fixtures.report(
            "Further south, overnight shelling of the city of Zaporizhzhia wounded seven people, the governor said.",
            "Dnipro, Ukraine", "Reuters", "2023-01-17T15:30:00Z"));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.metric()).isEqualTo(Metric.INJURED);
            assertThat(x.population()).isEqualTo(Population.ALL);
            assertThat(x.region()).isEqualTo("UA-23");
            assertThat(x.basis()).isEqualTo(Basis.INCIDENT);
        });
    }
}
