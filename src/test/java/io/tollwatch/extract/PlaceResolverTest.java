package io.tollwatch.extract;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceResolverTest {

    private static List<PlaceFrom> from(String text, String location) {
        return Fixtures.read(text, location).stream().map(ExtractedFigure::placeFrom).toList();
    }

    @Test
    void theSentenceDecidesFirst() {
        assertThat(from("Shelling killed 4 people in Hama.", "Idlib")).containsExactly(PlaceFrom.SENTENCE);
    }

    @Test
    void fallbacksInSpecOrder() {
        assertThat(from("Shelling killed 4 people.", "Idlib")).containsExactly(PlaceFrom.HINT);
        assertThat(from("Talks on Idlib resumed. Shelling killed 4 people.", null)).containsExactly(PlaceFrom.FOCAL);
        assertThat(from("Shelling killed 4 people.", null)).containsExactly(PlaceFrom.NONE);
    }

    @Test
    void referencesBackAndToTheCity() {
        List<ExtractedFigure> f = Fixtures.read("A strike killed 12 people in Hama. Four of the dead were children.");
        assertThat(f).extracting(ExtractedFigure::placeFrom).containsExactly(PlaceFrom.SENTENCE,
            PlaceFrom.EARLIER_FIGURE);
        assertThat(f.get(1).region()).isEqualTo("SY-HM");
        assertThat(from("Shelling hit the city, killing 4 people.", "Idlib")).containsExactly(PlaceFrom.FOCAL_REFERENCE);
    }

    @Test
    void eachFigureTakesItsOwnClause() {
        List<ExtractedFigure> f = Fixtures.read("In Syria, strikes killed 3 people in Hama, while 2 were wounded in Idlib.");
        assertThat(f).extracting(ExtractedFigure::region).containsExactly("SY-HM", "SY-ID");
        assertThat(f).extracting(ExtractedFigure::placeFrom).containsExactly(PlaceFrom.CLAUSE, PlaceFrom.CLAUSE);
    }

    @Test
    void anUnresolvedFigureSaysWhy() {
        ExtractedFigure f = Fixtures.read("Shelling killed 4 people.", "Atlantis").get(0);
        assertThat(f.region()).isNull();
        assertThat(f.unresolvedReason()).contains("atlantis");
    }
}
