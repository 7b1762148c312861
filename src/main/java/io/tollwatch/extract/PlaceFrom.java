package io.tollwatch.extract;

/** Which step of place resolution (spec §2) decided a figure's region: the evidence for a region. */
public enum PlaceFrom {
    /** The places the figure's sentence names as its scene. */
    SENTENCE,
    /** The places of the figure's own clause, in a sentence naming places in several subdivisions. */
    CLAUSE,
    /** A sentence that refers back ("15 of the dead"): where the previous figure was. */
    EARLIER_FIGURE,
    /** "The city", "the town": the report's focal place. */
    FOCAL_REFERENCE,
    /** The location hint, or the dateline when the report has no hint. */
    HINT,
    /** The focal place: the title's, else the first two sentences'. */
    FOCAL,
    /** A cumulative toll of a war with no place in its sentence: the country of the fallback. */
    WAR_COUNTRY,
    /** The country the report names most. */
    MAIN_COUNTRY,
    /** Nothing: the region is unresolved. */
    NONE
}
