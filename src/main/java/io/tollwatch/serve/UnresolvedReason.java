package io.tollwatch.serve;

import java.util.Locale;

/**
 * The kind of an unresolved figure's reason, as a bounded metric label: the sentences name the places themselves
 * ("unknown place: Xyz", "ambiguous: Springfield is in …"), which must not become label values.
 */
final class UnresolvedReason {
    private UnresolvedReason() {
    }

    static String of(String reason) {
        String r = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        if (r.startsWith("unknown place")) {
            return "unknown_place";
        }
        if (r.startsWith("ambiguous")) {
            return "ambiguous";
        }
        if (r.contains("no place") || r.contains("no known place") || r.equals("empty name")) {
            return "no_place";
        }
        return "other";
    }
}
