package io.tollwatch.count;

/** Whether a figure is a toll over a period (cumulative) or the count for one event (incident). Wire names are the lower-case constant names; see {@link Vocabulary}. */
public enum Basis {
    CUMULATIVE, INCIDENT
}
