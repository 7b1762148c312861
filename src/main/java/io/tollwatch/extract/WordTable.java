package io.tollwatch.extract;

import java.util.Map;

/**
 * Words with an int each, looked up straight from a stretch of text (case folded, or as written) with nothing
 * allocated: the scans that test every word of a report against a word list ("is it a month?", "a disaster
 * word?") would otherwise cut and lower-case a string per word, which was most of their time.
 */
final class WordTable {
    private final String[] keys;
    private final int[] values;
    private final int mask;
    private final int maxLength;
    private final boolean foldCase;

    /** Lower-case words, found in the text in any case. */
    WordTable(Map<String, Integer> words) {
        this(words, true);
    }

    /** Words found only as written ("Libyan", not "LIBYAN"). */
    static WordTable exactCase(Map<String, Integer> words) {
        return new WordTable(words, false);
    }

    private WordTable(Map<String, Integer> words, boolean foldCase) {
        this.foldCase = foldCase;
        int size = Integer.highestOneBit(Math.max(4, words.size() * 3)) << 1;
        keys = new String[size];
        values = new int[size];
        mask = size - 1;
        int longest = 0;
        for (Map.Entry<String, Integer> e : words.entrySet()) {
            String k = e.getKey();
            int i = hash(k, 0, k.length()) & mask;
            while (keys[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = k;
            values[i] = e.getValue();
            longest = Math.max(longest, k.length());
        }
        maxLength = longest;
    }

    /** The value of {@code s[from, to)} folded to lower case, or 0 when it is no word of the table. */
    int get(CharSequence s, int from, int to) {
        int len = to - from;
        if (len <= 0 || len > maxLength) {
            return 0;
        }
        int i = hash(s, from, to) & mask;
        for (String k = keys[i]; k != null; k = keys[i]) {
            if (k.length() == len && (foldCase ? sameFolded(k, s, from) : same(k, s, from))) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        return 0;
    }

    private static boolean sameFolded(String lower, CharSequence s, int from) {
        for (int k = 0; k < lower.length(); k++) {
            char c = s.charAt(from + k);
            if (c != lower.charAt(k) && Chars.toLowerCase(c) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(String word, CharSequence s, int from) {
        for (int k = 0; k < word.length(); k++) {
            if (s.charAt(from + k) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int hash(CharSequence s, int from, int to) {
        int h = 0;
        for (int k = from; k < to; k++) {
            h = 31 * h + Chars.toLowerCase(s.charAt(k));
        }
        return h ^ (h >>> 16);
    }
}
