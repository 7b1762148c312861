package io.tollwatch.count;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Wire names of the vocabulary enums: the lower-case constant name ("more_than"), as on topics and in JSON. */
public final class Vocabulary {
    /**
     * Each enum's wire names, by ordinal and by name, worked out once per class: every figure's state keys and stored
     * records spell their enums this way, and lower-casing (or cloning the constants) on each use was a measurable
     * part of the count processor's time.
     */
    private static final ClassValue<Names> NAMES = new ClassValue<>() {
        @Override
        protected Names computeValue(Class<?> type) {
            return new Names(type.getEnumConstants());
        }
    };

    private Vocabulary() {
    }

    public static String wire(Enum<?> value) {
        return NAMES.get(value.getDeclaringClass()).wire[value.ordinal()];
    }

    /** Parses a wire name case-insensitively; empty for null or anything unknown. */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String s) {
        if (s == null) {
            return Optional.empty();
        }
        Map<String, Enum<?>> byName = NAMES.get(type).byName;
        Enum<?> v = byName.get(s);
        if (v == null) {
            v = byName.get(s.trim().toUpperCase(Locale.ROOT));
        }
        return Optional.ofNullable(v).map(type::cast);
    }

    private static final class Names {
        final String[] wire;
        /** Both the wire name and the constant's own, so that either spelling is found without case mapping. */
        final Map<String, Enum<?>> byName = new HashMap<>();

        Names(Object[] constants) {
            wire = new String[constants.length];
            for (Object c : constants) {
                Enum<?> e = (Enum<?>) c;
                wire[e.ordinal()] = e.name().toLowerCase(Locale.ROOT);
                byName.put(wire[e.ordinal()], e);
                byName.put(e.name(), e);
            }
        }
    }
}
