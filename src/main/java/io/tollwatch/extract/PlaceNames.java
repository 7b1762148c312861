package io.tollwatch.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How place names stand in text, before and after the gazetteer: which stretches can hold a name (runs of
 * capitalised words), whether a name found is the scene ("in Hama"), part of a person's name ("spokesman Jean Paul
 * Badoun") or a nationality used for an actor ("Rwandan troops").
 */
final class PlaceNames {
    private PlaceNames() {
    }

    private static final WordTable CONNECTORS = new WordTable(
        Lexicon.NAME_CONNECTORS.stream().collect(Collectors.toMap(w -> w, w -> 1)));

    /**
     * The stretches of text that can hold a place name: runs of capitalised words, with the small words names are
     * joined by ("Deir al-Balah", "Bosnia and Herzegovina"). Only these go to the gazetteer.
     */
    static List<int[]> capitalRuns(String text, int from, int to) {
        List<int[]> runs = new ArrayList<>();
        int n = to;
        int i = from;
        int runStart = -1;
        int runEnd = -1;
        while (i < n) {
            char c = text.charAt(i);
            if (!Chars.isLetter(c)) {
                boolean possessive = (c == '\'' || c == '\u2019') && i + 1 < n
                    && (text.charAt(i + 1) == 's' || text.charAt(i + 1) == 'S')
                    && (i + 2 >= n || !Chars.isLetter(text.charAt(i + 2)));
                if (runStart >= 0 && (possessive || !(c == ' ' || c == '-' || c == '\u2010' || c == '\''
                    || c == '\u2019'))) {
                    runs.add(new int[] {runStart, runEnd});
                    runStart = -1;
                }
                i += possessive ? 2 : 1;
                continue;
            }
            int j = i + 1;
            boolean innerCap = false;
            while (j < n && (Chars.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '-'
                && j + 1 < n && Chars.isLetter(text.charAt(j + 1)))) {
                if (text.charAt(j - 1) == '-' && Chars.isUpperCase(text.charAt(j))) {
                    innerCap = true;
                }
                j++;
            }
            if (Chars.isUpperCase(c) || innerCap) {
                if (runStart < 0) {
                    runStart = i;
                }
                runEnd = j;
            } else if (runStart >= 0 && j - i <= 4 && CONNECTORS.get(text, i, j) != 0) {
                // a small word inside a name: kept only if a capitalised word follows
            } else if (runStart >= 0) {
                runs.add(new int[] {runStart, runEnd});
                runStart = -1;
            }
            i = j;
        }
        if (runStart >= 0) {
            runs.add(new int[] {runStart, runEnd});
        }
        return runs;
    }

    /** Whether the word after {@code at} makes the nationality before it an actor ("Rwandan troops"). */
    static boolean actorAfter(String text, int at) {
        int i = at;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '-')) {
            i++;
        }
        int j = i;
        while (j < text.length() && Chars.isLetter(text.charAt(j))) {
            j++;
        }
        return j > i && Lexicon.ACTOR_NOUNS.contains(text.substring(i, j).toLowerCase(Locale.ROOT));
    }

    /**
     * A place the sentence names as a scene ("Iranian drones killed four people in Hama"): kept even when only
     * nationalities (of actors, perhaps) are named, and no country.
     */
    static boolean sceneMarked(String text, PlaceLookup.Hit h) {
        int e = h.start();
        if (e < 2 || text.charAt(e - 1) != ' ') {
            return false;
        }
        int b = e - 1;
        while (b > 0 && Chars.isLetter(text.charAt(b - 1))) {
            b--;
        }
        return Lexicon.SCENE_WORDS.contains(text.substring(b, e - 1).toLowerCase(Locale.ROOT));
    }

    /**
     * A place name inside a longer proper name, between two capitalised words that are no part of a place name
     * ("spokesman Jean Paul Badoun"): a person or organisation, not a place.
     */
    static boolean insideName(String text, PlaceLookup.Hit h) {
        String before = capitalisedWordBefore(text, h.start());
        String after = capitalisedWordAfter(text, h.end());
        return before != null && after != null && !Lexicon.PLACE_WORDS.contains(before.toLowerCase(Locale.ROOT))
            && !Lexicon.PLACE_WORDS.contains(after.toLowerCase(Locale.ROOT));
    }

    private static String capitalisedWordBefore(String text, int at) {
        if (at < 2 || text.charAt(at - 1) != ' ' || !Chars.isLetter(text.charAt(at - 2))) {
            return null;
        }
        int b = at - 2;
        while (b > 0 && Chars.isLetter(text.charAt(b - 1))) {
            b--;
        }
        return Chars.isUpperCase(text.charAt(b)) ? text.substring(b, at - 1) : null;
    }

    private static String capitalisedWordAfter(String text, int at) {
        if (at + 1 >= text.length() || text.charAt(at) != ' ' || !Chars.isUpperCase(text.charAt(at + 1))) {
            return null;
        }
        int e = at + 1;
        while (e < text.length() && Chars.isLetter(text.charAt(e))) {
            e++;
        }
        return text.substring(at + 1, e);
    }

    /** "KHARTOUM, Sudan" → "Khartoum, Sudan". */
    static String titleCase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean start = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Chars.isLetter(c)) {
                boolean allCapsWord = true;
                int j = i;
                while (j < s.length() && Chars.isLetter(s.charAt(j))) {
                    allCapsWord &= Chars.isUpperCase(s.charAt(j));
                    j++;
                }
                String w = s.substring(i, j);
                sb.append(allCapsWord && w.length() > 1 ? w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT) : w);
                i = j - 1;
                start = false;
            } else {
                sb.append(c);
            }
        }
        return start ? s : sb.toString();
    }
}
