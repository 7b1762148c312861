package io.tollwatch.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Rule-based sentence splitter, one pass: a sentence ends at . ! ? (and closing quotes) before a capital, digit,
 * quote or bullet, unless the period ends a known abbreviation ("Jan.", "Gen.", "p.m.", "U.S.") or an initial; a
 * line break ends a sentence unless the line plainly runs on (next line starts in lower case); bullets start one.
 */
final class Sentences {
    private Sentences() {
    }

    /** A sentence as offsets into the text. */
    record Span(int start, int end) {
    }


    static List<Span> split(String t) {
        List<Span> out = new ArrayList<>();
        int n = t.length();
        int start = 0;
        char[] cs = t.toCharArray();
        for (int i = 0; i < n; i++) {
            char c = cs[i];
            if (c > '?' && c < '\u2022' || c < '!' && c != '\n' && c != '\r' || c > '.' && c < '?' && c != ';') {
                continue; // fast path: letters, digits, spaces
            }
            if (c == '\n' || c == '\r') {
                if (lineBreakEnds(t, i)) {
                    add(out, t, start, i);
                    start = i + 1;
                }
                continue;
            }
            if (c == '\u2022' || c == '\u25cf' || c == '\u25aa') {
                add(out, t, start, i);
                start = i + 1;
                continue;
            }
            if (c != '.' && c != '!' && c != '?' && c != ';') {
                continue;
            }
            if (c == ';') {
                continue;
            }
            int j = i + 1;
            while (j < n && isCloser(t.charAt(j))) {
                j++;
            }
            if (j < n && !Character.isWhitespace(t.charAt(j))) {
                continue;
            }
            int k = j;
            while (k < n && (t.charAt(k) == ' ' || t.charAt(k) == '\t' || t.charAt(k) == '\u00a0')) {
                k++;
            }
            if (k < n && !startsSentence(t.charAt(k)) && t.charAt(k) != '\n' && t.charAt(k) != '\r') {
                continue;
            }
            if (c == '.' && isAbbreviation(t, i)) {
                continue;
            }
            add(out, t, start, j);
            start = j;
        }
        add(out, t, start, n);
        return out;
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\u201d' || c == '\'' || c == '\u2019' || c == ')' || c == ']';
    }

    private static boolean startsSentence(char c) {
        return Chars.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '\u201c' || c == '\''
            || c == '\u2018' || c == '(' || c == '[' || c == '\u2022' || c == '-' || c == '\u2013' || c == '\u2014'
            || Chars.isLetter(c) && !Character.isLowerCase(c);
    }

    private static boolean lineBreakEnds(String t, int i) {
        int k = i + 1;
        int n = t.length();
        while (k < n && Character.isWhitespace(t.charAt(k))) {
            if (t.charAt(k) == '\n') {
                return true; // blank line
            }
            k++;
        }
        if (k >= n) {
            return true;
        }
        int p = i - 1;
        while (p >= 0 && (t.charAt(p) == ' ' || t.charAt(p) == '\t' || t.charAt(p) == '\r')) {
            p--;
        }
        if (p < 0) {
            return true;
        }
        char prev = t.charAt(p);
        char next = t.charAt(k);
        // a wrapped line: previous line ends inside a sentence and the next one goes on in lower case
        return !(Character.isLowerCase(next) && (Chars.isLetterOrDigit(prev) || prev == ',' || prev == '-'));
    }

    private static boolean isAbbreviation(String t, int dot) {
        int b = dot - 1;
        while (b >= 0 && (Chars.isLetter(t.charAt(b)) || t.charAt(b) == '.' || t.charAt(b) == '\'')) {
            b--;
        }
        String w = t.substring(b + 1, dot).toLowerCase(java.util.Locale.ROOT);
        if (w.isEmpty()) {
            return false;
        }
        if (w.length() == 1 && Chars.isUpperCase(t.charAt(dot - 1))) {
            return true; // an initial: "George W. Bush"
        }
        return Lexicon.ABBREVIATIONS.contains(w);
    }

    /** Longest sentence read as one; run-on text (tables, lists, damaged files) is cut so work stays linear. */
    static final int MAX_SENTENCE = 1500;

    private static void add(List<Span> out, String t, int a, int b) {
        while (a < b && Character.isWhitespace(t.charAt(a))) {
            a++;
        }
        while (b > a && Character.isWhitespace(t.charAt(b - 1))) {
            b--;
        }
        while (b - a > MAX_SENTENCE) {
            int cut = a + MAX_SENTENCE;
            int k = cut;
            while (k > a + MAX_SENTENCE / 2 && t.charAt(k - 1) != ';' && t.charAt(k - 1) != ',') {
                k--;
            }
            if (k <= a + MAX_SENTENCE / 2) {
                k = cut;
                while (k > a + MAX_SENTENCE / 2 && !Character.isWhitespace(t.charAt(k - 1))) {
                    k--;
                }
                if (k <= a + MAX_SENTENCE / 2) {
                    k = cut;
                }
            }
            out.add(new Span(a, k));
            a = k;
            while (a < b && Character.isWhitespace(t.charAt(a))) {
                a++;
            }
        }
        if (b > a) {
            out.add(new Span(a, b));
        }
    }
}
