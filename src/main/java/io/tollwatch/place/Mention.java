package io.tollwatch.place;

import java.util.List;

/**
 * A place name found in text.
 *
 * @param start      offset of the first character in the scanned text
 * @param end        offset one past the last character
 * @param surface    the text as written
 * @param candidates every gazetteer place with that name (more than one when the name is ambiguous)
 */
public record Mention(int start, int end, String surface, List<Place> candidates) {
}
