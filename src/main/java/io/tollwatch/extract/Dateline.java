package io.tollwatch.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dateline at the start of a wire story: "KYIV, Ukraine (AP) — ", "BEIRUT (Reuters) - ",
 * "GOMA, Congo, Jan 27 (Reuters) - ".
 *
 * @param end   where the story's text proper starts (0 without a dateline)
 * @param place the place it names, title-cased ("Kyiv, Ukraine"), or null
 */
record Dateline(int end, String place) {

    private static final Pattern DATELINE = Pattern.compile(
        "\\s*([A-Z][A-Z .'\u2019-]{1,40}(?:,\\s*[A-Z][\\p{L} .'\u2019-]{1,30})?)(?:,\\s*[A-Z][a-z]{2,8}\\.?\\s+\\d{1,2})?"
            + "\\s*(?:\\([^)]{1,30}\\))?\\s*(?:\u2014|\u2013|--?)\\s");

    static final Dateline NONE = new Dateline(0, null);

    /** The dateline {@code text} opens with, else {@link #NONE}. */
    static Dateline of(String text) {
        Matcher d = DATELINE.matcher(text);
        return d.lookingAt() ? new Dateline(d.end(), PlaceNames.titleCase(d.group(1))) : NONE;
    }
}
