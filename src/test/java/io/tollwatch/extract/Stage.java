package io.tollwatch.extract;

import io.tollwatch.schema.Report;

import java.util.List;

/** Inputs for stage tests: tokens, sentences and report contexts over the small test gazetteer. */
final class Stage {
    private Stage() {
    }

    static final TablePlaces PLACES = TablePlaces.syriaAndFriends();
    static final Demonyms DEMONYMS = new Demonyms();

    /** The tokens the rules read of {@code s}. */
    static Token[] tokens(String s) {
        return Asides.tokens(s, 0, s.length());
    }

    static ReportContext context(String text, String location) {
        return context(Fixtures.report(text, location, "Wire", "2024-11-29T12:00:00Z"));
    }

    static ReportContext context(Report r) {
        String text = TextClean.clean(r.getText());
        List<Sentences.Span> sentences = Sentences.split(text);
        return new ReportContext(r, text, sentences, "Wire", PLACES, DEMONYMS);
    }

    /** The candidates of one sentence read on its own. */
    static List<Candidate> candidates(String s) {
        return new FigureReader().read(tokens(s), null);
    }
}
