package io.tollwatch.extract;

import java.util.HashMap;
import java.util.Map;

/**
 * Average household size per country ({@code extract/household-sizes.tsv}, from the UN DESA Database on Household
 * Size and Composition), to turn counts of families or households into people.
 */
final class Households {
    private final Map<String, Double> sizes = new HashMap<>();
    private final double fallback;

    Households() {
        double fb = 4.9;
        for (String[] row : Tables.read("/extract/household-sizes.tsv")) {
            if (row.length < 2) {
                continue;
            }
            double v = Double.parseDouble(row[1]);
            if (row[0].equals("*")) {
                fb = v;
            } else {
                sizes.put(row[0], v);
            }
        }
        this.fallback = fb;
    }

    /** Persons per household in the country (alpha-2), the fallback when unknown or null. */
    double size(String country) {
        return country == null ? fallback : sizes.getOrDefault(country, fallback);
    }

    long people(long households, String country) {
        return Math.round(households * size(country));
    }
}
