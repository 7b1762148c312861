package io.tollwatch.extract;

import java.util.List;
import java.util.Set;

/**
 * Cause classification of a displacement figure: the cause word nearest the figure in its sentence ("displaced by
 * floods", "fled the fighting"); when the sentence names none, the report's wording as a whole, if it speaks of
 * one kind only (or of one kind at least twice as often); else {@link Cause#UNKNOWN}.
 */
final class Causes {
    private Causes() {
    }

    /**
     * The first two letters (a-z) of every cause word, as {@code 26 * first + second}: a word of the text that starts
     * otherwise names no cause, so the whole-text scan looks up only the few words that may.
     */
    private static final boolean[] OPENINGS = new boolean[26 * 26];

    static {
        for (Set<String> words : List.of(Lexicon.DISASTER, Lexicon.CONFLICT)) {
            for (String w : words) {
                int o = opening(w, 0);
                if (o < 0) {
                    throw new IllegalStateException("a cause word must start with two letters a-z: " + w);
                }
                OPENINGS[o] = true;
            }
        }
    }

    /** {@code 26 * first + second} of the ASCII letters at {@code i} (any case), else -1. */
    private static int opening(CharSequence s, int i) {
        int a = (s.charAt(i) | 0x20) - 'a';
        int b = i + 1 < s.length() ? (s.charAt(i + 1) | 0x20) - 'a' : -1;
        return a >= 0 && a < 26 && b >= 0 && b < 26 ? 26 * a + b : -1;
    }

    /** The cause a token names, or null. */
    static Cause of(Token x) {
        if (x.has(Lexicon.F_DISASTER)) {
            return Cause.DISASTER;
        }
        return x.has(Lexicon.F_CONFLICT) ? Cause.CONFLICT : null;
    }

    /** The cause word nearest token {@code at} in the sentence, or null when the sentence names none. */
    static Cause inSentence(Token[] t, int at) {
        Cause best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (int i = 0; i < t.length; i++) {
            Cause c = of(t[i]);
            if (c == null) {
                continue;
            }
            int d = Math.abs(i - at);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance && c != best) {
                tie = true;
            }
        }
        return tie ? Cause.UNKNOWN : best;
    }

    /** The cause the whole text speaks of: one kind only, or one kind at least twice as often; else unknown. */
    static Cause inText(String text) {
        int disaster = 0;
        int conflict = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!Chars.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < n && (Chars.isLetter(text.charAt(j)) || text.charAt(j) == '-')) {
                j++;
            }
            int o = opening(text, i);
            if (j - i >= 3 && j - i <= 14 && (o < 0 || OPENINGS[o])) {
                int f = Lexicon.flags(text, i, j);
                disaster += (f & Lexicon.F_DISASTER) != 0 ? 1 : 0;
                conflict += (f & Lexicon.F_CONFLICT) != 0 ? 1 : 0;
            }
            i = j;
        }
        if (disaster > 0 && disaster >= 2 * conflict) {
            return Cause.DISASTER;
        }
        if (conflict > 0 && conflict >= 2 * disaster) {
            return Cause.CONFLICT;
        }
        return Cause.UNKNOWN;
    }
}
