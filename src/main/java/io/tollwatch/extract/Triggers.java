package io.tollwatch.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * The pre-filter: only a sentence with a word starting with a trigger stem ({@link Lexicon#TRIGGER_STEMS}) can hold a
 * figure, so the text is searched for stems before anything is tokenised.
 */
final class Triggers {
    private Triggers() {
    }

    /** The stems by their first letter: a word is compared with the few stems of its letter only. */
    private static final String[][] STEMS_BY_LETTER = new String[26][];

    static {
        List<List<String>> by = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            by.add(new ArrayList<>());
        }
        for (String st : Lexicon.TRIGGER_STEMS) {
            by.get(st.charAt(0) - 'a').add(st);
        }
        for (int i = 0; i < 26; i++) {
            STEMS_BY_LETTER[i] = by.get(i).toArray(new String[0]);
        }
    }

    /** Position of the first word at or after {@code from} that starts with a trigger stem, else -1. */
    static int next(String text, int from) {
        int n = text.length();
        int i = from;
        if (i > 0 && i < n && Chars.isLetter(text.charAt(i - 1))) {
            while (i < n && Chars.isLetter(text.charAt(i))) {
                i++;
            }
        }
        while (i < n) {
            char c = text.charAt(i);
            if (!Chars.isLetter(c)) {
                i++;
                continue;
            }
            char l = (char) (c | 0x20);
            if (l >= 'a' && l <= 'z' && c <= 'z' && i + 1 < n) {
                char l2 = (char) (text.charAt(i + 1) | 0x20);
                for (String stem : STEMS_BY_LETTER[l - 'a']) {
                    if (stem.charAt(1) == l2 && text.regionMatches(true, i, stem, 0, stem.length())) {
                        return i;
                    }
                }
            }
            i++;
            while (i < n && Chars.isLetter(text.charAt(i))) {
                i++;
            }
        }
        return -1;
    }
}
