package io.tollwatch.config;

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
 * An unknown key, or a {@code kafka.*} key that would shadow a first-class setting, is an error naming it.
 */
public final class Settings {
    public static final String ENV_PREFIX = "TOLLWATCH_";
    public static final String KAFKA_PREFIX = "kafka.";

    public static final String BOOTSTRAP = "kafka.bootstrap.servers";
    public static final String REGISTRY_URL = "schema.registry.url";
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
            "kafka.schema.registry.url", REGISTRY_URL);

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
        String v = get(key);
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new ConfigException("setting '" + key + "' must be a whole number, not '" + v + "'");
        }
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

    /** Every setting that has a value, for printing at start-up (the ingest token masked). */
    public Map<String, String> describe() {
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                out.put(k, k.equals(INGEST_TOKEN) ? "****" : v);
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

        /** Applies every {@code TOLLWATCH_*} variable of the environment. */
        public Builder environment(Map<String, String> env) {
            new TreeMap<>(env).forEach((name, value) -> {
                if (name.startsWith(ENV_PREFIX)) {
                    set(keyOfEnv(name), value, "environment variable " + name);
                }
            });
            return this;
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
