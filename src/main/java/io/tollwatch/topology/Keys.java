package io.tollwatch.topology;

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

    /** ISO 3166-2 codes are "CC-XXX"; a bare alpha-2 code is a country. */
    static boolean isSubdivision(String region) {
        return region.indexOf('-') > 0;
    }

    static String country(String region) {
        int i = region.indexOf('-');
        return i < 0 ? region : region.substring(0, i);
    }

    /** SY-HL|killed → SY|killed */
    static String countryMetricOf(String regionMetricKey) {
        return regionMetric(country(region(regionMetricKey)), metric(regionMetricKey));
    }
}
