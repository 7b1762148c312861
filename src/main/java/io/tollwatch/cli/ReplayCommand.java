package io.tollwatch.cli;

import io.tollwatch.report.Normalizer;
import io.tollwatch.report.ReportJson;
import io.tollwatch.runtime.Files2;
import io.tollwatch.schema.Report;
import io.tollwatch.serve.Replay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Runs the topology in-process over reports and prints the final totals.",
                "The real topology on Kafka Streams' in-process driver (no broker), reports in file order; one JSON",
                "Total a line, sorted by key. Rejected reports are listed on stderr."})
final class ReplayCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "Report files (JSON lines); standard input when none.")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<Report> reports = ReportFiles.read(files);
        Normalizer normalizer = Normalizer.defaults();
        Path state = Files.createTempDirectory("tollwatch-replay");
        try {
            Replay.Result result = Replay.run(reports, normalizer::figures, normalizer.gazetteer()::regionName, state,
                    Progress.onTerminal("replayed", reports.size()));
            result.rejected().forEach(reason -> System.err.println("tollwatch: rejected: " + reason));
            PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
            for (var total : result.totals().values()) {
                out.println(ReportJson.MAPPER.writeValueAsString(ReportJson.toJson(total)));
            }
            out.flush();
        } finally {
            Files2.deleteRecursively(state);
        }
        return 0;
    }
}
