package io.tollwatch.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A region chosen for a figure from places named in text.
 *
 * @param region  ISO 3166-2 subdivision or the country code; null when nothing is known
 * @param country ISO 3166-1 alpha-2, or null
 * @param place   the most specific place named, or null
 */
record Pick(String region, String country, String place) {

    static final Pick NONE = new Pick(null, null, null);

    /** Whether the pick is a subdivision, not only a country. */
    boolean subdivision() {
        return region != null && !region.equals(country);
    }

    /**
     * Region from the places named in a stretch of text: one subdivision decides; several subdivisions listed
     * ("Latakia and Tartus provinces") give their country; a place inside another ("near Zakho in Iraq's Kurdistan
     * region") gives the most specific; with only countries, the one the figure is "in" (else the focal country).
     */
    static Pick of(String text, List<PlaceLookup.Hit> hits, String focalCountry) {
        if (hits.isEmpty()) {
            return null;
        }
        List<PlaceLookup.Hit> subs = new ArrayList<>();
        List<PlaceLookup.Hit> countries = new ArrayList<>();
        for (PlaceLookup.Hit h : hits) {
            if (h.region() == null) {
                continue;
            }
            (h.countryLevel() ? countries : subs).add(h);
        }
        if (!subs.isEmpty()) {
            Set<String> regions = new LinkedHashSet<>();
            for (PlaceLookup.Hit h : subs) {
                regions.add(h.region());
            }
            PlaceLookup.Hit best = subs.get(0);
            for (PlaceLookup.Hit h : subs) {
                if (h.rank() > best.rank()) {
                    best = h;
                }
            }
            if (regions.size() == 1) {
                return new Pick(best.region(), best.country(), best.name());
            }
            boolean list = false;
            for (int i = 1; i < subs.size(); i++) {
                PlaceLookup.Hit a = subs.get(i - 1);
                PlaceLookup.Hit b = subs.get(i);
                if (a.region().equals(b.region()) || b.start() < a.end()) {
                    continue;
                }
                String between = text.substring(a.end(), b.start()).toLowerCase(Locale.ROOT);
                if (between.contains(" and ") || between.contains(",") || between.contains("neighbo")
                    || between.contains("&") || between.contains(" or ") || between.contains(" to ")
                    || between.contains("from ")) {
                    list = true;
                    break;
                }
            }
            if (!list) {
                return new Pick(best.region(), best.country(), best.name());
            }
            Map<String, Integer> byCountry = new LinkedHashMap<>();
            for (PlaceLookup.Hit h : subs) {
                byCountry.merge(h.country(), 1, Integer::sum);
            }
            String c = byCountry.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
            return c == null ? null : new Pick(c, c, null);
        }
        if (countries.isEmpty()) {
            return null;
        }
        Set<String> cs = new LinkedHashSet<>();
        for (PlaceLookup.Hit h : countries) {
            cs.add(h.country());
        }
        if (cs.size() == 1) {
            PlaceLookup.Hit h = countries.get(0);
            return new Pick(h.region(), h.country(), h.name());
        }
        for (PlaceLookup.Hit h : countries) {
            String before = " " + text.substring(Math.max(0, h.start() - 12), h.start()).toLowerCase(Locale.ROOT);
            if (before.endsWith("the ")) {
                before = before.substring(0, before.length() - 4).stripTrailing() + " ";
            }
            if (before.endsWith(" in ") || before.endsWith(" across ") || before.endsWith(" inside ")
                || before.endsWith(" throughout ") || before.endsWith(" within ") || before.endsWith(" into ")
                || before.endsWith(" of ")) {
                return new Pick(h.region(), h.country(), h.name());
            }
        }
        if (focalCountry != null && cs.contains(focalCountry)) {
            return new Pick(focalCountry, focalCountry, null);
        }
        PlaceLookup.Hit h = countries.get(0);
        return new Pick(h.region(), h.country(), h.name());
    }
}
