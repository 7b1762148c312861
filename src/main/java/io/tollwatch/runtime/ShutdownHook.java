package io.tollwatch.runtime;

/** A JVM shutdown hook that a component registers for itself and removes when it is closed or handed over. */
final class ShutdownHook {
    private final Thread thread;

    ShutdownHook(Runnable action, String name) {
        this.thread = new Thread(action, name);
        Runtime.getRuntime().addShutdownHook(thread);
    }

    void detach() {
        try {
            Runtime.getRuntime().removeShutdownHook(thread);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run
        }
    }
}
