package io.tollwatch.count;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Spec §3 computed the slow, obvious way from the whole set of figures, written from the spec's text and the README's
 * decisions, using nothing of the {@code count} package: the reference the property tests hold the service to. Figures are
 * what the scrapers meant (region and place as ground truth, canonical counter), not what the service read.
 */
public final class NaiveSpec {
    private NaiveSpec() {
    }

    /** One figure as meant: {@code place} is any label that is equal exactly for the same place. */
    public record Truth(String report, Instant published, String metric, String population, long value, String qualifier,
                 String basis, String counter, String region, String place, LocalDate day) {
        public String country() {
            return region.substring(0, 2);
        }

        public boolean subdivision() {
            return region.length() > 2;
        }
    }

    public record Counter(String counter, long value, LocalDate day) {
    }

    public record Part(String region, long best) {
    }

    public record Total(long best, long low, long high, List<Counter> counters, List<Part> parts, Set<String> reports,
                 Instant updatedAt) {
    }

    public record Daily(long best, long low, int incidents, List<Counter> counters) {
    }

    private record Range(long low, long best, long high) {
    }

    /** Rule 4's parts of each whole: civilians and combatants of all, children of civilians. */
    private static final Map<String, List<String>> PARTS = Map.of(
            "all", List.of("civilians", "combatants"), "civilians", List.of("children"));
    private static final List<String> POPULATIONS = List.of("all", "civilians", "combatants", "children");

    /** Every total, keyed {@code REGION|metric|population}. */
    public static Map<String, Total> totals(List<Truth> figures) {
        Map<String, Total> out = new TreeMap<>();
        Set<String> metrics = figures.stream().map(Truth::metric).collect(Collectors.toSet());
        Set<String> subdivisions = figures.stream().filter(Truth::subdivision).map(Truth::region).collect(Collectors.toSet());
        Set<String> countries = figures.stream().map(Truth::country).collect(Collectors.toSet());
        for (String metric : metrics) {
            Map<String, Map<String, Range>> subRanges = new HashMap<>();
            for (String region : subdivisions) {
                List<Truth> mine = figures.stream().filter(f -> f.region().equals(region) && f.metric().equals(metric)).toList();
                Map<String, Range> ranges = wholesRaised(ownRanges(mine));
                subRanges.put(region, ranges);
                ranges.forEach((p, r) -> out.put(region + "|" + metric + "|" + p, total(r, counters(mine, p),
                        List.of(), entryReports(mine, p), figures)));
            }
            for (String country : countries) {
                List<Truth> own = figures.stream().filter(f -> f.region().equals(country) && f.metric().equals(metric)).toList();
                Map<String, Range> ranges = ownRanges(own);
                for (String p : POPULATIONS) {
                    Range sum = null;
                    List<Part> parts = new ArrayList<>();
                    for (var e : subRanges.entrySet()) {
                        Range r = e.getValue().get(p);
                        if (e.getKey().startsWith(country + "-") && r != null) {
                            sum = plus(sum, r);
                            parts.add(new Part(e.getKey(), r.best()));
                        }
                    }
                    Range raised = raise(ranges.get(p), sum); // rule 5
                    if (raised != null) {
                        ranges.put(p, raised);
                    }
                }
                ranges = wholesRaised(ranges);
                ranges.forEach((p, r) -> {
                    List<Part> parts = new ArrayList<>();
                    Set<String> reports = new HashSet<>(entryReports(own, p));
                    subRanges.forEach((region, sr) -> {
                        if (region.startsWith(country + "-") && sr.containsKey(p)) {
                            parts.add(new Part(region, sr.get(p).best()));
                            reports.addAll(entryReports(figures.stream()
                                    .filter(f -> f.region().equals(region) && f.metric().equals(metric)).toList(), p));
                        }
                    });
                    parts.sort(Comparator.comparingLong(Part::best).reversed().thenComparing(Part::region));
                    out.put(country + "|" + metric + "|" + p, total(r, counters(own, p), parts, reports, figures));
                });
            }
        }
        return out;
    }

    private static Total total(Range r, List<Counter> counters, List<Part> parts, Set<String> reports,
                               List<Truth> all) {
        Instant updated = all.stream().filter(f -> reports.contains(f.report())).map(Truth::published)
                .max(Comparator.naturalOrder()).orElse(null);
        return new Total(r.best(), r.low(), r.high(), counters, parts, reports, updated);
    }

    /** Rule 3 per population from its own figures; up_to figures only bound high. */
    private static Map<String, Range> ownRanges(List<Truth> figs) {
        Map<String, Range> ranges = new LinkedHashMap<>();
        for (String p : POPULATIONS) {
            Map<String, Long> running = running(figs, p, false);
            Map<String, Long> bounds = running(figs, p, true);
            if (running.isEmpty() && bounds.isEmpty()) {
                continue;
            }
            long best = running.values().stream().mapToLong(Long::longValue).max().orElse(0);
            long low = running.values().stream().mapToLong(Long::longValue).min().orElse(0);
            long high = Math.max(best, bounds.values().stream().mapToLong(Long::longValue).max().orElse(0));
            ranges.put(p, new Range(low, best, high));
        }
        return ranges;
    }

    /** Rule 4: civilians at least children, then all at least civilians plus combatants. */
    private static Map<String, Range> wholesRaised(Map<String, Range> ranges) {
        Map<String, Range> r = new LinkedHashMap<>(ranges);
        for (String whole : List.of("civilians", "all")) {
            Range parts = null;
            for (String part : PARTS.get(whole)) {
                parts = plus(parts, r.get(part));
            }
            Range raised = raise(r.get(whole), parts);
            if (raised != null) {
                r.put(whole, raised);
            }
        }
        return r;
    }

    private static Range plus(Range a, Range b) {
        return a == null ? b : b == null ? a : new Range(a.low() + b.low(), a.best() + b.best(), a.high() + b.high());
    }

    /** A whole below its parts is raised to them (low stays its own); a whole with no figures is its parts. */
    private static Range raise(Range whole, Range parts) {
        if (parts == null) {
            return whole;
        }
        if (whole == null) {
            return parts;
        }
        long best = Math.max(whole.best(), parts.best());
        return new Range(whole.low(), best, Math.max(whole.high(), best));
    }

    private static Truth latestCumulative(List<Truth> fs) {
        return fs.stream().filter(f -> f.basis().equals("cumulative"))
                .max(Comparator.comparing(Truth::day).thenComparing(Truth::published).thenComparingLong(Truth::value))
                .orElse(null);
    }

    private static List<Truth> track(List<Truth> figs, String population, boolean upTo, String counter) {
        return figs.stream().filter(f -> f.population().equals(population) && f.qualifier().equals("up_to") == upTo
                && f.counter().equals(counter)).toList();
    }

    /** Rules 1 and 2: each counter's latest cumulative figure plus its later incidents, one per (place, day). */
    private static Map<String, Long> running(List<Truth> figs, String population, boolean upTo) {
        Map<String, Long> running = new TreeMap<>();
        for (String counter : figs.stream().map(Truth::counter).collect(Collectors.toSet())) {
            List<Truth> fs = track(figs, population, upTo, counter);
            if (fs.isEmpty()) {
                continue;
            }
            Truth cum = latestCumulative(fs);
            long sum = incidents(fs, cum).values().stream().mapToLong(Long::longValue).sum();
            running.put(counter, (cum == null ? 0 : cum.value()) + sum);
        }
        return running;
    }

    /** The incidents after the cumulative day: (place, day) → the largest value reported. */
    private static Map<List<Object>, Long> incidents(List<Truth> fs, Truth cum) {
        Map<List<Object>, Long> incidents = new HashMap<>();
        fs.stream().filter(f -> f.basis().equals("incident") && (cum == null || f.day().isAfter(cum.day())))
                .forEach(f -> incidents.merge(List.of(f.place(), f.day()), f.value(), Math::max));
        return incidents;
    }

    private static List<Counter> counters(List<Truth> figs, String population) {
        List<Counter> list = new ArrayList<>();
        running(figs, population, false).forEach((counter, value) -> {
            List<Truth> fs = track(figs, population, false, counter);
            Truth cum = latestCumulative(fs);
            LocalDate day = cum == null ? null : cum.day();
            for (List<Object> k : incidents(fs, cum).keySet()) {
                LocalDate d = (LocalDate) k.get(1);
                day = day == null || d.isAfter(day) ? d : day;
            }
            list.add(new Counter(counter, value, day));
        });
        list.sort(Comparator.comparingLong(Counter::value).reversed().thenComparing(Counter::counter));
        return list;
    }

    /**
     * The reports behind what counts for a population and its parts: per counter, those giving its latest cumulative
     * figure as it is, and those giving each later incident its largest value.
     */
    private static Set<String> entryReports(List<Truth> figs, String population) {
        List<String> populations = new ArrayList<>(List.of(population));
        for (int i = 0; i < populations.size(); i++) {
            populations.addAll(PARTS.getOrDefault(populations.get(i), List.of()));
        }
        Set<String> reports = new HashSet<>();
        for (String p : populations) {
            for (String counter : figs.stream().map(Truth::counter).collect(Collectors.toSet())) {
                for (boolean upTo : List.of(false, true)) {
                    List<Truth> fs = track(figs, p, upTo, counter);
                    Truth cum = latestCumulative(fs);
                    Map<List<Object>, Long> incidents = incidents(fs, cum);
                    for (Truth f : fs) {
                        boolean isCum = cum != null && f.basis().equals("cumulative") && f.day().equals(cum.day())
                                && f.published().equals(cum.published()) && f.value() == cum.value();
                        Long max = incidents.get(List.of(f.place(), f.day()));
                        boolean isIncident = f.basis().equals("incident") && max != null && max == f.value();
                        if (isCum || isIncident) {
                            reports.add(f.report());
                        }
                    }
                }
            }
        }
        return reports;
    }

    /**
     * Rule 7, keyed {@code REGION|metric|population|day}: each counter's incidents of the day (not up_to), one per
     * (region, place) at its largest value, summed; a country's row holds its own and its subdivisions' incidents.
     */
    public static Map<String, Daily> daily(List<Truth> figures) {
        Map<String, List<Truth>> rows = new TreeMap<>();
        for (Truth f : figures) {
            if (!f.basis().equals("incident") || f.qualifier().equals("up_to")) {
                continue;
            }
            Set<String> regions = new HashSet<>(List.of(f.region(), f.country()));
            for (String region : regions) {
                rows.computeIfAbsent(region + "|" + f.metric() + "|" + f.population() + "|" + f.day(), k -> new ArrayList<>())
                        .add(f);
            }
        }
        Map<String, Daily> out = new TreeMap<>();
        rows.forEach((key, fs) -> {
            Map<String, Map<List<String>, Long>> byCounter = new TreeMap<>();
            fs.forEach(f -> byCounter.computeIfAbsent(f.counter(), c -> new HashMap<>())
                    .merge(List.of(f.region(), f.place()), f.value(), Math::max));
            List<Counter> counters = new ArrayList<>();
            int incidents = 0;
            for (var e : byCounter.entrySet()) {
                counters.add(new Counter(e.getKey(), e.getValue().values().stream().mapToLong(Long::longValue).sum(),
                        fs.get(0).day()));
                incidents += e.getValue().size();
            }
            counters.sort(Comparator.comparingLong(Counter::value).reversed().thenComparing(Counter::counter));
            out.put(key, new Daily(counters.get(0).value(), counters.get(counters.size() - 1).value(), incidents, counters));
        });
        return out;
    }
}
