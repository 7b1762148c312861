package io.tollwatch.runtime;

import java.nio.file.Path;

/** Test helper run as a separate JVM: starts an embedded registry, prints its pid, and waits to be killed. */
public final class RegistryHolder {
    private RegistryHolder() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedRegistry registry = EmbeddedRegistry.start(Path.of(args[0]));
        System.out.println("REGISTRY-PID " + registry.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
