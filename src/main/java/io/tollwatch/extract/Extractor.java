package io.tollwatch.extract;

import io.tollwatch.count.Basis;
import io.tollwatch.count.Metric;
import io.tollwatch.place.Gazetteer;
import io.tollwatch.place.Resolution;
import io.tollwatch.schema.Report;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads every figure of people killed, injured or displaced out of a report's text (spec §1–§2), with deterministic
 * rules: sentences → tokens → numbers that count people ({@link FigureReader}) → who counted ({@link Attribution},
 * {@link Counters}) → cumulative or incident → where (sentence, location hint, focal place, country) → which day.
 * Immutable and thread-safe; never throws on odd text (it yields what it can).
 */
public final class Extractor {

    /** Cheap pre-filter: a sentence without a word starting with one of these stems holds no figure. */
    private static final String[] STEMS = {"kill", "dead", "death", "die", "toll", "wound", "injur", "hurt",
        "displac", "fled", "flee", "evacu", "homes", "refugee", "bodies", "uproot", "lives", "fatalit", "perish",
        "slain", "massacr", "slaughter", "murder", "idp", "execut", "maim", "homeless", "dying", "gunned", "drown",
        "corpse", "exhum", "moved", "injuri", "lost"};
    private static final String[][] STEMS_BY_LETTER = new String[26][];

    static {
        List<List<String>> by = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            by.add(new ArrayList<>());
        }
        for (String st : STEMS) {
            by.get(st.charAt(0) - 'a').add(st);
        }
        for (int i = 0; i < 26; i++) {
            STEMS_BY_LETTER[i] = by.get(i).toArray(new String[0]);
        }
    }

    /** Position of the first word at or after {@code from} that starts with a trigger stem, else -1. */
    static int nextTrigger(String text, int from) {
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

    /** "KYIV, Ukraine (AP) — ", "BEIRUT (Reuters) - ", "GOMA, Congo, Jan 27 (Reuters) - " at the start of a story. */
    private static final Pattern DATELINE = Pattern.compile(
        "\\s*([A-Z][A-Z .'\u2019-]{1,40}(?:,\\s*[A-Z][\\p{L} .'\u2019-]{1,30})?)(?:,\\s*[A-Z][a-z]{2,8}\\.?\\s+\\d{1,2})?"
            + "\\s*(?:\\([^)]{1,30}\\))?\\s*(?:\u2014|\u2013|--?)\\s");

    private static final Set<String> GAZA = Set.of("PS-GZA", "PS-NGZ", "PS-DEB", "PS-KYS", "PS-RFH");
    private static final Set<String> ANAPHOR_HEADS = Set.of("ministry", "office", "agency", "monitor",
        "observatory", "group", "organisation", "organization", "mission", "body", "committee", "service",
        "services", "department", "authority", "authorities", "administration", "charity", "network", "army",
        "military", "government", "alliance", "coalition", "force", "forces", "watchdog", "commission", "council");
    private static final Set<String> INSTITUTIONS = Set.of("health ministry", "ministry of health",
        "interior ministry", "ministry of interior", "defence ministry", "defense ministry", "ministry of defence",
        "ministry of defense", "civil defence", "civil defense", "civil defence agency", "civil defense agency",
        "military", "army", "armed forces", "emergency services", "emergency service", "police");

    private static final Logger LOG = LoggerFactory.getLogger(Extractor.class);

    private static volatile Extractor defaults;

    /** Sentences (and reports) the rules failed on: each is logged once and counted here, never swallowed. */
    private final LongAdder failures = new LongAdder();

    private final PlaceLookup places;
    private final Counters counters;
    private final FigureReader reader = new FigureReader();
    private final Households households;
    private final Map<String, String> demonymByCode = new HashMap<>();
    private final Map<String, String> demonymByWord = new HashMap<>();
    /** Nationalities and peoples of one country (as written), each to its index in {@link #demonymCountries} + 1. */
    private final WordTable demonyms;
    private final String[] demonymCountries;

    public Extractor(Gazetteer gazetteer, Counters counters) {
        this(new GazetteerPlaces(gazetteer), counters);
    }

    Extractor(PlaceLookup places, Counters counters) {
        this.places = Objects.requireNonNull(places);
        this.counters = Objects.requireNonNull(counters);
        this.households = new Households();
        Map<String, String> codeByDemonym = new HashMap<>();
        for (String[] row : Tables.read("/extract/countries.tsv")) {
            if (row.length < 3) {
                continue;
            }
            demonymByCode.put(row[0], row[2]);
            demonymByWord.put(row[1].toLowerCase(Locale.ROOT), row[2]);
            demonymByWord.put(row[2].toLowerCase(Locale.ROOT), row[2]);
            codeByDemonym.put(row[2], row[0]);
        }
        for (String[] row : Tables.read("/extract/peoples.tsv")) {
            for (String people : row[1].split("\\|")) {
                codeByDemonym.putIfAbsent(people, row[0]);
            }
        }
        Map<String, Integer> index = new HashMap<>();
        demonymCountries = new String[codeByDemonym.size()];
        for (Map.Entry<String, String> e : codeByDemonym.entrySet()) {
            demonymCountries[index.size()] = e.getValue();
            index.put(e.getKey(), index.size() + 1);
        }
        demonyms = WordTable.exactCase(index);
    }

    /** A nationality (or a people of one country) named in a text, and its country. */
    private record Nationality(int start, int end, String country) {
    }

    /** Where nationalities stand in {@code s}: "Libyan", "South Sudanese", "Yemenis". */
    private List<Nationality> nationalities(String s) {
        List<Nationality> out = new ArrayList<>();
        int to = s.length();
        for (int i = 0; i < to; i++) {
            if (Chars.isUpperCase(s.charAt(i)) && (i == 0 || !Chars.isLetter(s.charAt(i - 1)))) {
                int j = i + 1;
                while (j < to && Chars.isLetter(s.charAt(j))) {
                    j++;
                }
                String code = nationality(s, i, j);
                if (code == null && j + 1 < to && s.charAt(j) == ' ' && Chars.isUpperCase(s.charAt(j + 1))) {
                    int k = j + 1;
                    while (k < to && Chars.isLetter(s.charAt(k))) {
                        k++;
                    }
                    code = nationality(s, i, k);
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
    private String nationality(String s, int from, int to) {
        int v = demonyms.get(s, from, to);
        if (v == 0 && to - from > 4 && s.charAt(to - 1) == 's') {
            v = demonyms.get(s, from, to - 1);
        }
        return v == 0 ? null : demonymCountries[v - 1];
    }

    /** The shipped gazetteer (or none, when it cannot be loaded: figures then come out unresolved) and counters. */
    public static Extractor defaults() {
        Extractor e = defaults;
        if (e == null) {
            synchronized (Extractor.class) {
                e = defaults;
                if (e == null) {
                    Gazetteer g;
                    try {
                        g = Gazetteer.defaultGazetteer();
                    } catch (RuntimeException | Error ex) {
                        g = null;
                    }
                    e = new Extractor(new GazetteerPlaces(g), Counters.defaults());
                    defaults = e;
                }
            }
        }
        return e;
    }

    /** Every figure in the report's text, in text order. Structured figures are not read here. */
    public List<ExtractedFigure> extract(Report report) {
        if (report == null || report.getText() == null) {
            return List.of();
        }
        try {
            return run(report);
        } catch (RuntimeException | StackOverflowError e) {
            failed(report, "the report", e);
            return List.of();
        }
    }

    /**
     * How many sentences (or whole reports) the rules failed on since this extractor was made: a defect to look
     * into (each one is logged with its report id), not bad input. For a metrics gauge.
     */
    public long failures() {
        return failures.sum();
    }

    private void failed(Report report, String what, Throwable e) {
        failures.increment();
        LOG.warn("report {}: {} could not be read and yields no figures ({})", report.getReportId(), what, e.toString());
    }

    // ------------------------------------------------------------------ per report

    /** What one extraction remembers while it reads a report (never shared between threads). */
    private final class State {
        final Report report;
        final String text;
        final LocalDate published;
        final String source;
        final List<Sentences.Span> sentences;
        final Set<String> contextCountries = new LinkedHashSet<>();
        final Map<String, Integer> countryVotes = new HashMap<>();
        /** attributions seen so far, latest last: surface key, canonical */
        final List<String[]> history = new ArrayList<>();
        Resolution hint;
        boolean hintDone;
        Pick focal;
        boolean focalDone;
        FigureReader.Cand lastCand;
        Pick lastPick;
        String lastCounter;
        Basis lastBasis;
        LocalDate lastDay;
        /** the story's event day: the latest day named before the sentence being read (null: none yet) */
        LocalDate eventDay;
        /** sentences before this index have been looked at for the event day */
        int eventIdx;

        /** Looks at the sentences that end before {@code upTo} and were not read for figures for days they name. */
        void advanceEventDay(int upTo) {
            while (eventIdx < sentences.size() && sentences.get(eventIdx).end() <= upTo) {
                Sentences.Span sp = sentences.get(eventIdx++);
                if (published == null || !Days.mayNameDay(text, sp.start(), sp.end())) {
                    continue;
                }
                LocalDate d = Days.dayRef(analysable(Tokenizer.tokenize(text, sp.start(), sp.end())), published, -1);
                if (d != null) {
                    eventDay = d;
                }
            }
        }

        /** Marks the sentence that ends at {@code end} as read. */
        void passed(int end) {
            while (eventIdx < sentences.size() && sentences.get(eventIdx).end() <= end) {
                eventIdx++;
            }
        }

        /** The event day when it is recent enough to be the story's (within a week before publication). */
        LocalDate storyDay() {
            if (eventDay == null || published == null || eventDay.isAfter(published)
                || eventDay.isBefore(published.minusDays(7))) {
                return null;
            }
            return eventDay;
        }

        State(Report r, String text, List<Sentences.Span> sentences) {
            this.report = r;
            this.text = text;
            this.sentences = sentences;
            this.published = r.getPublishedAt() == null ? null
                : LocalDate.ofInstant(r.getPublishedAt(), ZoneOffset.UTC);
            String src = r.getSource() == null ? "" : r.getSource().toString().trim();
            this.source = src.isEmpty() ? null : counters.canonical(src);
        }

        final Set<String> reportCountries = new LinkedHashSet<>();
        /** countries the report names itself (by name, hint or dateline), not only by a nationality */
        final Set<String> namedCountries = new LinkedHashSet<>();
        boolean fullScan;
        String scanText;

        /**
         * The places named in a sentence. A town or subdivision in a country that neither the dateline nor the
         * report names is taken for a false match ("Alliance", Ohio) and dropped; the whole report is scanned for
         * country names only when such a place turns up.
         */
        List<PlaceLookup.Hit> hitsIn(int from, int to) {
            hint();
            if (scanText == null) {
                scanText = text;
                reportCountries.addAll(contextCountries);
            }
            List<PlaceLookup.Hit> found = new ArrayList<>(places.scan(scanText,
                capitalRuns(scanText, Math.max(from, datelineEnd), to), contextCountries));
            found.removeIf(h -> insideName(text, h));
            List<PlaceLookup.Hit> out = new ArrayList<>(found.size());
            for (PlaceLookup.Hit h : found) {
                if (h.countryLevel() && h.country() != null) {
                    reportCountries.add(h.country());
                    namedCountries.add(h.country());
                }
            }
            addDemonyms(from, to);
            if (reportCountries.isEmpty() && !fullScan) {
                scanAll();
            }
            if (reportCountries.isEmpty()) {
                // nothing says which country the report is about: the country most of its places are in
                Map<String, Integer> n = new LinkedHashMap<>();
                for (PlaceLookup.Hit h : found) {
                    n.merge(h.country(), 1, Integer::sum);
                }
                n.entrySet().stream().filter(e -> e.getKey() != null)
                    .max(Map.Entry.comparingByValue()).ifPresent(e -> reportCountries.add(e.getKey()));
            }
            for (PlaceLookup.Hit h : found) {
                if (h.countryLevel() || reportCountries.contains(h.country())
                    || !fullScan && scanAll().contains(h.country())
                    || sceneMarked(text, h) && namedCountries.isEmpty()) {
                    out.add(h);
                    vote(h.country(), 1);
                }
            }
            return out;
        }

        private Set<String> scanAll() {
            fullScan = true;
            for (PlaceLookup.Hit h : places.scan(scanText, capitalRuns(scanText, 0, text.length()), contextCountries)) {
                if (h.countryLevel() && h.country() != null) {
                    reportCountries.add(h.country());
                    namedCountries.add(h.country());
                }
            }
            addDemonyms(0, text.length());
            return reportCountries;
        }

        /** The nationalities the text names, found once (by {@link #hint()}). */
        private List<Nationality> nationalities = List.of();

        private void addDemonyms(int from, int to) {
            for (Nationality d : nationalities) {
                if (d.start() >= from && d.end() <= to) {
                    reportCountries.add(d.country());
                }
            }
        }

        /** End of a dateline ("KYIV, Ukraine (AP) — "), else 0. */
        int datelineEnd;

        Resolution hint() {
            if (!hintDone) {
                hintDone = true;
                Object loc = report.getLocation();
                String where = loc == null || loc.toString().isBlank() ? null : loc.toString();
                Matcher d = DATELINE.matcher(text);
                if (d.lookingAt()) {
                    datelineEnd = d.end();
                    if (where == null) {
                        where = titleCase(d.group(1)); // the dateline is the hint a scraper did not give
                    }
                }
                if (where != null) {
                    hint = places.resolve(where, List.of());
                    if (hint != null && hint.resolved()) {
                        contextCountries.add(hint.country());
                        namedCountries.add(hint.country());
                        vote(hint.country(), 2);
                    }
                }
                // "the Libyan health ministry", "the Afghan capital": a nationality tells the report's country
                // (it settles a name shared across countries and, when nothing else does, the country itself)
                nationalities = nationalities(text);
                for (Nationality n : nationalities) {
                    contextCountries.add(n.country());
                    if (!actorAfter(text, n.end())) {
                        vote(n.country(), 1); // "Rwandan troops", "Iranian drones": an actor, not the scene
                    }
                }
            }
            return hint;
        }

        Pick focal() {
            if (!focalDone) {
                focalDone = true;
                hint();
                Object title = report.getTitle();
                if (title != null && !title.toString().isBlank()) {
                    String tt = TextClean.clean(title.toString());
                    List<PlaceLookup.Hit> th = new ArrayList<>();
                    for (PlaceLookup.Hit h : places.scan(tt, 0, tt.length(), contextCountries)) {
                        if (h.countryLevel() || reportCountries.contains(h.country())) {
                            th.add(h);
                        }
                    }
                    focal = pick(tt, th, null);
                }
                for (int i = 0; focal == null && i < Math.min(2, sentences.size()); i++) {
                    Sentences.Span s = sentences.get(i);
                    focal = pick(text, hitsIn(s.start(), s.end()), null);
                }
            }
            return focal;
        }

        private Cause textCause;

        /** What displaced people in this report when a sentence does not say: the report's wording as a whole. */
        Cause textCause() {
            if (textCause == null) {
                textCause = Causes.inText(text);
            }
            return textCause;
        }

        void vote(String country, int w) {
            if (country != null) {
                countryVotes.merge(country, w, Integer::sum);
            }
        }

        String mainCountry() {
            String best = null;
            int bv = 0;
            for (Map.Entry<String, Integer> e : countryVotes.entrySet()) {
                if (e.getValue() > bv || e.getValue() == bv && best != null && e.getKey().compareTo(best) < 0) {
                    best = e.getKey();
                    bv = e.getValue();
                }
            }
            return best;
        }
    }

    private static final Set<String> CONNECTORS = Set.of("al", "el", "ad", "as", "ash", "az", "an", "ar", "at", "de",
        "du", "des", "del", "la", "le", "les", "of", "the", "and", "da", "do", "dos", "das", "di", "bin", "ibn", "wa",
        "y", "e", "i", "en", "sur", "am", "im", "van", "von", "der", "den", "ben", "bint", "d", "l");
    private static final WordTable CONNECTOR_WORDS = new WordTable(
        CONNECTORS.stream().collect(java.util.stream.Collectors.toMap(w -> w, w -> 1)));

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
            } else if (runStart >= 0 && j - i <= 4 && CONNECTOR_WORDS.get(text, i, j) != 0) {
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

    /** Nouns after a nationality that make it an actor ("Rwandan troops"), not a scene or an authority. */
    private static final Set<String> ACTORS = Set.of("troops", "soldiers", "forces", "army", "military", "jets",
        "warplanes", "drones", "drone", "aircraft", "militia", "militias", "rebels", "fighters", "navy", "missiles",
        "missile", "artillery", "strikes", "airstrikes", "air", "special", "armed", "security", "mercenaries",
        "gunboats", "tanks", "paramilitaries", "peacekeepers");

    static boolean actorAfter(String text, int at) {
        int i = at;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '-')) {
            i++;
        }
        int j = i;
        while (j < text.length() && Chars.isLetter(text.charAt(j))) {
            j++;
        }
        return j > i && ACTORS.contains(text.substring(i, j).toLowerCase(Locale.ROOT));
    }

    /** Words that mark a place as the scene of an event: "in Hama", "near Zakho", "from Goma". */
    private static final Set<String> SCENE_WORDS = Set.of("in", "at", "near", "from", "outside", "across",
        "inside", "around", "into");

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
        return SCENE_WORDS.contains(text.substring(b, e - 1).toLowerCase(Locale.ROOT));
    }

    /** Words that go with a place name before or after it: "North Kivu", "Tonj State", "Upper Nile". */
    private static final Set<String> PLACE_WORDS = Set.of("north", "south", "east", "west", "northern", "southern",
        "eastern", "western", "central", "upper", "lower", "greater", "new", "old", "lake", "mount", "port", "saint",
        "san", "st", "state", "province", "county", "district", "region", "city", "governorate", "oblast", "camp",
        "town", "village", "valley", "strip", "bank", "island", "islands", "river", "municipality", "township",
        "territory", "department", "prefecture", "area", "zone", "division", "commune", "municipal", "rural",
        "urban", "local", "government", "lga", "hospital", "airport", "university");

    /**
     * A place name inside a longer proper name, between two capitalised words that are no part of a place name
     * ("spokesman Jean Paul Badoun"): a person or organisation, not a place.
     */
    static boolean insideName(String text, PlaceLookup.Hit h) {
        String before = capitalisedWordBefore(text, h.start());
        String after = capitalisedWordAfter(text, h.end());
        return before != null && after != null && !PLACE_WORDS.contains(before.toLowerCase(Locale.ROOT))
            && !PLACE_WORDS.contains(after.toLowerCase(Locale.ROOT));
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

    /** "Yemen's war" → "Yemen   war": same offsets, so the gazetteer sees the bare name. */
    static String blankPossessives(String text) {
        StringBuilder sb = null;
        int n = text.length();
        for (int i = 1; i + 1 < n; i++) {
            char c = text.charAt(i);
            if ((c == '\'' || c == '\u2019') && (text.charAt(i + 1) == 's' || text.charAt(i + 1) == 'S')
                && Chars.isLetter(text.charAt(i - 1)) && (i + 2 >= n || !Chars.isLetter(text.charAt(i + 2)))) {
                if (sb == null) {
                    sb = new StringBuilder(text);
                }
                sb.setCharAt(i, ' ');
                sb.setCharAt(i + 1, ' ');
            }
        }
        return sb == null ? text : sb.toString();
    }

    /** A region choice: region code, country, the most specific place named (or null). */
    record Pick(String region, String country, String place) {
    }

    private List<ExtractedFigure> run(Report report) {
        String text = TextClean.clean(report.getText().toString());
        if (text.isBlank()) {
            return List.of();
        }
        List<Sentences.Span> sentences = Sentences.split(text);
        State st = new State(report, text, sentences);
        List<ExtractedFigure> out = new ArrayList<>();
        int si = 0;
        int from = 0;
        while (si < sentences.size()) {
            int pos = nextTrigger(text, from);
            if (pos < 0) {
                break;
            }
            while (si < sentences.size() && sentences.get(si).end() <= pos) {
                si++;
            }
            if (si >= sentences.size()) {
                break;
            }
            Sentences.Span s = sentences.get(si);
            if (pos >= s.start()) {
                try {
                    readSentence(st, s, out);
                } catch (RuntimeException | StackOverflowError e) {
                    // a sentence the rules cannot read yields nothing; the rest of the report still counts
                    failed(report, "the sentence at " + s.start() + "-" + s.end(), e);
                }
                from = s.end();
                si++;
            } else {
                from = pos + 1;
            }
        }
        return dedupe(out);
    }

    /**
     * A figure the report repeats counts once: same metric, population, value, basis, counter, day and place (as
     * named, else the region). Equal figures at different places are different incidents (spec §3 rule 2).
     */
    private static List<ExtractedFigure> dedupe(List<ExtractedFigure> in) {
        if (in.size() < 2) {
            return in;
        }
        Map<List<Object>, ExtractedFigure> seen = new LinkedHashMap<>();
        for (ExtractedFigure f : in) {
            List<Object> k = java.util.Arrays.asList(f.metric(), f.population(), f.value(), f.basis(), f.region(),
                f.counter(), f.day(), f.place());
            seen.putIfAbsent(k, f);
        }
        return new ArrayList<>(seen.values());
    }

    // ------------------------------------------------------------------ per sentence

    private void readSentence(State st, Sentences.Span s, List<ExtractedFigure> out) {
        st.advanceEventDay(s.start());
        String text = st.text;
        Token[] t = analysable(Tokenizer.tokenize(text, s.start(), s.end()));
        if (t.length == 0) {
            return;
        }
        boolean anyNum = false;
        for (Token x : t) {
            if (x.isNum()) {
                anyNum = true;
                break;
            }
        }
        if (!anyNum) {
            return;
        }
        List<FigureReader.Cand> cands = reader.read(t, st.lastCand);
        if (cands.isEmpty()) {
            return;
        }
        List<Attribution.Attr> attrs = Attribution.find(text, t);
        List<PlaceLookup.Hit> hits = new ArrayList<>();
        for (PlaceLookup.Hit h : st.hitsIn(s.start(), s.end())) {
            boolean inAttr = false;
            for (Attribution.Attr a : attrs) {
                if (h.start() >= a.start() && h.end() <= a.end()) {
                    inAttr = true;
                    break;
                }
            }
            if (!inAttr) {
                hits.add(h);
            }
        }
        Pick here = pick(text, hits, null);
        here = nearHint(st, text, hits, here);
        if (here == null && !hits.isEmpty()) {
            Pick f = st.focal();
            here = pick(text, hits, f == null ? null : f.country());
        }
        SentenceCues cues = cues(t, attrs);
        String evidence = text.substring(s.start(), s.end());
        Map<FigureReader.Cand, ExtractedFigure> made = new HashMap<>();
        if (here == null && cues.anaphoricToll() && st.lastPick != null) {
            here = st.lastPick; // "15 of the dead were children": where the dead were
        }
        if (cues.focalRef() && (here == null || here.region() != null && here.region().equals(here.country()))) {
            // "the city", "the town": the report's focal place, not a country named in passing
            Pick focal = focalSubdivision(st);
            if (focal != null && (here == null || Objects.equals(here.country(), focal.country()))) {
                here = focal;
            }
        }
        Map<FigureReader.Cand, Pick> own = clausePlaces(text, t, cands, hits, here);
        LocalDate sentenceDay = null;
        for (FigureReader.Cand c : cands) {
            Pick where = own.getOrDefault(c.nested && c.parent != null ? c.parent : c, here);
            String reason = null;
            if (where == null) {
                Resolution h = st.hint();
                if (h != null && h.resolved()) {
                    where = new Pick(h.region(), h.country(), h.matched());
                }
            }
            if (where == null) {
                where = st.focal();
            }
            if (here == null && where != null && cues.war() && where.country() != null
                && basis(st, c, cues, t) == Basis.CUMULATIVE) {
                // "the war has uprooted 11 million people": the war's country, not the dateline's town
                where = new Pick(where.country(), where.country(), null);
            }
            if (where == null) {
                String mc = st.mainCountry();
                if (mc != null) {
                    where = new Pick(mc, mc, null);
                }
            }
            if (where == null) {
                reason = st.hint != null && st.hint.reason() != null ? st.hint.reason() : "no known place in the report";
                where = new Pick(null, null, null);
            }
            ExtractedFigure parent = c.parent != null ? made.get(c.parent) : null;
            Basis basis = parent != null ? parent.basis() : basis(st, c, cues, t);
            String counter = parent != null ? parent.counter() : counter(st, c, t, attrs, cues, where, s);
            LocalDate day;
            if (parent != null) {
                day = parent.day();
            } else if (basis == Basis.CUMULATIVE || st.published == null) {
                day = st.published;
            } else {
                LocalDate ownDay = Days.dayRef(t, st.published, c.viaToll ? c.num : -1);
                if (ownDay != null) {
                    day = ownDay;
                    sentenceDay = ownDay;
                } else if (st.lastDay != null && (c.another || c.ofThem || cues.anaphoricToll())) {
                    day = st.lastDay; // "Another 75 people were wounded": the same event
                } else {
                    // no day of its own: the story's event day, named earlier ("Twelve people died at the scene")
                    LocalDate story = st.storyDay();
                    int later = story == null ? 0 : Days.daysLater(t);
                    day = story != null ? story.plusDays(later) : st.published;
                    if (day.isAfter(st.published)) {
                        day = st.published;
                    }
                }
            }
            long value = c.value;
            Long high = c.high;
            String unit = null;
            Long reported = null;
            if (c.unit != null) {
                unit = c.unit;
                reported = c.value;
                value = households.people(c.value, where.country());
                high = c.high == null ? null : households.people(c.high, where.country());
            }
            Cause cause = null;
            if (c.metric == Metric.DISPLACED) {
                cause = parent != null ? parent.cause() : Causes.inSentence(t, c.num);
                if (cause == null) {
                    cause = st.textCause();
                }
            }
            ExtractedFigure f = new ExtractedFigure(c.metric, c.population, value, high, c.qualifier, basis, counter,
                where.region(), where.country(), where.place(), reason, day, evidence, unit, reported, cause);
            made.put(c, f);
            out.add(f);
            if (!c.nested) {
                st.lastPick = where.region() != null ? where : st.lastPick;
                st.lastCand = c;
                st.lastCounter = counter;
                st.lastBasis = basis;
                st.lastDay = basis == Basis.INCIDENT ? day : null;
            }
        }
        // the day this sentence names for an event becomes the story's event day; cumulative tolls name none
        st.passed(s.end());
        if (sentenceDay != null) {
            st.eventDay = sentenceDay;
        }
    }

    private static final Set<String> CLAUSE_BREAKS = Set.of(",", ";", "and", "while", "but", "whereas", "as");

    /**
     * When a sentence lists places in several subdivisions and holds several figures, each figure takes the places
     * of its own clause: "In Kharkiv, a strike killed 3 people, while in Odesa 2 were wounded" → Kharkiv for 3,
     * Odesa for 2. Clauses end at the last break (comma, "and", "while", …) before the next figure.
     */
    private Map<FigureReader.Cand, Pick> clausePlaces(String text, Token[] t, List<FigureReader.Cand> cands,
                                                     List<PlaceLookup.Hit> hits, Pick here) {
        if (here == null || here.region() == null || !here.region().equals(here.country()) || hits.size() < 2) {
            return Map.of();
        }
        List<FigureReader.Cand> main = new ArrayList<>();
        for (FigureReader.Cand c : cands) {
            if (!c.nested) {
                main.add(c);
            }
        }
        if (main.size() < 2) {
            return Map.of();
        }
        Map<FigureReader.Cand, Pick> out = new HashMap<>();
        int segStart = 0;
        for (int i = 0; i < main.size(); i++) {
            int segEnd = text.length();
            if (i + 1 < main.size()) {
                int from = main.get(i).end;
                int to = main.get(i + 1).qStart;
                int cut = -1;
                for (int k = to - 1; k >= from; k--) {
                    if (CLAUSE_BREAKS.contains(t[k].lower)) {
                        cut = k;
                        break;
                    }
                }
                segEnd = cut >= 0 ? t[cut].start : t[Math.max(from, to - 1)].start;
            }
            List<PlaceLookup.Hit> mine = new ArrayList<>();
            for (PlaceLookup.Hit h : hits) {
                if (h.start() >= segStart && h.end() <= segEnd) {
                    mine.add(h);
                }
            }
            Pick p = pick(text, mine, here.country());
            if (p != null && p.region() != null && !p.region().equals(p.country())
                && Objects.equals(p.country(), here.country())) {
                out.put(main.get(i), p);
            }
            segStart = segEnd;
        }
        return out;
    }

    /**
     * "a concert hall near Moscow" in a report located in Krasnogorsk: a place named only as a landmark ("near",
     * "outside", "on the outskirts of") gives way to a different place of the same country that the location hint
     * names, the more specific account of where it happened.
     */
    private Pick nearHint(State st, String text, List<PlaceLookup.Hit> hits, Pick here) {
        if (here == null || here.region() == null || here.region().equals(here.country())) {
            return here;
        }
        Resolution hint = st.hint();
        if (hint == null || !hint.resolved() || hint.region() == null || hint.region().equals(hint.country())
            || !hint.country().equals(here.country()) || hint.region().equals(here.region())
            || hint.regionName() == null) {
            return here;
        }
        String hintRegion = " " + hint.regionName().toLowerCase(Locale.ROOT) + " ";
        boolean landmark = false;
        for (PlaceLookup.Hit h : hits) {
            if (h.countryLevel()) {
                continue;
            }
            String before = text.substring(Math.max(0, h.start() - 20), h.start()).toLowerCase(Locale.ROOT);
            if (!(before.endsWith("near ") || before.endsWith("outside ") || before.endsWith("outskirts of ")
                || before.endsWith("close to "))) {
                return here;
            }
            // the hinted place lies in the province named after the landmark city (Moscow → Moscow Oblast)
            String name = text.substring(h.start(), h.end()).toLowerCase(Locale.ROOT);
            landmark |= hintRegion.contains(" " + name + " ");
        }
        return landmark ? new Pick(hint.region(), hint.country(), hint.matched()) : here;
    }

    private Pick focalSubdivision(State st) {
        Resolution h = st.hint();
        if (h != null && h.resolved() && !h.region().equals(h.country())) {
            return new Pick(h.region(), h.country(), h.matched());
        }
        Pick f = st.focal();
        return f != null && f.region() != null && !f.region().equals(f.country()) ? f : null;
    }

    /** Drops quotes, bracketed asides and dash-delimited asides without numbers of their own. */
    private static Token[] analysable(List<Token> in) {
        int n = in.size();
        boolean[] drop = new boolean[n];
        for (int i = 0; i < n; i++) {
            Token x = in.get(i);
            if (x.isPunct() && (x.is("\"") || x.is("\u201c") || x.is("\u201d") || x.is("'") || x.is("\u2018")
                || x.is("\u2019") || x.is("\u00ab") || x.is("\u00bb"))) {
                drop[i] = true;
            } else if (x.isPunct() && (x.is("(") || x.is("["))) {
                String close = x.is("(") ? ")" : "]";
                for (int j = i + 1; j < Math.min(n, i + 20); j++) {
                    if (in.get(j).is(close)) {
                        for (int k = i; k <= j; k++) {
                            drop[k] = true;
                        }
                        break;
                    }
                }
            } else if (x.isPunct() && x.text.equals("\u2014") && i > 0) {
                for (int j = i + 1; j < Math.min(n, i + 14); j++) {
                    Token y = in.get(j);
                    if (y.isNum()) {
                        break;
                    }
                    if (y.isPunct() && y.text.equals("\u2014")) {
                        for (int k = i; k <= j; k++) {
                            drop[k] = true;
                        }
                        break;
                    }
                }
            }
        }
        List<Token> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (!drop[i]) {
                out.add(in.get(i));
            }
        }
        return out.toArray(new Token[0]);
    }

    // ------------------------------------------------------------------ region

    /**
     * Region from the places named in a stretch of text: one subdivision decides; several subdivisions listed
     * ("Latakia and Tartus provinces") give their country; a place inside another ("near Zakho in Iraq's Kurdistan
     * region") gives the most specific; with only countries, the one the figure is "in" (else the focal country).
     */
    Pick pick(String text, List<PlaceLookup.Hit> hits, String focalCountry) {
        if (hits.isEmpty()) {
            return null;
        }
        List<PlaceLookup.Hit> subs = new ArrayList<>();
        List<PlaceLookup.Hit> countries = new ArrayList<>();
        for (PlaceLookup.Hit h : hits) {
            if (h.region() == null) {
                continue;
            }
            (h.countryLevel() ? countries : subs).add(h);
        }
        if (!subs.isEmpty()) {
            Set<String> regions = new LinkedHashSet<>();
            for (PlaceLookup.Hit h : subs) {
                regions.add(h.region());
            }
            PlaceLookup.Hit best = subs.get(0);
            for (PlaceLookup.Hit h : subs) {
                if (h.rank() > best.rank()) {
                    best = h;
                }
            }
            if (regions.size() == 1) {
                return new Pick(best.region(), best.country(), best.name());
            }
            boolean list = false;
            for (int i = 1; i < subs.size(); i++) {
                PlaceLookup.Hit a = subs.get(i - 1);
                PlaceLookup.Hit b = subs.get(i);
                if (a.region().equals(b.region()) || b.start() < a.end()) {
                    continue;
                }
                String between = text.substring(a.end(), b.start()).toLowerCase(Locale.ROOT);
                if (between.contains(" and ") || between.contains(",") || between.contains("neighbo")
                    || between.contains("&") || between.contains(" or ") || between.contains(" to ")
                    || between.contains("from ")) {
                    list = true;
                    break;
                }
            }
            if (!list) {
                return new Pick(best.region(), best.country(), best.name());
            }
            Map<String, Integer> byCountry = new LinkedHashMap<>();
            for (PlaceLookup.Hit h : subs) {
                byCountry.merge(h.country(), 1, Integer::sum);
            }
            String c = byCountry.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
            return c == null ? null : new Pick(c, c, null);
        }
        if (countries.isEmpty()) {
            return null;
        }
        Set<String> cs = new LinkedHashSet<>();
        for (PlaceLookup.Hit h : countries) {
            cs.add(h.country());
        }
        if (cs.size() == 1) {
            PlaceLookup.Hit h = countries.get(0);
            return new Pick(h.region(), h.country(), h.name());
        }
        for (PlaceLookup.Hit h : countries) {
            String before = " " + text.substring(Math.max(0, h.start() - 12), h.start()).toLowerCase(Locale.ROOT);
            if (before.endsWith("the ")) {
                before = before.substring(0, before.length() - 4).stripTrailing() + " ";
            }
            if (before.endsWith(" in ") || before.endsWith(" across ") || before.endsWith(" inside ")
                || before.endsWith(" throughout ") || before.endsWith(" within ") || before.endsWith(" into ")
                || before.endsWith(" of ")) {
                return new Pick(h.region(), h.country(), h.name());
            }
        }
        if (focalCountry != null && cs.contains(focalCountry)) {
            return new Pick(focalCountry, focalCountry, null);
        }
        PlaceLookup.Hit h = countries.get(0);
        return new Pick(h.region(), h.country(), h.name());
    }

    // ------------------------------------------------------------------ basis

    /** What the sentence as a whole says about time and events. */
    private record SentenceCues(boolean cumulative, boolean incident, boolean episode, boolean perfect,
                                boolean remain, boolean dayRef, boolean anaphoricToll, boolean focalRef,
                                boolean period, boolean war, boolean episodeToll) {
    }

    /** Nouns of a drawn-out episode whose toll ("the toll from the offensive") is a running, cumulative toll. */
    private static final Set<String> TOLL_EPISODES = Set.of("offensive", "offensives", "war", "wars", "conflict",
        "fighting", "clashes", "battles", "violence", "campaign", "escalation", "insurgency", "unrest", "siege",
        "operation", "operations", "hostilities", "crisis", "uprising", "rebellion", "invasion", "crackdown");
    /** Verbs that end the noun phrase a toll is "from". */
    private static final Set<String> TOLL_PHRASE_END = Set.of("rose", "risen", "rises", "rise", "climbed", "climbs",
        "jumped", "has", "have", "had", "is", "was", "stands", "stood", "reached", "reaches", "hit", "to", "at",
        "now", "passed", "topped", "exceeded", "increased", "grew", "which", "that");

    private static SentenceCues cues(Token[] t, List<Attribution.Attr> attrs) {
        boolean cumulative = false;
        boolean incident = false;
        boolean episode = false;
        boolean perfect = false;
        boolean remain = false;
        boolean dayRef = false;
        boolean anaphoric = false;
        boolean focalRef = false;
        boolean period = false;
        boolean war = false;
        int n = t.length;
        int[][] spans = new int[attrs.size()][];
        for (int a = 0; a < spans.length; a++) {
            spans[a] = new int[] {attrs.get(a).start(), attrs.get(a).end()};
        }
        for (int i = 0; i < n; i++) {
            Token x = t[i];
            if (!x.isWord() || inSpans(x, spans)) {
                continue;
            }
            String w = x.lower;
            String nx = i + 1 < n ? t[i + 1].lower : "";
            String nx2 = i + 2 < n ? t[i + 2].lower : "";
            switch (w) {
                case "since", "cumulative", "overall", "altogether" -> cumulative = true;
                case "so", "thus" -> cumulative |= nx.equals("far");
                case "to" -> cumulative |= nx.equals("date");
                case "this" -> cumulative |= nx.equals("year") || nx.equals("month");
                case "in" -> cumulative |= nx.equals("total") || nx.equals("the") && (nx2.equals("past")
                    || nx2.equals("last"));
                case "over", "during", "throughout" -> cumulative |= nx.equals("the") && (nx2.equals("past")
                    || nx2.equals("last") || nx2.equals("course"));
                case "week", "weeks", "months", "month", "years", "days", "year" -> cumulative |= nx.equals("of")
                    && i > 0 && (t[i - 1].isNum() || t[i - 1].is("a") || t[i - 1].is("several")
                    || t[i - 1].is("two") || t[i - 1].is("three"));
                case "remain", "remains", "remained" -> remain |= nx.equals("displaced") || nx.equals("internally")
                    || nx.equals("homeless") || nx.equals("uprooted") || nx.equals("in") && nx2.equals("camps");
                case "has", "have" -> {
                    if (Lexicon.ACTIVE.containsKey(nx) || Lexicon.PARTICIPLE.containsKey(nx)
                        || Lexicon.INTRANSITIVE.containsKey(nx) || nx.equals("been") || nx.equals("since")
                        || nx.equals("crossed") || nx.equals("forced") || nx.equals("now")) {
                        perfect = true;
                    }
                }
                case "yesterday", "overnight", "today", "tonight" -> dayRef = true;
                case "last", "past" -> period |= nx.equals("year") || nx.equals("month") || nx.equals("months")
                    || nx.equals("years") || nx.equals("decade");
                case "city", "town", "capital", "village", "camp" -> focalRef |= i > 0 && t[i - 1].is("the")
                    && !(nx.equals("of") || i + 1 < n && t[i + 1].capitalised());
                case "toll", "dead", "victims", "wounded", "injured", "killed" -> anaphoric |= i > 0
                    && t[i - 1].is("the") && !(nx.equals("from") || nx.equals("of") || nx.equals("in"));
                case "them" -> anaphoric |= i > 0 && t[i - 1].is("of");
                default -> {
                }
            }
            if (x.has(Lexicon.F_INCIDENT)) {
                incident = true;
            }
            if (x.has(Lexicon.F_EPISODE)) {
                episode = true;
                war |= w.equals("war") || w.equals("conflict") || w.equals("insurgency") || w.equals("wars");
            }
            if ((w.equals("in") || w.equals("during") || w.equals("throughout") || w.equals("between"))
                && i + 1 < n && (t[i + 1].isNum() && t[i + 1].yearLike
                || Lexicon.MONTHS.contains(t[i + 1].lower) && !(i + 2 < n && t[i + 2].isNum() && !t[i + 2].yearLike))) {
                period = true; // "in 2024", "in April and May"
            }
            if ((x.flags & (Lexicon.F_WEEKDAY | Lexicon.F_MONTH)) == 0) {
                continue;
            }
            boolean statementDay = i > 0 && (t[i - 1].has(Lexicon.F_SAY)
                || t[i - 1].is("on") && i > 1 && t[i - 2].has(Lexicon.F_SAY));
            if (x.has(Lexicon.F_WEEKDAY) && !statementDay || x.has(Lexicon.F_MONTH) && (i + 1 < n && t[i + 1].isNum()
                || i + 2 < n && t[i + 1].is(".") && t[i + 2].isNum())) {
                dayRef = true;
            }
        }
        return new SentenceCues(cumulative, incident, episode, perfect, remain, dayRef, anaphoric, focalRef, period,
            war, episodeToll(t) > 0);
    }

    /**
     * What a toll is "from": +1 when the first event word after "toll from/of/in" names an episode ("the toll from
     * the rebel offensive", "the death toll in the war"), -1 when it names one event ("the toll from the strike",
     * "Tuesday's bombing"), else 0.
     */
    static int episodeToll(Token[] t) {
        int n = t.length;
        for (int i = 0; i + 2 < n; i++) {
            if (!(t[i].is("toll") || t[i].is("tally"))
                || !(t[i + 1].is("from") || t[i + 1].is("of") || t[i + 1].is("in"))) {
                continue;
            }
            for (int k = i + 2; k < Math.min(n, i + 9); k++) {
                Token x = t[k];
                if (x.isNum() || x.isPunct() && !x.is("'s") && !x.is("-")) {
                    break;
                }
                if (TOLL_EPISODES.contains(x.lower)) {
                    return 1;
                }
                if (x.has(Lexicon.F_INCIDENT) || x.is("crash") || x.is("stampede") || x.is("collapse")
                    || x.is("fire")) {
                    return -1;
                }
                if (TOLL_PHRASE_END.contains(x.lower) || x.has(Lexicon.F_SAY)) {
                    break;
                }
            }
        }
        return 0;
    }

    private static boolean inSpans(Token x, int[][] spans) {
        for (int[] sp : spans) {
            if (x.start >= sp[0] && x.end <= sp[1]) {
                return true;
            }
        }
        return false;
    }

    private static boolean inAttr(Token x, List<Attribution.Attr> attrs) {
        for (Attribution.Attr a : attrs) {
            if (x.start >= a.start() && x.end <= a.end()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Cumulative when the wording spans a period ("since", "so far", "this year", "a week of"), incident when it
     * names one event (a strike, attack, bombing, raid …), else cumulative for a running episode (war, offensive,
     * fighting, clashes) or a present-perfect toll ("have been killed"), else incident — except displacement, which
     * is a running stock unless tied to a day.
     */
    private static Basis basis(State st, FigureReader.Cand c, SentenceCues q, Token[] t) {
        if (c.tollAnaphora && st.lastBasis != null) {
            return st.lastBasis;
        }
        if (q.cumulative || q.episodeToll) {
            return Basis.CUMULATIVE; // "the toll from the rebel offensive rose to 277 on Saturday"
        }
        if (q.incident) {
            return Basis.INCIDENT;
        }
        if (q.perfect || q.remain || q.period) {
            return Basis.CUMULATIVE;
        }
        if (q.episode) {
            return q.dayRef ? Basis.INCIDENT : Basis.CUMULATIVE; // "fighting on Monday killed 5" is one clash
        }
        if (c.metric == Metric.DISPLACED) {
            return q.dayRef ? Basis.INCIDENT : Basis.CUMULATIVE;
        }
        return Basis.INCIDENT;
    }

    // ------------------------------------------------------------------ counter

    private String counter(State st, FigureReader.Cand c, Token[] t, List<Attribution.Attr> attrs, SentenceCues q,
                           Pick where, Sentences.Span s) {
        Attribution.Attr gov = null;
        for (Attribution.Attr a : attrs) {
            if (a.pos() < c.qStart) {
                gov = a; // the latest attribution that introduces the figure
            }
        }
        if (gov == null) {
            for (Attribution.Attr a : attrs) {
                if (a.pos() > c.num) {
                    gov = a;
                    break;
                }
            }
        }
        if (gov == null) {
            if ((c.tollAnaphora || c.ofThem || q.anaphoricToll) && st.lastCounter != null) {
                return st.lastCounter;
            }
            return st.source;
        }
        String name = resolveCounter(st, gov, where, s);
        return name != null ? name : st.source;
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

    private String resolveCounter(State st, Attribution.Attr raw, Pick where, Sentences.Span s) {
        String[] minister = new String[1];
        String r = resolveCounter(st, raw, where, s, minister);
        if (minister[0] != null && r != null) {
            remember(st, minister[0], r); // "Abiad said" later: the same counter as his ministry
        }
        return r;
    }

    private String resolveCounter(State st, Attribution.Attr raw, Pick where, Sentences.Span s, String[] ministerOut) {
        String minister = null;
        if (raw.pronoun()) {
            return st.lastCounter != null ? st.lastCounter : st.source;
        }
        List<String> bare = new ArrayList<>(raw.names().size());
        for (String n : raw.names()) {
            String[] named = named(n);
            if (named[1] != null) {
                minister = named[1];
            }
            bare.add(named[0]);
        }
        ministerOut[0] = minister;
        Attribution.Attr a = new Attribution.Attr(raw.pos(), bare, raw.start(), raw.end());
        // "the ministry", "the office": the latest counter of that kind
        for (String name : a.names()) {
            String k = Counters.key(name);
            if (ANAPHOR_HEADS.contains(k) || (k.startsWith("same ") || k.startsWith("latter "))
                && k.split(" ").length == 2 && ANAPHOR_HEADS.contains(k.split(" ")[1])) {
                String head = k.substring(k.lastIndexOf(' ') + 1);
                for (int i = st.history.size() - 1; i >= 0; i--) {
                    String[] h = st.history.get(i);
                    if ((" " + h[0] + " ").contains(" " + head + " ")) {
                        return h[1];
                    }
                }
            }
        }
        for (String name : a.names()) {
            var found = findCounter(name);
            if (found.isPresent()) {
                remember(st, name, found.get());
                return found.get();
            }
        }
        // no known counter: the name that looks most like a proper name
        String best = a.names().get(0);
        for (String name : a.names()) {
            if (properWords(name) > properWords(best)) {
                best = name;
            }
        }
        String k = Counters.key(best);
        if (INSTITUTIONS.contains(k)) {
            String qualified = qualify(st, k, where, s);
            if (qualified != null) {
                remember(st, best, qualified);
                return qualified;
            }
        }
        // "Kiper" after "regional governor Oleg Kiper": the same counter
        if (Chars.isUpperCase(best.charAt(0)) && k.length() >= 4) {
            for (int i = st.history.size() - 1; i >= 0; i--) {
                String[] h = st.history.get(i);
                if ((" " + h[0] + " ").contains(" " + k + " ")) {
                    return h[1];
                }
            }
        }
        String canonical = counters.canonical(stripArticle(best));
        remember(st, best, canonical);
        return canonical;
    }

    private final Map<String, String[]> namedMemo = new java.util.concurrent.ConcurrentHashMap<>();

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

    private final Map<String, java.util.Optional<String>> findMemo = new java.util.concurrent.ConcurrentHashMap<>();

    private java.util.Optional<String> findCounter(String name) {
        java.util.Optional<String> r = findMemo.get(name);
        if (r == null) {
            r = counters.find(name);
            if (findMemo.size() > 20_000) {
                findMemo.clear();
            }
            findMemo.put(name, r);
        }
        return r;
    }

    private void remember(State st, String surface, String canonical) {
        if (st.history.size() >= 64) {
            st.history.remove(0);
        }
        st.history.add(new String[] {Counters.key(surface) + " " + Counters.key(canonical), canonical});
    }

    /** The nation named last before {@code end} with "military" or "army" ("Israel's military"), as a demonym. */
    private String nationalArmy(String text, int end) {
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
            String two = demonymByWord.get(text.substring(b2, e).toLowerCase(Locale.ROOT)); // "South Sudan's army"
            if (two != null) {
                return two;
            }
        }
        return demonymByWord.get(text.substring(b, e).toLowerCase(Locale.ROOT));
    }

    /** "the health ministry" in a Syrian report → "Syrian health ministry"; "the military" → "Israeli military". */
    private String qualify(State st, String k0, Pick where, Sentences.Span s) {
        // "ministry of health" → "health ministry": one name for one ministry
        String k = k0.startsWith("ministry of ") ? k0.substring("ministry of ".length()) + " ministry" : k0;
        String demonym = null;
        if (k.equals("military") || k.equals("army") || k.equals("armed forces")) {
            demonym = nationalArmy(st.text, s.start());
        }
        if (demonym == null && (k.equals("military") || k.equals("army") || k.equals("armed forces"))) {
            Resolution h = st.hint();
            if (h != null && h.resolved()) {
                demonym = demonymByCode.get(h.country());
            }
        }
        if (demonym == null && where != null && where.country() != null) {
            if (where.country().equals("PS") && k.contains("health") || k.contains("civil def")) {
                if (where.country().equals("PS")) {
                    return counters.canonical((where.region() != null && GAZA.contains(where.region())
                        || st.text.contains("Gaza") ? "Gaza " : "Palestinian ") + k);
                }
            }
            demonym = demonymByCode.get(where.country());
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
