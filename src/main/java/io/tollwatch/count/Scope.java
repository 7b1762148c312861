package io.tollwatch.count;

/** A region (or country) and a metric: whose summary or rollup a record is. */
record Scope(String region, Metric metric) {
}
