package io.tollwatch.extract;

import io.tollwatch.schema.Report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The places a report names, as its sentences are read: the places of each sentence (with false matches dropped),
 * the countries the report names, the focal place (spec §2 step 3) and the votes for the report's country (step 4).
 * The votes and the countries grow sentence by sentence, in reading order, which is why this is the one stateful
 * part of a report's reading; it belongs to one extraction and is never shared between threads.
 */
final class ReportPlaces {
    private final ReportContext ctx;
    private final PlaceLookup places;
    private final Set<String> reportCountries = new LinkedHashSet<>();
    /** Countries the report names itself (by name, hint or dateline), not only by a nationality. */
    private final Set<String> namedCountries = new LinkedHashSet<>();
    private final Map<String, Integer> votes;
    private boolean fullScan;
    private boolean focalDone;
    private Pick focal;

    ReportPlaces(ReportContext ctx, PlaceLookup places) {
        this.ctx = ctx;
        this.places = places;
        this.votes = new HashMap<>(ctx.votes);
        if (ctx.hintCountry != null) {
            namedCountries.add(ctx.hintCountry);
        }
        reportCountries.addAll(ctx.contextCountries);
    }

    /**
     * The places named in {@code text[from, to)}. A town or subdivision in a country that neither the dateline nor
     * the report names is taken for a false match ("Alliance", Ohio) and dropped; the whole report is scanned for
     * country names only when such a place turns up. Every place kept votes for its country.
     */
    List<PlaceLookup.Hit> in(int from, int to) {
        String text = ctx.text;
        List<PlaceLookup.Hit> found = new ArrayList<>(places.scan(text,
            PlaceNames.capitalRuns(text, Math.max(from, ctx.dateline.end()), to), ctx.contextCountries));
        found.removeIf(h -> PlaceNames.insideName(text, h));
        List<PlaceLookup.Hit> out = new ArrayList<>(found.size());
        for (PlaceLookup.Hit h : found) {
            if (h.countryLevel() && h.country() != null) {
                reportCountries.add(h.country());
                namedCountries.add(h.country());
            }
        }
        addNationalities(from, to);
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
                || PlaceNames.sceneMarked(text, h) && namedCountries.isEmpty()) {
                out.add(h);
                vote(h.country());
            }
        }
        return out;
    }

    private Set<String> scanAll() {
        fullScan = true;
        String text = ctx.text;
        for (PlaceLookup.Hit h : places.scan(text, PlaceNames.capitalRuns(text, 0, text.length()),
            ctx.contextCountries)) {
            if (h.countryLevel() && h.country() != null) {
                reportCountries.add(h.country());
                namedCountries.add(h.country());
            }
        }
        addNationalities(0, text.length());
        return reportCountries;
    }

    private void addNationalities(int from, int to) {
        for (Demonyms.Nationality d : ctx.nationalities) {
            if (d.start() >= from && d.end() <= to) {
                reportCountries.add(d.country());
            }
        }
    }

    private void vote(String country) {
        if (country != null) {
            votes.merge(country, 1, Integer::sum);
        }
    }

    /** The focal place (spec §2 step 3): the title's, else the first two sentences'. Worked out on first need. */
    Pick focal() {
        if (!focalDone) {
            focalDone = true;
            Report report = ctx.report;
            Object title = report.getTitle();
            if (title != null && !title.toString().isBlank()) {
                String tt = TextClean.clean(title.toString());
                List<PlaceLookup.Hit> th = new ArrayList<>();
                for (PlaceLookup.Hit h : places.scan(tt, 0, tt.length(), ctx.contextCountries)) {
                    if (h.countryLevel() || reportCountries.contains(h.country())) {
                        th.add(h);
                    }
                }
                focal = Pick.of(tt, th, null);
            }
            for (int i = 0; focal == null && i < Math.min(2, ctx.sentences.size()); i++) {
                Sentences.Span s = ctx.sentences.get(i);
                focal = Pick.of(ctx.text, in(s.start(), s.end()), null);
            }
        }
        return focal;
    }

    /** The country with the most votes so far (ties to the smaller code), or null. */
    String mainCountry() {
        String best = null;
        int bv = 0;
        for (Map.Entry<String, Integer> e : votes.entrySet()) {
            if (e.getValue() > bv || e.getValue() == bv && best != null && e.getKey().compareTo(best) < 0) {
                best = e.getKey();
                bv = e.getValue();
            }
        }
        return best;
    }
}
