package io.tollwatch.bench;

import java.lang.management.ManagementFactory;

/**
 * CPU time of the bench's processes: this JVM (the service and the bench's clients) and the broker's and registry's
 * ({@link SeparateStack}). On a machine shared with other builds, CPU per record moves far less with the neighbours'
 * load than records per second do.
 */
final class CpuClock {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private CpuClock() {
    }

    static long nanos(SeparateStack stack) {
        return OS.getProcessCpuTime() + stack.cpuNanos();
    }
}
