package io.tollwatch.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedRegistryDistributionTest {

    @Test
    void unpacksTheArchiveOnceIntoTheCache(@TempDir Path dir) throws IOException {
        Path archive = tarGz(dir.resolve("dist.tar.gz"), "meta/", "lib/", "lib/a.jar",
                "apicurio-registry-app-9.9-runner.jar");
        Path target = dir.resolve("cache").resolve("apicurio");
        assertThat(EmbeddedRegistry.unpackCached(archive, target)).isEqualTo(target);
        assertThat(target.resolve("lib").resolve("a.jar")).hasContent("lib/a.jar");
        assertThat(EmbeddedRegistry.runnerJar(target)).contains(target.resolve("apicurio-registry-app-9.9-runner.jar"));
        Files.delete(archive);
        assertThat(EmbeddedRegistry.unpackCached(archive, target)).as("cached, archive not read").isEqualTo(target);
        try (var siblings = Files.list(target.getParent())) {
            assertThat(siblings).containsExactly(target);
        }
    }

    @Test
    void refusesEntriesOutsideTheTarget(@TempDir Path dir) throws IOException {
        Path archive = tarGz(dir.resolve("evil.tar.gz"), "lib/", "../escaped.jar");
        assertThatThrownBy(() -> EmbeddedRegistry.unpackCached(archive, dir.resolve("cache").resolve("x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("points outside the target folder");
        assertThat(dir.resolve("cache").resolve("escaped.jar")).doesNotExist();
    }

    @Test
    void anArchiveWithoutARunnerIsRefused(@TempDir Path dir) throws IOException {
        Path archive = tarGz(dir.resolve("empty.tar.gz"), "lib/", "lib/a.jar");
        assertThatThrownBy(() -> EmbeddedRegistry.unpackCached(archive, dir.resolve("cache").resolve("x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds no apicurio-registry-app-*-runner.jar");
        assertThat(dir.resolve("cache").resolve("x")).doesNotExist();
    }

    @Test
    void theSystemPropertyWinsAndABadOneIsNamed(@TempDir Path dir) {
        String before = System.getProperty(EmbeddedRegistry.DIST_PROPERTY);
        try {
            System.setProperty(EmbeddedRegistry.DIST_PROPERTY, dir.toString());
            assertThatThrownBy(EmbeddedRegistry::locateDistribution)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("system property tollwatch.registry.dist names " + dir
                            + ", which holds no apicurio-registry-app-*-runner.jar");
        } finally {
            if (before == null) {
                System.clearProperty(EmbeddedRegistry.DIST_PROPERTY);
            } else {
                System.setProperty(EmbeddedRegistry.DIST_PROPERTY, before);
            }
        }
    }

    @Test
    void theBuildsDistributionIsFound() {
        // Maven passes target/apicurio as the system property; without it the folder beside target/classes is used.
        Path dist = EmbeddedRegistry.locateDistribution();
        assertThat(EmbeddedRegistry.runnerJar(dist)).isPresent();
    }

    private static Path tarGz(Path file, String... entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            for (String name : entries) {
                TarArchiveEntry entry = new TarArchiveEntry(name);
                byte[] content = name.endsWith("/") ? new byte[0] : name.getBytes(StandardCharsets.UTF_8);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return file;
    }
}
