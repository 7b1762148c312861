package io.tollwatch.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who counted: canonical counter names and their aliases ({@code extract/counters.tsv}). Immutable, thread-safe.
 * {@link #canonical(String)} maps a name as written to its canonical name (unknown names come back trimmed);
 * {@link #find(String)} looks for a known counter named inside a longer attribution ("a conservative estimate by
 * the Armed Conflict Location and Event Data Project").
 */
public final class Counters {
    private static final String RESOURCE = "/extract/counters.tsv";
    private static volatile Counters defaults;

    /** normalised alias → canonical */
    private final Map<String, String> byKey;
    /** multi-word aliases, longest first, for search inside phrases: normalised alias, canonical */
    private final List<String[]> phrases;
    /** acronyms matched case-sensitively inside phrases: acronym, canonical */
    private final List<String[]> acronyms;

    private Counters(Map<String, String> byKey, List<String[]> phrases, List<String[]> acronyms) {
        this.byKey = byKey;
        this.phrases = phrases;
        this.acronyms = acronyms;
    }

    /** The shipped alias table, loaded once. */
    public static Counters defaults() {
        Counters c = defaults;
        if (c == null) {
            synchronized (Counters.class) {
                c = defaults;
                if (c == null) {
                    try (InputStream in = Counters.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("missing resource " + RESOURCE);
                        }
                        c = load(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    defaults = c;
                }
            }
        }
        return c;
    }

    /** Loads a table: one counter a line, canonical name then aliases, tab-separated; '#' starts a comment line. */
    public static Counters load(InputStream in) throws IOException {
        Map<String, String> byKey = new HashMap<>();
        List<String[]> phrases = new ArrayList<>();
        List<String[]> acronyms = new ArrayList<>();
        for (String[] cols : Tables.rows(in)) {
            String canonical = cols[0];
            for (String alias : cols) {
                if (alias.isEmpty()) {
                    continue;
                }
                String key = key(alias);
                byKey.putIfAbsent(key, canonical);
                if (alias.length() >= 2 && alias.length() <= 8 && alias.equals(alias.toUpperCase(Locale.ROOT))
                    && alias.chars().anyMatch(Character::isLetter)) {
                    acronyms.add(new String[] {alias, canonical});
                } else if (key.indexOf(' ') > 0) {
                    phrases.add(new String[] {" " + key + " ", canonical});
                }
            }
        }
        phrases.sort((a, b) -> Integer.compare(b[0].length(), a[0].length()));
        return new Counters(Collections.unmodifiableMap(byKey), List.copyOf(phrases), List.copyOf(acronyms));
    }

    private static final Map<String, String> KEYS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Normalised form used for matching: lower case, no leading article, no possessive 's, words only. */
    static String key(String s) {
        String k = KEYS.get(s);
        if (k == null) {
            k = keyOf(s);
            if (KEYS.size() >= 20_000) {
                KEYS.clear(); // a memo: names recur from report to report, but the set of them is open
            }
            KEYS.put(s, k);
        }
        return k;
    }

    private static String keyOf(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = true;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if ((c == '\'' || c == '\u2019' || c == '\u2018') && i + 1 < n && (s.charAt(i + 1) == 's'
                || s.charAt(i + 1) == 'S') && (i + 2 >= n || !Chars.isLetterOrDigit(s.charAt(i + 2)))) {
                i++; // possessive 's
                continue;
            }
            if (Chars.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
                space = false;
            } else if (!space) {
                sb.append(' ');
                space = true;
            }
        }
        int len = sb.length();
        if (len > 0 && sb.charAt(len - 1) == ' ') {
            sb.setLength(len - 1);
        }
        String k = sb.toString();
        while (k.startsWith("the ") || k.startsWith("a ") || k.startsWith("an ")) {
            k = k.substring(k.indexOf(' ') + 1);
        }
        return k;
    }

    private static boolean containsWord(String s, String w) {
        int i = s.indexOf(w);
        while (i >= 0) {
            int e = i + w.length();
            if ((i == 0 || !Chars.isLetterOrDigit(s.charAt(i - 1)))
                && (e >= s.length() || !Chars.isLetterOrDigit(s.charAt(e)))) {
                return true;
            }
            i = s.indexOf(w, i + 1);
        }
        return false;
    }

    /** Alias → canonical name; an unknown name comes back trimmed (null stays null). */
    public String canonical(String name) {
        if (name == null) {
            return null;
        }
        String c = byKey.get(key(name));
        return c != null ? c : name.trim();
    }

    /** Whether the name is a known counter or alias. */
    public boolean known(String name) {
        return name != null && byKey.containsKey(key(name));
    }

    /** A known counter named anywhere in the phrase (the longest alias wins), else empty. */
    public Optional<String> find(String phrase) {
        if (phrase == null || phrase.isBlank()) {
            return Optional.empty();
        }
        String exact = byKey.get(key(phrase));
        if (exact != null) {
            return Optional.of(exact);
        }
        String k = " " + key(phrase) + " ";
        for (String[] p : phrases) {
            if (k.contains(p[0])) {
                return Optional.of(p[1]);
            }
        }
        for (String[] a : acronyms) {
            if (containsWord(phrase, a[0])) {
                return Optional.of(a[1]);
            }
        }
        return Optional.empty();
    }
}
