package io.tollwatch.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tollwatch.config.Settings;
import io.tollwatch.it.LiveStack;
import io.tollwatch.report.Normalizer;
import io.tollwatch.report.ReportJson;
import io.tollwatch.schema.Report;
import io.tollwatch.schema.Total;
import io.tollwatch.serve.Replay;
import io.tollwatch.serve.Service;
import io.tollwatch.topology.Names;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query API on two instances sharing 3-partition topics on the real broker and registry: reports posted to the
 * HTTP ingest; every query answers the same from either instance and equals the in-process reference; while one
 * instance leaves and comes back, no answer is wrong (each is the right one or a 503 with Retry-After); the live
 * stream delivers a posted report's changed total; CSV carries the HXL row; the API is read-only.
 */
class QueryApiIT {
    private static final String APP = "tollwatch-query";
    private static final String TOKEN = "it-token-7f3a";
    private static final List<String> QUERIES = List.of("/api/totals", "/api/totals?country=SY", "/api/totals?metric=killed&population=all",
            "/api/totals/SY-HL", "/api/totals/UA", "/api/daily/SY-HL", "/api/daily/SY-HL?metric=killed&population=all&from=2024-11-01&to=2024-12-31",
            "/api/regions/SY", "/api/regions/SY-HL", "/api/figures/SY-HL?limit=5", "/api/figures/UA-51", "/api/totals.csv");

    @RegisterExtension
    static final LiveStack live = new LiveStack();
    static Normalizer normalizer;
    static Settings settingsA;
    static Settings settingsB;
    static Service a;
    static Service b;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        normalizer = LiveStack.normalizer();
        Map<String, String> more = Map.of("kafka.session.timeout.ms", "6000", "kafka.heartbeat.interval.ms", "1000",
                Settings.INGEST_TOKEN, TOKEN, Settings.INGEST_MAX_BYTES, "200000");
        settingsA = live.settings(APP, "state-a", more);
        settingsB = live.settings(APP, "state-b", more);
        assertThat(settingsA.getInt(Settings.TOPIC_PARTITIONS)).isEqualTo(3);
        a = live.start(settingsA);
    }

    @Test
    void everyInstanceAnswersTheSameRightAnswer() throws Exception {
        List<Report> sent = new ArrayList<>();
        // Warm-up on A alone, so each subject's first schema is registered by one instance.
        String warmUp = """
                {"report_id":"warm-up","source":"AFP","published_at":"2024-11-19T12:00:00Z","url":"https://example.org/w","figures":[
                 {"metric":"killed","value":2,"location":"Aleppo, Syria","counter":"SOHR"}]}""";
        assertThat(post(a, warmUp, TOKEN).statusCode()).isEqualTo(202);
        sent.add(ReportJson.parse(warmUp));
        awaitEqual(a, sent);

        b = live.start(settingsB);
        awaitBothOwnPartitions();

        // Ingest: the sample reports as JSON lines through B; the answer names every id.
        String samples;
        try (InputStream in = QueryApiIT.class.getResourceAsStream("/samples/demo.jsonl")) {
            samples = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        HttpResponse<String> accepted = post(b, samples, TOKEN);
        // The samples hold one invalid report on purpose: all or nothing, so it is refused with its reason.
        assertThat(accepted.statusCode()).isEqualTo(400);
        assertThat(accepted.body()).contains("reasons").doesNotContain("Exception").doesNotContain("at io.");
        String valid = samples.lines().filter(l -> !l.isBlank())
                .filter(l -> IngestLines.valid(l)).reduce("", (x, y) -> x + y + "\n");
        accepted = post(b, valid, TOKEN);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode ids = ReportJson.MAPPER.readTree(accepted.body()).get("report_ids");
        assertThat(ids.size()).isEqualTo((int) valid.lines().count());
        valid.lines().map(ReportJson::parse).forEach(sent::add);

        Map<String, JsonNode> reference = awaitEqual(a, sent);
        assertThat(reference).containsKey("SY-HL|killed|all").containsKey("SY|killed|all");

        // Every query: the same body from both instances, and the totals are the reference's.
        for (String q : QUERIES) {
            HttpResponse<String> fromA = get(a, q);
            HttpResponse<String> fromB = get(b, q);
            assertThat(fromA.statusCode()).as(q).isEqualTo(200);
            assertThat(fromB.statusCode()).as(q).isEqualTo(200);
            assertThat(fromB.body()).as("B's answer to " + q).isEqualTo(fromA.body());
        }
        assertThat(canonical(get(b, "/api/totals").body())).isEqualTo(reference);
        assertThat(canonical(get(a, "/api/totals/SY-HL").body()))
                .isEqualTo(filter(reference, k -> k.startsWith("SY-HL|")));
        assertThat(canonical(get(b, "/api/totals?country=SY&metric=killed").body()))
                .isEqualTo(filter(reference, k -> k.startsWith("SY") && k.contains("|killed|")));
        JsonNode region = json(get(b, "/api/regions/SY"));
        assertThat(region.get("name").asText()).isEqualTo("Syria");
        assertThat(region.get("subdivisions").toString()).contains("SY-HL");
        JsonNode figures = json(get(a, "/api/figures/SY-HL?limit=3"));
        assertThat(figures.size()).isBetween(1, 3);
        figures.forEach(f -> assertThat(f.get("region").asText()).isEqualTo("SY-HL"));
        assertThat(json(get(b, "/api/figures/SY-HL?limit=100")).toString()).contains("https://example.org/w");
        JsonNode daily = json(get(b, "/api/daily/SY-HL?metric=killed&population=civilians"));
        daily.forEach(d -> assertThat(d.get("population").asText()).isEqualTo("civilians"));

        // CSV with the HXL hashtag row, the same through the three ways of asking.
        String csv = get(a, "/api/totals.csv").body();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("country,region,region_name,population,killed_best");
        assertThat(lines.get(1)).startsWith("#country+code,#adm1+code,#adm1+name,#meta+population,#affected+killed+best,"
                + "#affected+killed+min,#affected+killed+max,#affected+injured+best").endsWith("#meta+source,#date+reported");
        assertThat(lines).anyMatch(l -> l.startsWith("SY,SY-HL,Aleppo,all,"));
        assertThat(get(b, "/api/totals?format=csv").body()).isEqualTo(csv);
        assertThat(send(b, HttpRequest.newBuilder(uri(b, "/api/totals")).header("Accept", "text/csv").GET()).body()).isEqualTo(csv);

        // Read-only, and bad parameters are a clear 400.
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            HttpResponse<String> r = send(a, HttpRequest.newBuilder(uri(a, "/api/totals/SY-HL"))
                    .method(method, HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(r.statusCode()).as(method).isEqualTo(405);
        }
        assertThat(send(a, HttpRequest.newBuilder(uri(a, "/api/totals")).method("HEAD", HttpRequest.BodyPublishers.noBody()))
                .statusCode()).isEqualTo(200);
        assertThat(get(a, "/api/totals?metric=arrested").statusCode()).isEqualTo(400);
        assertThat(get(a, "/api/totals/not-a-code").statusCode()).isEqualTo(400);
        assertThat(get(a, "/api/regions/ZZ").statusCode()).isEqualTo(404);
        // The routes for peers answer each store only in the lookup it supports.
        assertThat(get(a, "/internal/v1/range?store=" + Names.FIGURES_VIEW + "&partitions=0").statusCode()).isEqualTo(404);
        assertThat(get(a, "/internal/v1/key?store=" + Names.TOTALS_VIEW + "&key=SY&partition=0").statusCode()).isEqualTo(404);
        assertThat(get(a, "/internal/v1/range?store=no-such-view&partitions=0").statusCode()).isEqualTo(404);

        // Ingest security: no token, a wrong token, a body above ingest.max.bytes.
        assertThat(post(a, warmUp, null).statusCode()).isEqualTo(401);
        assertThat(post(a, warmUp, "it-token-7f3b").statusCode()).isEqualTo(401);
        assertThat(declaredOnly(a, 200_001)).isEqualTo(413);

        liveStreamDeliversAPostedReportsTotal(sent);
        noWrongAnswerDuringARebalance(sent);
    }

    private void liveStreamDeliversAPostedReportsTotal(List<Report> sent) throws Exception {
        ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();
        CompletableFuture<HttpResponse<Stream<String>>> stream = HTTP.sendAsync(
                HttpRequest.newBuilder(uri(a, "/api/stream?region=UA-51&metric=killed"))
                        .header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> open = stream.get(10, TimeUnit.SECONDS);
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(open.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Thread reader = new Thread(() -> open.body().forEach(events::add));
        reader.setDaemon(true);
        reader.start();
        Thread.sleep(1000);

        String report = """
                {"report_id":"live-1","source":"Reuters","published_at":"2024-12-02T09:00:00Z","figures":[
                 {"metric":"killed","value":7,"basis":"incident","counter":"regional governor","location":"UA-51","date":"2024-12-01"},
                 {"metric":"injured","value":9,"basis":"incident","counter":"regional governor","location":"UA-51","date":"2024-12-01"}]}""";
        assertThat(post(b, report, TOKEN).statusCode()).isEqualTo(202);
        sent.add(ReportJson.parse(report));
        Map<String, JsonNode> reference = awaitEqual(a, sent);
        long best = reference.get("UA-51|killed|all").get("best").asLong();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        JsonNode seen = null;
        while (seen == null && System.nanoTime() < deadline) {
            String event = "";
            for (String line : events) {
                if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ") && event.equals("total")) {
                    JsonNode t = ReportJson.MAPPER.readTree(line.substring(6));
                    assertThat(t.get("region").asText()).as("filtered stream").isEqualTo("UA-51");
                    assertThat(t.get("metric").asText()).as("filtered stream").isEqualTo("killed");
                    if (t.get("population").asText().equals("all") && t.get("best").asLong() == best) {
                        seen = t;
                    }
                }
            }
            Thread.sleep(200);
        }
        assertThat(seen).as("an SSE event with UA-51 killed all best " + best + "; events: " + events).isNotNull();
        assertThat(events).contains("event: total");
        open.body().close();
    }

    private void noWrongAnswerDuringARebalance(List<Report> sent) throws Exception {
        Map<String, JsonNode> reference = awaitEqual(a, sent);
        String totalsA = get(a, "/api/totals").body();
        String figuresA = get(a, "/api/figures/SY-HL").body();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        int[] answered = new int[2];
        AtomicBoolean running = new AtomicBoolean(true);
        Thread asker = new Thread(() -> {
            while (running.get()) {
                for (Service s : new Service[] {a, b}) {
                    for (var q : Map.of("/api/totals", totalsA, "/api/figures/SY-HL", figuresA).entrySet()) {
                        try {
                            HttpResponse<String> r = get(s, q.getKey());
                            if (r.statusCode() == 200) {
                                answered[0]++;
                                if (!r.body().equals(q.getValue())) {
                                    wrong.add(q.getKey() + " " + r.body());
                                }
                            } else if (r.statusCode() == 503) {
                                answered[1]++;
                                if (r.headers().firstValue("Retry-After").isEmpty()) {
                                    wrong.add("503 without Retry-After");
                                }
                            } else {
                                wrong.add(q.getKey() + " " + r.statusCode() + " " + r.body());
                            }
                        } catch (Exception e) {
                            // the instance being closed does not answer at all: not a wrong answer
                        }
                    }
                }
            }
        });
        asker.start();
        try {
            Thread.sleep(500);
            b.close();
            awaitRunningAlone();
            b = live.start(settingsB);
            awaitBothOwnPartitions();
            awaitEqual(b, sent);
            Thread.sleep(1000);
        } finally {
            running.set(false);
            asker.join(30_000);
        }
        assertThat(wrong).as("wrong answers during the rebalance").isEmpty();
        // Whether an asker meets a moving partition (a 503) depends on how fast the survivor takes over; what must
        // hold is that every answer is right or a 503 with Retry-After (checked above).
        assertThat(answered[0]).as("right answers during the rebalance (and %d 503s)", answered[1]).isPositive();
        assertThat(canonical(get(b, "/api/totals").body())).isEqualTo(reference);
    }

    /** Waits until the instance's /api/totals equals the reference of {@code sent}, and returns the reference. */
    private static Map<String, JsonNode> awaitEqual(Service s, List<Report> sent) throws Exception {
        Map<String, Total> totals = Replay.run(sent, normalizer::figures, normalizer.gazetteer()::regionName,
                live.dir("replay-" + System.nanoTime())).totals();
        Map<String, JsonNode> reference = new TreeMap<>();
        totals.forEach((k, t) -> reference.put(k, sortedCounters(ReportJson.toJson(t))));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        Map<String, JsonNode> last = Map.of();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = get(s, "/api/totals");
            if (r.statusCode() == 200) {
                last = canonical(r.body());
                if (last.equals(reference)) {
                    return reference;
                }
            }
            Thread.sleep(300);
        }
        assertThat(last).as("the instance's totals never reached the reference").isEqualTo(reference);
        return reference;
    }

    private static Map<String, JsonNode> canonical(String body) throws Exception {
        Map<String, JsonNode> out = new TreeMap<>();
        for (JsonNode t : ReportJson.MAPPER.readTree(body)) {
            out.put(t.get("region").asText() + "|" + t.get("metric").asText() + "|" + t.get("population").asText(),
                    sortedCounters(t));
        }
        return out;
    }

    /** The total with its counters sorted by name, re-read from text so that numbers compare by value. */
    private static JsonNode sortedCounters(JsonNode t) {
        ObjectNode o = t.deepCopy();
        List<JsonNode> counters = new ArrayList<>();
        t.get("counters").forEach(counters::add);
        counters.sort(Comparator.comparing(c -> c.get("counter").asText()));
        ArrayNode a = o.putArray("counters");
        counters.forEach(a::add);
        try {
            return ReportJson.MAPPER.readTree(ReportJson.MAPPER.writeValueAsString(o));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, JsonNode> filter(Map<String, JsonNode> m, java.util.function.Predicate<String> keep) {
        Map<String, JsonNode> out = new TreeMap<>();
        m.forEach((k, v) -> {
            if (keep.test(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static void awaitBothOwnPartitions() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (a.streams().state() == KafkaStreams.State.RUNNING && b.streams().state() == KafkaStreams.State.RUNNING
                    && !activeTasks(a).isEmpty() && !activeTasks(b).isEmpty()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not both instances own tasks");
    }

    private static void awaitRunningAlone() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (a.streams().state() == KafkaStreams.State.RUNNING && get0(a, "/api/totals") == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("A did not take over alone");
    }

    private static List<String> activeTasks(Service s) {
        return s.streams().metadataForLocalThreads().stream().flatMap(t -> t.activeTasks().stream())
                .map(t -> t.taskId().toString()).toList();
    }

    private static int get0(Service s, String path) {
        try {
            return get(s, path).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static URI uri(Service s, String path) {
        return URI.create("http://localhost:" + s.httpPort() + path);
    }

    private static HttpResponse<String> get(Service s, String path) throws Exception {
        return send(s, HttpRequest.newBuilder(uri(s, path)).GET());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return ReportJson.MAPPER.readTree(r.body());
    }

    private static HttpResponse<String> post(Service s, String body, String token) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(uri(s, "/api/reports"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            req.header("Authorization", "Bearer " + token);
        }
        return send(s, req);
    }

    /**
     * The status of an ingest POST that declares a body of {@code length} bytes and sends none of it. The service
     * refuses a body by its declared length without reading it, so a client that writes a large body first may find
     * the connection closed before it reads the 413 (HttpClient then fails with a broken pipe).
     */
    private static int declaredOnly(Service s, long length) throws IOException {
        try (Socket socket = new Socket("localhost", s.httpPort())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("POST /api/reports HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nAuthorization: Bearer " + TOKEN + "\r\n"
                    + "Content-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    private static HttpResponse<String> send(Service s, HttpRequest.Builder req) throws Exception {
        return HTTP.send(req.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Which sample lines the validator accepts. */
    private static final class IngestLines {
        static boolean valid(String line) {
            try {
                return io.tollwatch.report.ReportValidator.problem(ReportJson.parse(line)).isEmpty();
            } catch (RuntimeException e) {
                return false;
            }
        }
    }
}
