package io.tollwatch.count;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static io.tollwatch.count.Population.ALL;
import static io.tollwatch.count.Population.CHILDREN;
import static io.tollwatch.count.Population.CIVILIANS;
import static io.tollwatch.count.Population.COMBATANTS;

/** Spec §3 rule 4: parts never exceed the whole. */
final class PartsAndWhole {
    /** Worked out once: every figure asks, for its own population and, in {@code updated_at}, for each other. */
    private static final Map<Population, Set<Population>> WITH_WHOLES = chains();

    private PartsAndWhole() {
    }

    /**
     * Rule 4, in place: {@code civilians ≥ children}, then {@code all ≥ civilians + combatants}. Children go first so
     * that a raised civilians figure feeds the all figure. A population absent from the map has no figures; a whole
     * absent but with parts present is added, derived from its parts (see {@link Range#raise}).
     */
    static void apply(Map<Population, Range> ranges) {
        put(ranges, CIVILIANS, Range.raise(ranges.get(CIVILIANS), ranges.get(CHILDREN)));
        put(ranges, ALL, Range.raise(ranges.get(ALL), Range.plus(ranges.get(CIVILIANS), ranges.get(COMBATANTS))));
    }

    private static void put(Map<Population, Range> ranges, Population p, Range r) {
        if (r != null) {
            ranges.put(p, r);
        }
    }

    /** {@code p} and every whole above it: the populations whose totals a figure of {@code p} can change. */
    static Set<Population> withWholes(Population p) {
        return WITH_WHOLES.get(p);
    }

    private static Map<Population, Set<Population>> chains() {
        EnumMap<Population, Set<Population>> all = new EnumMap<>(Population.class);
        for (Population p : Population.values()) {
            EnumSet<Population> chain = EnumSet.noneOf(Population.class);
            for (Population q = p; q != null; q = parent(q)) {
                chain.add(q);
            }
            all.put(p, Collections.unmodifiableSet(chain));
        }
        return all;
    }

    /** The whole that rule 4 makes {@code p} a part of, or null for {@code all}. */
    static Population parent(Population p) {
        return switch (p) {
            case ALL -> null;
            case CIVILIANS, COMBATANTS -> ALL;
            case CHILDREN -> CIVILIANS;
        };
    }
}
