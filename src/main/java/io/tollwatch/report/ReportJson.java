package io.tollwatch.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tollwatch.schema.Report;
import io.tollwatch.schema.ReportedFigure;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reports and output records in JSON, with the field names of the Avro schemas (spec §4): reports come in as JSON
 * lines on the command line and over HTTP; figures and totals go out as JSON lines.
 */
public final class ReportJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportJson() {
    }

    /** Parses one JSON report. Syntax errors and wrongly typed fields are {@link InvalidReportException}s. */
    public static Report parse(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidReportException("not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidReportException("a report must be a JSON object");
        }
        // Setters, not the builder: a missing required field must reach the validator, which names it.
        Report r = new Report();
        // A missing id or source stays representable in Avro (as ""), so the service can dead-letter it with a reason.
        r.setReportId(orEmpty(text(node, "report_id")));
        r.setSource(orEmpty(text(node, "source")));
        Instant published = instant(node, "published_at");
        if (published == null) {
            throw new InvalidReportException("published_at is missing");
        }
        r.setPublishedAt(published);
        r.setUrl(text(node, "url"));
        r.setTitle(text(node, "title"));
        String language = text(node, "language");
        r.setLanguage(language != null ? language : "en");
        r.setLocation(text(node, "location"));
        r.setText(text(node, "text"));
        List<ReportedFigure> figures = new ArrayList<>();
        JsonNode fs = node.get("figures");
        if (fs != null && !fs.isNull()) {
            if (!fs.isArray()) {
                throw new InvalidReportException("figures must be an array");
            }
            for (JsonNode f : fs) {
                figures.add(figure(f));
            }
        }
        r.setFigures(figures);
        return r;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Reads JSON lines, skipping blank ones; a bad line is an error naming its number. */
    public static List<Report> readLines(BufferedReader in, String name) {
        List<Report> out = new ArrayList<>();
        try {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(parse(line));
                } catch (InvalidReportException e) {
                    throw new InvalidReportException(name + " line " + n + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static ReportedFigure figure(JsonNode f) {
        if (!f.isObject()) {
            throw new InvalidReportException("each figure must be a JSON object");
        }
        JsonNode v = f.get("value");
        if (v == null || v.isNull()) {
            throw new InvalidReportException("figure value is missing");
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new InvalidReportException("figure value '" + v.asText() + "' is not a whole number");
        }
        ReportedFigure.Builder b = ReportedFigure.newBuilder()
                .setMetric(String.valueOf(text(f, "metric")))
                .setValue(v.asLong())
                .setLocation(text(f, "location"))
                .setCounter(text(f, "counter"))
                .setDate(date(f, "date"));
        String population = text(f, "population");
        if (population != null) {
            b.setPopulation(population);
        }
        String qualifier = text(f, "qualifier");
        if (qualifier != null) {
            b.setQualifier(qualifier);
        }
        String basis = text(f, "basis");
        if (basis != null) {
            b.setBasis(basis);
        }
        return b.build();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new InvalidReportException(field + " must be a string");
        }
        return v.asText();
    }

    private static Instant instant(JsonNode node, String field) {
        String s = text(node, field);
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(s).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new InvalidReportException(field + " '" + s + "' is not an ISO-8601 timestamp");
            }
        }
    }

    private static LocalDate date(JsonNode node, String field) {
        String s = text(node, field);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            throw new InvalidReportException(field + " '" + s + "' is not an ISO-8601 date");
        }
    }

    /** Any generated record as JSON with its schema's field names; timestamps and days in ISO-8601. */
    public static ObjectNode toJson(SpecificRecord record) {
        ObjectNode out = MAPPER.createObjectNode();
        for (Schema.Field field : record.getSchema().getFields()) {
            out.set(field.name(), value(record.get(field.pos())));
        }
        return out;
    }

    private static JsonNode value(Object v) {
        if (v == null) {
            return MAPPER.nullNode();
        }
        if (v instanceof SpecificRecord r) {
            return toJson(r);
        }
        if (v instanceof Collection<?> c) {
            ArrayNode a = MAPPER.createArrayNode();
            c.forEach(x -> a.add(value(x)));
            return a;
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = MAPPER.createObjectNode();
            m.forEach((k, x) -> o.set(String.valueOf(k), value(x)));
            return o;
        }
        if (v instanceof Long l) {
            return MAPPER.getNodeFactory().numberNode(l);
        }
        if (v instanceof Integer i) {
            return MAPPER.getNodeFactory().numberNode(i);
        }
        if (v instanceof Double d) {
            return MAPPER.getNodeFactory().numberNode(d);
        }
        if (v instanceof Boolean b) {
            return MAPPER.getNodeFactory().booleanNode(b);
        }
        return MAPPER.getNodeFactory().textNode(v.toString());
    }
}
