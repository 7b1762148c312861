package io.tollwatch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The README's first command: `java -jar target/tollwatch.jar demo` starts everything, shows totals and the dashboard, and stops cleanly. */
class DemoIT {

    @Test
    void demoStartsTheStackPublishesSamplesAndStopsCleanly(@TempDir Path dir) throws Exception {
        Path jar = Path.of(System.getProperty("user.dir"), "target", "tollwatch.jar");
        assertThat(jar).exists();
        Process demo = new ProcessBuilder("java", "-jar", jar.toString(), "demo", "--http-port", "0",
                "--print-totals", "--data-dir", dir.toString()).redirectError(dir.resolve("demo.err").toFile()).start();
        List<String> out = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    out.add(line);
                }
            } catch (Exception ignored) {
                // the process ended
            }
        });
        reader.start();
        try {
            awaitLine(out, l -> l.contains("best 650") && l.startsWith("MX-SIN"), demo);
            awaitLine(out, l -> l.startsWith("SD-DN") && l.contains("displaced") && l.contains("best 380,000"), demo);
            // Read from text: the monitor's toll rose from 255 to 277, and the resent report changes nothing.
            awaitLine(out, l -> l.startsWith("SY-HL") && l.contains("killed    all") && l.contains("best 277"), demo);
            awaitLine(out, l -> l.startsWith("SY-HL") && l.contains("civilians") && l.contains("best 24  low 4"), demo);
            assertThat(out).noneMatch(l -> l.startsWith("SY-HL") && l.contains("killed    all") && l.contains("best 532"));
            String broker = value(out, "Kafka broker\\s+(\\S+)");
            String registry = value(out, "schema registry\\s+(\\S+)");
            String service = value(out, "service\\s+(http://\\S+)");
            assertThat(broker).matches("127\\.0\\.0\\.1:\\d+");

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> subjects = http.send(HttpRequest.newBuilder(URI.create(registry + "/subjects")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(subjects.body()).contains("tollwatch.reports.v1-value").contains("tollwatch.totals.v1-value");
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(service + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            String dashboard = value(out, "dashboard\\s+(http://\\S+)");
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(dashboard)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<title>tollwatch</title>");

            demo.destroy();
            assertThat(demo.waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
            URI r = URI.create(registry);
            assertThatThrownBy(() -> new Socket(r.getHost(), r.getPort()).close()).as("registry stopped")
                    .isInstanceOf(ConnectException.class);
            String[] hp = broker.split(":");
            assertThatThrownBy(() -> new Socket(hp[0], Integer.parseInt(hp[1])).close()).as("broker stopped")
                    .isInstanceOf(ConnectException.class);
        } finally {
            demo.destroyForcibly();
        }
    }

    private static void awaitLine(List<String> out, Predicate<String> wanted, Process p) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        while (System.nanoTime() < deadline) {
            if (out.stream().anyMatch(wanted)) {
                return;
            }
            assertThat(p.isAlive()).as("demo still running; output so far: %s", out).isTrue();
            Thread.sleep(200);
        }
        throw new AssertionError("line not printed; output: " + out);
    }

    private static String value(List<String> out, String regex) {
        Pattern p = Pattern.compile("^\\s*" + regex);
        for (String line : out) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no line matching " + regex + " in " + out);
    }
}
