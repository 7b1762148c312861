package io.tollwatch.extract;

import io.tollwatch.count.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.tollwatch.extract.Fixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

/** The cause of displacement, from the wording: nearest in the sentence, else the report's, else unknown. */
class CausesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Floods have displaced 12,000 people in the delta.|DISASTER",
        "The earthquake forced 3,000 residents from their homes.|DISASTER",
        "Fighting between rival militias has displaced 40,000 people.|CONFLICT",
        "About 9,000 conflict-related displacements were recorded.|CONFLICT",
        "About 5,000 people were evacuated as a precaution.|UNKNOWN",
        // the nearest cause word decides
        "Some 8,000 people fled the fighting, aid groups said, as the rains began.|CONFLICT",
        "Some 8,000 people displaced by the floods returned, as fighting resumed nearby.|DISASTER",
    })
    void fromTheSentence(String sentence, Cause cause) {
        assertThat(read(sentence).get(0).cause()).isEqualTo(cause);
    }

    @Test
    void otherwiseFromTheReport() {
        var f = read("Heavy rain and floods hit the region on Monday. About 5,000 people were evacuated.");
        assertThat(f.get(0).cause()).isEqualTo(Cause.DISASTER);
        var g = read("Militants attacked three villages on Monday. About 5,000 people were evacuated.");
        assertThat(g.get(0).cause()).isEqualTo(Cause.CONFLICT);
    }

    @Test
    void nestedFiguresKeepTheirParentsCause() {
        var f = read("The floods displaced 9,000 people, including 4,000 children.");
        assertThat(f).extracting(ExtractedFigure::cause).containsOnly(Cause.DISASTER);
    }

    @Test
    void killedAndInjuredCarryNoCause() {
        var f = read("The floods killed 12 people and injured 30.");
        assertThat(f).extracting(ExtractedFigure::metric).contains(Metric.KILLED, Metric.INJURED);
        assertThat(f).extracting(ExtractedFigure::cause).containsOnlyNulls();
    }
}
