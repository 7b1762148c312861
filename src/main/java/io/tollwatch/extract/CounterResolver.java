package io.tollwatch.extract;

import io.tollwatch.place.Resolution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counter resolution: which attribution of a sentence governs a figure, and the counter its name stands for
 * (canonical names from {@link Counters}; "he said", "the ministry said", a surname, an institution qualified by
 * the figure's country, a minister's ministry). Thread-safe: its memos are concurrent; what a report named before
 * is passed in and out as a {@link CounterMemory}.
 */
final class CounterResolver {

    /** Region codes of the Gaza Strip, whose health ministry is the "Gaza health ministry". */
    private static final Set<String> GAZA = Set.of("PS-GZA", "PS-NGZ", "PS-DEB", "PS-KYS", "PS-RFH");

    /** A counter, and the memory of counters named with it remembered. */
    record Said(String counter, CounterMemory memory) {
    }

    private final Counters counters;
    private final Demonyms demonyms;
    private final Map<String, String[]> namedMemo = new ConcurrentHashMap<>();
    private final Map<String, Optional<String>> findMemo = new ConcurrentHashMap<>();

    CounterResolver(Counters counters, Demonyms demonyms) {
        this.counters = counters;
        this.demonyms = demonyms;
    }

    /** The report's source as a counter, or null when it has none. */
    String source(CharSequence source) {
        String src = source == null ? "" : source.toString().trim();
        return src.isEmpty() ? null : counters.canonical(src);
    }

    /**
     * The counter of figure {@code c}: the latest attribution before it that introduces it, else the first after
     * its number; without one, a continuation ("of them", "the toll includes") keeps the previous figure's counter,
     * anything else is the report's source.
     */
    Said counter(ReportContext ctx, Discourse d, CounterMemory memory, Candidate c,
                 List<Attribution.Attr> attrs, SentenceCues q, Pick where, Sentences.Span s) {
        Attribution.Attr gov = null;
        for (Attribution.Attr a : attrs) {
            if (a.pos() < c.qStart()) {
                gov = a; // the latest attribution that introduces the figure
            }
        }
        if (gov == null) {
            for (Attribution.Attr a : attrs) {
                if (a.pos() > c.num()) {
                    gov = a;
                    break;
                }
            }
        }
        if (gov == null) {
            if ((c.tollAnaphora() || c.ofThem() || q.anaphoricToll()) && d.counter() != null) {
                return new Said(d.counter(), memory);
            }
            return new Said(ctx.source, memory);
        }
        Said r = resolve(ctx, d, memory, gov, where, s);
        return r.counter() != null ? r : new Said(ctx.source, r.memory());
    }

    private static final Pattern REPORT_OF = Pattern.compile("(?i)^(?:(?:a|an|the)\\s+)?(?:(?:latest|new|preliminary"
        + "|conservative|official|initial|final|updated)\\s+)*(?:statement|report|tally|count|estimate|estimates|figures"
        + "|data|toll|census|assessment|survey|statistics|update|bulletin)\\s+(?:released\\s+|issued\\s+|published\\s+)?"
        + "(?:from|by|of)\\s+");
    private static final Pattern FIGURES_OF = Pattern.compile("(?i)\\s+(?:figures|data|statistics|tally|estimates|count"
        + "|records)$");

    /** "a conservative estimate by the X" → "the X"; "health ministry figures" → "health ministry". */
    static String bareName(String name) {
        if (name.indexOf(' ') < 0) {
            return name; // one word: neither pattern can apply (and most names are short: no regex on the hot path)
        }
        String n = REPORT_OF.matcher(name).replaceFirst("");
        String m = FIGURES_OF.matcher(n).replaceFirst("");
        return m.isBlank() ? n : m;
    }

    private static final Pattern MINISTER = Pattern.compile("(?i)^(.*?\\S)\\s+minister(\\s+of\\s+(?:public\\s+)?"
        + "\\p{L}+)?\\b.*$");
    private static final Pattern MINISTER_OF = Pattern.compile("(?i)^(?:(?:the|a)\\s+)?minister(\\s+of\\s+"
        + "(?:public\\s+)?\\p{L}+)\\b.*$");
    private static final Pattern MINISTER_TITLES = Pattern.compile("(?i)\\b(?:caretaker|acting|deputy|interim|former"
        + "|then)\\s+");

    /**
     * A minister speaks for the ministry: "Lebanon's health minister Firass Abiad" → "Lebanon's health ministry",
     * "the minister of health" → "the ministry of health". Null when the name is no minister's (or the prime
     * minister's, who speaks for no ministry).
     */
    static String ministryOf(String name) {
        if (!name.toLowerCase(Locale.ROOT).contains("minister")) {
            return null;
        }
        String n = MINISTER_TITLES.matcher(name).replaceAll("");
        Matcher of = MINISTER_OF.matcher(n);
        if (of.matches()) {
            return "ministry" + of.group(1);
        }
        Matcher m = MINISTER.matcher(n);
        if (!m.matches()) {
            return null;
        }
        String before = m.group(1).trim();
        String lb = before.toLowerCase(Locale.ROOT);
        if (lb.endsWith("prime") || lb.endsWith("first") || lb.equals("the") || lb.equals("a")
            || lb.contains(" said") || lb.contains(" and ")) {
            return null;
        }
        return before + " ministry" + (m.group(2) == null ? "" : m.group(2));
    }

    /** The counter an attribution names; a minister named is remembered for his ministry ("Abiad said" later). */
    private Said resolve(ReportContext ctx, Discourse d, CounterMemory memory, Attribution.Attr raw, Pick where,
                         Sentences.Span s) {
        if (raw.pronoun()) {
            return new Said(d.counter() != null ? d.counter() : ctx.source, memory);
        }
        String minister = null;
        List<String> names = new ArrayList<>(raw.names().size());
        for (String n : raw.names()) {
            String[] named = named(n);
            if (named[1] != null) {
                minister = named[1];
            }
            names.add(named[0]);
        }
        Said r = resolveNamed(ctx, memory, names, where, s);
        if (minister != null && r.counter() != null) {
            return new Said(r.counter(), r.memory().with(minister, r.counter()));
        }
        return r;
    }

    private Said resolveNamed(ReportContext ctx, CounterMemory memory, List<String> names, Pick where,
                              Sentences.Span s) {
        // "the ministry", "the office": the latest counter of that kind
        for (String name : names) {
            String k = Counters.key(name);
            if (Lexicon.ANAPHOR_HEADS.contains(k) || (k.startsWith("same ") || k.startsWith("latter "))
                && k.split(" ").length == 2 && Lexicon.ANAPHOR_HEADS.contains(k.split(" ")[1])) {
                String found = memory.latestWith(k.substring(k.lastIndexOf(' ') + 1));
                if (found != null) {
                    return new Said(found, memory);
                }
            }
        }
        for (String name : names) {
            Optional<String> found = findCounter(name);
            if (found.isPresent()) {
                return new Said(found.get(), memory.with(name, found.get()));
            }
        }
        // no known counter: the name that looks most like a proper name
        String best = names.get(0);
        for (String name : names) {
            if (properWords(name) > properWords(best)) {
                best = name;
            }
        }
        String k = Counters.key(best);
        if (Lexicon.INSTITUTIONS.contains(k)) {
            String qualified = qualify(ctx, k, where, s);
            if (qualified != null) {
                return new Said(qualified, memory.with(best, qualified));
            }
        }
        // "Kiper" after "regional governor Oleg Kiper": the same counter
        if (Chars.isUpperCase(best.charAt(0)) && k.length() >= 4) {
            String found = memory.latestWith(k);
            if (found != null) {
                return new Said(found, memory);
            }
        }
        String canonical = counters.canonical(stripArticle(best));
        return new Said(canonical, memory.with(best, canonical));
    }

    /** The counter's name an attribution gives ({@link #bareName}, a minister's ministry) and the minister, memoised. */
    private String[] named(String name) {
        String[] r = namedMemo.get(name);
        if (r == null) {
            String b = bareName(name);
            String ministry = ministryOf(b);
            r = ministry == null ? new String[] {b, null} : new String[] {ministry, b};
            if (namedMemo.size() > 20_000) {
                namedMemo.clear();
            }
            namedMemo.put(name, r);
        }
        return r;
    }

    private Optional<String> findCounter(String name) {
        Optional<String> r = findMemo.get(name);
        if (r == null) {
            r = counters.find(name);
            if (findMemo.size() > 20_000) {
                findMemo.clear();
            }
            findMemo.put(name, r);
        }
        return r;
    }

    /** "the health ministry" in a Syrian report → "Syrian health ministry"; "the military" → "Israeli military". */
    private String qualify(ReportContext ctx, String k0, Pick where, Sentences.Span s) {
        // "ministry of health" → "health ministry": one name for one ministry
        String k = k0.startsWith("ministry of ") ? k0.substring("ministry of ".length()) + " ministry" : k0;
        boolean army = k.equals("military") || k.equals("army") || k.equals("armed forces");
        String demonym = army ? demonyms.nationalArmy(ctx.text, s.start()) : null;
        if (demonym == null && army) {
            Resolution h = ctx.resolvedHint();
            if (h != null) {
                demonym = demonyms.ofCountry(h.country());
            }
        }
        if (demonym == null && where != null && where.country() != null) {
            if (where.country().equals("PS") && (k.contains("health") || k.contains("civil def"))) {
                return counters.canonical((where.region() != null && GAZA.contains(where.region())
                    || ctx.text.contains("Gaza") ? "Gaza " : "Palestinian ") + k);
            }
            demonym = demonyms.ofCountry(where.country());
        }
        if (demonym == null) {
            return null;
        }
        return counters.canonical(demonym + " " + k);
    }

    private static int properWords(String s) {
        int n = 0;
        for (int i = 1; i < s.length(); i++) {
            if (Chars.isUpperCase(s.charAt(i)) && Character.isWhitespace(s.charAt(i - 1))) {
                n++;
            }
        }
        return n;
    }

    private static String stripArticle(String s) {
        String t = s.trim();
        // "Local officials" at the start of a sentence is "local officials"
        int sp = t.indexOf(' ');
        if (sp > 0 && Chars.isUpperCase(t.charAt(0)) && !t.substring(sp).chars().anyMatch(Character::isUpperCase)
            && t.substring(1, sp).chars().allMatch(Character::isLowerCase)) {
            t = Character.toLowerCase(t.charAt(0)) + t.substring(1);
        }
        String l = t.toLowerCase(Locale.ROOT);
        for (String a : new String[] {"the ", "a ", "an "}) {
            if (l.startsWith(a)) {
                return t.substring(a.length()).trim();
            }
        }
        return t;
    }
}
