package io.tollwatch.topology;

import io.tollwatch.count.CountryRollup;

/**
 * Record keys of the output topics (spec §4): {@code REGION|metric|population} for totals, with {@code |day} for
 * the daily series; {@code REGION|metric} inside the topology. Region codes never contain '|'.
 */
final class Keys {
    static final char SEP = '|';

    private Keys() {
    }

    static String regionMetric(String region, String metric) {
        return region + SEP + metric;
    }

    static String regionMetricPopulation(String region, String metric, String population) {
        return region + SEP + metric + SEP + population;
    }

    static String region(String key) {
        int i = key.indexOf(SEP);
        return i < 0 ? key : key.substring(0, i);
    }

    static String metric(String regionMetricKey) {
        String[] parts = regionMetricKey.split("\\|");
        return parts[1];
    }

    /** SY-HL|killed → SY|killed */
    static String countryMetricOf(String regionMetricKey) {
        return regionMetric(CountryRollup.countryOf(region(regionMetricKey)), metric(regionMetricKey));
    }
}
