package io.tollwatch.serve.query;

import io.tollwatch.schema.DailyCount;
import io.tollwatch.schema.Figure;
import io.tollwatch.schema.Total;

import java.util.List;

/**
 * The one read interface of the query API, over the query stores of {@code topology.QueryViews}: complete answers
 * across every instance, or {@link NotReadyException}. Keys are those of the output topics; a null bound is open.
 */
public interface Views {
    /** Totals with {@code from <= key <= to} (keys {@code REGION|metric|population}), in key order. */
    List<Total> totals(String from, String to);

    /** Daily counts with {@code from <= key <= to} (keys {@code REGION|metric|population|day}), in key order. */
    List<DailyCount> daily(String from, String to);

    /** The latest figures of a region, newest first; empty when it has none. */
    List<Figure> figures(String region);
}
