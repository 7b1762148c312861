package io.tollwatch.count;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reference counts of the report ids behind the entries that currently count, so that {@code reports} stays exact
 * however many entries there are: a superseded report (a lower toll, an older cumulative figure) stops counting.
 * Each entry counts in the figure's population and the wholes above it ({@link PartsAndWhole#parent}: a total's
 * reports include its parts'), in each scope the figure speaks for: its region and, for a subdivision, its country
 * (rule 5: a report behind several subdivisions counts once there).
 *
 * <p>One record per (country, metric, report id) holds every scope's and population's count for that report, so an
 * entry's report costs one read and one write however deep its population and whichever scopes it counts in.
 */
final class Refs {
    private static final int FORMAT = 1;
    private static final int POPULATIONS = Population.values().length;

    private final CountStore store;
    private final Population population;
    private final List<Summary> scopes;
    private final String country;
    private final Metric metric;

    /** {@code scopes}: the figure's region first, its country last (one scope for a country-level figure). */
    Refs(CountStore store, Population population, List<Summary> scopes) {
        this.store = store;
        this.population = population;
        this.scopes = scopes;
        Summary last = scopes.get(scopes.size() - 1);
        this.country = last.region;
        this.metric = last.metric;
    }

    void addReport(String id) {
        change(id, 1);
    }

    void removeReport(String id) {
        change(id, -1);
    }

    private void change(String id, int delta) {
        byte[] key = StateKey.of(StateKey.REPORT, country, metric).text(id).bytes();
        byte[] stored = store.get(key);
        TreeMap<String, int[]> counts = stored == null ? new TreeMap<>() : Codec.decode(stored, FORMAT, "Refs", Refs::read);
        for (Summary s : scopes) {
            int[] n = counts.computeIfAbsent(s.region, r -> new int[POPULATIONS]);
            for (Population p = population; p != null; p = PartsAndWhole.parent(p)) {
                n[p.ordinal()] += delta;
                if (n[p.ordinal()] == (delta > 0 ? 1 : 0)) {
                    s.addReports(p, delta);
                }
            }
            if (isZero(n)) {
                counts.remove(s.region);
            }
        }
        if (counts.isEmpty()) {
            store.delete(key);
        } else {
            store.put(key, Codec.encode(FORMAT, out -> write(out, counts)));
        }
    }

    private static boolean isZero(int[] n) {
        for (int c : n) {
            if (c != 0) {
                return false;
            }
        }
        return true;
    }

    private static void write(BytesOut out, TreeMap<String, int[]> counts) {
        out.writeInt(counts.size());
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            Codec.writeString(out, e.getKey());
            for (int c : e.getValue()) {
                out.writeInt(c);
            }
        }
    }

    private static TreeMap<String, int[]> read(BytesIn in) throws IOException {
        TreeMap<String, int[]> counts = new TreeMap<>();
        for (int i = Codec.readCount(in); i > 0; i--) {
            String region = Codec.readString(in);
            int[] n = new int[POPULATIONS];
            for (int p = 0; p < POPULATIONS; p++) {
                n[p] = in.readInt();
            }
            counts.put(region, n);
        }
        return counts;
    }
}
