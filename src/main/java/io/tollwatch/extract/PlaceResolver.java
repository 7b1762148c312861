package io.tollwatch.extract;

import io.tollwatch.count.Basis;
import io.tollwatch.place.Resolution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Place resolution (spec §2 order): the places a sentence names for its figures, then for each figure the first step
 * that gives a place — its clause, its sentence, the figure referred back to, the location hint, the focal place,
 * the war's country, the country most named — recorded with the figure as {@link PlaceFrom}.
 */
final class PlaceResolver {
    private PlaceResolver() {
    }

    /** What one sentence names: the place of its figures (and which step gave it), and each figure's own clause's. */
    record SentencePlaces(Pick here, PlaceFrom hereFrom, Map<Candidate, Pick> clauses) {
    }

    /** A figure's place, the step that decided it, and why it is unresolved (null when resolved). */
    record Placed(Pick pick, PlaceFrom from, String unresolvedReason) {
    }

    static SentencePlaces sentence(ReportContext ctx, ReportPlaces places, Discourse d, Token[] t,
                                   List<Candidate> cands, List<Attribution.Attr> attrs, SentenceCues cues,
                                   Sentences.Span s) {
        String text = ctx.text;
        List<PlaceLookup.Hit> hits = new ArrayList<>();
        for (PlaceLookup.Hit h : places.in(s.start(), s.end())) {
            boolean inAttr = false;
            for (Attribution.Attr a : attrs) {
                if (h.start() >= a.start() && h.end() <= a.end()) {
                    inAttr = true; // "the Syrian Observatory for Human Rights said": who counted, not where
                    break;
                }
            }
            if (!inAttr) {
                hits.add(h);
            }
        }
        Pick here = nearHint(ctx, hits, Pick.of(text, hits, null));
        PlaceFrom from = PlaceFrom.SENTENCE;
        if (here == null && !hits.isEmpty()) {
            Pick f = places.focal();
            here = Pick.of(text, hits, f == null ? null : f.country());
        }
        if (here == null && cues.anaphoricToll() && d.place() != null) {
            here = d.place(); // "15 of the dead were children": where the dead were
            from = PlaceFrom.EARLIER_FIGURE;
        }
        if (cues.focalRef() && (here == null || here.region() != null && here.region().equals(here.country()))) {
            // "the city", "the town": the report's focal place, not a country named in passing
            Pick focal = focalSubdivision(ctx, places);
            if (focal != null && (here == null || Objects.equals(here.country(), focal.country()))) {
                here = focal;
                from = PlaceFrom.FOCAL_REFERENCE;
            }
        }
        return new SentencePlaces(here, here == null ? null : from, clausePlaces(text, t, cands, hits, here));
    }

    /** The place of figure {@code c} of a sentence whose places are {@code sp}. */
    static Placed figure(ReportContext ctx, ReportPlaces places, Discourse d, SentencePlaces sp,
                         Candidate c, SentenceCues cues) {
        Pick clause = sp.clauses().get(c.nested() && c.parent() != null ? c.parent() : c);
        if (clause != null) {
            return new Placed(clause, PlaceFrom.CLAUSE, null);
        }
        if (sp.here() != null) {
            return new Placed(sp.here(), sp.hereFrom(), null);
        }
        Pick where = null;
        PlaceFrom from = null;
        Resolution h = ctx.resolvedHint();
        if (h != null) {
            where = new Pick(h.region(), h.country(), h.matched());
            from = PlaceFrom.HINT;
        }
        if (where == null) {
            where = places.focal();
            from = PlaceFrom.FOCAL;
        }
        if (where != null && cues.war() && where.country() != null && BasisRule.of(d, c, cues) == Basis.CUMULATIVE) {
            // "the war has uprooted 11 million people": the war's country, not the dateline's town
            return new Placed(new Pick(where.country(), where.country(), null), PlaceFrom.WAR_COUNTRY, null);
        }
        if (where != null) {
            return new Placed(where, from, null);
        }
        String mc = places.mainCountry();
        if (mc != null) {
            return new Placed(new Pick(mc, mc, null), PlaceFrom.MAIN_COUNTRY, null);
        }
        String reason = ctx.hint != null && ctx.hint.reason() != null ? ctx.hint.reason()
            : "no known place in the report";
        return new Placed(Pick.NONE, PlaceFrom.NONE, reason);
    }

    /**
     * When a sentence lists places in several subdivisions and holds several figures, each figure takes the places
     * of its own clause: "In Kharkiv, a strike killed 3 people, while in Odesa 2 were wounded" → Kharkiv for 3,
     * Odesa for 2. Clauses end at the last break (comma, "and", "while", …) before the next figure.
     */
    private static Map<Candidate, Pick> clausePlaces(String text, Token[] t, List<Candidate> cands,
                                                     List<PlaceLookup.Hit> hits, Pick here) {
        if (here == null || here.region() == null || !here.region().equals(here.country()) || hits.size() < 2) {
            return Map.of();
        }
        List<Candidate> main = new ArrayList<>();
        for (Candidate c : cands) {
            if (!c.nested()) {
                main.add(c);
            }
        }
        if (main.size() < 2) {
            return Map.of();
        }
        Map<Candidate, Pick> out = new HashMap<>();
        int segStart = 0;
        for (int i = 0; i < main.size(); i++) {
            int segEnd = text.length();
            if (i + 1 < main.size()) {
                int from = main.get(i).end();
                int to = main.get(i + 1).qStart();
                int cut = -1;
                for (int k = to - 1; k >= from; k--) {
                    if (Lexicon.CLAUSE_BREAKS.contains(t[k].lower)) {
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
            Pick p = Pick.of(text, mine, here.country());
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
    private static Pick nearHint(ReportContext ctx, List<PlaceLookup.Hit> hits, Pick here) {
        String text = ctx.text;
        if (here == null || here.region() == null || here.region().equals(here.country())) {
            return here;
        }
        Resolution hint = ctx.resolvedHint();
        if (hint == null || hint.region() == null || hint.region().equals(hint.country())
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

    /** The focal place when it is a subdivision: the hint's, else the focal place's. */
    private static Pick focalSubdivision(ReportContext ctx, ReportPlaces places) {
        Resolution h = ctx.resolvedHint();
        if (h != null && !h.region().equals(h.country())) {
            return new Pick(h.region(), h.country(), h.matched());
        }
        Pick f = places.focal();
        return f != null && f.subdivision() ? f : null;
    }
}
