package io.tollwatch.bench;

import java.lang.management.ManagementFactory;

/**
 * CPU time of this JVM (broker, service and the bench's clients together). On a machine shared with other builds,
 * CPU per record moves far less with the neighbours' load than records per second do.
 */
final class CpuClock {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private CpuClock() {
    }

    static long nanos() {
        return OS.getProcessCpuTime();
    }
}
