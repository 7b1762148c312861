package io.tollwatch.count;

import java.time.Instant;
import java.time.LocalDate;

/** Test builder of figures: SY-HL killed all, exact incident by SOHR on 2024-11-29, unless told otherwise. */
final class Fig {
    static final LocalDate DAY = LocalDate.parse("2024-11-29");

    private String report = "r1";
    private Instant published = Instant.parse("2024-11-29T12:00:00Z");
    private Metric metric = Metric.KILLED;
    private Population population = Population.ALL;
    private long value;
    private Qualifier qualifier = Qualifier.EXACT;
    private Basis basis = Basis.INCIDENT;
    private String counter = "SOHR";
    private String region = "SY-HL";
    private String place;
    private LocalDate day = DAY;

    static Fig incident(long value) {
        Fig f = new Fig();
        f.value = value;
        return f;
    }

    static Fig cumulative(long value) {
        Fig f = incident(value);
        f.basis = Basis.CUMULATIVE;
        return f;
    }

    Fig report(String id, String publishedAt) {
        report = id;
        published = Instant.parse(publishedAt);
        return this;
    }

    Fig by(String c) {
        counter = c;
        return this;
    }

    Fig of(Population p) {
        population = p;
        return this;
    }

    Fig metric(Metric m) {
        metric = m;
        return this;
    }

    Fig qualifier(Qualifier q) {
        qualifier = q;
        return this;
    }

    Fig in(String r) {
        region = r;
        return this;
    }

    Fig at(String p) {
        place = p;
        return this;
    }

    Fig day(String d) {
        day = LocalDate.parse(d);
        return this;
    }

    CountedFigure build() {
        return new CountedFigure(report, published, metric, population, value, qualifier, basis, counter, region,
                place == null ? region : place, day);
    }
}
