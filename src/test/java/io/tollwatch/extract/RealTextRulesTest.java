package io.tollwatch.extract;

import io.tollwatch.count.Qualifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.tollwatch.extract.Fixtures.brief;
import static io.tollwatch.extract.Fixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

/** The shapes of real bulletins and ledes (UN updates, monitors, local press), each with its negative cases. */
class RealTextRulesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // a phrase between the people and their verb
        "About 1,300 people in the border town were displaced by the shelling.|displaced/all/1300",
        "Up to 9 civilians from one family were killed in the strike.|killed/civilians/9",
        "At least 11 people including a priest were killed on Tuesday.|killed/all/11",
        "At least 12 people, including a village elder were killed in two raids.|killed/all/12",
        "In the north, 7 civilians and a soldier were killed when rebels shelled a market.|killed/civilians/7",
        "Nine workers and 30 members of the security forces were injured in the riots.|injured/combatants/30",
        // words inside the verb group
        "No fewer than 12 persons were yesterday feared killed in the raid.|killed/all/12",
        "At least 16 people were on Wednesday killed in the cattle raid.|killed/all/16",
        "Some 230 people have been safely evacuated from the valley.|displaced/all/230",
        // displacement wording
        "The storm forced the evacuation of 12,500 people along the coast.|displaced/all/12500",
        "The floods have forced a total of 912 people to leave their homes.|displaced/all/912",
        "More than 400 people had to evacuate their villages.|displaced/all/400",
        "About 600 residents were ordered to evacuate before the dam burst.|displaced/all/600",
        "1,800 residents moved away from villages near the front line.|displaced/all/1800",
        "The shelling forced 40,000 people into evacuation centres.|displaced/all/40000",
        "This brings to 52,000 the number of people displaced in the district.|displaced/all/52000",
        "About 7,000 conflict-related displacements were recorded in March.|displaced/all/7000",
        "31,000 evacuated people were counted at the height of the rains.|displaced/all/31000",
        // killed and injured wording
        "Four traders died and 9 others had sustained injuries in the ambush.|injured/all/9",
        "Fighting between two clans has claimed 19 lives in the past week.|killed/all/19",
        "Militants have executed about 30 men in a village near the river.|killed/all/30",
        "Gunmen gunned down 14 persons at a checkpoint.|killed/all/14",
        "Eight villagers were hacked to death on Sunday.|killed/all/8",
        "Soldiers exhumed 28 corpses from a mass grave.|killed/all/28",
        "At least 21 bodies were found in a ravine near the town.|killed/all/21",
        "The boat capsized and 13 migrants drowned.|killed/all/13",
    })
    void reads(String sentence, String figure) {
        assertThat(brief(sentence)).contains(figure);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Residents of 12 villages were ordered to evacuate.",
        "Some 300 people in the town were waiting for aid.",
        "The storm forced the evacuation of 3 hospitals.",
        "The army gunned down the road in 12 armoured vehicles.",
        "Rescuers found 40 survivors in the rubble.",
        "About 20 people had to wait for hours at the checkpoint.",
        "The ministry claimed 19 victories in the past week.",
        "Some 500 houses sustained damage in the storm.",
    })
    void notFigures(String sentence) {
        assertThat(brief(sentence)).isEmpty();
    }

    @Test
    void noFewerThanIsAtLeast() {
        assertThat(read("No fewer than 50 people were killed in the ambush.").get(0).qualifier())
            .isEqualTo(Qualifier.AT_LEAST);
        assertThat(read("Fewer than 50 people were killed in the ambush.").get(0).qualifier())
            .isEqualTo(Qualifier.UP_TO);
    }

    @Test
    void spaceGroupedThousandsAreOneNumber() {
        assertThat(brief("About 8 500 people remain evacuated after the storm.")).containsExactly("displaced/all/8500");
        assertThat(brief("At least 3 385 people had been evacuated.")).containsExactly("displaced/all/3385");
        // a year, or a group that is not three digits, is no thousands group
        assertThat(brief("In 2014 300 people were killed in the clashes.")).containsExactly("killed/all/300");
        assertThat(brief("Gunmen killed 3 people in 12 50-minute raids.")).containsExactly("killed/all/3");
    }

    @Test
    void aNationalityTellsTheCountryWhenNoPlaceDoes() {
        List<ExtractedFigure> f = read("Floods have forced 2,000 people to leave their homes, the Iraqi government"
            + " said.");
        assertThat(f.get(0).region()).isEqualTo("IQ");
        // a place named as the scene still decides over a nationality
        assertThat(read("Iranian drones killed four people in Hama.").get(0).region()).isEqualTo("SY-HM");
    }

    @Test
    void aPeopleOfOneCountryTellsTheCountryWhenNoPlaceDoes() {
        assertThat(read("Soldiers shot dead 14 Rohingya fishermen as they came back to the village, witnesses said.")
            .get(0).region()).isEqualTo("MM");
        assertThat(read("At least 300 Yazidi families have fled their homes since the attack.").get(0).region())
            .isEqualTo("IQ");
        // a place named as the scene still decides; an armed group is an actor, not the scene
        assertThat(read("Shelling killed six Rohingya labourers in Hama.").get(0).region()).isEqualTo("SY-HM");
        assertThat(read("Houthi drones killed nine people on Sunday.").get(0).region()).isNull();
        // a people spread over several countries tells none
        assertThat(read("Clashes between Fulani herders and farmers killed 17 people.").get(0).region()).isNull();
    }

    @Test
    void aPlaceInsideAPersonsNameIsNoPlace() {
        List<ExtractedFigure> f = read("Gunmen killed 12 people, spokesman Jean Hama Dupont said.");
        assertThat(f.get(0).region()).isNull();
        // a place word beside the name keeps it a place
        assertThat(read("Strikes killed 12 people in Upper Hama District.").get(0).region()).isEqualTo("SY-HM");
    }
}
