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

    public static final String TO_COUNTED = "to-counted";
    public static final String KEY_BY_COUNTRY_METRIC = "key-by-country-metric";
    public static final String BY_COUNTRY_METRIC = "by-country-metric";
    public static final String COUNT = "count";
    public static final String TOTAL_RECORDS = "total-records";
    public static final String TOTALS_LAG = "totals-lag";
    public static final String LATEST_TOTALS = "latest-totals";
    public static final String TOTALS_SINK = "totals-sink";

    public static final String DAILY_WINDOW = "daily-series";
    public static final String LATEST_DAILY = "latest-daily";
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
    /** The counting state split by the keys of its merges (see {@code io.tollwatch.count.Counting}): rules 1–5. */
    public static final String COUNT_STORE = "count-state";
    /**
     * REGION|metric|population → a mark that the key's total changed since the last commit, which then sends it
     * (LatestTotals).
     */
    public static final String TOTALS_BUFFER = "totals-buffer";
    /**
     * REGION|metric|population windowed by day → the day's deduplicated incidents (rule 7), in the count's task. It
     * replaced {@code daily-counts}, partitioned by {@code REGION|metric|population} behind its own repartition topic
     * ({@code <application.id>-by-region-metric-population-repartition}); both topics are unused since.
     */
    public static final String DAILY_STORE = "daily-windows";
    /** REGION|metric|population|day → a mark that the day's row changed since the last commit (LatestTotals). */
    public static final String DAILY_BUFFER = "daily-buffer";

    /** Query API: REGION|metric|population → the latest Total, materialised from the totals topic. */
    public static final String TOTALS_VIEW = "totals-view";
    /** Query API: REGION|metric|population|day → the latest DailyCount, from the daily topic. */
    public static final String DAILY_VIEW = "daily-view";
    /** Query API: each region's latest figures in pages of ten, from the figures topic ({@code RecentFigures}). */
    public static final String FIGURES_VIEW = "recent-figure-entries";
}
