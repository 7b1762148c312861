package io.tollwatch.extract;

import io.tollwatch.place.Gazetteer;
import io.tollwatch.place.Level;
import io.tollwatch.place.Mention;
import io.tollwatch.place.Place;
import io.tollwatch.place.Resolution;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

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
            case "AREA" -> 1;
            case "SUBDIVISION" -> 2;
            case "CITY" -> 3;
            default -> 4; // DISTRICT (a neighbourhood), CAMP
        };
    }

    /** Mentions of a short stretch of text, memoised: names recur from report to report. */
    private final Map<String, List<Mention>> memo = new ConcurrentHashMap<>();
    private static final int MEMO_MAX = 50_000;

    private List<Mention> mentions(String s) {
        List<Mention> m = memo.get(s);
        if (m == null) {
            m = gazetteer.scan(s);
            if (memo.size() >= MEMO_MAX) {
                memo.clear();
            }
            memo.put(s, m);
        }
        return m;
    }

    @Override
    public List<Hit> scan(String text, List<int[]> spans, Collection<String> contextCountries) {
        if (gazetteer == null) {
            return List.of();
        }
        List<Mention> mentions = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        try {
            for (int[] sp : spans) {
                for (Mention m : mentions(text.substring(sp[0], sp[1]))) {
                    mentions.add(m);
                    offsets.add(sp[0]);
                }
            }
        } catch (RuntimeException e) {
            return List.of();
        }
        if (mentions.isEmpty()) {
            return List.of();
        }
        // the countries the text itself names settle names shared across countries ("Gaza", "Congo")
        Set<String> context = new LinkedHashSet<>(contextCountries);
        for (Mention m : mentions) {
            List<Place> cs = m.candidates();
            boolean oneCountry = !cs.isEmpty();
            boolean allCountries = true;
            for (Place p : cs) {
                oneCountry &= Objects.equals(p.country(), cs.get(0).country());
                allCountries &= p.level() == Level.COUNTRY;
            }
            if (oneCountry && (allCountries || cs.size() == 1)) {
                context.add(cs.get(0).country());
            }
        }
        List<Hit> out = new ArrayList<>(mentions.size());
        for (int i = 0; i < mentions.size(); i++) {
            Mention m = mentions.get(i);
            int from = offsets.get(i);
            Resolution r = resolveMention(m, context);
            if (r == null || !r.resolved()) {
                continue;
            }
            Level level = r.level();
            // a country, or an area known only at country level ("Gaza Strip", "West Bank")
            boolean countryLevel = level == Level.COUNTRY || r.region().equals(r.country());
            String name = r.matched() != null ? r.matched() : m.surface();
            out.add(new Hit(from + m.start(), from + m.end(), name, r.region(), r.country(), countryLevel,
                countryLevel ? 0 : rank(level)));
        }
        return out;
    }

    /** A name and the countries around it: the same candidates (the surface decides them) read the same way. */
    private record InContext(String surface, Set<String> countries) {
    }

    private final Map<InContext, Resolution> mentionsResolved = new ConcurrentHashMap<>();

    /** The mention's reading in {@code context}, memoised (a report's places recur sentence after sentence). */
    private Resolution resolveMention(Mention m, Set<String> context) {
        Resolution r = mentionsResolved.get(new InContext(m.surface(), context));
        if (r == null) {
            try {
                r = gazetteer.resolve(m, context);
            } catch (RuntimeException e) {
                return null;
            }
            if (r == null) {
                return null;
            }
            if (mentionsResolved.size() >= MEMO_MAX) {
                mentionsResolved.clear();
            }
            mentionsResolved.put(new InContext(m.surface(), new HashSet<>(context)), r);
        }
        return r;
    }

    private final Map<String, Resolution> resolved = new ConcurrentHashMap<>();

    @Override
    public Resolution resolve(String nameOrPath, Collection<String> contextCountries) {
        if (gazetteer == null || nameOrPath == null || nameOrPath.isBlank()) {
            return Resolution.unresolved("no place");
        }
        String key = nameOrPath + "|" + String.join(",", contextCountries);
        Resolution cached = resolved.get(key);
        if (cached != null) {
            return cached;
        }
        Resolution r = resolveUncached(nameOrPath, contextCountries);
        if (resolved.size() > MEMO_MAX) {
            resolved.clear();
        }
        resolved.put(key, r);
        return r;
    }

    private Resolution resolveUncached(String nameOrPath, Collection<String> contextCountries) {
        try {
            Resolution r = gazetteer.resolve(nameOrPath, contextCountries);
            return r != null ? r : Resolution.unresolved("unknown place: " + nameOrPath);
        } catch (RuntimeException e) {
            return Resolution.unresolved("gazetteer unavailable");
        }
    }
}
