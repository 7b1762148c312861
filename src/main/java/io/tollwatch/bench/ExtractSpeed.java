package io.tollwatch.bench;

import io.tollwatch.extract.Extractor;
import io.tollwatch.schema.Report;

import java.util.List;

/** Text extraction on one thread over {@link ExtractBench}'s corpus: megabytes (10^6 bytes) of text a second. */
final class ExtractSpeed {
    private ExtractSpeed() {
    }

    static double megabytesPerSecond(double warmupSeconds, double seconds) {
        Extractor extractor = Extractor.defaults();
        List<Report> corpus = ExtractBench.corpus(ExtractBench.CORPUS_BYTES, 42);
        run(extractor, corpus, warmupSeconds);
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
