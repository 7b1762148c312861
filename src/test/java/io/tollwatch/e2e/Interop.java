package io.tollwatch.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollwatch.report.ReportJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The Node project in {@code interop/}: installing its pinned dependencies and running its scripts. */
final class Interop {
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

    private Interop() {
    }

    /** {@code <project>/interop}. Failsafe runs in the project folder and sets {@code basedir}. */
    static Path dir() {
        Path base = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Path interop = base.resolve("interop");
        if (!Files.isRegularFile(interop.resolve("roundtrip.mjs"))) {
            throw new IllegalStateException("no interop/roundtrip.mjs under " + base);
        }
        return interop;
    }

    /**
     * Runs {@code npm ci} (exactly the versions of package-lock.json) when {@code interop/node_modules} is missing or
     * older than the lock file.
     */
    static synchronized void ensureInstalled() throws IOException, InterruptedException {
        Path interop = dir();
        Path installed = interop.resolve("node_modules").resolve(".package-lock.json");
        if (Files.isRegularFile(installed) && Files.getLastModifiedTime(installed)
                .compareTo(Files.getLastModifiedTime(interop.resolve("package-lock.json"))) >= 0) {
            return;
        }
        Path log = Files.createTempFile("tollwatch-npm-ci", ".log");
        Process p = new ProcessBuilder("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund")
                .directory(interop.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!p.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("npm ci in " + interop + " did not finish within " + INSTALL_TIMEOUT
                    + ":\n" + Files.readString(log));
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("npm ci in " + interop + " failed with exit code " + p.exitValue()
                    + ":\n" + Files.readString(log));
        }
    }

    /** Runs {@code node <interop>/roundtrip.mjs args…}, killing it after {@code timeout}. */
    static Run run(Path workDir, Duration timeout, String... args) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path stdout = workDir.resolve("stdout.jsonl");
        Path stderr = workDir.resolve("stderr.log");
        List<String> command = new ArrayList<>(List.of("node", dir().resolve("roundtrip.mjs").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .directory(dir().toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        boolean finished = p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        return new Run(finished ? p.exitValue() : -1, Files.readAllLines(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8), finished);
    }

    /** A finished (or killed) run: exit code (-1 when killed at the timeout), standard output lines, standard error. */
    record Run(int exitCode, List<String> stdout, String stderr, boolean finished) {
        List<JsonNode> lines(String type) {
            List<JsonNode> out = new ArrayList<>();
            for (String line : stdout) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode n = ReportJson.MAPPER.readTree(line);
                    if (type.equals(n.path("type").asText())) {
                        out.add(n);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("not a JSON line from the script: " + line, e);
                }
            }
            return out;
        }

        JsonNode last(String type) {
            List<JsonNode> all = lines(type);
            if (all.isEmpty()) {
                throw new AssertionError("no '" + type + "' line from the script; " + describe());
            }
            return all.get(all.size() - 1);
        }

        String describe() {
            String out = String.join("\n", stdout);
            return (finished ? "exit code " + exitCode : "killed at the timeout") + "\n--- stdout (last 4000 chars)\n"
                    + tail(out) + "\n--- stderr (last 4000 chars)\n" + tail(stderr);
        }

        private static String tail(String s) {
            return s.length() <= 4000 ? s : "…" + s.substring(s.length() - 4000);
        }
    }
}
