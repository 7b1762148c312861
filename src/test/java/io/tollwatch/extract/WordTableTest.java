package io.tollwatch.extract;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WordTableTest {

    private static Map<String, Integer> words(String... ws) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < ws.length; i++) {
            m.put(ws[i], i + 1);
        }
        return m;
    }

    @Test
    void findsAWordInsideATextInAnyCase() {
        WordTable t = new WordTable(words("flood", "floods", "may"));
        String s = "Heavy FLOODS hit the valley in May.";
        assertThat(t.get(s, 6, 12)).isEqualTo(2);
        assertThat(t.get(s, 31, 34)).isEqualTo(3);
        // a part of a word, a longer stretch, an empty one: no word
        assertThat(t.get(s, 6, 11)).isEqualTo(1);
        assertThat(t.get(s, 6, 10)).isZero();
        assertThat(t.get(s, 0, s.length())).isZero();
        assertThat(t.get(s, 3, 3)).isZero();
    }

    @Test
    void anExactCaseTableFindsOnlyTheWordAsWritten() {
        WordTable t = WordTable.exactCase(words("Libyan", "South Sudanese"));
        assertThat(t.get("the Libyan coast", 4, 10)).isEqualTo(1);
        assertThat(t.get("South Sudanese", 0, 14)).isEqualTo(2);
        assertThat(t.get("LIBYAN", 0, 6)).isZero();
        assertThat(t.get("libyan", 0, 6)).isZero();
    }

    @Test
    void manyWordsAllFoundNoneInvented() {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            m.put("w" + i, i + 1);
        }
        WordTable t = new WordTable(m);
        for (int i = 0; i < 5_000; i++) {
            assertThat(t.get("w" + i, 0, ("w" + i).length())).isEqualTo(i + 1);
        }
        assertThat(t.get("w5000", 0, 5)).isZero();
    }
}
