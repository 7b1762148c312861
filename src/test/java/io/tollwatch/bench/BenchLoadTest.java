package io.tollwatch.bench;

import io.tollwatch.schema.Report;
import io.tollwatch.schema.ReportedFigure;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The latency phase's reports weigh what the drained ones do, so half the drain's report rate is half its load. */
class BenchLoadTest {
    private static final int N = 2_000;

    @Test
    void aProbeTakesAFiguresPlaceInsteadOfAddingOne() {
        Random rnd = new Random(3);
        List<Report> probes = IntStream.range(0, N).mapToObj(n -> BenchLoad.probe(n, n, rnd)).toList();
        List<Report> load = BenchLoad.reports(0, N, 3);

        assertThat(probes).allSatisfy(r -> {
            assertThat(r.getFigures()).hasSizeBetween(1, 4);
            assertThat(r.getFigures()).filteredOn(BenchLoadTest::isProbe).hasSize(1);
        });
        double probeMean = BenchLoad.figures(probes) / (double) N;
        double loadMean = BenchLoad.figures(load) / (double) N;
        assertThat(probeMean).isCloseTo(loadMean, within(0.1));
    }

    @Test
    void eachProbeIsItsCountersLatestAtItsPlace() {
        Random rnd = new Random(5);
        Report first = BenchLoad.probe(10, 0, rnd);
        Report second = BenchLoad.probe(11, 1, rnd);
        ReportedFigure p0 = first.getFigures().stream().filter(BenchLoadTest::isProbe).findFirst().orElseThrow();
        ReportedFigure p1 = second.getFigures().stream().filter(BenchLoadTest::isProbe).findFirst().orElseThrow();

        assertThat(second.getPublishedAt()).isAfter(first.getPublishedAt());
        assertThat(p0.getValue()).isEqualTo(BenchLoad.PROBE_BASE);
        assertThat(p1.getValue()).isEqualTo(BenchLoad.PROBE_BASE + 1);
        assertThat(p1.getLocation()).isEqualTo(BenchLoad.probePlace(1));
    }

    private static boolean isProbe(ReportedFigure f) {
        return BenchLoad.PROBE_COUNTER.equals(f.getCounter());
    }
}
