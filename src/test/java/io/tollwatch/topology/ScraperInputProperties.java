package io.tollwatch.topology;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tollwatch.config.Settings;
import io.tollwatch.config.Topics;
import io.tollwatch.count.Counting;
import io.tollwatch.count.InMemoryCountStore;
import io.tollwatch.registry.PlainAvro;
import io.tollwatch.report.ImpossibleDays;
import io.tollwatch.report.Normalizer;
import io.tollwatch.report.ReportJson;
import io.tollwatch.report.ReportValidator;
import io.tollwatch.runtime.Files2;
import io.tollwatch.schema.DailyCount;
import io.tollwatch.schema.Figure;
import io.tollwatch.schema.Report;
import io.tollwatch.schema.Total;
import io.tollwatch.count.NaiveSpec;
import io.tollwatch.count.NaiveSpec.Truth;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counting rules on input of the kind real scrapers send, against {@link NaiveSpec}: the same places in several
 * spellings and paths, several places with equal values in one report, dates spread over years (now and then an
 * impossible one, which makes its report count nowhere), counters under their aliases, reports in any order and
 * resent. Once through the normaliser and the {@code count} package in
 * memory, once through the real topology on TopologyTestDriver with the state-store cache disabled.
 */
class ScraperInputProperties {
    private static final Normalizer NORMALIZER = Normalizer.defaults();

    /** A place as meant, and how scrapers write it; every spelling resolves to that one gazetteer place. */
    record Spot(String label, String region, List<String> spellings) {
    }

    static final List<Spot> SPOTS = List.of(
            new Spot("khan-yunis", "PS-KYS", List.of("Khan Younis", "Khan Yunis", "Khan Younis, Gaza Strip",
                    "Khan Yunus, Khan Yunis governorate, Palestine", "Khān Yūnis")),
            new Spot("khan-yunis-governorate", "PS-KYS", List.of("Khan Yunis governorate", "Khan Younis governorate",
                    "PS-KYS")),
            new Spot("rafah", "PS-RFH", List.of("Rafah", "Rafah, Gaza Strip", "Rafah city")),
            new Spot("tel-al-sultan", "PS-RFH", List.of("Tel al-Sultan", "Tal as-Sultan, Rafah",
                    "Tel al-Sultan, Rafah, Gaza Strip")),
            new Spot("gaza-strip", "PS", List.of("Gaza Strip", "the Gaza Strip")),
            new Spot("palestine", "PS", List.of("Palestine", "PS")),
            new Spot("aleppo", "SY-HL", List.of("Aleppo", "Aleppo, Syria", "Halab", "Aleppo city")),
            new Spot("azaz", "SY-HL", List.of("Azaz", "A'zaz", "Azaz, Aleppo Governorate, Syria")),
            new Spot("manbij", "SY-HL", List.of("Manbij", "Menbij", "Manbij, Aleppo")),
            new Spot("aleppo-governorate", "SY-HL", List.of("Aleppo province", "Aleppo governorate", "SY-HL")),
            new Spot("saraqib", "SY-ID", List.of("Saraqib", "Sarāqib", "Saraqib, Idlib Governorate")),
            new Spot("syria", "SY", List.of("Syria", "SY")));

    /** Canonical counter → how reports name it. */
    static final Map<String, List<String>> COUNTERS = Map.of(
            "SOHR", List.of("SOHR", "Syrian Observatory for Human Rights", "the Observatory"),
            "OCHA", List.of("OCHA", "UN Office for the Coordination of Humanitarian Affairs"),
            "Gaza health ministry", List.of("Gaza health ministry", "Gaza's health ministry", "Gaza Ministry of Health"));

    /** Spread over years, close enough for collisions; no two exactly 8 days apart (the daily window's edge). */
    static final List<LocalDate> DAYS = List.of(LocalDate.parse("2019-03-01"), LocalDate.parse("2019-03-02"),
            LocalDate.parse("2019-03-05"), LocalDate.parse("2021-07-15"), LocalDate.parse("2023-12-31"),
            LocalDate.parse("2024-01-01"), LocalDate.parse("2024-01-03"), LocalDate.parse("2025-06-10"));

    /** A set of reports as meant, and the order they are delivered in (some twice). */
    record Input(List<Truth> truth, List<Report> delivered) {
    }

    record Event(Spot spot, String metric, String population, long value, String qualifier, String basis,
                 String counter, LocalDate day) {
    }

    static Input input(Random random) {
        List<Event> events = new ArrayList<>();
        for (int i = 1 + random.nextInt(8); i > 0; i--) {
            events.add(new Event(pick(random, SPOTS), pick(random, List.of("killed", "injured")),
                    pick(random, List.of("all", "all", "civilians", "children", "combatants")),
                    pick(random, List.of(0L, 3L, 3L, 5L, 12L, 30L)), pick(random, List.of("exact", "exact", "about", "up_to")),
                    pick(random, List.of("incident", "incident", "cumulative")),
                    pick(random, new ArrayList<>(new TreeSet<>(COUNTERS.keySet()))), pick(random, DAYS)));
        }
        List<Truth> truth = new ArrayList<>();
        List<Report> reports = new ArrayList<>();
        for (int r = 1 + random.nextInt(10); r > 0; r--) {
            String id = "r" + r;
            List<Truth> meant = new ArrayList<>();
            List<Event> quoted = new ArrayList<>();
            for (int k = 1 + random.nextInt(4); k > 0; k--) {
                Event e = pick(random, events);
                // now and then a toll update: the same event, a higher figure
                quoted.add(random.nextInt(5) == 0 ? new Event(e.spot, e.metric, e.population, e.value + 2, e.qualifier,
                        e.basis, e.counter, e.day) : e);
            }
            LocalDate last = quoted.stream().map(Event::day).max(LocalDate::compareTo).orElseThrow();
            Instant published = last.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600L * random.nextInt(40));
            StringBuilder json = new StringBuilder("{\"report_id\":\"" + id + "\",\"source\":\"wire\",\"published_at\":\""
                    + published + "\",\"figures\":[");
            for (int k = 0; k < quoted.size(); k++) {
                Event e = quoted.get(k);
                json.append(k == 0 ? "" : ",").append("{\"metric\":\"").append(e.metric)
                        .append("\",\"population\":\"").append(e.population).append("\",\"value\":").append(e.value)
                        .append(",\"qualifier\":\"").append(e.qualifier).append("\",\"basis\":\"").append(e.basis)
                        .append("\",\"counter\":\"").append(pick(random, COUNTERS.get(e.counter)))
                        .append("\",\"location\":\"").append(pick(random, e.spot.spellings))
                        .append("\",\"date\":\"").append(e.day).append("\"}");
                meant.add(new Truth(id, published, e.metric, e.population, e.value, e.qualifier, e.basis, e.counter,
                        e.spot.region, e.spot.label, e.day));
            }
            // Now and then a scraper's impossible date (rule 8): the whole report counts nowhere.
            if (random.nextInt(6) == 0) {
                LocalDate impossible = random.nextBoolean() ? LocalDate.of(1850, 6, 1)
                        : published.atZone(ZoneOffset.UTC).toLocalDate().plusDays(2 + random.nextInt(30_000));
                json.append(",{\"metric\":\"killed\",\"value\":999,\"basis\":\"cumulative\",\"location\":\"")
                        .append(pick(random, pick(random, SPOTS).spellings)).append("\",\"date\":\"")
                        .append(impossible).append("\"}");
            } else {
                truth.addAll(meant);
            }
            reports.add(ReportJson.parse(json.append("]}").toString()));
        }
        List<Report> delivered = new ArrayList<>(reports);
        for (Report r : reports) {
            if (random.nextInt(3) == 0) {
                delivered.add(r);
            }
        }
        Collections.shuffle(delivered, random);
        return new Input(truth, delivered);
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    @Example
    void everySpellingOfASpotIsOnePlaceAndSpotsAreApart() {
        Map<String, String> idOf = new HashMap<>();
        for (Spot s : SPOTS) {
            for (String w : s.spellings) {
                Figure f = NORMALIZER.figures(ReportJson.parse("{\"report_id\":\"x\",\"source\":\"s\","
                        + "\"published_at\":\"2024-01-01T00:00:00Z\",\"figures\":[{\"metric\":\"killed\",\"value\":1,"
                        + "\"location\":\"" + w + "\"}]}")).get(0);
                assertThat(f.getRegion()).as(w).isEqualTo(s.region);
                assertThat(idOf.computeIfAbsent(s.label, l -> f.getPlaceId())).as(w).isEqualTo(f.getPlaceId());
            }
        }
        assertThat(new HashSet<>(idOf.values())).hasSameSizeAs(SPOTS);
    }

    @Property(tries = 300)
    void inMemoryTotalsEqualTheNaiveSpec(@ForAll Random random) {
        Input in = input(random);
        Counting counting = new Counting(new InMemoryCountStore());
        Map<String, Total> actual = new TreeMap<>(); // the last total emitted per key: changes only, none lost
        for (Report r : in.delivered) {
            List<Figure> figures = NORMALIZER.figures(r);
            if (ImpossibleDays.problem(r, figures).isPresent()) {
                continue;
            }
            for (Figure figure : figures) {
                counting.merge(FigureMapping.counted(figure))
                        .forEach(t -> actual.put(t.key(), FigureMapping.total(t, code -> code)));
            }
        }
        assertEqual(actual, NaiveSpec.totals(in.truth));
    }

    @Property(tries = 25)
    void throughTheTopologyWithoutCacheTotalsAndDailyRowsEqualTheNaiveSpec(@ForAll Random random) throws Exception {
        Input in = input(random);
        Topics topics = Topics.defaults();
        TopologySerdes serdes = new TopologySerdes(PlainAvro.serde(Report.class), PlainAvro.serde(Figure.class),
                PlainAvro.serde(Total.class), PlainAvro.serde(DailyCount.class));
        Path state = Files.createTempDirectory("tollwatch-properties");
        var props = StreamsProperties.from(Settings.builder()
                .overrides(Map.of(Settings.STATE_DIR, state.toString())).build(), null);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        try (TopologyTestDriver driver = new TopologyTestDriver(TollwatchTopology.build(topics, serdes,
                NORMALIZER::figures, code -> code, new SimpleMeterRegistry(), ReportValidator.DEFAULT_MAX_VALUE), props)) {
            TestInputTopic<String, Report> reports = driver.createInputTopic(topics.reports(), new StringSerializer(),
                    serdes.report().serializer());
            var totals = driver.createOutputTopic(topics.totals(), new StringDeserializer(), serdes.total().deserializer());
            var daily = driver.createOutputTopic(topics.daily(), new StringDeserializer(), serdes.daily().deserializer());
            for (Report r : in.delivered) {
                reports.pipeInput(r.getReportId(), r, r.getPublishedAt());
            }
            assertEqual(new TreeMap<>(totals.readKeyValuesToMap()), NaiveSpec.totals(in.truth));
            Map<String, DailyCount> rows = new TreeMap<>(daily.readKeyValuesToMap());
            Map<String, NaiveSpec.Daily> expected = NaiveSpec.daily(inTime(in));
            assertThat(rows.keySet()).isEqualTo(expected.keySet());
            expected.forEach((key, d) -> {
                DailyCount got = rows.get(key);
                assertThat(List.of(got.getBest(), got.getLow(), (long) got.getIncidents())).as(key)
                        .isEqualTo(List.of(d.best(), d.low(), (long) d.incidents()));
                assertThat(got.getCounters()).as(key).extracting(c -> c.getCounter() + "=" + c.getValue())
                        .isEqualTo(d.counters().stream().map(c -> c.counter() + "=" + c.value()).toList());
            });
        } finally {
            Files2.deleteRecursively(state);
        }
    }

    /**
     * The figures the daily series can take in delivery order: rule 7 accepts reports up to 7 days late, by event
     * time; later ones are dropped (a window closes once stream time passes its end plus the grace).
     */
    private static List<Truth> inTime(Input in) {
        Map<String, List<Truth>> byReport = in.truth.stream().collect(Collectors.groupingBy(Truth::report));
        Set<String> seen = new HashSet<>();
        long streamTime = Long.MIN_VALUE;
        List<Truth> accepted = new ArrayList<>();
        for (Report r : in.delivered) {
            if (!seen.add(r.getReportId())) {
                continue;
            }
            for (Truth f : byReport.getOrDefault(r.getReportId(), List.of())) {
                if (!f.basis().equals("incident") || f.qualifier().equals("up_to")) {
                    continue;
                }
                long start = f.day().atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
                streamTime = Math.max(streamTime, start);
                if (start + Duration.ofDays(8).toMillis() > streamTime) {
                    accepted.add(f);
                }
            }
        }
        return accepted;
    }

    private static void assertEqual(Map<String, Total> actual, Map<String, NaiveSpec.Total> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((key, want) -> {
            Total got = actual.get(key);
            assertThat(List.of(got.getBest(), got.getLow(), got.getHigh(), got.getReports())).as(key + " best low high reports")
                    .isEqualTo(List.of(want.best(), want.low(), want.high(), (long) want.reports().size()));
            assertThat(got.getCounters()).as(key + " counters")
                    .extracting(c -> c.getCounter() + "=" + c.getValue() + "@" + c.getDay())
                    .isEqualTo(want.counters().stream().map(c -> c.counter() + "=" + c.value() + "@" + c.day()).toList());
            assertThat(got.getParts()).as(key + " parts").extracting(p -> p.getRegion() + "=" + p.getBest())
                    .isEqualTo(want.parts().stream().map(p -> p.region() + "=" + p.best()).toList());
            assertThat(got.getUpdatedAt()).as(key + " updated_at").isEqualTo(want.updatedAt());
        });
    }
}
