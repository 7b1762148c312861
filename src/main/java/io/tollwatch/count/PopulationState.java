package io.tollwatch.count;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One population's counters within a (region, metric): their figures and, apart, their {@code up_to} bounds. */
final class PopulationState {
    private static final Comparator<CounterFigure> LARGEST_FIRST = Comparator
            .comparingLong(CounterFigure::value).reversed()
            .thenComparing(CounterFigure::counter);

    private final TreeMap<String, Track> figures = new TreeMap<>();
    /** Rule 3: {@code up_to} figures are upper bounds; they raise high, never best or low. */
    private final TreeMap<String, Track> bounds = new TreeMap<>();
    final Refs refs;

    PopulationState(Refs refs) {
        this.refs = refs;
    }

    boolean merge(CountedFigure f) {
        Map<String, Track> tracks = f.qualifier() == Qualifier.UP_TO ? bounds : figures;
        return tracks.computeIfAbsent(f.counter(), c -> new Track()).merge(f, refs);
    }

    boolean hasOwnFigures() {
        return !figures.isEmpty() || !bounds.isEmpty();
    }

    int size() {
        int n = 0;
        for (Track t : figures.values()) {
            n += t.size();
        }
        for (Track t : bounds.values()) {
            n += t.size();
        }
        return n;
    }

    /**
     * Rule 3: best is the largest counter's running figure, low the smallest, high the largest of best and the
     * counters' upper bounds. Null without own figures. With only bounds, best and low are 0.
     */
    Range ownRange() {
        if (!hasOwnFigures()) {
            return null;
        }
        long best = 0;
        long low = figures.isEmpty() ? 0 : Long.MAX_VALUE;
        for (Track t : figures.values()) {
            long v = t.running();
            best = Math.max(best, v);
            low = Math.min(low, v);
        }
        long high = best;
        for (Track t : bounds.values()) {
            high = Math.max(high, t.running());
        }
        return new Range(low, best, high);
    }

    List<CounterFigure> counters() {
        List<CounterFigure> list = new ArrayList<>(figures.size());
        figures.forEach((counter, t) -> list.add(new CounterFigure(counter, t.running(), t.latestDay())));
        list.sort(LARGEST_FIRST);
        return list;
    }

    void write(DataOutputStream out) throws IOException {
        writeTracks(out, figures);
        writeTracks(out, bounds);
    }

    void read(DataInputStream in) throws IOException {
        readTracks(in, figures);
        readTracks(in, bounds);
    }

    private static void writeTracks(DataOutputStream out, TreeMap<String, Track> tracks) throws IOException {
        out.writeInt(tracks.size());
        for (Map.Entry<String, Track> e : tracks.entrySet()) {
            Codec.writeString(out, e.getKey());
            e.getValue().write(out);
        }
    }

    private void readTracks(DataInputStream in, TreeMap<String, Track> tracks) throws IOException {
        for (int i = Codec.readCount(in); i > 0; i--) {
            String counter = Codec.readString(in);
            tracks.put(counter, Track.read(in, refs));
        }
    }
}
