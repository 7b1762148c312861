package io.tollwatch.config;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The topics of spec §4: one place for their names, read from settings ({@code topics.<role>}). */
public record Topics(String reports, String figures, String totals, String daily, String unresolved, String dlq) {

    public enum Role {
        REPORTS("tollwatch.reports.v1"),
        FIGURES("tollwatch.figures.v1"),
        TOTALS("tollwatch.totals.v1"),
        DAILY("tollwatch.daily.v1"),
        UNRESOLVED("tollwatch.unresolved.v1"),
        DLQ("tollwatch.dlq.v1");

        private final String defaultName;

        Role(String defaultName) {
            this.defaultName = defaultName;
        }

        public String key() {
            return "topics." + name().toLowerCase(java.util.Locale.ROOT);
        }

        public String defaultName() {
            return defaultName;
        }
    }

    public static Topics defaults() {
        return from(Settings.defaults());
    }

    static Topics from(Settings s) {
        Map<Role, String> n = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            n.put(r, s.get(r.key()));
        }
        return new Topics(n.get(Role.REPORTS), n.get(Role.FIGURES), n.get(Role.TOTALS), n.get(Role.DAILY),
                n.get(Role.UNRESOLVED), n.get(Role.DLQ));
    }

    public List<String> all() {
        return List.of(reports, figures, totals, daily, unresolved, dlq);
    }
}
