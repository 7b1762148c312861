package io.tollwatch.topology;

/**
 * Every processor, state store and internal topic of the topology, named once
 * ({@code ensure.explicit.internal.resource.naming=true} makes Kafka Streams refuse a generated name).
 * Internal topics are {@code <application.id>-<name>-repartition} / {@code -changelog}.
 */
public final class Names {
    private Names() {
    }

    public static final String REPORTS_SOURCE = "reports-source";
    /** Validate, drop resends, normalise, check the days (rule 8), remember the id: {@code AdmitReport}. */
    public static final String ADMIT = "admit-report";
    public static final String REPORT_FIGURES = "report-figures";
    public static final String SPLIT = "place-";
    public static final String RESOLVED = "resolved";
    public static final String UNRESOLVED = "unresolved";
    public static final String UNRESOLVED_SINK = "unresolved-sink";
    public static final String KEY_BY_REGION = "key-by-region";
    public static final String FIGURES_SINK = "figures-sink";

    public static final String KEY_BY_REGION_METRIC = "key-by-region-metric";
    public static final String BY_REGION_METRIC = "by-region-metric";
    public static final String AGGREGATE = "aggregate-region-metric";
    public static final String REGION_TOTALS = "region-totals";
    public static final String SUBDIVISIONS = "subdivisions";
    public static final String SUBDIVISION_TOTALS = "subdivision-totals";
    public static final String SUBDIVISION_TOTALS_LAG = "subdivision-totals-lag";
    public static final String SUBDIVISION_TOTALS_SINK = "subdivision-totals-sink";
    public static final String SUBDIVISION_STATES = "subdivision-states";
    public static final String COUNTRY_LEVEL = "country-level";
    public static final String BY_COUNTRY_METRIC = "by-country-metric";
    public static final String ROLLUP = "rollup-subdivisions";
    public static final String COUNTRY_JOIN = "country-join";
    public static final String COUNTRY_TOTALS = "country-totals";
    public static final String COUNTRY_TOTALS_LAG = "country-totals-lag";
    public static final String COUNTRY_TOTALS_SINK = "country-totals-sink";

    public static final String INCIDENTS = "incidents";
    public static final String EVENT_DAY = "event-day";
    public static final String BY_DAY_KEY = "by-region-metric-population";
    public static final String DAILY_WINDOW = "daily-window";
    public static final String DAILY_TO_STREAM = "daily-to-stream";
    public static final String DAILY_RECORDS = "daily-records";
    public static final String DAILY_SINK = "daily-sink";

    public static final String TOTALS_VIEW_SOURCE = "totals-view-source";
    public static final String DAILY_VIEW_SOURCE = "daily-view-source";
    public static final String FIGURES_VIEW_SOURCE = "recent-figures-source";
    public static final String FIGURES_VIEW_PROCESSOR = "recent-figures";

    /**
     * report_id → when its report was counted, kept 30 days by a window store: report-level dedup (rule 6; the merges
     * are idempotent anyway). It replaced the key-value store {@code report-ids}, whose changelog topic
     * {@code <application.id>-report-ids-changelog} is unused since.
     */
    public static final String REPORT_IDS_STORE = "counted-report-ids";
    /** region|metric → the counting state of the four populations (rules 1–4). */
    public static final String REGION_METRIC_STORE = "region-metric-state";
    /** country|metric → the subdivisions' current best figures (rule 5). */
    public static final String ROLLUP_STORE = "country-rollup";
    /** region|metric|population windowed by day → the day's deduplicated incidents (rule 7). */
    public static final String DAILY_STORE = "daily-counts";

    /** Query API: REGION|metric|population → the latest Total, materialised from the totals topic. */
    public static final String TOTALS_VIEW = "totals-view";
    /** Query API: REGION|metric|population|day → the latest DailyCount, from the daily topic. */
    public static final String DAILY_VIEW = "daily-view";
    /** Query API: region → its latest figures, newest first, from the figures topic. */
    public static final String FIGURES_VIEW = "recent-figures-view";
}
