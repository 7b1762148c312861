package io.tollwatch.bench;

import io.tollwatch.extract.Extractor;
import io.tollwatch.schema.Report;

import java.util.List;

/** Text extraction on one thread over {@link ExtractBench}'s corpus: megabytes (10^6 bytes) of text a second. */
final class ExtractSpeed {
    private ExtractSpeed() {
    }

    /**
     * Warms up for at least {@code warmupSeconds} and until two seconds of passes in a row are not 5% faster than the
     * best before them (the JIT has compiled the rules: on a loaded machine a fixed short warm-up measured the
     * interpreter), at most ten times {@code warmupSeconds}; then times whole passes for {@code seconds}.
     */
    static double megabytesPerSecond(double warmupSeconds, double seconds) {
        Extractor extractor = Extractor.defaults();
        List<Report> corpus = ExtractBench.corpus(ExtractBench.CORPUS_BYTES, 42);
        long until = System.nanoTime() + (long) (10 * warmupSeconds * 1e9);
        double best = run(extractor, corpus, warmupSeconds);
        int flat = 0;
        while (flat < 2 && System.nanoTime() < until) {
            double rate = run(extractor, corpus, 1);
            flat = rate > best * 1.05 ? 0 : flat + 1;
            best = Math.max(best, rate);
        }
        return run(extractor, corpus, seconds);
    }

    /** Whole passes over the corpus for at least {@code seconds}; MB/s. */
    private static double run(Extractor extractor, List<Report> corpus, double seconds) {
        long t0 = System.nanoTime();
        long until = t0 + (long) (seconds * 1e9);
        int passes = 0;
        do {
            for (Report r : corpus) {
                extractor.extract(r);
            }
            passes++;
        } while (System.nanoTime() < until);
        return passes * (ExtractBench.CORPUS_BYTES / 1e6) / ((System.nanoTime() - t0) / 1e9);
    }
}
