package io.tollwatch.extract;

import io.tollwatch.place.Resolution;
import io.tollwatch.schema.Report;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a report says as a whole, computed once before its sentences are read: the cleaned text and its sentences,
 * the publication day, the source's counter, the dateline, the location hint (the scraper's, else the dateline's),
 * the nationalities named, the countries they and the hint give as context, and the votes they cast for the
 * report's country (spec §2 step 4). Immutable.
 */
final class ReportContext {
    final Report report;
    final String text;
    final List<Sentences.Span> sentences;
    /** The report's UTC day, or null when it has no publication time. */
    final LocalDate published;
    /** The source as a counter (canonical), or null. */
    final String source;
    final Dateline dateline;
    /** The location hint resolved, or null when there is none (a name the gazetteer does not know is unresolved). */
    final Resolution hint;
    final List<Demonyms.Nationality> nationalities;
    /** Countries that settle names shared across countries: the hint's and every nationality's. */
    final Set<String> contextCountries;
    /** The hint's country, when resolved: a country the report names itself, not only by a nationality. */
    final String hintCountry;
    /** Votes for the report's country before any sentence is read: the hint 2, a nationality not of an actor 1. */
    final Map<String, Integer> votes;

    /** The report's cause wording as a whole: a pure function of the text, worked out on first need only. */
    private Cause textCause;

    ReportContext(Report report, String text, List<Sentences.Span> sentences, String source, PlaceLookup places,
                  Demonyms demonyms) {
        this.report = report;
        this.text = text;
        this.sentences = sentences;
        this.published = report.getPublishedAt() == null ? null
            : LocalDate.ofInstant(report.getPublishedAt(), ZoneOffset.UTC);
        this.source = source;
        this.dateline = Dateline.of(text);
        Object loc = report.getLocation();
        String where = loc == null || loc.toString().isBlank() ? dateline.place() : loc.toString();
        Set<String> context = new LinkedHashSet<>();
        Map<String, Integer> v = new HashMap<>();
        Resolution h = where == null ? null : places.resolve(where, List.of());
        this.hint = h;
        this.hintCountry = h != null && h.resolved() ? h.country() : null;
        if (hintCountry != null) {
            context.add(hintCountry);
            v.merge(hintCountry, 2, Integer::sum);
        }
        // "the Libyan health ministry", "the Afghan capital": a nationality tells the report's country (it settles a
        // name shared across countries and, when nothing else does, the country itself)
        this.nationalities = List.copyOf(demonyms.in(text));
        for (Demonyms.Nationality n : nationalities) {
            context.add(n.country());
            if (!PlaceNames.actorAfter(text, n.end())) {
                v.merge(n.country(), 1, Integer::sum); // "Rwandan troops", "Iranian drones": an actor, not the scene
            }
        }
        this.contextCountries = Collections.unmodifiableSet(context);
        this.votes = Map.copyOf(v);
    }

    /** The hint when the gazetteer resolved it, else null. */
    Resolution resolvedHint() {
        return hint != null && hint.resolved() ? hint : null;
    }

    /** What displaced people in this report when a sentence does not say: the report's wording as a whole. */
    Cause textCause() {
        if (textCause == null) {
            textCause = Causes.inText(text);
        }
        return textCause;
    }
}
