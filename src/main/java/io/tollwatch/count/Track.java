package io.tollwatch.count;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;

/**
 * One counter's figures of one population (its figures, or separately its {@code up_to} bounds): spec §3 rules 1
 * and 2, kept as maxima so that rule 6 holds by construction.
 *
 * <p>Records: a head per (region, metric, population, track, counter) with the latest cumulative entry (a max under
 * the order day, published_at, value), the running sum of its incidents and their latest day; and one record per
 * incident (…, day, place) holding the largest value reported. Every merge is commutative, associative and
 * idempotent. Incidents on or before the cumulative day can never count again (that day only moves forward), so a
 * new cumulative figure deletes them in one range scan (days sort in order after the track's prefix) and late ones
 * are ignored: each incident is written and deleted once, so one update costs the same however long the history.
 */
final class Track {
    private static final int FORMAT = 1;
    /** Rule 1: latest by day, then by published_at; ties go to the larger value. */
    private static final Comparator<Entry> CUMULATIVE_ORDER = Comparator
            .comparing((Entry e) -> e.day)
            .thenComparing(e -> e.publishedAt)
            .thenComparingLong(e -> e.value);

    private final CountStore store;
    private final byte[] headKey;
    private final byte[] incidentPrefix;
    private final byte[] stored;
    private Entry cumulative;
    private long incidentSum;
    /** The latest incident day after the cumulative day, or null. */
    private LocalDate lastIncidentDay;

    private Track(CountStore store, byte[] headKey, byte[] incidentPrefix) {
        this.store = store;
        this.headKey = headKey;
        this.incidentPrefix = incidentPrefix;
        this.stored = store.get(headKey);
        if (stored != null) {
            Codec.decode(stored, FORMAT, "Track", in -> {
                cumulative = in.readBoolean() ? Entry.read(in) : null;
                incidentSum = in.readLong();
                lastIncidentDay = in.readBoolean() ? Codec.readDay(in) : null;
                return this;
            });
        }
    }

    /** The track a figure belongs to. */
    static Track of(CountStore store, CountedFigure f) {
        boolean bound = f.qualifier() == Qualifier.UP_TO;
        return new Track(store, prefix(StateKey.HEAD, f, bound), prefix(StateKey.INCIDENT, f, bound));
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
        // A later figure replaces the earlier one, also when lower: that is a revision (rule 1).
        if (cumulative != null) {
            refs.detach(cumulative);
        }
        cumulative = candidate;
        refs.attach(candidate);
        pruneCoveredIncidents(refs);
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
            refs.attach(e);
            return true;
        }
        Entry e = Entry.decode(old);
        if (f.value() > e.value) {
            // Rule 2: a toll update ("rose to 41") replaces the incident's value, it does not add to it.
            refs.detach(e);
            incidentSum += f.value() - e.value;
            Entry updated = Entry.of(f);
            store.put(key, updated.encode());
            refs.attach(updated);
            return true;
        }
        if (f.value() == e.value && support(e, f, refs)) {
            store.put(key, e.encode());
            return true;
        }
        return false;
    }

    /** Another report giving an entry's current value joins its reports; it counts once. */
    private static boolean support(Entry e, CountedFigure f, Refs refs) {
        boolean changed = false;
        if (e.reports.add(f.reportId())) {
            refs.addReport(f.reportId());
            changed = true;
        }
        if (f.publishedAt().isAfter(e.publishedAt)) {
            refs.removePublished(e.publishedAt);
            e.publishedAt = f.publishedAt();
            refs.addPublished(e.publishedAt);
            changed = true;
        }
        return changed;
    }

    /** One range scan from the track's first day to the cumulative day; each incident is deleted once. */
    private void pruneCoveredIncidents(Refs refs) {
        byte[] to = StateKey.after(incidentPrefix).day(cumulative.day.plusDays(1)).bytes();
        for (Map.Entry<byte[], byte[]> r : store.range(incidentPrefix, to)) {
            Entry e = Entry.decode(r.getValue());
            incidentSum -= e.value;
            refs.detach(e);
            store.delete(r.getKey());
        }
        if (lastIncidentDay != null && !lastIncidentDay.isAfter(cumulative.day)) {
            lastIncidentDay = null;
        }
    }
}
