package io.tollwatch.count;

/** The low/best/high of one population, and the one way rules 4 and 5 raise a whole from its parts. */
record Range(long low, long best, long high) {

    /** Adds two ranges component-wise; null stands for "no figures". */
    static Range plus(Range a, Range b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return new Range(a.low + b.low, a.best + b.best, a.high + b.high);
    }

    /**
     * Rules 4 and 5: the whole's best is raised to the parts' sum where that is larger, and high follows so that
     * high ≥ best; the whole's low is its own. A whole with no figures of its own is derived entirely from its parts.
     */
    static Range raise(Range whole, Range parts) {
        if (parts == null) {
            return whole;
        }
        if (whole == null) {
            return parts;
        }
        long best = Math.max(whole.best, parts.best);
        return new Range(whole.low, best, Math.max(whole.high, best));
    }
}
