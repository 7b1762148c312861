package io.tollwatch.place;

/**
 * One entry of the gazetteer.
 *
 * @param name    the English (or best-known) name
 * @param level   what kind of place it is
 * @param region  the ISO 3166-2 first-level subdivision code it lies in, or the ISO 3166-1 alpha-2 country code
 *                when the place is a country or its subdivision is not known
 * @param country the ISO 3166-1 alpha-2 country code
 */
public record Place(String name, Level level, String region, String country) {
}
