package io.tollwatch.count;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;

/**
 * One counter's figures of one population (its figures, or separately its {@code up_to} bounds): spec §3 rules 1
 * and 2, kept as maxima so that rule 6 holds by construction.
 *
 * <p>Records: a head per (region, metric, population, track, counter) with the latest cumulative entry (a max under the
 * order day, published_at, value), the running sum of its incidents, their latest day and the latest publication time
 * among the entries that count; one record per incident (…, day, place) holding the largest value reported; and a count
 * of the counting entries per publication time (…, published_at), so that the latest one is known again, in one reverse
 * seek, when the entry that had it stops counting. Every merge is commutative, associative and idempotent. Incidents on
 * or before the cumulative day can never count again (that day only moves forward), so a new cumulative figure deletes
 * them in one range scan (days sort in order after the track's prefix) and late ones are ignored: each incident is
 * written and deleted once, so one update costs the same however long the history.
 */
final class Track {
    private static final int FORMAT = 2;
    /** Rule 1: latest by day, then by published_at; ties go to the larger value. */
    private static final Comparator<Entry> CUMULATIVE_ORDER = Comparator
            .comparing((Entry e) -> e.day)
            .thenComparing(e -> e.publishedAt)
            .thenComparingLong(e -> e.value);

    private final CountStore store;
    private final byte[] headKey;
    private final byte[] incidentPrefix;
    private final byte[] publishedPrefix;
    private final byte[] stored;
    private Entry cumulative;
    private long incidentSum;
    /** The latest incident day after the cumulative day, or null. */
    private LocalDate lastIncidentDay;
    /** The latest published_at among the entries that count; null only before the first. */
    private Instant latestPublished;

    private Track(CountStore store, byte[] headKey, byte[] incidentPrefix, byte[] publishedPrefix) {
        this.store = store;
        this.headKey = headKey;
        this.incidentPrefix = incidentPrefix;
        this.publishedPrefix = publishedPrefix;
        this.stored = store.get(headKey);
        if (stored != null) {
            Codec.decode(stored, FORMAT, "Track", in -> {
                cumulative = in.readBoolean() ? Entry.read(in) : null;
                incidentSum = in.readLong();
                lastIncidentDay = in.readBoolean() ? Codec.readDay(in) : null;
                latestPublished = in.readBoolean() ? Codec.readInstant(in) : null;
                return this;
            });
        }
    }

    /** The track a figure belongs to. */
    static Track of(CountStore store, CountedFigure f) {
        boolean bound = f.qualifier() == Qualifier.UP_TO;
        return new Track(store, prefix(StateKey.HEAD, f, bound), prefix(StateKey.INCIDENT, f, bound),
                prefix(StateKey.PUBLISHED, f, bound));
    }

    private static byte[] prefix(byte kind, CountedFigure f, boolean bound) {
        return StateKey.of(kind, f.region(), f.metric()).population(f.population()).flag(bound).text(f.counter()).bytes();
    }

    /** Rule 1: the running figure, latest cumulative plus the incidents after its day. */
    long running() {
        return (cumulative == null ? 0 : cumulative.value) + incidentSum;
    }

    /** The latest event day this counter speaks for. */
    LocalDate latestDay() {
        LocalDate d = cumulative == null ? null : cumulative.day;
        return lastIncidentDay != null && (d == null || lastIncidentDay.isAfter(d)) ? lastIncidentDay : d;
    }

    /** The latest published_at among the entries that count: what {@code updated_at} is made of. */
    Instant latestPublished() {
        return latestPublished;
    }

    /** Merges one figure and writes what changed; true if the state changed. */
    boolean merge(CountedFigure f, Refs refs) {
        boolean changed = f.basis() == Basis.CUMULATIVE ? mergeCumulative(f, refs) : mergeIncident(f, refs);
        if (changed) {
            byte[] head = Codec.encode(FORMAT, out -> {
                out.writeBoolean(cumulative != null);
                if (cumulative != null) {
                    cumulative.write(out);
                }
                out.writeLong(incidentSum);
                out.writeBoolean(lastIncidentDay != null);
                if (lastIncidentDay != null) {
                    Codec.writeDay(out, lastIncidentDay);
                }
                out.writeBoolean(latestPublished != null);
                if (latestPublished != null) {
                    Codec.writeInstant(out, latestPublished);
                }
            });
            store.putIfChanged(headKey, stored, head);
        }
        return changed;
    }

    private boolean mergeCumulative(CountedFigure f, Refs refs) {
        Entry candidate = Entry.of(f);
        int c = cumulative == null ? 1 : CUMULATIVE_ORDER.compare(candidate, cumulative);
        if (c < 0) {
            return false;
        }
        if (c == 0) {
            return support(cumulative, f, refs); // the same figure from another (or the same) report
        }
        // A later figure replaces the earlier one, also when lower: that is a revision (rule 1). Attached before the
        // old one leaves, so that the latest publication moves on without a seek (see removePublished).
        Entry replaced = cumulative;
        attach(candidate, refs);
        cumulative = candidate;
        if (replaced != null) {
            detach(replaced, refs);
        }
        pruneCoveredIncidents(replaced == null ? null : replaced.day, refs);
        return true;
    }

    private boolean mergeIncident(CountedFigure f, Refs refs) {
        if (cumulative != null && !f.day().isAfter(cumulative.day)) {
            return false; // rule 1: already covered by the cumulative figure
        }
        byte[] key = StateKey.after(incidentPrefix).day(f.day()).text(f.place()).bytes();
        byte[] old = store.get(key);
        if (old == null) {
            Entry e = Entry.of(f);
            store.put(key, e.encode());
            incidentSum += e.value;
            if (lastIncidentDay == null || e.day.isAfter(lastIncidentDay)) {
                lastIncidentDay = e.day;
            }
            attach(e, refs);
            return true;
        }
        Entry e = Entry.decode(old);
        if (f.value() > e.value) {
            // Rule 2: a toll update ("rose to 41") replaces the incident's value, it does not add to it.
            Entry updated = Entry.of(f);
            attach(updated, refs);
            detach(e, refs);
            incidentSum += f.value() - e.value;
            store.put(key, updated.encode());
            return true;
        }
        if (f.value() == e.value && support(e, f, refs)) {
            store.put(key, e.encode());
            return true;
        }
        return false;
    }

    /** Another report giving an entry's current value joins its reports; it counts once. */
    private boolean support(Entry e, CountedFigure f, Refs refs) {
        boolean changed = false;
        if (e.reports.add(f.reportId())) {
            refs.addReport(f.reportId());
            changed = true;
        }
        if (f.publishedAt().isAfter(e.publishedAt)) {
            Instant earlier = e.publishedAt;
            e.publishedAt = f.publishedAt();
            addPublished(e.publishedAt);
            removePublished(earlier);
            changed = true;
        }
        return changed;
    }

    /** An entry starts counting: its reports and its publication time. */
    private void attach(Entry e, Refs refs) {
        for (String id : e.reports) {
            refs.addReport(id);
        }
        addPublished(e.publishedAt);
    }

    private void detach(Entry e, Refs refs) {
        for (String id : e.reports) {
            refs.removeReport(id);
        }
        removePublished(e.publishedAt);
    }

    private void addPublished(Instant t) {
        bump(publishedKey(t), 1);
        latestPublished = Codec.later(latestPublished, t);
    }

    /**
     * The reverse seek runs only when the latest publication stops counting with no later one added first. It is
     * worth avoiding: in RocksDB it steps over every publication key of the track deleted since the last compaction.
     */
    private void removePublished(Instant t) {
        if (bump(publishedKey(t), -1) == 0 && t.equals(latestPublished)) {
            byte[] last = store.lastKey(publishedPrefix, StateKey.end(publishedPrefix));
            latestPublished = last == null ? null : StateKey.instantAtEnd(last);
        }
    }

    private byte[] publishedKey(Instant t) {
        return StateKey.after(publishedPrefix).instant(t).bytes();
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

    /**
     * One range scan over the days the new cumulative figure covers and the one it replaces did not; each incident is
     * deleted once. Those on or before the replaced figure's day were deleted with it and cannot come back
     * ({@link #mergeIncident}), so the scan starts after that day: from the track's first day it would step, in RocksDB,
     * over every incident deleted since the last compaction.
     */
    private void pruneCoveredIncidents(LocalDate replacedDay, Refs refs) {
        byte[] from = replacedDay == null ? incidentPrefix : StateKey.after(incidentPrefix).day(replacedDay.plusDays(1)).bytes();
        byte[] to = StateKey.after(incidentPrefix).day(cumulative.day.plusDays(1)).bytes();
        for (Map.Entry<byte[], byte[]> r : store.range(from, to)) {
            Entry e = Entry.decode(r.getValue());
            incidentSum -= e.value;
            detach(e, refs);
            store.delete(r.getKey());
        }
        if (lastIncidentDay != null && !lastIncidentDay.isAfter(cumulative.day)) {
            lastIncidentDay = null;
        }
    }
}
