package io.tollwatch.extract;

import io.tollwatch.place.Resolution;

import java.util.Collection;
import java.util.List;

/**
 * What extraction needs from the gazetteer: the places named in a stretch of text, and a place name resolved.
 * {@link GazetteerPlaces} adapts {@link io.tollwatch.place.Gazetteer}; tests may supply a small table.
 */
interface PlaceLookup {

    /**
     * A place named in the text, resolved.
     *
     * @param start        offset in the scanned text
     * @param end          offset one past the end
     * @param name         the place's name as the gazetteer knows it (or the surface)
     * @param region       ISO 3166-2 subdivision, or the country code when only that is known
     * @param country      ISO 3166-1 alpha-2
     * @param countryLevel whether the place is a country itself
     * @param rank         how specific: 0 country (or an area known only by its country), 1 area, 2 subdivision,
     *                     3 city/town, 4 neighbourhood/camp
     */
    record Hit(int start, int end, String name, String region, String country, boolean countryLevel, int rank) {
    }

    /** Places named in {@code text[from, to)}, in order, resolved with the report's countries as context. */
    default List<Hit> scan(String text, int from, int to, Collection<String> contextCountries) {
        return scan(text, List.of(new int[] {from, to}), contextCountries);
    }

    /**
     * Places named in the given stretches of the text ({from, to} pairs, in order), resolved together: a country
     * named in one stretch settles an ambiguous name in another.
     */
    List<Hit> scan(String text, List<int[]> spans, Collection<String> contextCountries);

    /** A place name or comma path; unresolved (never null) when unknown. */
    Resolution resolve(String nameOrPath, Collection<String> contextCountries);
}
