package io.tollwatch.serve.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollwatch.report.ReportJson;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.HostInfo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Asks another instance for its part of an answer ({@link InternalRoutes}); any failure is {@link NotReadyException}. */
final class PeerClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    <V> List<KeyValue<String, V>> range(HostInfo host, ViewStore<V> store, String from, String to, Set<Integer> partitions) {
        String parts = partitions.stream().map(String::valueOf).collect(Collectors.joining(","));
        JsonNode body = get(host, InternalRoutes.RANGE + "?store=" + enc(store.name()) + "&partitions=" + parts
                + (from != null ? "&from=" + enc(from) : "") + (to != null ? "&to=" + enc(to) : ""));
        List<KeyValue<String, V>> out = new ArrayList<>();
        for (JsonNode e : body.path("entries")) {
            out.add(KeyValue.pair(e.path("key").asText(), store.decode(Base64.getDecoder().decode(e.path("value").asText()))));
        }
        return out;
    }

    <V> Optional<V> key(HostInfo host, ViewStore<V> store, String key, int partition) {
        JsonNode body = get(host, InternalRoutes.KEY + "?store=" + enc(store.name()) + "&key=" + enc(key)
                + "&partition=" + partition);
        JsonNode v = body.path("value");
        return v.isTextual() ? Optional.of(store.decode(Base64.getDecoder().decode(v.asText()))) : Optional.empty();
    }

    private JsonNode get(HostInfo host, String pathAndQuery) {
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery);
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new NotReadyException("instance " + host + " answered " + r.statusCode());
            }
            return ReportJson.MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new NotReadyException("instance " + host + " is unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotReadyException("interrupted");
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
