package io.tollwatch.place;

/**
 * The outcome of resolving a place name or comma path.
 *
 * @param region     ISO 3166-2 code, else ISO 3166-1 alpha-2; null when unresolved
 * @param country    ISO 3166-1 alpha-2; null when unresolved
 * @param regionName English display name of {@code region}
 * @param matched    the name (or path part) that decided the region, as the gazetteer knows it
 * @param level      the level of the matched place
 * @param reason     why it is unresolved; null when resolved
 * @param place      the gazetteer place that decided; null when unresolved or when no single place did (a name
 *                   shared by places in several subdivisions of a country resolves to the country alone)
 */
public record Resolution(String region, String country, String regionName, String matched, Level level,
                         String reason, Place place) {

    /** A resolution that names no single gazetteer place. */
    public Resolution(String region, String country, String regionName, String matched, Level level, String reason) {
        this(region, country, regionName, matched, level, reason, null);
    }

    public static Resolution unresolved(String reason) {
        return new Resolution(null, null, null, null, null, reason);
    }

    public boolean resolved() {
        return region != null;
    }
}
