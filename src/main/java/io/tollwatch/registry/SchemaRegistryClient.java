package io.tollwatch.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.net.ssl.SSLContext;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * A small client for the Confluent schema registry REST API (also served by Apicurio Registry under
 * {@code /apis/ccompat/v7}): registers Avro schemas under subjects and fetches schemas by id, caching both ways.
 *
 * <p>Thread-safe. Every failure is a {@link RegistryException} whose message is one line naming the registry's URL;
 * a refusal that asking again cannot change (401, 403, 409, 422) is a {@link RegistryRefusedException}.
 *
 * <p>Over {@code https} it verifies the registry's certificate and host name against the given trust (else the JDK's
 * default trust store); with user info it sends HTTP basic authentication, never logging or quoting the password.
 */
public final class SchemaRegistryClient {

    /** The Confluent REST media type. */
    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    /** Bound on connecting and on each request. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;
    private final Duration timeout;
    private final HttpClient http;
    private final String authorization;
    private final ConcurrentMap<String, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();
    private final ConcurrentMap<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    /** A client for the registry at {@code baseUrl}, e.g. {@code http://localhost:8081}. */
    public SchemaRegistryClient(String baseUrl) {
        this(baseUrl, DEFAULT_TIMEOUT);
    }

    public SchemaRegistryClient(String baseUrl, Duration timeout) {
        this(baseUrl, timeout, null, null);
    }

    /**
     * @param basicAuthUserInfo {@code user:password} for HTTP basic authentication, or null for none
     * @param ssl               the trust (and any client key) for an {@code https} registry, or null for the JDK's
     */
    public SchemaRegistryClient(String baseUrl, Duration timeout, String basicAuthUserInfo, SSLContext ssl) {
        this.url = normalise(baseUrl);
        this.timeout = timeout;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL);
        if (ssl != null) {
            builder.sslContext(ssl);
        }
        this.http = builder.build();
        this.authorization = basicAuthUserInfo == null ? null : basicAuth(basicAuthUserInfo);
    }

    private static String basicAuth(String userInfo) {
        if (userInfo.indexOf(':') < 1) {
            throw new RegistryException("schema registry basic auth user info must be user:password");
        }
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    /** The registry's base URL, without a trailing slash. */
    public String url() {
        return url;
    }

    /**
     * Registers {@code schema} under {@code subject} and returns its id. Idempotent: the registry answers the
     * existing id for a schema it already holds; the answer is cached, so a second call asks nothing.
     */
    public int register(String subject, Schema schema) {
        String text = schema.toString();
        String key = subject + '\u0000' + text;
        Integer cached = idsBySubjectAndSchema.get(key);
        if (cached != null) {
            return cached;
        }
        ObjectNode body = JSON.createObjectNode().put("schema", text);
        String path = "/subjects/" + encode(subject) + "/versions";
        String what = "register a schema under subject '" + subject + "'";
        JsonNode answer = null;
        for (int attempt = 1; answer == null; attempt++) {
            try {
                answer = call("POST", path, body.toString(), what);
            } catch (RegistryRefusedException e) {
                // Apicurio answers 409 "already exists" to the loser of two concurrent first registrations (instances
                // starting together); asked again, it answers the id. That is a race, not a refusal.
                if (e.getMessage() == null || !e.getMessage().contains("already exists")) {
                    throw e;
                }
                if (attempt == 3) {
                    throw new RegistryException(e.getMessage(), e);
                }
            }
        }
        JsonNode idNode = answer.get("id");
        if (idNode == null || !idNode.canConvertToInt()) {
            throw notARegistry("POST " + path + " answered " + abbreviate(answer.toString()) + " without a schema id");
        }
        int id = idNode.intValue();
        idsBySubjectAndSchema.putIfAbsent(key, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    /**
     * The Avro schema registered with {@code id}.
     *
     * @throws SchemaNotFoundException when the registry holds no Avro schema with that id
     */
    public Schema byId(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        String path = "/schemas/ids/" + id;
        JsonNode answer = call("GET", path, null, "fetch schema id " + id);
        JsonNode type = answer.get("schemaType");
        if (type != null && !type.isNull() && !"AVRO".equalsIgnoreCase(type.asText())) {
            throw new SchemaNotFoundException(id,
                    "schema id " + id + " at " + url + " is a " + type.asText() + " schema, not Avro");
        }
        JsonNode text = answer.get("schema");
        if (text == null || !text.isTextual()) {
            throw notARegistry("GET " + path + " answered " + abbreviate(answer.toString()) + " without a schema");
        }
        Schema schema;
        try {
            schema = new Schema.Parser().parse(text.asText());
        } catch (SchemaParseException e) {
            throw new SchemaNotFoundException(id, "schema id " + id + " at " + url + " is not a valid Avro schema: "
                    + oneLine(e.getMessage()));
        }
        Schema previous = schemasById.putIfAbsent(id, schema);
        return previous != null ? previous : schema;
    }

    /**
     * Sets the compatibility level of {@code subject} ({@code BACKWARD}, {@code FULL}, ...; Confluent names), which
     * the registry then enforces on every new version registered under it. Works before the subject has versions.
     */
    public void setCompatibility(String subject, String level) {
        ObjectNode body = JSON.createObjectNode().put("compatibility", level);
        call("PUT", "/config/" + encode(subject), body.toString(),
                "set the compatibility of subject '" + subject + "' to " + level);
    }

    /** The registry's subjects; also a cheap check that the URL points at a working schema registry. */
    public List<String> subjects() {
        JsonNode answer = call("GET", "/subjects", null, "list subjects");
        if (!answer.isArray()) {
            throw notARegistry("GET /subjects answered " + abbreviate(answer.toString()) + ", not a list of subjects");
        }
        List<String> subjects = new ArrayList<>();
        answer.forEach(node -> subjects.add(node.asText()));
        return subjects;
    }

    /** Fails with a clear {@link RegistryException} unless a schema registry answers at {@link #url()}. */
    public void checkReachable() {
        subjects();
    }

    private JsonNode call(String method, String path, String body, String what) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
                .timeout(timeout)
                .header("Accept", CONTENT_TYPE + ", application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body != null) {
            request.header("Content-Type", CONTENT_TYPE)
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw new RegistryException("schema registry at " + url + " is not reachable: no connection within "
                    + seconds(timeout), e);
        } catch (HttpTimeoutException e) {
            throw new RegistryException("schema registry at " + url + " did not answer within " + seconds(timeout)
                    + " (trying to " + what + ")", e);
        } catch (ConnectException e) {
            throw new RegistryException("schema registry at " + url + " is not reachable: " + reason(e), e);
        } catch (IOException e) {
            throw new RegistryException("schema registry at " + url + " is not reachable: " + reason(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("interrupted while asking the schema registry at " + url + " to " + what, e);
        }
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("no content type");
        JsonNode json = parse(response.body());
        if (status / 100 == 2) {
            if (json == null) {
                throw notARegistry(method + " " + path + " answered HTTP " + status + " with " + contentType
                        + ", not JSON");
            }
            return json;
        }
        int errorCode = json != null && json.path("error_code").canConvertToInt() ? json.path("error_code").intValue()
                : -1;
        String message = json != null && json.hasNonNull("message") ? oneLine(json.get("message").asText())
                : abbreviate(oneLine(response.body()));
        String prefix = "schema registry at " + url;
        // Before the format check: a proxy in front of the registry answers these in its own format.
        if (status == 401) {
            throw new RegistryRefusedException(prefix + " refused the credentials (HTTP 401) trying to " + what
                    + (message.isEmpty() ? "" : ": " + message));
        }
        if (status == 403) {
            throw new RegistryRefusedException(prefix + " denied access (HTTP 403) trying to " + what
                    + (message.isEmpty() ? "" : ": " + message));
        }
        if (errorCode < 0) {
            // Not the Confluent error format: whatever answers there is no schema registry (or the path is wrong).
            throw notARegistry(method + " " + path + " answered HTTP " + status + " with " + contentType
                    + (message.isEmpty() ? "" : " (" + message + ")"));
        }
        if (status == 404 && errorCode == 40403 && path.startsWith("/schemas/ids/")) {
            int id = Integer.parseInt(path.substring("/schemas/ids/".length()));
            throw new SchemaNotFoundException(id, "schema registry at " + url + " has no schema with id " + id);
        }
        switch (status) {
            case 409:
                throw new RegistryRefusedException(prefix + " refused to " + what + " as incompatible: " + message);
            case 422:
                throw new RegistryRefusedException(prefix + " refused to " + what + " as invalid: " + message);
            default:
                throw new RegistryException(prefix + " failed to " + what + ": HTTP " + status + " error "
                        + errorCode + ": " + message);
        }
    }

    private RegistryException notARegistry(String detail) {
        return new RegistryException("schema registry at " + url + " does not answer like a Confluent schema registry: "
                + detail + " (for Apicurio use http://HOST:PORT/apis/ccompat/v7)");
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String normalise(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new RegistryException("no schema registry URL given");
        }
        String trimmed = baseUrl.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new RegistryException("schema registry URL '" + baseUrl
                        + "' is not an http(s) URL like http://localhost:8081");
            }
        } catch (URISyntaxException e) {
            throw new RegistryException("schema registry URL '" + baseUrl + "' is not a valid URL: "
                    + oneLine(e.getMessage()));
        }
        return trimmed;
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The first message in the cause chain (java.net.http's ConnectException often has none of its own). */
    static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return oneLine(t.getMessage());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return e instanceof ConnectException ? "Connection refused" : e.getClass().getSimpleName();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    @Override
    public String toString() {
        return "SchemaRegistryClient[" + url + "]";
    }
}
