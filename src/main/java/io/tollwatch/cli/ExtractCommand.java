package io.tollwatch.cli;

import io.tollwatch.report.Normalizer;
import io.tollwatch.report.ReportJson;
import io.tollwatch.report.ReportValidator;
import io.tollwatch.schema.Figure;
import io.tollwatch.schema.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Prints the normalised figures of reports, one JSON Figure a line.",
                "Input: JSON-lines reports from the files (or standard input); with --text, each file is one report's text."})
final class ExtractCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "Report files (JSON lines); standard input when none.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--text", description = "Each FILE is the plain text of one report.")
    boolean text;

    @Option(names = "--source", defaultValue = "unknown", description = "With --text: the reports' source (default: ${DEFAULT-VALUE}).")
    String source;

    @Option(names = "--published-at", description = "With --text: ISO-8601 publication time (default: now).")
    Instant publishedAt;

    @Option(names = "--location", description = "With --text: the place hint (dateline).")
    String location;

    @Override
    public Integer call() throws IOException {
        List<Report> reports = text ? textReports() : ReportFiles.read(files);
        Normalizer normalizer = Normalizer.defaults();
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        int invalid = 0;
        for (Report r : reports) {
            var problem = ReportValidator.problem(r);
            if (problem.isPresent()) {
                System.err.println("tollwatch: skipped: " + problem.get());
                invalid++;
                continue;
            }
            for (Figure f : normalizer.figures(r)) {
                out.println(ReportJson.MAPPER.writeValueAsString(ReportJson.toJson(f)));
            }
        }
        out.flush();
        return invalid == 0 ? 0 : 1;
    }

    private List<Report> textReports() throws IOException {
        if (files.isEmpty()) {
            throw new UserException("--text needs at least one FILE");
        }
        List<Report> out = new ArrayList<>();
        Instant at = publishedAt != null ? publishedAt : Instant.now();
        for (Path f : files) {
            out.add(Report.newBuilder()
                    .setReportId(f.getFileName().toString())
                    .setSource(source)
                    .setPublishedAt(at)
                    .setLocation(location)
                    .setText(new String(Files.readAllBytes(f), StandardCharsets.UTF_8))
                    .setFigures(List.of())
                    .build());
        }
        return out;
    }
}
