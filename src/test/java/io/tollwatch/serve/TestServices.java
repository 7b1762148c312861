package io.tollwatch.serve;

import io.tollwatch.config.Settings;
import io.tollwatch.topology.CodeNormaliser;

import java.time.Duration;

/** Starts a service whose figures' locations are region codes, for tests of the running service's plumbing. */
final class TestServices {
    private TestServices() {
    }

    static Service start(Settings settings) throws Exception {
        Service s = new Service(settings, CodeNormaliser::figures, code -> code).start();
        s.awaitRunning(Duration.ofSeconds(60));
        return s;
    }
}
