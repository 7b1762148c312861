package io.tollwatch.topology;

import io.tollwatch.schema.Figure;
import io.tollwatch.schema.Report;
import io.tollwatch.schema.ReportedFigure;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A test normaliser: structured figures whose location is already a region code; anything else is unresolved. */
public final class CodeNormaliser {
    private CodeNormaliser() {
    }

    public static List<Figure> figures(Report r) {
        List<Figure> out = new ArrayList<>();
        for (ReportedFigure f : r.getFigures()) {
            String code = f.getLocation();
            boolean known = code != null && code.matches("[A-Z]{2}(-[A-Z0-9]{1,3})?");
            out.add(Figure.newBuilder()
                    .setReportId(r.getReportId()).setSource(r.getSource()).setPublishedAt(r.getPublishedAt())
                    .setMetric(f.getMetric()).setPopulation(f.getPopulation()).setValue(f.getValue())
                    .setQualifier(f.getQualifier()).setBasis(f.getBasis())
                    .setCounter(f.getCounter() != null ? f.getCounter() : r.getSource())
                    .setRegion(known ? code : null).setCountry(known ? code.substring(0, 2) : null)
                    .setPlace(known ? code : null)
                    .setDay(f.getDate() != null ? f.getDate() : r.getPublishedAt().atZone(ZoneOffset.UTC).toLocalDate())
                    .setUnresolvedReason(known ? null : "unknown place " + code)
                    .build());
        }
        return out;
    }
}
