package io.tollwatch.cli;

import io.tollwatch.config.Settings;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --config FILE} and {@code --set key=value}: the file and flag layers of {@link Settings}. */
final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "Java properties file with tollwatch settings.")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one setting (repeatable); wins over the file and the environment.")
    Map<String, String> overrides = new LinkedHashMap<>();

    /** defaults → file → environment (TOLLWATCH_*) → flags; {@code base} are the command's own defaults. */
    Settings settings(Map<String, String> base) {
        Settings.Builder b = Settings.builder();
        base.forEach((k, v) -> b.set(k, v, "built-in default"));
        if (file != null) {
            b.file(file);
        }
        return b.environment(System.getenv()).overrides(overrides).build();
    }
}
