package io.tollwatch.count;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One region and metric counted over its own in-memory store, with the whole store as bytes to compare states. */
final class CountState {
    private final InMemoryCountStore store = new InMemoryCountStore();
    private final Counting counting = new Counting(store);
    private final String region;
    private final Metric metric;

    CountState(String region, Metric metric) {
        this.region = region;
        this.metric = metric;
    }

    /** True if the store changed. */
    boolean merge(CountedFigure f) {
        byte[] before = encode();
        counting.merge(f);
        return !Arrays.equals(before, encode());
    }

    /** The totals the last merge changed. */
    List<PopulationTotal> mergeChanges(CountedFigure f) {
        return counting.merge(f);
    }

    List<PopulationTotal> totals() {
        return counting.totals(region, metric);
    }

    List<PopulationTotal> countryTotals() {
        return counting.totals(CountryRollup.countryOf(region), metric);
    }

    /** Every record, in key order. */
    byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<byte[], byte[]> r : store.records().entrySet()) {
            out.write(r.getKey().length);
            out.writeBytes(r.getKey());
            out.write(r.getValue().length);
            out.writeBytes(r.getValue());
        }
        return out.toByteArray();
    }

    /** How many records of each kind ({@link StateKey}'s kind bytes) the store holds. */
    Map<Character, Integer> recordsByKind() {
        Map<Character, Integer> kinds = new TreeMap<>();
        for (byte[] key : store.records().keySet()) {
            kinds.merge((char) key[0], 1, Integer::sum);
        }
        return kinds;
    }

    /** How many entries count: incident records and heads that hold a cumulative entry. */
    int size() {
        int n = 0;
        for (Map.Entry<byte[], byte[]> r : store.records().entrySet()) {
            byte kind = r.getKey()[0];
            if (kind == StateKey.INCIDENT || (kind == StateKey.HEAD && r.getValue()[1] == 1)) {
                n++;
            }
        }
        return n;
    }
}
