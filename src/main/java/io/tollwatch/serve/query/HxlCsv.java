package io.tollwatch.serve.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.tollwatch.count.CountryRollup;
import io.tollwatch.count.Metric;
import io.tollwatch.count.Vocabulary;
import io.tollwatch.schema.CounterFigure;
import io.tollwatch.schema.Total;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Totals as CSV with an HXL 1.1 hashtag row under the header: one row per region and population, the three metrics
 * side by side as best / low (+min) / high (+max), the counters ({@code #meta+source}) and the latest update.
 */
final class HxlCsv {
    static final List<String> HEADER = new ArrayList<>();
    static final List<String> HASHTAGS = new ArrayList<>();

    static {
        column("country", "#country+code");
        column("region", "#adm1+code");
        column("region_name", "#adm1+name");
        column("population", "#meta+population");
        for (Metric m : Metric.values()) {
            String w = Vocabulary.wire(m);
            column(w + "_best", "#affected+" + w + "+best");
            column(w + "_low", "#affected+" + w + "+min");
            column(w + "_high", "#affected+" + w + "+max");
        }
        column("counters", "#meta+source");
        column("updated_at", "#date+reported");
    }

    /** Quotes only where CSV needs it, so the hashtag row stays plain text for HXL tools. */
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    private HxlCsv() {
    }

    private static void column(String name, String hashtag) {
        HEADER.add(name);
        HASHTAGS.add(hashtag);
    }

    static String totals(List<Total> totals) {
        Map<String, List<Total>> rows = new LinkedHashMap<>();
        for (Total t : totals) {
            rows.computeIfAbsent(t.getRegion() + "|" + t.getPopulation(), k -> new ArrayList<>()).add(t);
        }
        List<List<String>> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.add(HASHTAGS);
        rows.values().forEach(row -> lines.add(line(row)));
        try {
            return CSV.writer(CsvSchema.emptySchema().withLineSeparator("\r\n")).writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> line(List<Total> row) {
        Total first = row.get(0);
        boolean subdivision = CountryRollup.isSubdivision(first.getRegion());
        List<String> out = new ArrayList<>();
        out.add(first.getCountry());
        out.add(subdivision ? first.getRegion() : "");
        out.add(subdivision ? text(first.getRegionName()) : "");
        out.add(first.getPopulation());
        TreeSet<String> counters = new TreeSet<>();
        Instant updated = Instant.EPOCH;
        for (Metric m : Metric.values()) {
            Total t = row.stream().filter(x -> x.getMetric().equals(Vocabulary.wire(m))).findFirst().orElse(null);
            out.add(t == null ? "" : Long.toString(t.getBest()));
            out.add(t == null ? "" : Long.toString(t.getLow()));
            out.add(t == null ? "" : Long.toString(t.getHigh()));
            if (t != null) {
                t.getCounters().stream().map(CounterFigure::getCounter).forEach(counters::add);
                updated = t.getUpdatedAt().isAfter(updated) ? t.getUpdatedAt() : updated;
            }
        }
        out.add(text(String.join("; ", counters)));
        out.add(updated.toString());
        return out;
    }

    /**
     * Names come from report text: a cell a spreadsheet would take for a formula (=, +, -, @) is prefixed with an
     * apostrophe, so opening the export never runs anything.
     */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }
}
