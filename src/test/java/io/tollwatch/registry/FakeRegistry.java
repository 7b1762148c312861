package io.tollwatch.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.tollwatch.runtime.TestCertificates;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;

/**
 * A tiny in-memory stand-in for the Confluent schema registry REST API, for unit tests only: POST
 * /subjects/{s}/versions, GET /schemas/ids/{id}, GET /subjects, PUT /config/{s}. One id per distinct schema text,
 * like the real one. Optionally over TLS and behind HTTP basic authentication.
 */
final class FakeRegistry implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, Integer> idsBySchema = new ConcurrentHashMap<>();
    private final Map<Integer, String> schemasById = new ConcurrentHashMap<>();
    private final Map<String, List<Integer>> subjects = new TreeMap<>();
    private final AtomicInteger nextId;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> contentTypes = new CopyOnWriteArrayList<>();
    /** How many registrations to refuse first with Apicurio's 409, as the loser of a concurrent first registration. */
    final AtomicInteger conflictsToAnswer = new AtomicInteger();
    /** Compatibility levels set per subject. */
    final Map<String, String> compatibility = new ConcurrentHashMap<>();
    private final String authorization;

    FakeRegistry() throws IOException {
        this(1);
    }

    FakeRegistry(int firstId) throws IOException {
        this(firstId, HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), null);
    }

    private FakeRegistry(int firstId, HttpServer server, String userInfo) {
        this.nextId = new AtomicInteger(firstId);
        this.server = server;
        this.authorization = userInfo == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
        server.createContext("/", this::handle);
        server.start();
    }

    /** A registry over https with the certificate of {@code certs}, answering only requests with {@code userInfo}. */
    static FakeRegistry secured(TestCertificates certs, String userInfo) throws Exception {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(certs.serverContext()));
        return new FakeRegistry(1, server, userInfo);
    }

    String url() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serve {@code schema} under {@code id} without any registration. */
    void put(int id, Schema schema) {
        schemasById.put(id, schema.toString());
        idsBySchema.put(schema.toString(), id);
    }

    int requestCount() {
        return requests.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        requests.add(method + " " + path);
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null) {
            contentTypes.add(contentType);
        }
        if (authorization != null && !authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "{\"error_code\":40101,\"message\":\"Unauthorized\"}");
            return;
        }
        try {
            if (method.equals("PUT") && path.startsWith("/config/")) {
                String subject = URLDecoder.decode(path.substring("/config/".length()), StandardCharsets.UTF_8);
                String level = JSON.readTree(exchange.getRequestBody()).get("compatibility").asText();
                compatibility.put(subject, level);
                send(exchange, 200, JSON.createObjectNode().put("compatibility", level).toString());
            } else if (method.equals("POST") && path.startsWith("/subjects/") && path.endsWith("/versions")) {
                String subject = URLDecoder.decode(path.substring("/subjects/".length(), path.length() - "/versions".length()),
                        StandardCharsets.UTF_8);
                JsonNode body = JSON.readTree(exchange.getRequestBody());
                String text;
                try {
                    text = new Schema.Parser().parse(body.get("schema").asText()).toString();
                } catch (RuntimeException e) {
                    send(exchange, 422, "{\"error_code\":42201,\"message\":\"Invalid schema\"}");
                    return;
                }
                if (conflictsToAnswer.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    send(exchange, 409, "{\"error_code\":409,\"message\":\"An artifact with ID 'x' in group 'null' already exists.\"}");
                    return;
                }
                int id = idsBySchema.computeIfAbsent(text, t -> nextId.getAndIncrement());
                schemasById.putIfAbsent(id, text);
                synchronized (subjects) {
                    List<Integer> versions = subjects.computeIfAbsent(subject, s -> new CopyOnWriteArrayList<>());
                    if (!versions.contains(id)) {
                        versions.add(id);
                    }
                }
                send(exchange, 200, "{\"id\":" + id + "}");
            } else if (method.equals("GET") && path.startsWith("/schemas/ids/")) {
                String text = schemasById.get(Integer.parseInt(path.substring("/schemas/ids/".length())));
                if (text == null) {
                    send(exchange, 404, "{\"error_code\":40403,\"message\":\"Schema not found\"}");
                } else {
                    send(exchange, 200, JSON.createObjectNode().put("schema", text).toString());
                }
            } else if (method.equals("GET") && path.equals("/subjects")) {
                ArrayNode array = JSON.createArrayNode();
                synchronized (subjects) {
                    subjects.keySet().forEach(array::add);
                }
                send(exchange, 200, array.toString());
            } else {
                send(exchange, 404, "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}");
            }
        } catch (RuntimeException e) {
            send(exchange, 500, "{\"error_code\":50001,\"message\":\"" + e + "\"}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", SchemaRegistryClient.CONTENT_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
