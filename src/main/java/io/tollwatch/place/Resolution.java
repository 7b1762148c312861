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
 */
public record Resolution(String region, String country, String regionName, String matched, Level level,
                         String reason) {

    public static Resolution unresolved(String reason) {
        return new Resolution(null, null, null, null, null, reason);
    }

    public boolean resolved() {
        return region != null;
    }
}
