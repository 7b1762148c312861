package io.tollwatch.serve.live;

import io.tollwatch.schema.CounterFigure;
import io.tollwatch.schema.Total;
import io.tollwatch.serve.http.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event stream: a ready event once listening, filtered total events, heartbeats, a bad filter refused before the
 * stream opens.
 */
class StreamRoutesTest {
    private final List<Consumer<Total>> listeners = new CopyOnWriteArrayList<>();
    private final TotalsSource source = new TotalsSource() {
        @Override
        public void listen(Consumer<Total> l) {
            listeners.add(l);
        }

        @Override
        public void unlisten(Consumer<Total> l) {
            listeners.remove(l);
        }
    };
    private final HttpClient client = HttpClient.newHttpClient();
    private StreamRoutes routes;
    private HttpServer server;

    @BeforeEach
    void start() {
        routes = new StreamRoutes(source, Duration.ofMillis(300));
        server = HttpServer.builder().port(0).module(routes).start();
    }

    @AfterEach
    void stop() {
        routes.close();
        server.close();
    }

    private static Total total(String region, String metric, long best) {
        return Total.newBuilder().setRegion(region).setRegionName("n").setCountry(region.substring(0, 2)).setMetric(metric)
                .setPopulation("all").setBest(best).setLow(best).setHigh(best)
                .setCounters(List.of(CounterFigure.newBuilder().setCounter("SOHR").setValue(best).build()))
                .setReports(1).setUpdatedAt(Instant.parse("2024-11-29T18:00:00Z")).build();
    }

    @Test
    void sendsMatchingTotalsAndHeartbeats() throws Exception {
        HttpResponse<Stream<String>> r = client.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + server.port() + StreamRoutes.PATH + "?country=SY&metric=killed"))
                        .header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(r.statusCode()).isEqualTo(200);
        ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
        Thread reader = new Thread(() -> r.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!lines.contains("event: ready")) {
            assertThat(System.nanoTime()).as("lines so far: %s", lines).isLessThan(deadline);
            Thread.sleep(20);
        }
        assertThat(listeners).as("listening once ready is sent").hasSize(1);
        listeners.forEach(l -> l.accept(total("UA-51", "killed", 5)));
        listeners.forEach(l -> l.accept(total("SY-HL", "injured", 6)));
        listeners.forEach(l -> l.accept(total("SY-HL", "killed", 277)));
        while (lines.stream().noneMatch(l -> l.contains("heartbeat")) || lines.stream().noneMatch(l -> l.contains("SY-HL"))) {
            assertThat(System.nanoTime()).as("lines so far: %s", lines).isLessThan(deadline);
            Thread.sleep(50);
        }
        List<String> data = lines.stream().filter(l -> l.startsWith("data:")).toList();
        assertThat(data).hasSize(2);
        assertThat(data.get(0)).isEqualTo("data: listening");
        assertThat(data.get(1)).contains("\"region\":\"SY-HL\"").contains("\"best\":277");
        assertThat(lines).contains("event: total");
        r.body().close();
    }

    @Test
    void aBadFilterIsA400() throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + server.port() + StreamRoutes.PATH + "?metric=arrested"))
                        .header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("unknown metric 'arrested'");
        assertThat(listeners).isEmpty();
        HttpResponse<String> plain = client.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + server.port() + StreamRoutes.PATH)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(406);
        assertThat(plain.body()).contains("Accept: text/event-stream");
    }
}
