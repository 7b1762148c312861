package io.tollwatch.serve.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollwatch.report.ReportJson;
import io.tollwatch.schema.Report;
import io.tollwatch.serve.http.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP ingest against hostile bodies: a few hundred of them (random bytes, truncated and deeply nested JSON, huge
 * numbers and strings, invalid UTF-8, control characters, wrong types) interleaved with valid reports. The server
 * never fails: each hostile body is a 400 or 413 with its reasons and no stack trace, each valid report is accepted.
 */
class IngestRoutesTest {
    private static final String TOKEN = "s3cret-token";
    private static final int MAX_BYTES = 64 * 1024;
    private final List<Report> written = Collections.synchronizedList(new ArrayList<>());
    private final HttpClient client = HttpClient.newHttpClient();
    private HttpServer server;

    @BeforeEach
    void start() {
        server = HttpServer.builder().port(0)
                .module(new IngestRoutes(TOKEN, MAX_BYTES, 100_000, written::addAll))
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(byte[] body, String token) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + IngestRoutes.PATH))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            req.header("Authorization", "Bearer " + token);
        }
        return client.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String valid(String id) {
        return "{\"report_id\":\"" + id + "\",\"source\":\"AFP\",\"published_at\":\"2024-11-29T18:00:00Z\","
                + "\"figures\":[{\"metric\":\"killed\",\"value\":3,\"location\":\"SY-HL\"}]}";
    }

    @Test
    void oneReportJsonLinesAndAnArrayAreAccepted() throws Exception {
        HttpResponse<String> one = post(valid("a").getBytes(StandardCharsets.UTF_8), TOKEN);
        assertThat(one.statusCode()).isEqualTo(202);
        assertThat(ReportJson.MAPPER.readTree(one.body()).get("report_ids").toString()).isEqualTo("[\"a\"]");
        String pretty = ReportJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(ReportJson.MAPPER.readTree(valid("p")));
        assertThat(post(pretty.getBytes(StandardCharsets.UTF_8), TOKEN).statusCode()).isEqualTo(202);
        HttpResponse<String> lines = post((valid("b") + "\n\n" + valid("c") + "\n").getBytes(StandardCharsets.UTF_8), TOKEN);
        assertThat(lines.statusCode()).isEqualTo(202);
        assertThat(lines.body()).contains("\"accepted\":2");
        assertThat(post(("[" + valid("d") + "," + valid("e") + "]").getBytes(StandardCharsets.UTF_8), TOKEN).statusCode())
                .isEqualTo(202);
        assertThat(written).extracting(Report::getReportId).containsExactly("a", "p", "b", "c", "d", "e");
    }

    @Test
    void invalidReportsAreRefusedWithEveryReasonAndNothingIsWritten() throws Exception {
        String body = valid("ok") + "\n{\"report_id\":\"neg\",\"source\":\"AFP\",\"published_at\":\"2024-11-29T18:00:00Z\","
                + "\"figures\":[{\"metric\":\"killed\",\"value\":-4}]}\n{\"report_id\":\"\",\"source\":\"AFP\","
                + "\"published_at\":\"2024-11-29T18:00:00Z\",\"text\":\"x\"}\n";
        HttpResponse<String> r = post(body.getBytes(StandardCharsets.UTF_8), TOKEN);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode reasons = ReportJson.MAPPER.readTree(r.body()).get("reasons");
        assertThat(reasons).hasSize(2);
        assertThat(reasons.get(0).asText()).contains("report 2").contains("negative value -4");
        assertThat(reasons.get(1).asText()).contains("report 3").contains("report_id is missing");
        assertThat(written).isEmpty();
    }

    @Test
    void theTokenIsRequired() throws Exception {
        byte[] body = valid("t").getBytes(StandardCharsets.UTF_8);
        assertThat(post(body, null).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = post(body, "s3cret-tokem");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(post(body, TOKEN + "x").statusCode()).isEqualTo(401);
        assertThat(post(body, "").statusCode()).isEqualTo(401);
        assertThat(written).isEmpty();
        assertThat(post(body, TOKEN).statusCode()).isEqualTo(202);
    }

    @Test
    void aClientAboveTheRateIsTold429() throws Exception {
        try (HttpServer limited = HttpServer.builder().port(0)
                .module(new IngestRoutes(null, MAX_BYTES, 3, written::addAll)).start()) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                statuses.add(client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + limited.port() + IngestRoutes.PATH))
                        .POST(HttpRequest.BodyPublishers.ofString(valid("r" + i))).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode());
            }
            assertThat(statuses).containsExactly(202, 202, 202, 429, 429);
        }
    }

    @Test
    void hostileBodiesNeverBreakTheServer() throws Exception {
        Random random = new Random(15);
        List<Supplier<byte[]>> hostile = List.of(
                () -> bytes(random, 1 + random.nextInt(2000)),
                () -> ("[".repeat(1 + random.nextInt(50_000))).getBytes(StandardCharsets.UTF_8),
                () -> ("{\"a\":".repeat(1 + random.nextInt(20_000)) + "1" + "}".repeat(10)).getBytes(StandardCharsets.UTF_8),
                () -> truncated(random),
                () -> ("{\"report_id\":\"n\",\"source\":\"AFP\",\"published_at\":\"2024-11-29T18:00:00Z\",\"figures\":"
                        + "[{\"metric\":\"killed\",\"value\":" + "9".repeat(50 + random.nextInt(5000)) + "}]}")
                        .getBytes(StandardCharsets.UTF_8),
                () -> ("{\"report_id\":\"" + "x".repeat(MAX_BYTES + random.nextInt(1000)) + "\"}").getBytes(StandardCharsets.UTF_8),
                () -> withInvalidUtf8(random),
                () -> ("{\"report_id\":\"c\u0000\u0007\",\"source\":\"AFP\",\"published_at\":\"2024-13-45T99:00:00Z\",\"text\":\"x\"}")
                        .getBytes(StandardCharsets.UTF_8),
                () -> ("{\"report_id\":{\"nested\":[1,2]},\"source\":[],\"published_at\":true}").getBytes(StandardCharsets.UTF_8),
                () -> ("{\"report_id\":\"u\",\"source\":\"AFP\",\"published_at\":\"2024-11-29T18:00:00Z\",\"figures\":"
                        + "[{\"metric\":\"arrested\",\"value\":1.5,\"population\":\"aliens\"}]}").getBytes(StandardCharsets.UTF_8),
                () -> new byte[0],
                () -> "null\n42\n\"text\"\n".getBytes(StandardCharsets.UTF_8),
                () -> ("[" + "{},".repeat(20_000) + "{}]").getBytes(StandardCharsets.UTF_8));
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            byte[] body = hostile.get(i % hostile.size()).get();
            HttpResponse<String> r;
            try {
                r = post(body, TOKEN);
            } catch (IOException closed) {
                // Over the limit, the 413 is given from Content-Length without reading the body, and the server may
                // close the connection while this client is still sending it: refused either way.
                assertThat(body.length).as("only an oversized body may see the connection closed").isGreaterThan(MAX_BYTES);
                continue;
            }
            assertThat(r.statusCode()).as("hostile body %d (%d bytes): %s", i, body.length, r.body()).isIn(400, 413);
            assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at io.tollwatch");
            if (r.statusCode() == 400) {
                assertThat(ReportJson.MAPPER.readTree(r.body()).get("reasons").size()).isPositive();
            }
            if (i % 10 == 0) {
                String id = "valid-" + i;
                assertThat(post(valid(id).getBytes(StandardCharsets.UTF_8), TOKEN).statusCode()).isEqualTo(202);
                accepted.add(id);
            }
        }
        assertThat(written).extracting(Report::getReportId).containsExactlyElementsOf(accepted);
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] truncated(Random random) {
        String v = valid("t");
        return v.substring(0, random.nextInt(v.length() - 1)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withInvalidUtf8(Random random) {
        byte[] v = valid("bad-utf8").getBytes(StandardCharsets.UTF_8);
        v[20 + random.nextInt(10)] = (byte) (0xC0 | random.nextInt(2));
        return v;
    }
}
