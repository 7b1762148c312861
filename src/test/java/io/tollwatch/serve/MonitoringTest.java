package io.tollwatch.serve;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** tollwatch's own meters as operators scrape them. */
class MonitoringTest {

    @Test
    void theExtractorsFailuresArePublishedAsTheyGrow() {
        AtomicLong failures = new AtomicLong();
        try (Monitoring monitoring = new Monitoring()) {
            monitoring.extractionFailures(failures::get);
            assertThat(Scrape.parse(monitoring.scrape()).sum("tollwatch_extraction_failures_total")).isZero();
            failures.addAndGet(3);
            System.gc(); // the registry must hold the supplier itself, or a collection zeroes the meter
            Scrape s = Scrape.parse(monitoring.scrape());
            assertThat(s.names()).contains("tollwatch_extraction_failures_total");
            assertThat(s.sum("tollwatch_extraction_failures_total")).isEqualTo(3);
        }
    }
}
