package io.tollwatch.place;

/** How specific a known place is, from the broadest to the most specific. */
public enum Level {
    COUNTRY,
    SUBDIVISION,
    CITY,
    CAMP
}
