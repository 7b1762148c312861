package io.tollwatch.count;

/** The hedge in front of a number (spec §1). Wire names are the lower-case constant names; see {@link Vocabulary}. */
public enum Qualifier {
    EXACT, AT_LEAST, MORE_THAN, ABOUT, NEARLY, UP_TO
}
