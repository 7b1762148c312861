package io.tollwatch.count;

/** What happened to the people counted (spec §1). Wire names are the lower-case constant names; see {@link Vocabulary}. */
public enum Metric {
    KILLED, INJURED, DISPLACED
}
