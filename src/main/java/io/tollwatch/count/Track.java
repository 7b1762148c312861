package io.tollwatch.count;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * One counter's figures of one population (its figures, or separately its {@code up_to} bounds): spec §3 rules 1
 * and 2, kept as maxima so that rule 6 holds by construction.
 *
 * <p>State: the latest cumulative entry (a max under the order day, published_at, value) and the incidents after its
 * day, one per (place, day) holding the largest value reported. Every merge is commutative, associative and
 * idempotent, so any permutation of a set of figures, with any duplicates, ends in the same state. Incidents on or
 * before the cumulative day can never count again (that day only moves forward), so they are pruned and late ones
 * ignored: the state stays bounded by the incidents since the latest cumulative figure.
 */
final class Track {
    /** Rule 1: latest by day, then by published_at; ties go to the larger value. */
    private static final Comparator<Entry> CUMULATIVE_ORDER = Comparator
            .comparing((Entry e) -> e.day)
            .thenComparing(e -> e.publishedAt)
            .thenComparingLong(e -> e.value);

    /** Rule 2's incident identity within one counter, region and population. Sorted for a canonical encoding. */
    record IncidentKey(LocalDate day, String place) implements Comparable<IncidentKey> {
        @Override
        public int compareTo(IncidentKey o) {
            int c = day.compareTo(o.day);
            return c != 0 ? c : place.compareTo(o.place);
        }
    }

    private Entry cumulative;
    private final TreeMap<IncidentKey, Entry> incidents = new TreeMap<>();
    private long incidentSum;

    /** Rule 1: the running figure, latest cumulative plus the incidents after its day. */
    long running() {
        return (cumulative == null ? 0 : cumulative.value) + incidentSum;
    }

    /** The latest event day this counter speaks for. */
    LocalDate latestDay() {
        LocalDate d = cumulative == null ? null : cumulative.day;
        if (!incidents.isEmpty()) {
            LocalDate last = incidents.lastKey().day();
            d = d == null || last.isAfter(d) ? last : d;
        }
        return d;
    }

    int size() {
        return (cumulative == null ? 0 : 1) + incidents.size();
    }

    /** Merges one figure; true if the state changed. */
    boolean merge(CountedFigure f, Refs refs) {
        return f.basis() == Basis.CUMULATIVE ? mergeCumulative(f, refs) : mergeIncident(f, refs);
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
        IncidentKey key = new IncidentKey(f.day(), f.place());
        Entry e = incidents.get(key);
        if (e == null) {
            e = Entry.of(f);
            incidents.put(key, e);
            incidentSum += e.value;
            refs.attach(e);
            return true;
        }
        if (f.value() > e.value) {
            // Rule 2: a toll update ("rose to 41") replaces the incident's value, it does not add to it.
            refs.detach(e);
            incidentSum += f.value() - e.value;
            e.value = f.value();
            e.publishedAt = f.publishedAt();
            e.reports.clear();
            e.reports.add(f.reportId());
            refs.attach(e);
            return true;
        }
        return f.value() == e.value && support(e, f, refs);
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

    private void pruneCoveredIncidents(Refs refs) {
        Iterator<Entry> covered = incidents.headMap(new IncidentKey(cumulative.day.plusDays(1), ""), false)
                .values().iterator();
        while (covered.hasNext()) {
            Entry e = covered.next();
            incidentSum -= e.value;
            refs.detach(e);
            covered.remove();
        }
    }

    void write(DataOutputStream out) throws IOException {
        out.writeBoolean(cumulative != null);
        if (cumulative != null) {
            cumulative.write(out);
        }
        out.writeInt(incidents.size());
        for (Map.Entry<IncidentKey, Entry> i : incidents.entrySet()) {
            Codec.writeString(out, i.getKey().place());
            i.getValue().write(out);
        }
    }

    static Track read(DataInputStream in, Refs refs) throws IOException {
        Track t = new Track();
        if (in.readBoolean()) {
            t.cumulative = Entry.read(in);
            refs.attach(t.cumulative);
        }
        for (int i = Codec.readCount(in); i > 0; i--) {
            String place = Codec.readString(in);
            Entry e = Entry.read(in);
            t.incidents.put(new IncidentKey(e.day, place), e);
            t.incidentSum += e.value;
            refs.attach(e);
        }
        return t;
    }
}
