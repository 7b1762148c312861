package io.tollwatch.it;

import io.tollwatch.config.Settings;
import io.tollwatch.registry.SchemaRegistryClient;
import io.tollwatch.report.Normalizer;
import io.tollwatch.runtime.EmbeddedStack;
import io.tollwatch.runtime.Files2;
import io.tollwatch.schema.Figure;
import io.tollwatch.schema.Report;
import io.tollwatch.serve.Service;
import io.tollwatch.topology.CodeNormaliser;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The real parts an integration test class runs on: an embedded KRaft broker and Apicurio registry started before the
 * class's own {@code @BeforeAll} (register it as a static {@code @RegisterExtension} field); every service started
 * through it is closed after the class's {@code @AfterAll}, newest first, then the stack, and its folder deleted.
 */
public final class LiveStack implements BeforeAllCallback, AfterAllCallback {
    private static Normalizer normalizer;

    private final Deque<Service> started = new ArrayDeque<>();
    private Path dir;
    private EmbeddedStack stack;
    private SchemaRegistryClient registry;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("tollwatch-it-");
        stack = EmbeddedStack.start(dir.resolve("stack"));
        registry = new SchemaRegistryClient(stack.registryUrl());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            while (!started.isEmpty()) {
                started.pop().close();
            }
        } finally {
            try {
                stack.close();
            } finally {
                Files2.deleteRecursively(dir);
            }
        }
    }

    public EmbeddedStack stack() {
        return stack;
    }

    public SchemaRegistryClient registry() {
        return registry;
    }

    /** A folder of this class's own, deleted after the class. */
    public Path dir(String name) {
        return dir.resolve(name);
    }

    /**
     * Settings for one service instance on the stack: HTTP port 0, a short commit interval so tests see totals soon,
     * its state in {@code dir(stateDir)}; {@code more} on top.
     */
    public Settings settings(String applicationId, String stateDir, Map<String, String> more) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put(Settings.BOOTSTRAP, stack.bootstrapServers());
        o.put(Settings.REGISTRY_URL, stack.registryUrl());
        o.put(Settings.APPLICATION_ID, applicationId);
        o.put(Settings.STATE_DIR, dir(stateDir).toString());
        o.put(Settings.HTTP_PORT, "0");
        o.put("kafka.commit.interval.ms", "100");
        o.putAll(more);
        return Settings.builder().overrides(o).build();
    }

    public Settings settings(String applicationId, Map<String, String> more) {
        return settings(applicationId, "state-" + applicationId, more);
    }

    /** A running service with the real normaliser (text extraction, the gazetteer); closed with the stack. */
    public Service start(Settings settings) throws Exception {
        Normalizer n = normalizer();
        return started(Service.of(settings, n));
    }

    /** A running service whose figures' locations are region codes, for tests of the plumbing. */
    public Service startCoded(Settings settings) throws Exception {
        return start(settings, CodeNormaliser::figures, code -> code);
    }

    public Service start(Settings settings, Function<Report, List<Figure>> normalise, UnaryOperator<String> regionNames)
            throws Exception {
        return started(new Service(settings, normalise, regionNames));
    }

    private Service started(Service s) throws Exception {
        started.push(s);
        s.start();
        s.awaitRunning(Duration.ofSeconds(90));
        return s;
    }

    /** The real normaliser, loaded once per JVM: the gazetteer takes seconds to load. */
    public static synchronized Normalizer normalizer() {
        if (normalizer == null) {
            normalizer = Normalizer.defaults();
        }
        return normalizer;
    }
}
