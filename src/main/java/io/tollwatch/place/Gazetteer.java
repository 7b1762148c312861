package io.tollwatch.place;

import java.util.Collection;
import java.util.List;

/** Worldwide gazetteer: place names to ISO 3166-2 subdivisions or ISO 3166-1 countries. Immutable, thread-safe. */
public final class Gazetteer {

    /** The gazetteer shipped as a resource, loaded once. */
    public static Gazetteer defaultGazetteer() {
        throw new UnsupportedOperationException("gazetteer not built yet");
    }

    /** A place name or comma path ("Abu Shouk camp, El Fasher, Sudan"); the most specific known part decides. */
    public Resolution resolve(String nameOrPath) {
        return resolve(nameOrPath, List.of());
    }

    /**
     * As {@link #resolve(String)}, with the countries the rest of the report speaks of (ISO alpha-2, may be empty)
     * to settle names shared by places in different countries.
     */
    public Resolution resolve(String nameOrPath, Collection<String> contextCountries) {
        throw new UnsupportedOperationException("gazetteer not built yet");
    }

    /** Every place mention in the text, in one pass, in order of position, longest match at each position. */
    public List<Mention> scan(String text) {
        throw new UnsupportedOperationException("gazetteer not built yet");
    }

    /** The best reading of one mention given the report's countries; unresolved when still ambiguous. */
    public Resolution resolve(Mention mention, Collection<String> contextCountries) {
        throw new UnsupportedOperationException("gazetteer not built yet");
    }

    /** English name of a subdivision or country code, or null when unknown. */
    public String regionName(String code) {
        throw new UnsupportedOperationException("gazetteer not built yet");
    }
}
