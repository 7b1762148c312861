package io.tollwatch.serve.http;

import io.tollwatch.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpServerTest {
    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> send(HttpServer server, HttpRequest.Builder req) throws Exception {
        return client.send(req.uri(URI.create("http://localhost:" + server.port() + req.build().uri().getPath())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://x" + path));
    }

    @Test
    void modulesMountRoutesAndHooks() throws Exception {
        List<String> seen = new ArrayList<>();
        try (HttpServer server = HttpServer.builder().port(0)
                .module(r -> r.get("/a", ctx -> ctx.result("A")))
                .module(r -> r.after(ctx -> seen.add(ctx.path() + " " + ctx.statusCode())))
                .start()) {
            HttpResponse<String> a = send(server, get("/a"));
            assertThat(a.statusCode()).isEqualTo(200);
            assertThat(a.body()).isEqualTo("A");
            assertThat(send(server, get("/nothing")).statusCode()).isEqualTo(404);
            assertThat(seen).contains("/a 200");
        }
    }

    @Test
    void aFailingHandlerAnswers500WithoutStackTrace() throws Exception {
        try (HttpServer server = HttpServer.builder().port(0)
                .module(r -> r.get("/boom", ctx -> {
                    throw new IllegalStateException("secret detail at io.tollwatch.Foo");
                }))
                .start()) {
            HttpResponse<String> r = send(server, get("/boom"));
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.body()).contains("internal error").doesNotContain("secret").doesNotContain("Exception")
                    .doesNotContain("at io.");
        }
    }

    @Test
    void bodiesAboveTheLimitAre413() throws Exception {
        try (HttpServer server = HttpServer.builder().port(0).maxRequestBytes(1000)
                .module(r -> r.post("/in", ctx -> ctx.result(Integer.toString(ctx.body().length()))))
                .start()) {
            HttpResponse<String> small = send(server, get("/in").POST(HttpRequest.BodyPublishers.ofString("x".repeat(999))));
            assertThat(small.statusCode()).isEqualTo(200);
            assertThat(small.body()).isEqualTo("999");
            HttpResponse<String> big = send(server, get("/in").POST(HttpRequest.BodyPublishers.ofString("x".repeat(5000))));
            assertThat(big.statusCode()).isEqualTo(413);
        }
    }

    @Test
    void corsIsOff() throws Exception {
        try (HttpServer server = HttpServer.builder().port(0).module(r -> r.get("/a", ctx -> ctx.result("A"))).start()) {
            HttpResponse<String> r = send(server, get("/a").header("Origin", "http://evil.example"));
            assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void aTakenPortIsAClearError() {
        try (HttpServer first = HttpServer.builder().port(0).start()) {
            assertThatThrownBy(() -> HttpServer.builder().port(first.port()).start())
                    .isInstanceOf(ConfigException.class).hasMessageContaining("http.port " + first.port());
        }
    }
}
