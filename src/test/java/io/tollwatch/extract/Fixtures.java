package io.tollwatch.extract;

import io.tollwatch.count.Metric;
import io.tollwatch.count.Population;
import io.tollwatch.schema.Report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds reports and runs the extractor over a small test gazetteer. */
final class Fixtures {
    private Fixtures() {
    }

    static final Extractor EXTRACTOR = new Extractor(TablePlaces.syriaAndFriends(), Counters.defaults());

    static Report report(String text, String location, String source, String published) {
        return Report.newBuilder()
            .setReportId("t")
            .setSource(source)
            .setPublishedAt(Instant.parse(published))
            .setLocation(location)
            .setText(text)
            .setFigures(new ArrayList<>())
            .build();
    }

    /** Figures of a text published by "Wire" on Friday 29 November 2024, no location hint. */
    static List<ExtractedFigure> read(String text) {
        return EXTRACTOR.extract(report(text, null, "Wire", "2024-11-29T12:00:00Z"));
    }

    static List<ExtractedFigure> read(String text, String location) {
        return EXTRACTOR.extract(report(text, location, "Wire", "2024-11-29T12:00:00Z"));
    }

    /** "killed/all/12" strings, for compact assertions. */
    static List<String> brief(List<ExtractedFigure> figures) {
        List<String> out = new ArrayList<>();
        for (ExtractedFigure f : figures) {
            out.add(f.metric().name().toLowerCase() + "/" + f.population().name().toLowerCase() + "/" + f.value());
        }
        return out;
    }

    static List<String> brief(String text) {
        return brief(read(text));
    }

    static ExtractedFigure only(String text, Metric m, Population p) {
        for (ExtractedFigure f : read(text)) {
            if (f.metric() == m && f.population() == p) {
                return f;
            }
        }
        throw new AssertionError("no " + m + "/" + p + " in " + brief(text));
    }
}
