package io.tollwatch.extract;

import io.tollwatch.count.Metric;
import io.tollwatch.count.Population;
import io.tollwatch.count.Qualifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.tollwatch.extract.Fixtures.brief;
import static io.tollwatch.extract.Fixtures.only;
import static org.assertj.core.api.Assertions.assertThat;

/** Triggers for each metric and population, active and passive, across clauses. */
class FigureRulesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // active verbs
        "Shelling hit a school, killing four civilians, officials said.|killed/civilians/4",
        "The blast wounded 43 others near the market.|injured/all/43",
        "Gunmen killed 27 soldiers in the raid.|killed/combatants/27",
        "The attack killed a UN crew member and 27 soldiers, the government said.|killed/combatants/27",
        "The offensive has displaced about 40,000 Palestinians.|displaced/all/40000",
        "Fighting has forced about 50,000 people from their homes since February.|displaced/all/50000",
        // passive and intransitive
        "Seventy-nine people were wounded in the strike.|injured/all/79",
        "Two soldiers were also killed when their patrol hit a mine.|killed/combatants/2",
        "At least 3,000 residents had fled their homes.|displaced/all/3000",
        "Nearly 1m people remain displaced in the region.|displaced/all/1000000",
        "About 20 militants were killed, a security official said.|killed/combatants/20",
        "More than 150 bodies had been recovered, officials said.|killed/all/150",
        "Forty people died in the fire that followed the strike.|killed/all/40",
        "The explosion at the depot killed 14 firefighters.|killed/all/14",
        // participles after the people
        "The fighting is the deadliest in years, with 255 people killed.|killed/all/255",
        "The city had sheltered about 86,000 people displaced by earlier fighting.|displaced/all/86000",
        // nouns that carry the metric
        "The region hosts more than 450,000 internally displaced persons.|displaced/all/450000",
        "The monitor put the toll at 22 dead.|killed/all/22",
        // tolls
        "The death toll from the missile strike rose to 21 on Saturday.|killed/all/21",
        "A local volunteer group put the toll at 56.|killed/all/56",
        "The death toll has risen to 115, the office said.|killed/all/115",
        "The bodies of 12 people were found in a mass grave.|killed/all/12",
        "At least 50 people are feared dead after the strike.|killed/all/50",
        "More than 1,000 people are believed to have been killed.|killed/all/1000",
        "Gaza death toll passes 40,000, ministry says.|killed/all/40000",
        "Five killed in Kharkiv strike, governor says.|killed/all/5",
        // anaphora
        "Three children were among those killed.|killed/children/3",
        "Fifteen of the dead were children.|killed/children/15",
        "Among the dead were 15 children.|killed/children/15",
        "The dead included 31 civilians.|killed/civilians/31",
        "The wounded include nine children, medics said.|injured/children/9",
        "Eight soldiers were among the dead.|killed/combatants/8",
        "Six civilians were among the wounded.|injured/civilians/6",
        "Four children were among those killed, the agency said.|killed/children/4",
    })
    void findsTheFigure(String sentence, String expected) {
        assertThat(brief(sentence)).containsExactly(expected);
    }

    @Test
    void oneSentenceSeveralFigures() {
        assertThat(brief("The strike killed 12 people and wounded 30 on Monday.")).containsExactly("killed/all/12",
            "injured/all/30");
        assertThat(brief("Two people died and 11 were hurt when a device exploded.")).containsExactly("killed/all/2",
            "injured/all/11");
        assertThat(brief("Three Taliban fighters and two civilians were killed in the clash."))
            .containsExactly("killed/combatants/3", "killed/civilians/2");
    }

    @Test
    void nestedGroupsGiveOneFigureEach() {
        assertThat(brief("The strike killed 24 civilians, including six children, medics said."))
            .containsExactly("killed/civilians/24", "killed/children/6");
        assertThat(brief("It killed 93 people, including 11 children and six women, the agency said."))
            .containsExactly("killed/all/93", "killed/children/11");
        assertThat(brief("Strikes killed 30 people, including 12 women and eight children, medics said."))
            .containsExactly("killed/all/30", "killed/children/8");
        assertThat(brief("The attack killed seven people, including two police officers."))
            .containsExactly("killed/all/7", "killed/combatants/2");
        assertThat(brief("558 people, including 50 children, were killed and 1,835 were wounded."))
            .containsExactly("killed/all/558", "killed/children/50", "injured/all/1835");
    }

    @Test
    void nestedInAVagueFigure() {
        assertThat(brief("Dozens of people were killed, including at least 40 children, medics said."))
            .containsExactly("killed/children/40");
        assertThat(brief("Dozens of people were killed, including 40 women.")).isEmpty();
    }

    @Test
    void elidedVerb() {
        assertThat(brief("Twelve people were killed in Hama and five in Idlib.")).containsExactly("killed/all/12",
            "killed/all/5");
    }

    @Test
    void theTollIncludes() {
        assertThat(brief("The clashes have killed 1,100 people, the monitor said. The toll includes 427 Druze fighters"
            + " and 298 Druze civilians, according to the Observatory."))
            .containsExactly("killed/all/1100", "killed/combatants/427", "killed/civilians/298");
    }

    @Test
    void theDeadIncludedFollowsTheTollBefore() {
        var f = Fixtures.read("Shelling killed 40 people in the market on Sunday, the monitor said. "
            + "The Observatory said the dead included 11 civilians and three children.");
        assertThat(brief(f)).containsExactly("killed/all/40", "killed/civilians/11", "killed/children/3");
        assertThat(f.get(1).counter()).isEqualTo("SOHR");
        assertThat(f.get(1).day()).isEqualTo(f.get(0).day());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "A rocket attack killed 19 people and wounded 60. Two of the dead were paramedics.",
        "A rocket attack killed 19 people and wounded 60. Three of the dead were journalists.",
        "A rocket attack killed 19 people and wounded 60. Seven of the wounded were aid workers.",
        "A rocket attack killed 19 people and wounded 60. Ten of the dead were women and children.",
        "A rocket attack killed 19 people and wounded 60. The dead included four foreigners.",
        "A rocket attack killed 19 people and wounded 60. The toll includes five women and two medics.",
    })
    void aPartThatIsNotAPopulationIsNoFigure(String text) {
        assertThat(brief(text)).containsExactly("killed/all/19", "injured/all/60");
    }

    @Test
    void aPartThatIsAPopulationIsAFigure() {
        assertThat(brief("A rocket attack killed 19 people and wounded 60. Two of the dead were soldiers."))
            .containsExactly("killed/all/19", "injured/all/60", "killed/combatants/2");
    }

    @Test
    void refugeesAbroadNestedInTheDisplacedAreNotASecondFigure() {
        assertThat(brief("Since the war began, about 5.2 million people have been forced to flee their homes, "
            + "including 900,000 who crossed into neighbouring countries."))
            .containsExactly("displaced/all/5200000");
    }

    @Test
    void rangesKeepBothBounds() {
        ExtractedFigure f = only("Between 18,000 and 25,000 people have fled the fighting.", Metric.DISPLACED,
            Population.ALL);
        assertThat(f.value()).isEqualTo(18000);
        assertThat(f.valueHigh()).isEqualTo(25000L);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Strikes killed at least 45 people.|AT_LEAST|45",
        "Strikes killed more than 14,000 people.|MORE_THAN|14000",
        "Strikes killed over 300 people.|MORE_THAN|300",
        "Strikes killed about 100 people.|ABOUT|100",
        "Strikes killed some 300 fighters.|ABOUT|300",
        "Strikes killed nearly 40 people.|NEARLY|40",
        "An assessment put the toll at up to 600.|UP_TO|600",
        "Strikes killed as many as 70 people.|UP_TO|70",
        "Strikes killed 12 people.|EXACT|12",
    })
    void qualifiers(String sentence, Qualifier q, long value) {
        ExtractedFigure f = Fixtures.read(sentence).get(0);
        assertThat(f.qualifier()).isEqualTo(q);
        assertThat(f.value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // population sizes
        "Aleppo, a city of some two million people, was shelled and 3 buildings were destroyed.",
        "About 53,000 people still live in the town, which was hit by strikes that killed dozens.",
        "The camp was home to about 14,000 people before the raid that killed many.",
        "About 90 percent of Gaza's 2.4 million people have been displaced.",
        // distances, years, dates, ages, times
        "Fighting raged seven kilometres (four miles) from the city, where dozens were killed.",
        "Russia intervened in 2015, and the war has killed hundreds of thousands since 2011.",
        "The offensive began on Jan. 21 and has killed scores of people.",
        "A 13-year-old boy was among those killed on Saturday.",
        "The gunmen opened fire at around 8 p.m., killing several guests.",
        // percentages, fractions, money
        "Nearly two-thirds of the displaced are children.",
        "The UN's $674 million appeal for the displaced is only 40 percent funded.",
        // counts of things
        "The jihadists seized more than 50 towns and villages, carrying out 23 raids that killed many.",
        "The attackers torched 30 houses and 34 vehicles, and killed residents.",
        "A convoy of 15 trucks reached the displaced in the city.",
        "Iran has fired some 270 ballistic missiles, killing dozens.",
        // names with digits
        "M23 rebels seized the town, and two explosions killed dozens.",
        // vague
        "Dozens more were hurt in a stampede, and hundreds fled.",
        "Hezbollah fired 200 rockets at northern Israel.",
        "The group has some 1,500 fighters in the area.",
        "Some 1,000 homes were destroyed and 30 militants were arrested.",
        "The UN says 1.1 million people face famine.",
        "Rescuers pulled 40 survivors from the rubble.",
        "The strike wounded dozens, four of them seriously.",
        "Troops evacuated 3 hospitals and wounded soldiers were flown out.",
        // superseded counts
        "Another figure was given, up from an initial count of 14 killed and 46 injured.",
    })
    void notFigures(String sentence) {
        assertThat(brief(sentence)).isEmpty();
    }
}
