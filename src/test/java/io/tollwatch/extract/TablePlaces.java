package io.tollwatch.extract;

import io.tollwatch.place.Level;
import io.tollwatch.place.Resolution;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A tiny gazetteer for rule tests, so they do not depend on the shipped place data. */
final class TablePlaces implements PlaceLookup {
    record P(String region, String country, Level level) {
    }

    private final Map<String, P> table;

    TablePlaces(Map<String, P> table) {
        this.table = table;
    }

    static TablePlaces syriaAndFriends() {
        return new TablePlaces(Map.ofEntries(
            Map.entry("Syria", new P("SY", "SY", Level.COUNTRY)),
            Map.entry("Hama", new P("SY-HM", "SY", Level.CITY)),
            Map.entry("Idlib", new P("SY-ID", "SY", Level.CITY)),
            Map.entry("Latakia", new P("SY-LA", "SY", Level.SUBDIVISION)),
            Map.entry("Tartus", new P("SY-TA", "SY", Level.SUBDIVISION)),
            Map.entry("Damascus", new P("SY-DI", "SY", Level.CITY)),
            Map.entry("Aleppo", new P("SY-HL", "SY", Level.CITY)),
            Map.entry("Azaz", new P("SY-HL", "SY", Level.CITY)),
            Map.entry("Manbij", new P("SY-HL", "SY", Level.CITY)),
            Map.entry("Iraq", new P("IQ", "IQ", Level.COUNTRY)),
            Map.entry("Zakho", new P("IQ-DA", "IQ", Level.CITY)),
            Map.entry("Kurdistan", new P("IQ-KR", "IQ", Level.SUBDIVISION)),
            Map.entry("Ukraine", new P("UA", "UA", Level.COUNTRY)),
            Map.entry("Kharkiv", new P("UA-63", "UA", Level.CITY)),
            Map.entry("Israel", new P("IL", "IL", Level.COUNTRY)),
            Map.entry("Iran", new P("IR", "IR", Level.COUNTRY)),
            Map.entry("Gaza Strip", new P("PS", "PS", Level.AREA)),
            Map.entry("Sudan", new P("SD", "SD", Level.COUNTRY)),
            Map.entry("El Fasher", new P("SD-DN", "SD", Level.CITY)),
            Map.entry("Tawila", new P("SD-DN", "SD", Level.CITY)),
            Map.entry("Khartoum", new P("SD-KH", "SD", Level.CITY)),
            Map.entry("Springfield", new P("US-IL", "US", Level.CITY)),
            Map.entry("Lebanon", new P("LB", "LB", Level.COUNTRY)),
            Map.entry("Tyre", new P("LB-JA", "LB", Level.CITY)),
            Map.entry("Russia", new P("RU", "RU", Level.COUNTRY)),
            Map.entry("Moscow", new P("RU-MOW", "RU", Level.CITY)),
            Map.entry("Krasnogorsk", new P("RU-MOS", "RU", Level.CITY)),
            Map.entry("Belgorod", new P("RU-BEL", "RU", Level.CITY))));
    }

    @Override
    public List<Hit> scan(String text, List<int[]> spans, Collection<String> contextCountries) {
        List<Hit> out = new ArrayList<>();
        for (int[] sp : spans) {
            String s = text.substring(sp[0], sp[1]);
            for (Map.Entry<String, P> e : table.entrySet()) {
                int i = s.indexOf(e.getKey());
                while (i >= 0) {
                    int end = i + e.getKey().length();
                    boolean word = (i == 0 || !Character.isLetter(s.charAt(i - 1)))
                        && (end >= s.length() || !Character.isLetter(s.charAt(end)));
                    if (word) {
                        P p = e.getValue();
                        boolean countryLevel = p.level() == Level.COUNTRY || p.region().equals(p.country());
                        out.add(new Hit(sp[0] + i, sp[0] + end, e.getKey(), p.region(), p.country(), countryLevel,
                            countryLevel ? 0 : GazetteerPlaces.rank(p.level())));
                    }
                    i = s.indexOf(e.getKey(), i + 1);
                }
            }
        }
        out.sort(Comparator.comparingInt(Hit::start));
        return out;
    }

    /** Names of subdivisions that differ from their places' names. */
    private static final Map<String, String> REGION_NAMES = Map.of("RU-MOS", "Moscow Oblast", "RU-BEL",
        "Belgorod Oblast");

    @Override
    public Resolution resolve(String nameOrPath, Collection<String> contextCountries) {
        for (String part : nameOrPath.split(",")) {
            P p = table.get(part.trim());
            if (p != null) {
                return new Resolution(p.region(), p.country(), REGION_NAMES.getOrDefault(p.region(), part.trim()),
                    part.trim(), p.level(), null);
            }
        }
        return Resolution.unresolved("unknown place: " + nameOrPath.toLowerCase(Locale.ROOT));
    }
}
