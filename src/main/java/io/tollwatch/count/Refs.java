package io.tollwatch.count;

import java.time.Instant;
import java.util.List;

/**
 * Reference counts of the report ids and publication times behind the entries that currently count, kept as store
 * records beside the entries, so that {@code reports} and {@code updated_at} stay exact and cost the same to keep
 * however many entries there are. Each change counts in the figure's population and the wholes above it
 * ({@link PartsAndWhole#parent}: a total's reports include its parts'), in each scope the figure speaks for: its
 * region and, for a subdivision, its country (rule 5: a report behind several subdivisions counts once there).
 */
final class Refs {
    private final CountStore store;
    private final Population population;
    private final List<Summary> scopes;

    Refs(CountStore store, Population population, List<Summary> scopes) {
        this.store = store;
        this.population = population;
        this.scopes = scopes;
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
        each((s, p) -> {
            if (bump(StateKey.of(StateKey.REPORT, s.region, s.metric).population(p).text(id).bytes(), 1) == 1) {
                s.population(p).reports++;
            }
        });
    }

    private void removeReport(String id) {
        each((s, p) -> {
            if (bump(StateKey.of(StateKey.REPORT, s.region, s.metric).population(p).text(id).bytes(), -1) == 0) {
                s.population(p).reports--;
            }
        });
    }

    void addPublished(Instant t) {
        each((s, p) -> {
            bump(publishedPrefix(s, p).instant(t).bytes(), 1);
            Summary.Pop sp = s.population(p);
            if (sp.updatedAt == null || t.isAfter(sp.updatedAt)) {
                sp.updatedAt = t;
            }
        });
    }

    void removePublished(Instant t) {
        each((s, p) -> {
            Summary.Pop sp = s.population(p);
            if (bump(publishedPrefix(s, p).instant(t).bytes(), -1) == 0 && t.equals(sp.updatedAt)) {
                byte[] prefix = publishedPrefix(s, p).bytes();
                byte[] last = store.lastKey(prefix, StateKey.end(prefix));
                sp.updatedAt = last == null ? null : StateKey.instantAtEnd(last);
            }
        });
    }

    private static StateKey publishedPrefix(Summary s, Population p) {
        return StateKey.of(StateKey.PUBLISHED, s.region, s.metric).population(p);
    }

    private interface Step {
        void apply(Summary scope, Population p);
    }

    private void each(Step step) {
        for (Summary s : scopes) {
            for (Population p = population; p != null; p = PartsAndWhole.parent(p)) {
                step.apply(s, p);
            }
        }
    }

    /** Adds delta to a count record, deleting it at zero; returns the new count. */
    private int bump(byte[] key, int delta) {
        byte[] old = store.get(key);
        int n = (old == null ? 0 : Codec.decodeInt(old)) + delta;
        if (n == 0) {
            store.delete(key);
        } else {
            store.put(key, Codec.encodeInt(n));
        }
        return n;
    }
}
