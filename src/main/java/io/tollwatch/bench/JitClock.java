package io.tollwatch.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Time this JVM's JIT compilers have spent compiling. On 2 cores the C2 compiler still takes a third to half a core
 * while the pipeline drains, even after {@link WarmUp}, and the table says how much.
 */
final class JitClock {
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

    private JitClock() {
    }

    /** Milliseconds spent compiling so far, all compiler threads together; 0 where the JVM does not say. */
    static long millis() {
        return JIT.isCompilationTimeMonitoringSupported() ? JIT.getTotalCompilationTime() : 0;
    }
}
