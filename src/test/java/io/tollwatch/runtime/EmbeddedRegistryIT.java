package io.tollwatch.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedRegistryIT {

    @Test
    void terminatingTheJvmLeavesNoRegistryBehind(@TempDir Path dir) throws Exception {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-D" + EmbeddedRegistry.DIST_PROPERTY + "=" + EmbeddedRegistry.locateDistribution(),
                RegistryHolder.class.getName(), dir.toString());
        Process holder = new ProcessBuilder(command).redirectErrorStream(true).start();
        long registryPid = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("REGISTRY-PID ")) {
                    registryPid = Long.parseLong(line.substring("REGISTRY-PID ".length()).trim());
                    break;
                }
            }
            assertThat(registryPid).as("holder started a registry").isPositive();
            Optional<ProcessHandle> registry = ProcessHandle.of(registryPid);
            assertThat(registry).isPresent();
            assertThat(registry.get().isAlive()).isTrue();
            assertThat(dir.resolve("apicurio.log")).exists();

            holder.destroy(); // SIGTERM, as Ctrl-C or a service manager would
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
            registry.get().onExit().get(20, TimeUnit.SECONDS);
            assertThat(registry.get().isAlive()).isFalse();
        } finally {
            holder.destroyForcibly();
            if (registryPid > 0) {
                ProcessHandle.of(registryPid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }
}
