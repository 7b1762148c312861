package io.tollwatch.place;

import java.util.Locale;

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

    /**
     * A stable identity of the place, the same however it is spelled: a country's or subdivision's ISO code, else
     * {@code REGION/level/name} with the name folded ({@code PS-KYS/city/khan yunis}). It is built from the
     * gazetteer's own data, not from row numbers, so it survives a rebuild of the gazetteer that keeps the place.
     */
    public String id() {
        if (level == Level.COUNTRY) {
            return country;
        }
        if (level == Level.SUBDIVISION) {
            return region;
        }
        return (region != null ? region : "") + "/" + level.name().toLowerCase(Locale.ROOT) + "/"
                + Names.key(name);
    }
}
