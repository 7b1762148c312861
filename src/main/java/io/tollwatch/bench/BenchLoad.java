package io.tollwatch.bench;

import io.tollwatch.schema.Report;
import io.tollwatch.schema.ReportedFigure;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The service benchmark's input, as issue 12 measured it: reports of 1–4 structured figures across 40 places (five
 * countries), 12 counters and a year of event days. Deterministic for a seed, so every run counts the same records.
 *
 * <p>Four counters are monitors that publish cumulative tolls growing through the year; the other eight are wire
 * outlets reporting incidents, the shape that makes a busy key's history long.
 */
public final class BenchLoad {
    static final String[] PLACES = {
        "Aleppo", "Idlib", "Hama", "Homs", "Latakia", "Deir ez-Zor", "Raqqa", "Daraa", "Damascus", "Hasakah",
        "Tartus", "Sweida",
        "Khan Younis", "Rafah", "Gaza City", "Deir al-Balah", "Jenin", "Nablus", "Hebron",
        "Kharkiv", "Odesa", "Pokrovsk", "Dnipro", "Zaporizhzhia", "Kherson", "Sumy", "Mykolaiv", "Chernihiv", "Donetsk",
        "El Fasher", "Omdurman", "Wad Madani", "Kadugli", "Nyala", "El Obeid", "Geneina",
        "Goma", "Bukavu", "Bunia", "Kisangani",
    };
    static final String[] COUNTERS = {
        "SOHR", "OCHA", "ACLED", "UNHCR",
        "AFP", "Reuters", "AP", "Al Jazeera", "BBC", "state media", "civil defence", "local officials",
    };
    private static final int MONITORS = 4;
    private static final String[] METRICS = {"killed", "killed", "injured", "displaced"};
    private static final String[] POPULATIONS = {"all", "all", "all", "civilians", "children"};
    static final LocalDate FIRST_DAY = LocalDate.parse("2024-01-01");
    static final int DAYS = 366;
    /** The probes' day: the load's last, so that they move no stream time (no window closes, no id expires). */
    private static final LocalDate LAST_DAY = FIRST_DAY.plusDays(DAYS - 1);

    /** The counter of the latency probes: a cumulative toll far above any other makes each probe its key's best. */
    static final String PROBE_COUNTER = "tollwatch bench probe";
    /** Above any load figure, below the plausibility bound (report.max.value), so probes are counted, not dead-lettered. */
    static final long PROBE_BASE = 10_000_000L;

    private BenchLoad() {
    }

    /** {@code count} reports with ids {@code bench-<first>} onwards. */
    public static List<Report> reports(int first, int count, long seed) {
        Random rnd = new Random(seed ^ first);
        List<Report> out = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            out.add(report(i, rnd, null));
        }
        return out;
    }

    /**
     * A load report whose first figure is probe {@code n}: a toll at {@link #PLACES}{@code [n % 40]} worth
     * PROBE_BASE + n, published a millisecond after probe n − 1, so each probe is its counter's latest (rule 1). The
     * probe takes a figure's place rather than adding one, so that the latency phase's reports carry as many figures
     * as the drained ones and half the drain's report rate is half its load.
     */
    static Report probe(int id, int n, Random rnd) {
        ReportedFigure probe = ReportedFigure.newBuilder()
                .setMetric("killed").setValue(PROBE_BASE + n).setPopulation("all").setQualifier("exact")
                .setBasis("cumulative").setLocation(probePlace(n)).setCounter(PROBE_COUNTER)
                .setDate(LAST_DAY).build();
        Report r = report(id, rnd, probe);
        r.setPublishedAt(LAST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC).plusMillis(n));
        return r;
    }

    static String probePlace(int n) {
        return PLACES[n % PLACES.length];
    }

    /** Figures of the structured reports {@link #reports} makes. */
    public static int figures(List<Report> reports) {
        return reports.stream().mapToInt(r -> r.getFigures().size()).sum();
    }

    private static Report report(int id, Random rnd, ReportedFigure probe) {
        int day = rnd.nextInt(DAYS);
        LocalDate date = FIRST_DAY.plusDays(day);
        int counter = rnd.nextInt(COUNTERS.length);
        String place = PLACES[rnd.nextInt(PLACES.length)];
        List<ReportedFigure> figures = new ArrayList<>(4);
        int n = 1 + rnd.nextInt(4);
        for (int k = 0; k < n; k++) {
            String metric = METRICS[rnd.nextInt(METRICS.length)];
            boolean cumulative = counter < MONITORS;
            long value = cumulative ? cumulativeValue(metric, day, rnd) : incidentValue(metric, rnd);
            figures.add(ReportedFigure.newBuilder()
                    .setMetric(metric).setValue(value)
                    .setPopulation(POPULATIONS[rnd.nextInt(POPULATIONS.length)])
                    .setQualifier(rnd.nextInt(5) == 0 ? "at_least" : "exact")
                    .setBasis(cumulative ? "cumulative" : "incident")
                    .setLocation(k == 0 ? place : PLACES[rnd.nextInt(PLACES.length)])
                    .setCounter(COUNTERS[counter])
                    .setDate(date)
                    .build());
        }
        if (probe != null) {
            figures.set(0, probe);
        }
        Instant published = date.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600L + rnd.nextInt(20 * 3600));
        return Report.newBuilder()
                .setReportId("bench-" + id)
                .setSource(COUNTERS[counter])
                .setPublishedAt(published)
                .setLocation(place)
                .setFigures(figures)
                .build();
    }

    private static long cumulativeValue(String metric, int day, Random rnd) {
        long perDay = metric.equals("displaced") ? 900 : 12;
        return perDay * (day + 1) + rnd.nextInt(50);
    }

    private static long incidentValue(String metric, Random rnd) {
        return metric.equals("displaced") ? 100L * (1 + rnd.nextInt(50)) : 1 + rnd.nextInt(40);
    }
}
