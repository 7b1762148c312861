package io.tollwatch.extract;

import io.tollwatch.place.Gazetteer;
import io.tollwatch.place.Level;
import io.tollwatch.place.Mention;
import io.tollwatch.place.Place;
import io.tollwatch.place.Resolution;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** {@link PlaceLookup} over the project's {@link Gazetteer}; a gazetteer failure yields no places, never an error. */
final class GazetteerPlaces implements PlaceLookup {
    private final Gazetteer gazetteer;

    GazetteerPlaces(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    static int rank(Level level) {
        if (level == null) {
            return 1;
        }
        return switch (level.name()) {
            case "COUNTRY" -> 0;
            case "SUBDIVISION" -> 1;
            case "DISTRICT" -> 2;
            case "CITY" -> 3;
            default -> 4;
        };
    }

    @Override
    public List<Hit> scan(String text, int from, int to, Collection<String> contextCountries) {
        if (gazetteer == null) {
            return List.of();
        }
        List<Mention> mentions;
        try {
            mentions = gazetteer.scan(text.substring(from, to));
        } catch (RuntimeException e) {
            return List.of();
        }
        List<Hit> out = new ArrayList<>(mentions.size());
        for (Mention m : mentions) {
            Resolution r;
            try {
                r = gazetteer.resolve(m, contextCountries);
            } catch (RuntimeException e) {
                continue;
            }
            if (r == null || !r.resolved()) {
                continue;
            }
            Level level = r.level();
            if (level == null && m.candidates() != null && !m.candidates().isEmpty()) {
                Place p = m.candidates().get(0);
                level = p.level();
            }
            boolean countryLevel = level != null && level.name().equals("COUNTRY");
            String name = r.matched() != null ? r.matched() : m.surface();
            out.add(new Hit(from + m.start(), from + m.end(), name, r.region(), r.country(), countryLevel,
                rank(level)));
        }
        return out;
    }

    @Override
    public Resolution resolve(String nameOrPath, Collection<String> contextCountries) {
        if (gazetteer == null || nameOrPath == null || nameOrPath.isBlank()) {
            return Resolution.unresolved("no place");
        }
        try {
            Resolution r = gazetteer.resolve(nameOrPath, contextCountries);
            return r != null ? r : Resolution.unresolved("unknown place: " + nameOrPath);
        } catch (RuntimeException e) {
            return Resolution.unresolved("gazetteer unavailable");
        }
    }
}
