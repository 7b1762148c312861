package io.tollwatch.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The demo's infrastructure: an {@link EmbeddedKafka} broker and an {@link EmbeddedRegistry}, started side by side
 * (the registry's JVM boots while the broker starts). With a data folder, the broker keeps its data in
 * {@code <dir>/kafka} between runs and the registry logs to {@code <dir>/registry/apicurio.log}; without one,
 * everything lives in a temporary folder deleted on close. The registry's schemas are in memory: they are
 * registered again on first use after a restart.
 */
public final class EmbeddedStack implements AutoCloseable {
    private final EmbeddedKafka kafka;
    private final EmbeddedRegistry registry;
    private final Path tempDir;

    private EmbeddedStack(EmbeddedKafka kafka, EmbeddedRegistry registry, Path tempDir) {
        this.kafka = kafka;
        this.registry = registry;
        this.tempDir = tempDir;
    }

    /** Starts both with a temporary data folder. */
    public static EmbeddedStack start() {
        try {
            Path temp = Files.createTempDirectory("tollwatch-stack-");
            return start(temp, temp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the embedded stack", e);
        }
    }

    /** Starts both with their data under {@code dataDir}, kept on close. */
    public static EmbeddedStack start(Path dataDir) {
        return start(dataDir, null);
    }

    private static EmbeddedStack start(Path dataDir, Path tempDir) {
        EmbeddedRegistry registry = EmbeddedRegistry.launch(dataDir.resolve("registry"));
        EmbeddedKafka kafka = null;
        try {
            kafka = EmbeddedKafka.start(dataDir.resolve("kafka"));
            try {
                registry.awaitReady();
            } catch (RuntimeException e) {
                if (!registry.diedOfPortClash()) {
                    throw e;
                }
                registry.close();
                registry = EmbeddedRegistry.start(dataDir.resolve("registry"));
            }
            return new EmbeddedStack(kafka, registry, tempDir);
        } catch (RuntimeException e) {
            registry.close();
            if (kafka != null) {
                kafka.close();
            }
            if (tempDir != null) {
                Files2.deleteRecursively(tempDir);
            }
            throw e;
        }
    }

    /**
     * At JVM exit (Ctrl-C), closes {@code users} first, in order, then the stack: one hook instead of the broker's and
     * the registry's own, whose concurrent run would pull the broker from under a service still closing.
     */
    public void closeOnShutdown(AutoCloseable... users) {
        kafka.detachShutdownHook();
        registry.detachShutdownHook();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (AutoCloseable user : users) {
                try {
                    user.close();
                } catch (Exception e) {
                    System.err.println("tollwatch: error while stopping: " + e.getMessage());
                }
            }
            close();
        }, "embedded-stack-shutdown"));
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public EmbeddedRegistry registry() {
        return registry;
    }

    /** The broker's {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The registry's Confluent-compatible URL. */
    public String registryUrl() {
        return registry.confluentUrl();
    }

    /** Stops the broker, then the registry. Idempotent. */
    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            registry.close();
            if (tempDir != null) {
                Files2.deleteRecursively(tempDir);
            }
        }
    }

    @Override
    public String toString() {
        return "EmbeddedStack[kafka " + bootstrapServers() + ", registry " + registryUrl() + "]";
    }
}
