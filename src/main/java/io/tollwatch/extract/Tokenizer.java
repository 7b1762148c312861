package io.tollwatch.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a sentence into words, numbers and punctuation in one pass, then joins number words and scale words into
 * number tokens ("Nine hundred and twenty-one" → 921, "1.5 million" → 1500000, "2.3m" → 2300000). Tokens that mix
 * digits and letters ("M23", "Kh-22", "14-year-old", "17-kilogram") stay words, so they are never figures.
 */
final class Tokenizer {
    private Tokenizer() {
    }

    /** Number words and their values plus one (a {@link WordTable} answers 0 for "no word"). */
    private static final WordTable SMALL;
    /** Scale words and their values. */
    private static final Map<String, Long> SCALE = Map.of("hundred", 100L, "thousand", 1_000L, "million", 1_000_000L,
        "billion", 1_000_000_000L);

    static {
        Map<String, Integer> small = new HashMap<>();
        String[] units = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
        for (int i = 0; i < units.length; i++) {
            small.put(units[i], i + 1);
        }
        String[] tens = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        for (int i = 0; i < tens.length; i++) {
            small.put(tens[i], 20 + 10 * i + 1);
        }
        small.put("fourty", 41);
        SMALL = new WordTable(small);
    }

    static boolean isDash(char c) {
        return c == '-' || c == '\u2010' || c == '\u2011' || c == '\u2012' || c == '\u2013' || c == '\u2014'
            || c == '\u2015' || c == '\u2212';
    }

    static boolean isApos(char c) {
        return c == '\'' || c == '\u2019' || c == '\u2018';
    }

    /** Tokens of {@code s[from, to)}; offsets are positions in {@code s}. */
    static List<Token> tokenize(String s, int from, int to) {
        List<Token> out = new ArrayList<>(Math.max(8, (to - from) / 5));
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (Chars.isSpace(c)) {
                i++;
                continue;
            }
            if (Chars.isLetterOrDigit(c)) {
                int j = i + 1;
                while (j < to) {
                    char d = s.charAt(j);
                    if (Chars.isLetterOrDigit(d)) {
                        j++;
                    } else if ((isApos(d) || isDash(d)) && j + 1 < to && Chars.isLetterOrDigit(s.charAt(j + 1))
                        && !(isApos(d) && isPossessiveAt(s, j, to))) {
                        j++;
                    } else if (d == ',' && Character.isDigit(s.charAt(j - 1)) && j + 3 < to + 1
                        && isDigits(s, j + 1, j + 4, to) && (j + 4 >= to || !Character.isDigit(s.charAt(j + 4)))) {
                        j++;
                    } else if (d == '.' && Character.isDigit(s.charAt(j - 1)) && j + 1 < to
                        && Character.isDigit(s.charAt(j + 1))) {
                        j++;
                    } else if (isGroupSpace(d) && groupedBefore(s, i, j) && isDigits(s, j + 1, j + 4, to)
                        && (j + 4 >= to || !Chars.isLetterOrDigit(s.charAt(j + 4)) && !isDash(s.charAt(j + 4)))) {
                        j++; // "14 000", "3 385": thousands grouped by spaces, as in UN and European copy
                    } else {
                        break;
                    }
                }
                out.add(classify(s.substring(i, j), i, j));
                if (j < to && isApos(s.charAt(j)) && isPossessiveAt(s, j, to)) {
                    out.add(new Token(Token.Kind.WORD, "'s", j, j + 2));
                    j += 2;
                }
                i = j;
                continue;
            }
            if (isDash(c)) {
                int j = i + 1;
                while (j < to && isDash(s.charAt(j))) {
                    j++;
                }
                out.add(new Token(Token.Kind.PUNCT, "\u2014", i, j));
                i = j;
                continue;
            }
            out.add(new Token(Token.Kind.PUNCT, String.valueOf(c), i, i + 1));
            i++;
        }
        return mergeNumbers(out);
    }

    private static boolean isGroupSpace(char c) {
        return c == ' ' || c == '\u00a0' || c == '\u202f' || c == '\u2009';
    }

    /** Whether the digits just before {@code j} (since {@code i} or the last group mark) are one to three. */
    private static boolean groupedBefore(String s, int i, int j) {
        int k = j;
        while (k > i && Character.isDigit(s.charAt(k - 1))) {
            k--;
        }
        int len = j - k;
        boolean atGroup = k > i && isGroupSpace(s.charAt(k - 1));
        return len >= 1 && len <= 3 && (k == i || atGroup && len == 3);
    }

    private static boolean isPossessiveAt(String s, int j, int to) {
        return j + 1 < to && (s.charAt(j + 1) == 's' || s.charAt(j + 1) == 'S')
            && (j + 2 >= to || !Chars.isLetterOrDigit(s.charAt(j + 2)));
    }

    private static boolean isDigits(String s, int a, int b, int to) {
        if (b > to) {
            return false;
        }
        for (int k = a; k < b; k++) {
            if (!Character.isDigit(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static Token classify(String w, int start, int end) {
        int n = w.length();
        int k = 0;
        boolean comma = false;
        boolean dot = false;
        while (k < n) {
            char c = w.charAt(k);
            if (c >= '0' && c <= '9') {
                k++;
            } else if ((c == ',' || isGroupSpace(c)) && k > 0) {
                comma = true;
                k++;
            } else if (c == '.' && k > 0) {
                dot = true;
                k++;
            } else {
                break;
            }
        }
        if (k == 0) {
            return new Token(Token.Kind.WORD, w, start, end);
        }
        String digitsPart = w.substring(0, k);
        String suffix = w.substring(k).toLowerCase(java.util.Locale.ROOT);
        long scale;
        switch (suffix) {
            case "" -> scale = 1;
            case "m", "mn", "mln" -> scale = 1_000_000L;
            case "bn", "b" -> scale = 1_000_000_000L;
            case "k" -> scale = 1_000L;
            default -> {
                return new Token(Token.Kind.WORD, w, start, end);
            }
        }
        double v;
        try {
            v = Double.parseDouble(comma ? digitsOnly(digitsPart) : digitsPart);
        } catch (NumberFormatException e) {
            return new Token(Token.Kind.WORD, w, start, end);
        }
        Token t = new Token(Token.Kind.NUM, w, start, end);
        t.value = v * scale;
        t.digits = true;
        t.yearLike = scale == 1 && !comma && !dot && k == 4 && v >= 1800 && v <= 2100;
        return t;
    }

    /** "14,000" and "14 000" → "14000". */
    private static String digitsOnly(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ',' && !isGroupSpace(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static long smallValue(String lower) {
        int v = SMALL.get(lower, 0, lower.length());
        if (v > 0) {
            return v - 1;
        }
        int h = lower.indexOf('-');
        if (h > 0) {
            int tens = SMALL.get(lower, 0, h) - 1;
            int unit = SMALL.get(lower, h + 1, lower.length()) - 1;
            if (tens >= 20 && tens % 10 == 0 && unit > 0 && unit < 10) {
                return tens + unit;
            }
        }
        return -1;
    }

    private static List<Token> mergeNumbers(List<Token> in) {
        List<Token> out = new ArrayList<>(in.size());
        int n = in.size();
        int i = 0;
        while (i < n) {
            Token t = in.get(i);
            if (t.isNum()) {
                // digits followed by scale words: "1.5 million", "2 million"
                int j = i + 1;
                double v = t.value;
                while (j < n && in.get(j).isWord() && SCALE.containsKey(in.get(j).lower)) {
                    v *= SCALE.get(in.get(j).lower);
                    j++;
                }
                if (j > i + 1) {
                    Token m = new Token(Token.Kind.NUM, joinText(in, i, j), t.start, in.get(j - 1).end);
                    m.value = v;
                    m.digits = true;
                    out.add(m);
                } else {
                    out.add(t);
                }
                i = j;
                continue;
            }
            if (t.isWord() && smallValue(t.lower) >= 0) {
                long total = 0;
                long current = 0;
                int j = i;
                int last = i;
                while (j < n) {
                    Token u = in.get(j);
                    if (!u.isWord()) {
                        break;
                    }
                    long sv = smallValue(u.lower);
                    if (sv >= 0) {
                        current += sv;
                        last = j;
                        j++;
                    } else if (SCALE.containsKey(u.lower)) {
                        long sc = SCALE.get(u.lower);
                        if (sc == 100) {
                            current = (current == 0 ? 1 : current) * 100;
                        } else {
                            total += (current == 0 ? 1 : current) * sc;
                            current = 0;
                        }
                        last = j;
                        j++;
                    } else if (u.lower.equals("and") && j > i && j + 1 < n
                        && SCALE.containsKey(in.get(j - 1).lower) && smallValue(in.get(j + 1).lower) >= 0) {
                        j++;
                    } else {
                        break;
                    }
                }
                Token m = new Token(Token.Kind.NUM, joinText(in, i, last + 1), t.start, in.get(last).end);
                m.value = total + current;
                m.digits = false;
                out.add(m);
                i = last + 1;
                continue;
            }
            out.add(t);
            i++;
        }
        return out;
    }

    private static String joinText(List<Token> in, int a, int b) {
        StringBuilder sb = new StringBuilder();
        for (int k = a; k < b; k++) {
            if (k > a) {
                sb.append(' ');
            }
            sb.append(in.get(k).text);
        }
        return sb.toString();
    }
}
