package io.tollwatch.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.tollwatch.schema.Report;
import io.tollwatch.schema.Total;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SchemaRegistryClientTest {
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    private FakeRegistry fake() throws IOException {
        FakeRegistry fake = new FakeRegistry();
        closeables.add(fake);
        return fake;
    }

    @Test
    void registersOnceAndCachesTheId() throws IOException {
        FakeRegistry fake = fake();
        SchemaRegistryClient client = new SchemaRegistryClient(fake.url());

        int id = client.register("reports-value", Report.getClassSchema());
        assertThat(client.register("reports-value", Report.getClassSchema())).isEqualTo(id);

        assertThat(fake.requests).containsExactly("POST /subjects/reports-value/versions");
        assertThat(fake.contentTypes).containsExactly(SchemaRegistryClient.CONTENT_TYPE);
        // The registered schema is known by id without asking.
        assertThat(client.byId(id)).isEqualTo(Report.getClassSchema());
        assertThat(fake.requestCount()).isEqualTo(1);
    }

    @Test
    void theLoserOfAConcurrentFirstRegistrationAsksAgain() throws IOException {
        FakeRegistry fake = fake();
        fake.conflictsToAnswer.set(1);
        SchemaRegistryClient client = new SchemaRegistryClient(fake.url());

        int id = client.register("reports-value", Report.getClassSchema());

        assertThat(client.byId(id)).isEqualTo(Report.getClassSchema());
        assertThat(fake.requests).containsExactly("POST /subjects/reports-value/versions",
                "POST /subjects/reports-value/versions");
    }

    @Test
    void sameSchemaUnderTwoSubjectsHasOneIdAndOtherSchemasOthers() throws IOException {
        SchemaRegistryClient client = new SchemaRegistryClient(fake().url() + "/");
        int a = client.register("a-value", Report.getClassSchema());
        int b = client.register("b-value", Report.getClassSchema());
        int c = client.register("a-value", Total.getClassSchema());
        assertThat(b).isEqualTo(a);
        assertThat(c).isNotEqualTo(a);
        assertThat(client.subjects()).containsExactly("a-value", "b-value");
    }

    @Test
    void encodesSubjectsInThePath() throws IOException {
        FakeRegistry fake = fake();
        new SchemaRegistryClient(fake.url()).register("odd topic/name-value", Report.getClassSchema());
        assertThat(fake.requests).containsExactly("POST /subjects/odd%20topic%2Fname-value/versions");
    }

    @Test
    void fetchesByIdOnceAndCaches() throws IOException {
        FakeRegistry fake = fake();
        fake.put(42, Total.getClassSchema());
        SchemaRegistryClient client = new SchemaRegistryClient(fake.url());
        assertThat(client.byId(42)).isEqualTo(Total.getClassSchema());
        assertThat(client.byId(42)).isEqualTo(Total.getClassSchema());
        assertThat(fake.requests).containsExactly("GET /schemas/ids/42");
    }

    @Test
    void byIdIsThreadSafe() throws Exception {
        FakeRegistry fake = fake();
        fake.put(5, Report.getClassSchema());
        SchemaRegistryClient client = new SchemaRegistryClient(fake.url());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Schema>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                results.add(pool.submit(() -> client.byId(5)));
            }
            Schema first = results.get(0).get();
            for (Future<Schema> f : results) {
                assertThat(f.get()).isSameAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unknownIdIsSchemaNotFound() throws IOException {
        SchemaRegistryClient client = new SchemaRegistryClient(fake().url());
        assertThatThrownBy(() -> client.byId(999))
                .isInstanceOf(SchemaNotFoundException.class)
                .hasMessageContaining("has no schema with id 999")
                .hasMessageContaining(client.url());
    }

    @Test
    void invalidSchemaIsRefusedWithTheRegistrysMessage() throws IOException {
        FakeRegistry fake = fake();
        SchemaRegistryClient client = new SchemaRegistryClient(fake.url());
        // The registry (like the fake) validates defaults; this client-side schema skipped that check.
        Schema bad = new Schema.Parser().setValidateDefaults(false)
                .parse("{\"type\":\"record\",\"name\":\"Y\",\"fields\":[{\"name\":\"f\",\"type\":\"int\",\"default\":\"x\"}]}");
        assertThatThrownBy(() -> client.register("bad-value", bad))
                .isInstanceOf(RegistryException.class)
                .hasMessage("schema registry at " + fake.url()
                        + " refused to register a schema under subject 'bad-value' as invalid: Invalid schema");
    }

    @Test
    void unreachableRegistryNamesTheUrl() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        SchemaRegistryClient client = new SchemaRegistryClient(url, Duration.ofSeconds(2));
        assertThatThrownBy(() -> client.register("x-value", Report.getClassSchema()))
                .isInstanceOf(RegistryException.class)
                .hasMessageStartingWith("schema registry at " + url + " is not reachable: ")
                .hasMessageContaining("Connection refused")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(client::checkReachable)
                .hasMessageStartingWith("schema registry at " + url + " is not reachable");
    }

    @Test
    void somethingElseAnsweringIsNotARegistry() throws IOException {
        String url = serve(200, "text/html", "<html><body>Welcome</body></html>", 0);
        SchemaRegistryClient client = new SchemaRegistryClient(url);
        assertThatThrownBy(() -> client.register("x-value", Report.getClassSchema()))
                .isInstanceOf(RegistryException.class)
                .hasMessage("schema registry at " + url + " does not answer like a Confluent schema registry: "
                        + "POST /subjects/x-value/versions answered HTTP 200 with text/html, not JSON"
                        + " (for Apicurio use http://HOST:PORT/apis/ccompat/v7)");
    }

    @Test
    void wrongPathIsNotARegistry() throws IOException {
        String url = serve(404, "text/plain", "Resource not found", 0) + "/apis/wrong";
        SchemaRegistryClient client = new SchemaRegistryClient(url);
        assertThatThrownBy(() -> client.byId(1))
                .isInstanceOf(RegistryException.class)
                .isNotInstanceOf(SchemaNotFoundException.class)
                .hasMessageStartingWith("schema registry at " + url + " does not answer like a Confluent schema registry:"
                        + " GET /schemas/ids/1 answered HTTP 404 with text/plain (Resource not found)");
    }

    @Test
    void slowRegistryTimesOut() throws IOException {
        String url = serve(200, "application/json", "[]", 3_000);
        SchemaRegistryClient client = new SchemaRegistryClient(url, Duration.ofMillis(300));
        assertThatThrownBy(client::subjects)
                .isInstanceOf(RegistryException.class)
                .hasMessage("schema registry at " + url + " did not answer within 300 ms (trying to list subjects)");
    }

    @Test
    void rejectsUrlsThatAreNotHttp() {
        assertThatThrownBy(() -> new SchemaRegistryClient("localhost:8081"))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("'localhost:8081' is not an http(s) URL");
        assertThatThrownBy(() -> new SchemaRegistryClient(" "))
                .isInstanceOf(RegistryException.class)
                .hasMessage("no schema registry URL given");
    }

    private String serve(int status, String contentType, String body, long delayMillis) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            } catch (IOException ignored) {
                // the client gave up
            }
        });
        server.start();
        closeables.add(() -> server.stop(0));
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
