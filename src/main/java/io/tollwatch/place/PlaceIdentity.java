package io.tollwatch.place;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Spec §3 rule 2's {@code place} of an incident: the gazetteer place that a figure's location resolves to, whatever
 * its spelling, path or source, so that "Khan Younis", "Khan Younis, Gaza Strip" and a text's "Khan Yunis" are one
 * place. The one resolver for every figure: a structured figure's location and the place the extractor named for a
 * text figure both come through {@link #of}. Thread-safe.
 *
 * <p>The identity is, in this order: the {@link Place#id() id} of the gazetteer place the location resolves to
 * within the figure's region (for a path, the most specific part the gazetteer knows); else, for a place the
 * gazetteer cannot single out there, the written form folded as the gazetteer folds names, prefixed {@code ~}
 * ({@code ~abu shouk camp}); else, with no place at all, the region. A subdivision's or country's id is its code,
 * so a figure placed at the region itself and one with no place are at the same place.
 */
public final class PlaceIdentity {
    /** Marks a folded written form, which can never equal a code or a place id. */
    static final String UNKNOWN = "~";

    private final Gazetteer gazetteer;

    public PlaceIdentity(Gazetteer gazetteer) {
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
    }

    /**
     * @param written          the figure's place as written (a name or comma path), or null
     * @param region           the region the figure was resolved to (ISO 3166-2 or ISO 3166-1 code)
     * @param contextCountries the countries the rest of the report speaks of, to settle shared names (may be empty)
     */
    public String of(String written, String region, Collection<String> contextCountries) {
        Objects.requireNonNull(region, "region");
        if (written == null || written.isBlank()) {
            return region;
        }
        Set<String> context = new LinkedHashSet<>(contextCountries);
        context.add(region.substring(0, 2));
        Resolution r = gazetteer.resolve(written, context);
        if (r.place() != null && region.equals(r.region())) {
            return r.place().id();
        }
        String folded = Names.key(written);
        return folded.isEmpty() ? region : UNKNOWN + folded;
    }
}
