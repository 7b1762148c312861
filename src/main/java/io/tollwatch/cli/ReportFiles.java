package io.tollwatch.cli;

import io.tollwatch.report.ReportJson;
import io.tollwatch.schema.Report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads JSON-lines report files, or standard input when no file is named. */
final class ReportFiles {
    private ReportFiles() {
    }

    static List<Report> read(List<Path> files) {
        List<Report> out = new ArrayList<>();
        if (files == null || files.isEmpty()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            out.addAll(ReportJson.readLines(in, "<stdin>"));
            return out;
        }
        for (Path f : files) {
            try (BufferedReader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                out.addAll(ReportJson.readLines(in, f.toString()));
            } catch (IOException e) {
                throw new UserException("cannot read " + f + ": " + e.getMessage());
            }
        }
        return out;
    }
}
