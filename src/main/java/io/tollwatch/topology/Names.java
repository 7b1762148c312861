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
    public static final String VALIDATE = "validate-and-dedup";
    public static final String NORMALISE = "normalise";
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
    public static final String TOTALS_SINK = "totals-sink";

    public static final String INCIDENTS = "incidents";
    public static final String EVENT_DAY = "event-day";
    public static final String BY_DAY_KEY = "by-region-metric-population";
    public static final String DAILY_WINDOW = "daily-window";
    public static final String DAILY_TO_STREAM = "daily-to-stream";
    public static final String DAILY_RECORDS = "daily-records";
    public static final String DAILY_SINK = "daily-sink";

    /** report_id → first-seen stream time: report-level dedup (rule 6; the merges are idempotent anyway). */
    public static final String REPORT_IDS_STORE = "report-ids";
    /** The counting state split by the keys of its merges (see {@code io.tollwatch.count.Counting}): rules 1–5. */
    public static final String COUNT_STORE = "count-state";
    /** region|metric|population windowed by day → the day's deduplicated incidents (rule 7). */
    public static final String DAILY_STORE = "daily-counts";
}
