package io.tollwatch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Mistakes users make get one clear line and exit code 2, never a stack trace. */
class CliErrorsTest {

    private record Outcome(int code, String err) {
    }

    private static Outcome run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Outcome(code, err.toString());
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void unreachableRegistryNamesItsUrl(@TempDir Path dir) throws Exception {
        Path reports = dir.resolve("r.jsonl");
        Files.writeString(reports, "{\"report_id\":\"r\",\"source\":\"AFP\",\"published_at\":\"2024-01-01T00:00:00Z\",\"text\":\"x\"}\n");
        String url = "http://127.0.0.1:" + closedPort();
        Outcome o = run("produce", "--set", "schema.registry.url=" + url, reports.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).startsWith("tollwatch: ").contains(url).doesNotContain("\tat ");
    }

    @Test
    void unknownSettingIsNamed(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("tollwatch.properties");
        Files.writeString(config, "kafka.bootstrap.servers=localhost:9092\nhttp.prot=8080\n");
        Outcome o = run("run", "--config", config.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("unknown setting 'http.prot'").contains(config.toString());
    }

    @Test
    void badReportLineIsNamedByFileAndLine(@TempDir Path dir) throws Exception {
        Path reports = dir.resolve("bad.jsonl");
        Files.writeString(reports, "{\"report_id\":\"a\",\"source\":\"AFP\",\"published_at\":\"2024-01-01T00:00:00Z\",\"text\":\"x\"}\n{oops\n");
        Outcome o = run("replay", reports.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("bad.jsonl line 2").contains("not valid JSON");
    }

    @Test
    void missingFileIsAClearError() {
        Outcome o = run("extract", "/no/such/file.jsonl");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("cannot read /no/such/file.jsonl");
    }

    @Test
    void benchRefusesALatencyRateOfZeroBeforeStartingAnything() {
        Outcome o = run("bench", "--quick", "--latency-rate", "0");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("--latency-rate must be above 0");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[]{"demo", "run", "extract", "replay", "produce", "bench"}) {
            CommandLine cl = Main.commandLine();
            StringWriter out = new StringWriter();
            cl.setOut(new PrintWriter(out, true));
            assertThat(cl.execute(command, "--help")).isZero();
            assertThat(out.toString()).as(command).contains("Usage: tollwatch " + command);
        }
    }
}
