package io.tollwatch.count;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reference counts of the report ids and publication times behind the entries that currently count, so that
 * {@code reports} and {@code updated_at} cost the same to read however many entries there are. Every change is
 * passed up to the whole's counts ({@link PartsAndWhole#parent}): a total's reports include its parts'.
 */
final class Refs {
    private final Refs parent;
    private final Map<String, Integer> reports = new HashMap<>();
    private final TreeMap<Instant, Integer> published = new TreeMap<>();

    Refs(Refs parent) {
        this.parent = parent;
    }

    void attach(Entry e) {
        for (String id : e.reports) {
            addReport(id);
        }
        addPublished(e.publishedAt);
    }

    void detach(Entry e) {
        for (String id : e.reports) {
            removeReport(id);
        }
        removePublished(e.publishedAt);
    }

    void addReport(String id) {
        for (Refs r = this; r != null; r = r.parent) {
            r.reports.merge(id, 1, Integer::sum);
        }
    }

    private void removeReport(String id) {
        for (Refs r = this; r != null; r = r.parent) {
            r.reports.computeIfPresent(id, (k, n) -> n == 1 ? null : n - 1);
        }
    }

    void addPublished(Instant t) {
        for (Refs r = this; r != null; r = r.parent) {
            r.published.merge(t, 1, Integer::sum);
        }
    }

    void removePublished(Instant t) {
        for (Refs r = this; r != null; r = r.parent) {
            r.published.computeIfPresent(t, (k, n) -> n == 1 ? null : n - 1);
        }
    }

    boolean isEmpty() {
        return published.isEmpty();
    }

    /** The distinct report ids behind the entries that count, a snapshot. */
    Set<String> reportIds() {
        return Set.copyOf(reports.keySet());
    }

    /** Null when nothing counts. */
    Instant updatedAt() {
        return published.isEmpty() ? null : published.lastKey();
    }
}
