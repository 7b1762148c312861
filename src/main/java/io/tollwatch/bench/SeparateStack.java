package io.tollwatch.bench;

import io.tollwatch.runtime.EmbeddedRegistry;
import io.tollwatch.runtime.EmbeddedStack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The embedded broker and registry in a JVM of their own, started from this JVM's class path, as a deployment has
 * them: the bench's JVM then holds the service and the bench's clients only, so its heap, its garbage and its JIT
 * compiler's work are the service's and not the broker's. The child ({@link #main}) writes its addresses to a file
 * once both answer and stops when its stdin closes, which also happens when this JVM dies.
 */
final class SeparateStack implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);

    private final Process process;
    private final String bootstrapServers;
    private final String registryUrl;

    private SeparateStack(Process process, String bootstrapServers, String registryUrl) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
    }

    /** Starts the child with its data and its log ({@code stack.log}) under {@code dir} and waits until it is ready. */
    static SeparateStack start(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path ready = dir.resolve("ready");
        Path log = dir.resolve("stack.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        String dist = System.getProperty(EmbeddedRegistry.DIST_PROPERTY);
        if (dist != null) {
            command.add("-D" + EmbeddedRegistry.DIST_PROPERTY + "=" + dist);
        }
        command.addAll(List.of(SeparateStack.class.getName(), dir.resolve("stack").toString(), ready.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!Files.exists(ready)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the broker and registry did not start in their own JVM (exit "
                        + (process.isAlive() ? "none" : process.exitValue()) + "); see " + log);
            }
            Thread.sleep(50);
        }
        List<String> addresses = Files.readAllLines(ready);
        return new SeparateStack(process, addresses.get(0), addresses.get(1));
    }

    /** The child: {@code <data folder> <ready file>}. */
    public static void main(String[] args) throws IOException {
        try (EmbeddedStack stack = EmbeddedStack.start(Path.of(args[0]))) {
            Path ready = Path.of(args[1]);
            Path partial = Files.writeString(ready.resolveSibling(ready.getFileName() + ".partial"),
                    stack.bootstrapServers() + "\n" + stack.registryUrl() + "\n");
            Files.move(partial, ready, StandardCopyOption.ATOMIC_MOVE);
            while (System.in.read() != -1) {
                // the parent never writes; end of input means it closed us or died
            }
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    String registryUrl() {
        return registryUrl;
    }

    /** CPU time of the child JVM and of the registry it runs, so far. */
    long cpuNanos() {
        ProcessHandle child = process.toHandle();
        return Stream.concat(Stream.of(child), child.descendants())
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
        }
    }
}
