package io.tollwatch.config;

import io.tollwatch.report.ReportValidator;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The service's settings (spec §4 "Configuration"), layered defaults → file → environment → flags; later layers win.
 * Every key is known up front, except {@code kafka.*}, which passes through to the Kafka clients and Streams.
 * An unknown key, a {@code kafka.*} key that would shadow a first-class setting, or one that would switch off what
 * counting relies on (exactly-once), is an error naming it.
 *
 * <p>Secrets need not sit in a file or on a command line: an environment variable {@code TOLLWATCH_<KEY>_FILE} names
 * a file whose content (trimmed, like every value) is the key's value, as mounted Docker or Kubernetes secrets
 * are. Secret values ({@link #isSecret}) are masked wherever settings are described.
 */
public final class Settings {
    public static final String ENV_PREFIX = "TOLLWATCH_";
    /** Suffix of an environment variable that names a file holding the value. */
    public static final String FILE_SUFFIX = "_FILE";
    public static final String KAFKA_PREFIX = "kafka.";

    public static final String BOOTSTRAP = "kafka.bootstrap.servers";
    public static final String REGISTRY_URL = "schema.registry.url";
    /** The compatibility level the service sets on its subjects at start; blank leaves them as they are. */
    public static final String REGISTRY_COMPATIBILITY = "schema.registry.compatibility";
    /** {@code user:password} for the registry's HTTP basic authentication. */
    public static final String REGISTRY_USER_INFO = "schema.registry.basic.auth.user.info";
    /** Trust store for an {@code https} registry (else the JDK's default trust). */
    public static final String REGISTRY_TRUSTSTORE = "schema.registry.ssl.truststore.location";
    public static final String REGISTRY_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    public static final String REGISTRY_TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
    /** The largest figure value a report may carry; beyond it the report is implausible and dead-lettered. */
    public static final String MAX_FIGURE_VALUE = "report.max.value";
    public static final String APPLICATION_ID = "application.id";
    public static final String STATE_DIR = "state.dir";
    public static final String HTTP_PORT = "http.port";
    public static final String HTTP_ADVERTISED_URL = "http.advertised.url";
    public static final String INGEST_TOKEN = "ingest.token";
    /** Largest body {@code POST /api/reports} accepts, in bytes; larger is 413. */
    public static final String INGEST_MAX_BYTES = "ingest.max.bytes";
    /** Ingest requests one client may make per minute; more is 429. */
    public static final String INGEST_RATE = "ingest.requests.per.minute";
    /** Partitions and replication factor of the topics tollwatch creates when they are missing. */
    public static final String TOPIC_PARTITIONS = "topics.partitions";
    public static final String TOPIC_REPLICATION = "topics.replication.factor";

    /** Keys with their defaults; a null default means "unset unless given". */
    private static final Map<String, String> DEFAULTS;

    static {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(BOOTSTRAP, "localhost:9092");
        d.put(REGISTRY_URL, "http://localhost:8081");
        d.put(REGISTRY_COMPATIBILITY, "FULL");
        d.put(REGISTRY_USER_INFO, null);
        d.put(REGISTRY_TRUSTSTORE, null);
        d.put(REGISTRY_TRUSTSTORE_PASSWORD, null);
        d.put(REGISTRY_TRUSTSTORE_TYPE, "PKCS12");
        d.put(MAX_FIGURE_VALUE, String.valueOf(ReportValidator.DEFAULT_MAX_VALUE));
        d.put(APPLICATION_ID, "tollwatch");
        d.put(STATE_DIR, Path.of("tollwatch-data", "state").toString());
        d.put(HTTP_PORT, "8080");
        d.put(HTTP_ADVERTISED_URL, null);
        d.put(INGEST_TOKEN, null);
        d.put(INGEST_MAX_BYTES, Integer.toString(8 * 1024 * 1024));
        d.put(INGEST_RATE, "600");
        d.put(TOPIC_PARTITIONS, "3");
        d.put(TOPIC_REPLICATION, "1");
        for (Topics.Role role : Topics.Role.values()) {
            d.put(role.key(), role.defaultName());
        }
        DEFAULTS = Collections.unmodifiableMap(d);
    }

    /** Kafka settings that first-class keys own; setting them under kafka.* would silently conflict. */
    private static final Map<String, String> SHADOWED = Map.of(
            "kafka.application.id", APPLICATION_ID,
            "kafka.state.dir", STATE_DIR,
            "kafka.schema.registry.url", REGISTRY_URL,
            "kafka.errors.dead.letter.queue.topic.name", Topics.Role.DLQ.key());

    /** Kafka settings that tollwatch fixes, because counting is only right with its value; never passed through. */
    private static final Map<String, String> FIXED = Map.of(
            "kafka.processing.guarantee", "tollwatch always runs exactly-once (exactly_once_v2), so that after a "
                    + "failure each figure is published once and the state agrees with the topics");

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Settings defaults() {
        return builder().build();
    }

    public String get(String key) {
        if (!values.containsKey(key) && !DEFAULTS.containsKey(key)) {
            throw new ConfigException("unknown setting '" + key + "'");
        }
        return values.get(key);
    }

    public int getInt(String key) {
        long v = getLong(key);
        if (v != (int) v) {
            throw new ConfigException("setting '" + key + "' is out of range: " + v);
        }
        return (int) v;
    }

    public long getLong(String key) {
        String v = get(key);
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new ConfigException("setting '" + key + "' must be a whole number, not '" + v + "'");
        }
    }

    /** True for keys whose values are secrets: passwords, user info, JAAS configurations, tokens, private keys. */
    public static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("user.info") || k.contains("jaas") || k.contains("token")
                || k.contains("secret") || k.endsWith("keystore.key");
    }

    /** The {@code kafka.*} settings with the prefix removed, for the Kafka clients and Streams. */
    public Map<String, String> kafka() {
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(KAFKA_PREFIX) && v != null) {
                out.put(k.substring(KAFKA_PREFIX.length()), v);
            }
        });
        return out;
    }

    public Topics topics() {
        return Topics.from(this);
    }

    /** Every setting that has a value, for printing at start-up (secrets masked). */
    public Map<String, String> describe() {
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                out.put(k, isSecret(k) ? "****" : v);
            }
        });
        return out;
    }

    /** Collects the layers in order; each {@code set} overrides what came before. */
    public static final class Builder {
        private final Map<String, String> values = new LinkedHashMap<>(DEFAULTS);

        public Builder file(Path file) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
            }
            for (String k : new TreeMap<>(p).keySet().stream().map(Object::toString).toList()) {
                set(k, p.getProperty(k), "config file " + file);
            }
            return this;
        }

        /**
         * Applies every {@code TOLLWATCH_*} variable of the environment; {@code TOLLWATCH_<KEY>_FILE} sets the key
         * to the content of the file it names.
         */
        public Builder environment(Map<String, String> env) {
            new TreeMap<>(env).forEach((name, value) -> {
                if (!name.startsWith(ENV_PREFIX)) {
                    return;
                }
                if (name.endsWith(FILE_SUFFIX) && name.length() > ENV_PREFIX.length() + FILE_SUFFIX.length()) {
                    String variable = name.substring(0, name.length() - FILE_SUFFIX.length());
                    set(keyOfEnv(variable), readSecret(name, value), "environment variable " + name);
                } else {
                    set(keyOfEnv(name), value, "environment variable " + name);
                }
            });
            return this;
        }

        private static String readSecret(String variable, String file) {
            try {
                return Files.readString(Path.of(file.trim()), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                // The message names the file, never its content.
                throw new ConfigException("environment variable " + variable + ": cannot read file '" + file + "': "
                        + e.getClass().getSimpleName());
            }
        }

        /** {@code key=value} flags, as given with {@code --set}. */
        public Builder overrides(Map<String, String> flags) {
            flags.forEach((k, v) -> set(k, v, "--set"));
            return this;
        }

        public Builder set(String key, String value, String origin) {
            String k = key.trim();
            if (SHADOWED.containsKey(k)) {
                throw new ConfigException(origin + ": '" + k + "' conflicts with tollwatch's own setting '"
                        + SHADOWED.get(k) + "'; set that instead");
            }
            if (FIXED.containsKey(k)) {
                throw new ConfigException(origin + ": '" + k + "' cannot be set: " + FIXED.get(k));
            }
            if (!DEFAULTS.containsKey(k) && !(k.startsWith(KAFKA_PREFIX) && k.length() > KAFKA_PREFIX.length())) {
                throw new ConfigException(origin + ": unknown setting '" + k + "' (known: "
                        + String.join(", ", DEFAULTS.keySet()) + ", kafka.<any Kafka setting>)");
            }
            values.put(k, value == null ? null : value.trim());
            return this;
        }

        public Settings build() {
            return new Settings(new LinkedHashMap<>(values));
        }

        /** TOLLWATCH_HTTP_ADVERTISED_URL → http.advertised.url; known keys match exactly, kafka.* by convention. */
        static String keyOfEnv(String name) {
            String rest = name.substring(ENV_PREFIX.length());
            for (String known : DEFAULTS.keySet()) {
                if (envName(known).equals(name)) {
                    return known;
                }
            }
            return rest.toLowerCase(Locale.ROOT).replace('_', '.');
        }
    }

    /** The environment variable that sets a key: TOLLWATCH_ + the key upper-cased with '.' and '-' as '_'. */
    public static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
