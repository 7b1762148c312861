package io.tollwatch.extract;

import io.tollwatch.count.Basis;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.tollwatch.extract.Fixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

/** Published Friday 29 November 2024. */
class BasisAndDayTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "The offensive has killed 255 people since Wednesday.|CUMULATIVE",
        "More than 6,000 people have been displaced so far this year.|CUMULATIVE",
        "The eight-month war has killed more than 12,000 people.|CUMULATIVE",
        "A week of clashes has killed more than 1,100 people.|CUMULATIVE",
        "In April and May, clashes near the city killed 101 people.|CUMULATIVE",
        "More than 87,000 people have been displaced by the violence.|CUMULATIVE",
        "Nearly 1m people remain displaced after the war.|CUMULATIVE",
        "Israeli forces have killed at least 27 Palestinians in the operation.|CUMULATIVE",
        "An air strike on a market killed 12 people on Monday.|INCIDENT",
        "The toll from Tuesday's strike rose to 41.|INCIDENT",
        "The toll from the army offensive in the north rose to 310 on Friday, the monitor said.|CUMULATIVE",
        "The death toll from the fighting in the capital climbed to 88 on Thursday.|CUMULATIVE",
        "The toll from the clashes between the two militias rose to 47 on Friday.|CUMULATIVE",
        "The death toll in the war has reached 40,000.|CUMULATIVE",
        "The toll from Thursday's bombing of the market rose to 19 on Friday.|INCIDENT",
        "The toll from the stampede at the stadium rose to 31 on Friday.|INCIDENT",
        "The toll from the drone attack on the wedding rose to 26 during the offensive.|INCIDENT",
        "The death toll from the attack has risen to 115.|INCIDENT",
        "A strike on a school has killed at least 30 people.|INCIDENT",
        "Gunmen killed 23 people in a raid on a village.|INCIDENT",
        "Four soldiers were killed when their convoy hit a bomb.|INCIDENT",
        "Some 921 families were evacuated from the city on Sunday.|INCIDENT",
        "More than 6,270 people fled the town after the attack.|INCIDENT",
    })
    void basisFromTheWording(String sentence, Basis basis) {
        assertThat(read(sentence).get(0).basis()).isEqualTo(basis);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "An air strike killed 12 people on Sunday.|2024-11-24",
        "An air strike killed 12 people on Friday.|2024-11-29",
        "An air strike killed 12 people last Friday.|2024-11-22",
        "An air strike killed 12 people yesterday.|2024-11-28",
        "An air strike killed 12 people overnight.|2024-11-28",
        "The toll from Tuesday's strike rose to 41 on Thursday.|2024-11-26",
        "An Oct. 9 artillery strike killed 29 civilians.|2024-10-09",
        "An air strike killed 12 people, officials said on Wednesday.|2024-11-29",
        "Hamas killed 1,200 people in the attack on October 7, 2023.|2023-10-07",
        "An air strike killed 12 people.|2024-11-29",
        "The death toll from the missile strike rose to 21 on Friday, a day after the attack.|2024-11-28",
        "The death toll from Tuesday's strike rose to 41 on Friday.|2024-11-26",
    })
    void dayFromRelativeReferences(String sentence, LocalDate day) {
        assertThat(read(sentence).get(0).day()).isEqualTo(day);
    }

    @Test
    void aContinuationKeepsTheEventDay() {
        assertThat(read("A strike killed 12 people on Sunday. Another 30 people were wounded, medics said.").get(1)
            .day()).isEqualTo(LocalDate.of(2024, 11, 24));
    }

    @Test
    void aCumulativeTollIsDatedByTheReport() {
        assertThat(read("The war has killed 500 people since it began on Monday.").get(0).day())
            .isEqualTo(LocalDate.of(2024, 11, 29));
    }

    @Test
    void aFollowUpFigureTakesTheStorysEventDay() {
        var f = read("A drone struck a wedding party in the village on Tuesday, killing 18 guests, officials said. "
            + "Another report said 40 people were wounded.");
        assertThat(f).extracting(ExtractedFigure::day).containsOnly(LocalDate.of(2024, 11, 26));
    }

    @Test
    void anEventDayNamedInASentenceWithoutFiguresCarriesOver() {
        var f = read("Rebels stormed a market town on Wednesday. Nine traders died in the market and four more "
            + "were killed at a checkpoint.");
        assertThat(f).extracting(ExtractedFigure::day).containsOnly(LocalDate.of(2024, 11, 27));
    }

    @Test
    void aFigureRetoldWithoutItsDayIsOneIncident() {
        var f = read("Bandits killed 11 miners at a gold site on Monday, the governor said. "
            + "Eight people died on the spot and three others died in hospital.");
        assertThat(f).extracting(ExtractedFigure::day).containsOnly(LocalDate.of(2024, 11, 25));
    }

    @Test
    void daysOfStatementsAndPeriodsAreNotEventDays() {
        assertThat(read("Officials said on Wednesday that talks would resume. A shell killed six people at a bus "
            + "stop.").get(0).day()).isEqualTo(LocalDate.of(2024, 11, 29));
        assertThat(read("The offensive has killed 255 people since Wednesday. A shell killed six people at a bus "
            + "stop.").get(1).day()).isEqualTo(LocalDate.of(2024, 11, 29));
    }

    @Test
    void anOldDateIsBackgroundNotTheStorysDay() {
        assertThat(read("The war began with the attack of October 7, 2023. A shell killed six people at a bus stop.")
            .get(0).day()).isEqualTo(LocalDate.of(2024, 11, 29));
    }

    @Test
    void aDayLaterCountsFromTheStorysEventDay() {
        var f = read("Gunmen raided a farming village on Monday, killing 14 people. A day later, six soldiers were "
            + "killed when their patrol hit a mine.");
        assertThat(f.get(1).day()).isEqualTo(LocalDate.of(2024, 11, 26));
    }
}
