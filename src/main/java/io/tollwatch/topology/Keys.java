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
}
