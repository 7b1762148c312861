package io.tollwatch.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * A progress line on stderr for long runs ({@code replay}, {@code produce}): count, total and rate, redrawn at most
 * five times a second, and nothing at all when the output is not a terminal (scripts and logs stay clean).
 */
final class Progress implements IntConsumer {
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final String what;
    private final int total;
    private final long started = System.nanoTime();
    private long drawn;

    Progress(PrintStream out, String what, int total) {
        this.out = out;
        this.what = what;
        this.total = total;
    }

    /** On stderr when this process talks to a terminal, else silent. */
    static IntConsumer onTerminal(String what, int total) {
        return System.console() != null ? new Progress(System.err, what, total) : done -> { };
    }

    @Override
    public void accept(int done) {
        long now = System.nanoTime();
        if (done < total && now - drawn < REDRAW_NANOS) {
            return;
        }
        drawn = now;
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        out.print(String.format(Locale.ENGLISH, "\rtollwatch: %s %,d / %,d (%,.0f/s)  ", what, done, total, done / seconds));
        if (done >= total) {
            out.println();
        }
        out.flush();
    }
}
