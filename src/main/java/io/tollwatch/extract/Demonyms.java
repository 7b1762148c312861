package io.tollwatch.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Nationalities and peoples of one country (from {@code countries.tsv} and {@code peoples.tsv}): where they stand in a
 * text ("the Libyan health ministry", "Rohingya villagers"), and a country's demonym to qualify an institution
 * ("Syrian health ministry"). Immutable once loaded.
 */
final class Demonyms {

    /** A nationality (or a people of one country) named in a text, and its country. */
    record Nationality(int start, int end, String country) {
    }

    private final Map<String, String> byCode = new HashMap<>();
    private final Map<String, String> byWord = new HashMap<>();
    /** Nationalities and peoples (as written), each to its index in {@link #countries} + 1. */
    private final WordTable words;
    private final String[] countries;

    Demonyms() {
        Map<String, String> codeByDemonym = new HashMap<>();
        for (String[] row : Tables.read("/extract/countries.tsv")) {
            if (row.length < 3) {
                continue;
            }
            byCode.put(row[0], row[2]);
            byWord.put(row[1].toLowerCase(Locale.ROOT), row[2]);
            byWord.put(row[2].toLowerCase(Locale.ROOT), row[2]);
            codeByDemonym.put(row[2], row[0]);
        }
        for (String[] row : Tables.read("/extract/peoples.tsv")) {
            for (String people : row[1].split("\\|")) {
                codeByDemonym.putIfAbsent(people, row[0]);
            }
        }
        Map<String, Integer> index = new HashMap<>();
        countries = new String[codeByDemonym.size()];
        for (Map.Entry<String, String> e : codeByDemonym.entrySet()) {
            countries[index.size()] = e.getValue();
            index.put(e.getKey(), index.size() + 1);
        }
        words = WordTable.exactCase(index);
    }

    /** The demonym of a country code ("SY" → "Syrian"), or null. */
    String ofCountry(String code) {
        return byCode.get(code);
    }

    /** Where nationalities stand in {@code s}: "Libyan", "South Sudanese", "Yemenis". */
    List<Nationality> in(String s) {
        List<Nationality> out = new ArrayList<>();
        int to = s.length();
        for (int i = 0; i < to; i++) {
            if (Chars.isUpperCase(s.charAt(i)) && (i == 0 || !Chars.isLetter(s.charAt(i - 1)))) {
                int j = i + 1;
                while (j < to && Chars.isLetter(s.charAt(j))) {
                    j++;
                }
                String code = country(s, i, j);
                if (code == null && j + 1 < to && s.charAt(j) == ' ' && Chars.isUpperCase(s.charAt(j + 1))) {
                    int k = j + 1;
                    while (k < to && Chars.isLetter(s.charAt(k))) {
                        k++;
                    }
                    code = country(s, i, k);
                    if (code != null) {
                        j = k;
                    }
                }
                if (code != null) {
                    out.add(new Nationality(i, j, code));
                }
                i = j;
            }
        }
        return out;
    }

    /** The country of the nationality {@code s[from, to)}, in the singular or the plural ("Yemenis"), or null. */
    private String country(String s, int from, int to) {
        int v = words.get(s, from, to);
        if (v == 0 && to - from > 4 && s.charAt(to - 1) == 's') {
            v = words.get(s, from, to - 1);
        }
        return v == 0 ? null : countries[v - 1];
    }

    /** The nation named last before {@code end} with "military" or "army" ("Israel's military"), as a demonym. */
    String nationalArmy(String text, int end) {
        String found = null;
        int foundAt = -1;
        for (String head : new String[] {"military", "army"}) {
            for (int i = text.indexOf(head); i >= 0 && i < end; i = text.indexOf(head, i + 1)) {
                int after = i + head.length();
                if (i > foundAt && (after >= text.length() || !Chars.isLetterOrDigit(text.charAt(after)))) {
                    String d = nationBefore(text, i);
                    if (d != null) {
                        found = d;
                        foundAt = i;
                    }
                }
            }
        }
        return found;
    }

    /** The demonym of a country or nationality named right before {@code at} ("Israel's ", "Syrian "), or null. */
    private String nationBefore(String text, int at) {
        int e = at;
        if (e == 0 || !Character.isWhitespace(text.charAt(e - 1))) {
            return null;
        }
        while (e > 0 && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (e >= 2 && (text.charAt(e - 1) == 's' || text.charAt(e - 1) == 'S')
            && Tokenizer.isApos(text.charAt(e - 2))) {
            e -= 2;
        }
        int b = e;
        while (b > 0 && Chars.isLetter(text.charAt(b - 1))) {
            b--;
        }
        if (b == e || !Chars.isUpperCase(text.charAt(b))) {
            return null;
        }
        int b2 = b - 1;
        while (b2 > 0 && Chars.isLetter(text.charAt(b2 - 1))) {
            b2--;
        }
        if (b2 >= 0 && b2 < b - 1 && text.charAt(b - 1) == ' ' && Chars.isUpperCase(text.charAt(b2))) {
            String two = byWord.get(text.substring(b2, e).toLowerCase(Locale.ROOT)); // "South Sudan's army"
            if (two != null) {
                return two;
            }
        }
        return byWord.get(text.substring(b, e).toLowerCase(Locale.ROOT));
    }
}
