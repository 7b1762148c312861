package io.tollwatch.count;

import java.util.Locale;
import java.util.Optional;

/** Wire names of the vocabulary enums: the lower-case constant name ("more_than"), as on topics and in JSON. */
public final class Vocabulary {
    private Vocabulary() {
    }

    public static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name case-insensitively; empty for null or anything unknown. */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String s) {
        if (s == null) {
            return Optional.empty();
        }
        String k = s.trim().toUpperCase(Locale.ROOT);
        for (E v : type.getEnumConstants()) {
            if (v.name().equals(k)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
