package io.tollwatch.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apicurio Registry (in-memory storage) as a child process on a free loopback port: a real schema registry that
 * any Confluent client can use at {@link #confluentUrl()}.
 *
 * <p>The distribution is found via the system property {@value #DIST_PROPERTY}, else a folder {@code apicurio/}
 * beside the running jar (or beside {@code target/classes}), else the distribution archive in the local Maven
 * repository, unpacked once into a cache folder. The registry's output goes to {@code apicurio.log} in the data
 * folder. {@link #close()} stops it; a JVM shutdown hook does the same if the JVM exits first (Ctrl-C).
 */
public final class EmbeddedRegistry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRegistry.class);

    /** System property naming the unpacked distribution folder. */
    public static final String DIST_PROPERTY = "tollwatch.registry.dist";
    static final String VERSION = "2.6.13.Final";
    static final String RUNNER_GLOB = "apicurio-registry-app-*-runner.jar";
    static final String CONFLUENT_PATH = "/apis/ccompat/v7";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final int port;
    private final Path dataDir;
    private final boolean temporary;
    private final Path logFile;
    private final ShutdownHook shutdownHook;
    private final long launchedAt = System.nanoTime();
    private boolean closed;

    private EmbeddedRegistry(Process process, int port, Path dataDir, boolean temporary, Path logFile) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
        this.temporary = temporary;
        this.logFile = logFile;
        this.shutdownHook = new ShutdownHook(this::stop, "embedded-registry-shutdown");
    }

    /** Starts a registry logging into a temporary folder (deleted on close) and waits until it answers. */
    public static EmbeddedRegistry start() {
        EmbeddedRegistry registry = launch();
        registry.awaitReadyOrClose();
        return registry;
    }

    /** Starts a registry logging into {@code dataDir} and waits until it answers. */
    public static EmbeddedRegistry start(Path dataDir) {
        EmbeddedRegistry registry = launch(dataDir);
        try {
            registry.awaitReady();
            return registry;
        } catch (RuntimeException e) {
            boolean retry = registry.diedOfPortClash();
            registry.close();
            if (!retry) {
                throw e;
            }
        }
        registry = launch(dataDir);
        registry.awaitReadyOrClose();
        return registry;
    }

    /** Launches the registry process without waiting for it; call {@link #awaitReady()} before use. */
    public static EmbeddedRegistry launch() {
        try {
            return launch(Files.createTempDirectory("tollwatch-registry-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the embedded registry", e);
        }
    }

    /** Launches the registry process, logging into {@code dataDir}, without waiting for it. */
    public static EmbeddedRegistry launch(Path dataDir) {
        return launch(dataDir, false);
    }

    private static EmbeddedRegistry launch(Path dataDir, boolean temporary) {
        Path dir = dataDir.toAbsolutePath().normalize();
        Path dist = locateDistribution();
        Path runner = runnerJar(dist).orElseThrow();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("the embedded registry cannot use folder " + dir + ": " + e, e);
        }
        Path log = dir.resolve("apicurio.log");
        int port = FreePorts.pick();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.access-log.enabled=false",
                "-Dquarkus.banner.enabled=false",
                "-Dquarkus.datasource.jdbc.min-size=1",
                "-Dquarkus.datasource.jdbc.initial-size=1",
                "-jar", runner.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dist.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            Files.writeString(log, "---- " + java.time.Instant.now() + " " + String.join(" ", command) + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            Process process = builder.start();
            return new EmbeddedRegistry(process, port, dir, temporary, log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the embedded schema registry (" + runner + "): "
                    + e.getMessage(), e);
        }
    }

    private void awaitReadyOrClose() {
        try {
            awaitReady();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** True if the process died because its port was taken after we picked it (worth another try). */
    boolean diedOfPortClash() {
        return !process.isAlive() && tail(logFile, 40).matches("(?s).*(Port already bound|Address already in use).*");
    }

    /**
     * Waits until the registry answers on its Confluent API.
     *
     * @throws IllegalStateException if it dies or is not ready in time (the message quotes the end of its log)
     */
    public EmbeddedRegistry awaitReady() {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(confluentUrl() + "/subjects"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = launchedAt + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the embedded schema registry exited with status " + process.exitValue()
                        + " while starting; end of " + logFile + ":\n" + tail(logFile, 15));
            }
            try {
                HttpResponse<Void> response = http.send(probe, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    LOG.info("Embedded schema registry ready at {} in {} ms (pid {}, log {})", confluentUrl(),
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - launchedAt), process.pid(), logFile);
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the embedded schema registry", e);
            }
            EmbeddedKafka.sleep(100);
        }
        throw new IllegalStateException("the embedded schema registry did not answer at " + confluentUrl() + " within "
                + READY_TIMEOUT.toSeconds() + " s; end of " + logFile + ":\n" + tail(logFile, 15));
    }

    /** The Confluent-compatible API, for {@code SchemaRegistryClient} and any Confluent client. */
    public String confluentUrl() {
        return url() + CONFLUENT_PATH;
    }

    /** The registry's root URL (web console at {@code /ui}, native API at {@code /apis/registry/v2}). */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the registry process and waits for it to end. Idempotent. */
    @Override
    public void close() {
        stop();
        detachShutdownHook();
    }

    /** Leaves stopping at JVM exit to the caller's own hook (see {@link EmbeddedStack#closeOnShutdown}). */
    void detachShutdownHook() {
        shutdownHook.detach();
    }

    private synchronized void stop() {
        if (closed) {
            return;
        }
        closed = true;
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        if (temporary) {
            Files2.deleteRecursively(dataDir);
        }
    }

    // ---- locating the distribution --------------------------------------------------------------------------

    /**
     * The unpacked Apicurio Registry distribution folder (the one holding {@code apicurio-registry-app-*-runner.jar}
     * and {@code lib/}).
     *
     * @throws IllegalStateException naming every place looked at, if there is none
     */
    public static Path locateDistribution() {
        List<String> looked = new ArrayList<>();
        String property = System.getProperty(DIST_PROPERTY);
        if (property != null && !property.isBlank()) {
            Path dir = Path.of(property).toAbsolutePath().normalize();
            if (runnerJar(dir).isPresent()) {
                return dir;
            }
            throw new IllegalStateException("system property " + DIST_PROPERTY + " names " + dir
                    + ", which holds no " + RUNNER_GLOB);
        }
        Optional<Path> besideJar = besideCodeSource();
        if (besideJar.isPresent()) {
            if (runnerJar(besideJar.get()).isPresent()) {
                return besideJar.get();
            }
            looked.add(besideJar.get().toString());
        }
        Path archive = mavenRepository().resolve(Path.of("io", "apicurio", "apicurio-registry-app", VERSION,
                "apicurio-registry-app-" + VERSION + "-all.tar.gz"));
        if (Files.isRegularFile(archive)) {
            return unpackCached(archive, cacheDir().resolve("apicurio-registry-" + VERSION));
        }
        looked.add(archive.toString());
        throw new IllegalStateException("no Apicurio Registry distribution found (looked at " + String.join(", ", looked)
                + "); build with 'mvn package' (which unpacks it into target/apicurio), or set -D" + DIST_PROPERTY
                + "=<folder with " + RUNNER_GLOB + ">");
    }

    static Optional<Path> runnerJar(Path dir) {
        if (!Files.isDirectory(dir) || !Files.isDirectory(dir.resolve("lib"))) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, RUNNER_GLOB)) {
            for (Path jar : jars) {
                return Optional.of(jar);
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** {@code apicurio/} beside the jar this class was loaded from (or beside {@code target/classes}). */
    private static Optional<Path> besideCodeSource() {
        try {
            var source = EmbeddedRegistry.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return Optional.empty();
            }
            Path location = Path.of(source.getLocation().toURI());
            Path parent = location.getParent();
            return parent == null ? Optional.empty() : Optional.of(parent.resolve("apicurio"));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Path mavenRepository() {
        String local = System.getProperty("maven.repo.local");
        if (local != null && !local.isBlank()) {
            return Path.of(local);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    private static Path cacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("tollwatch");
    }

    /** Unpacks {@code archive} into {@code target} once (atomically: into a sibling folder, then renamed). */
    static Path unpackCached(Path archive, Path target) {
        if (runnerJar(target).isPresent()) {
            return target;
        }
        Path staging = null;
        try {
            Files.createDirectories(target.getParent());
            staging = Files.createTempDirectory(target.getParent(), target.getFileName() + ".unpacking-");
            untar(archive, staging);
            if (runnerJar(staging).isEmpty()) {
                throw new IllegalStateException(archive + " holds no " + RUNNER_GLOB);
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, target);
            } catch (IOException e) {
                if (runnerJar(target).isPresent()) {
                    return target; // unpacked concurrently by another process
                }
                throw e;
            }
            LOG.info("Unpacked Apicurio Registry into {}", target);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("cannot unpack " + archive + " into " + target + ": " + e, e);
        } finally {
            if (staging != null && Files.exists(staging)) {
                Files2.deleteRecursively(staging);
            }
        }
    }

    static void untar(Path archive, Path into) throws IOException {
        Path root = into.toAbsolutePath().normalize();
        try (InputStream file = Files.newInputStream(archive);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = root.resolve(entry.getName()).normalize();
                if (!path.startsWith(root)) {
                    throw new IOException("archive entry " + entry.getName() + " points outside the target folder");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isFile()) {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return "EmbeddedRegistry[" + confluentUrl() + ", pid " + process.pid() + "]";
    }
}
