package io.tollwatch.place;

import java.text.Normalizer;
import java.util.Set;

/** Name folding shared by the index, the resolver and the scanner (kept in step with scripts/gazetteer/build.mjs). */
final class Names {
    private Names() {
    }

    static final Set<String> ARTICLES = Set.of("al", "el", "ad", "ar", "as", "at", "ash", "an", "az", "ath", "adh",
            "ez", "es", "et", "en", "ed", "er");

    static boolean isApostrophe(char c) {
        return c == '\'' || c == '`' || c == '\u00B4' || c == '\u02BB' || c == '\u02BC' || c == '\u02BF'
                || c == '\u02BE' || c == '\u2019' || c == '\u2018';
    }

    private static final String[] FOLDED = new String[65536];   // lazily filled; racy but benign (immutable values)

    /** Folds one original character into lower-case base letters (diacritics dropped); "" for marks/apostrophes. */
    static String fold(int cp) {
        if (cp < 65536) {
            String f = FOLDED[cp];
            if (f == null) {
                f = computeFold(cp);
                FOLDED[cp] = f;
            }
            return f;
        }
        return computeFold(cp);
    }

    private static String computeFold(int cp) {
        if (cp < 128) {
            if (cp >= 'A' && cp <= 'Z') return String.valueOf((char) (cp + 32));
            if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) return String.valueOf((char) cp);
            if (cp == '\'' || cp == '`') return "";
            return " ";
        }
        String d = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
        StringBuilder sb = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            int t = Character.getType(c);
            if (t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK) {
                continue;
            }
            if (isApostrophe(c)) continue;
            if (Character.isLetterOrDigit(c)) sb.append(Character.toLowerCase(c));
            else sb.append(' ');
        }
        return sb.toString();
    }

    /** As {@link #key} but without collapsing letter runs (tells Shaanxi from Shanxi). */
    static String strictKey(String s) {
        return key(s, false);
    }

    /** The lookup key: folded, words separated by one space, letter runs collapsed, Arabic articles dropped. */
    static String key(String s) {
        return key(s, true);
    }

    private static String key(String s, boolean collapse) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            String f = fold(cp);
            for (int j = 0; j < f.length(); j++) {
                char c = f.charAt(j);
                int n = sb.length();
                if (c == ' ') {
                    if (n > 0 && sb.charAt(n - 1) != ' ') sb.append(' ');
                } else if (!(collapse && n > 0 && sb.charAt(n - 1) == c && Character.isLetter(c))) {
                    sb.append(c);
                }
            }
        }
        int n = sb.length();
        if (n > 0 && sb.charAt(n - 1) == ' ') sb.setLength(n - 1);
        // drop article words that are not last
        int sp = sb.indexOf(" ");
        if (sp < 0) return sb.toString();
        StringBuilder out = new StringBuilder(sb.length());
        int from = 0;
        while (from < sb.length()) {
            int end = sb.indexOf(" ", from);
            if (end < 0) end = sb.length();
            boolean last = end == sb.length();
            int len = end - from;
            if (last || len > 3 || !ARTICLES.contains(sb.substring(from, end))) {
                if (out.length() > 0) out.append(' ');
                out.append(sb, from, end);
            }
            from = end + 1;
        }
        return out.toString();
    }
}
