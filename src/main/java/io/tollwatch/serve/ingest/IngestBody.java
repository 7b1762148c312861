package io.tollwatch.serve.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tollwatch.report.InvalidReportException;
import io.tollwatch.report.ReportJson;
import io.tollwatch.report.ReportValidator;
import io.tollwatch.schema.Report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An ingest body, one JSON report, JSON lines (any sequence of JSON objects) or a JSON array of reports, to reports: every report is parsed
 * and validated, and every problem is collected with the position of its report. Strict UTF-8; nesting deeper than
 * a report ever needs is refused by the parser before it builds anything.
 */
final class IngestBody {
    /** A report nests three deep (report, figures, figure); the limit leaves room and refuses hostile depth. */
    static final int MAX_DEPTH = 16;
    /** One request carries at most this many reports. */
    static final int MAX_REPORTS = 10_000;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxNumberLength(40).build())
            .build());

    record Parsed(List<Report> reports, List<String> problems) {
    }

    private IngestBody() {
    }

    static Parsed parse(byte[] body) {
        List<Report> reports = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return new Parsed(reports, List.of("the body is not valid UTF-8"));
        }
        int n = 0;
        try (MappingIterator<JsonNode> values = MAPPER.readerFor(JsonNode.class).readValues(text)) {
            while (values.hasNextValue()) {
                JsonNode value = values.nextValue();
                int line = values.getCurrentLocation().getLineNr();
                for (JsonNode node : value.isArray() ? value : List.of(value)) {
                    n++;
                    if (n > MAX_REPORTS) {
                        problems.add("more than " + MAX_REPORTS + " reports in one request");
                        return new Parsed(reports, problems);
                    }
                    String where = "report " + n + " (line " + line + ")";
                    try {
                        Report r = ReportJson.parse(MAPPER.writeValueAsString(node));
                        ReportValidator.problem(r).ifPresentOrElse(p -> problems.add(where + ": " + p), () -> reports.add(r));
                    } catch (InvalidReportException e) {
                        problems.add(where + ": " + e.getMessage());
                    }
                }
            }
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            problems.add("report " + (n + 1) + ": not valid JSON" + at + ": " + e.getOriginalMessage());
        } catch (IOException | RuntimeException e) {
            problems.add("report " + (n + 1) + ": not valid JSON");
        }
        if (n == 0 && problems.isEmpty()) {
            problems.add("the body holds no report");
        }
        return new Parsed(reports, problems);
    }
}
