package io.tollwatch.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tollwatch.config.Settings;
import io.tollwatch.config.Topics;
import io.tollwatch.report.Normalizer;
import io.tollwatch.schema.Figure;
import io.tollwatch.serve.Replay;
import io.tollwatch.schema.Report;
import io.tollwatch.schema.ReportedFigure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import io.tollwatch.registry.AvroSerdes;
import io.tollwatch.registry.SchemaRegistryClient;
import io.tollwatch.report.ReportJson;
import io.tollwatch.schema.CounterFigure;
import io.tollwatch.schema.Total;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Helpers shared by the end-to-end tests: consuming, comparing totals. */
final class E2e {
    private E2e() {
    }

    /**
     * Reads {@code topic} from the beginning, read_committed, until {@code done} holds for everything read so far (or
     * fails after {@code timeout}); the raw records in offset order per partition.
     */
    static List<ConsumerRecord<String, byte[]>> consumeUntil(Settings settings, String topic, Duration timeout,
                                                            Predicate<List<ConsumerRecord<String, byte[]>>> done,
                                                            Supplier<String> describe) {
        Map<String, Object> props = new HashMap<>(settings.kafka());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + topic + "-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(250)).forEach(all::add);
                if (done.test(all)) {
                    return all;
                }
            }
        }
        throw new AssertionError("timed out after " + timeout + " reading " + topic + " (" + all.size()
                + " records): " + describe.get());
    }

    /** Every committed record of {@code topic}, read from the beginning to its end as of the call (read_committed). */
    static List<ConsumerRecord<String, byte[]>> readToEnd(Settings settings, String topic) {
        Map<String, Object> props = new HashMap<>(settings.kafka());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> c.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end " + end + " within 60 s");
                }
                c.poll(Duration.ofMillis(200)).forEach(all::add);
            }
        }
        return all;
    }

    /** The latest total per key of the records read, decoded with tollwatch's own Java serde. */
    static Map<String, Total> latestTotals(List<ConsumerRecord<String, byte[]>> records, SchemaRegistryClient registry,
                                           String topic) {
        var deserializer = new AvroSerdes(registry).value(Total.class).deserializer();
        Map<String, Total> latest = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            Total t = deserializer.deserialize(topic, r.value());
            if (t == null) {
                latest.remove(r.key());
            } else {
                latest.put(r.key(), t);
            }
        }
        return latest;
    }

    /**
     * A total in the shape its Avro encoding has on the wire: timestamp-millis as epoch milliseconds, date as epoch
     * days, unions unwrapped, counters sorted by name (their order is not part of the contract). Parsed back from
     * text, so that it compares equal to the same total decoded by another client and printed as JSON.
     */
    static JsonNode wire(Total t) {
        ObjectNode o = ReportJson.toJson(t);
        o.put("updated_at", t.getUpdatedAt().toEpochMilli());
        ArrayNode counters = o.putArray("counters");
        t.getCounters().stream().sorted(Comparator.comparing(CounterFigure::getCounter)).forEach(c -> {
            ObjectNode n = counters.addObject();
            n.put("counter", c.getCounter());
            n.put("value", c.getValue());
            if (c.getDay() == null) {
                n.putNull("day");
            } else {
                n.put("day", c.getDay().toEpochDay());
            }
        });
        return reparse(o);
    }

    /** {@code value} (a Total as JSON with wire-shaped fields) with its counters sorted by name, parsed back. */
    static JsonNode wire(JsonNode value) {
        ObjectNode o = value.deepCopy();
        List<JsonNode> counters = new ArrayList<>();
        value.get("counters").forEach(counters::add);
        counters.sort(Comparator.comparing(c -> c.get("counter").asText()));
        o.putArray("counters").addAll(counters);
        return reparse(o);
    }

    static Map<String, JsonNode> wire(Map<String, Total> totals) {
        Map<String, JsonNode> out = new TreeMap<>();
        totals.forEach((k, v) -> out.put(k, wire(v)));
        return out;
    }

    private static JsonNode reparse(JsonNode n) {
        try {
            return ReportJson.MAPPER.readTree(ReportJson.MAPPER.writeValueAsString(n));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Places the gazetteer resolves, over four countries; "Sudan" is a country-level figure, "Atlantis" unresolved. */
    static final List<String> PLACES = List.of("Aleppo, Syria", "Idlib, Syria", "Homs, Syria", "Hama, Syria",
            "Khartoum, Sudan", "El Fasher, Sudan", "Nyala, Sudan", "Sudan", "Kharkiv, Ukraine", "Donetsk, Ukraine",
            "Kyiv, Ukraine", "Goma, Democratic Republic of the Congo", "Bunia, DR Congo", "Mosul, Iraq", "Atlantis");
    static final List<String> COUNTERS = List.of("SOHR", "OCHA", "health ministry", "state media", "UNHCR");
    static final List<String> SOURCES = List.of("AFP", "Reuters", "AP");
    static final List<String> METRICS = List.of("killed", "injured", "displaced");
    static final List<String> POPULATIONS = List.of("all", "all", "civilians", "children");
    static final List<String> QUALIFIERS = List.of("exact", "exact", "at_least", "more_than", "about", "up_to");

    /**
     * New reports with ids {@code prefix-N}, then exact resends of some of them and of {@code earlier}, and stories
     * republished by another outlet under a new id (same figures, same counter: counted once).
     */
    static List<Report> batch(Random random, String prefix, int count, List<Report> earlier) {
        List<Report> out = new ArrayList<>();
        LocalDate first = LocalDate.parse("2024-11-20");
        for (int i = 0; i < count; i++) {
            LocalDate day = first.plusDays(random.nextInt(10));
            Instant published = day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600L * (6 + random.nextInt(48)));
            String place = PLACES.get(random.nextInt(PLACES.size()));
            List<ReportedFigure> figures = new ArrayList<>();
            int n = 1 + random.nextInt(3);
            for (int j = 0; j < n; j++) {
                boolean cumulative = random.nextInt(3) == 0;
                figures.add(ReportedFigure.newBuilder()
                        .setMetric(pick(random, METRICS))
                        .setPopulation(pick(random, POPULATIONS))
                        .setValue(cumulative ? 50 + random.nextInt(400) : 1 + random.nextInt(40))
                        .setQualifier(pick(random, QUALIFIERS))
                        .setBasis(cumulative ? "cumulative" : "incident")
                        .setLocation(random.nextInt(5) == 0 ? null : place)
                        .setCounter(random.nextInt(4) == 0 ? null : pick(random, COUNTERS))
                        .setDate(random.nextInt(4) == 0 ? null : day)
                        .build());
            }
            out.add(Report.newBuilder().setReportId(prefix + "-" + i).setSource(pick(random, SOURCES))
                    .setPublishedAt(published).setLocation(place).setFigures(figures).build());
        }
        List<Report> resends = new ArrayList<>();
        for (int i = 0; i < Math.max(2, count / 5); i++) {
            resends.add(out.get(random.nextInt(out.size())));
            if (!earlier.isEmpty()) {
                resends.add(earlier.get(random.nextInt(earlier.size())));
            }
        }
        for (int i = 0; i < Math.max(1, count / 10); i++) {
            Report original = out.get(random.nextInt(out.size()));
            resends.add(Report.newBuilder(original).setReportId(original.getReportId() + "-republished")
                    .setSource("Al Jazeera").setPublishedAt(original.getPublishedAt().plusSeconds(1800)).build());
        }
        out.addAll(resends);
        return out;
    }

    private static <T> T pick(Random random, List<T> xs) {
        return xs.get(random.nextInt(xs.size()));
    }

    /**
     * Waits until the application's group has committed, for every partition it reads (the reports topic and its
     * repartition topics), everything that is committed there: then every total and figure those records lead to is
     * committed too (exactly-once: outputs and input offsets commit in one transaction). On the transactional
     * repartition topics the last offset is the commit marker, which a committed position need not pass.
     */
    static void awaitCaughtUp(Settings settings, String app, Duration timeout) throws Exception {
        Topics topics = settings.topics();
        try (Admin admin = Admin.create(new HashMap<>(settings.kafka()))) {
            long deadline = System.nanoTime() + timeout.toNanos();
            String behind = "";
            while (System.nanoTime() < deadline) {
                List<String> sources = admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                        .filter(t -> t.equals(topics.reports()) || (t.startsWith(app + "-") && t.endsWith("-repartition")))
                        .toList();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                for (TopicDescription d : admin.describeTopics(sources).allTopicNames().get(10, TimeUnit.SECONDS).values()) {
                    d.partitions().forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
                }
                var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                        .all().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(app)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                List<String> lagging = new ArrayList<>();
                ends.forEach((tp, end) -> {
                    OffsetAndMetadata c = committed.get(tp);
                    long position = c == null ? 0 : c.offset();
                    long slack = tp.topic().equals(topics.reports()) ? 0 : 1;
                    if (position < end.offset() - slack) {
                        lagging.add(tp + " at " + position + " of " + end.offset());
                    }
                });
                if (sources.size() > 1 && lagging.isEmpty()) {
                    return;
                }
                behind = lagging.toString();
                Thread.sleep(200);
            }
            throw new AssertionError("the service group did not catch up within " + timeout + ": " + behind);
        }
    }

    /**
     * Waits until the service group has consumed and committed everything produced, then asserts that the totals
     * topic (latest per key, read_committed, read to its end) equals the reference over {@code sent}, and that the
     * figures topic holds every resolved figure of each distinct report exactly once.
     */
    static void assertMatchesReference(Settings settings, String app, SchemaRegistryClient registry,
                                       Normalizer normalizer, List<Report> sent, Path scratch, String phase)
            throws Exception {
        awaitCaughtUp(settings, app, Duration.ofSeconds(120));
        Topics topics = settings.topics();
        Map<String, Total> reference = Replay.run(sent, normalizer::figures, normalizer.gazetteer()::regionName,
                scratch.resolve("replay-" + System.nanoTime())).totals();
        assertThat(reference).as("reference totals of " + phase).hasSizeGreaterThan(20);

        List<ConsumerRecord<String, byte[]>> records = readToEnd(settings, topics.totals());
        Map<String, JsonNode> actual = wire(latestTotals(records, registry, topics.totals()));
        Map<String, JsonNode> expected = wire(reference);
        assertThat(actual.keySet()).as("total keys after " + phase).isEqualTo(expected.keySet());
        expected.forEach((key, want) -> assertThat(actual.get(key))
                .as(() -> key + " after " + phase + "; its history on the topic:\n" + history(records, key, registry))
                .isEqualTo(want));

        // Exactly once: each distinct report's resolved figures are on the figures topic once, resends dropped.
        Map<String, Report> distinct = new TreeMap<>();
        sent.forEach(r -> distinct.putIfAbsent(r.getReportId(), r));
        List<String> expectedFigures = distinct.values().stream().flatMap(r -> normalizer.figures(r).stream())
                .filter(f -> f.getRegion() != null).map(f -> ReportJson.toJson(f).toString()).sorted().toList();
        var figureDeserializer = new AvroSerdes(registry).value(Figure.class).deserializer();
        List<String> figures = readToEnd(settings, topics.figures()).stream()
                .map(r -> ReportJson.toJson(figureDeserializer.deserialize(topics.figures(), r.value())).toString())
                .sorted().toList();
        assertThat(readToEnd(settings, topics.dlq())).as("dead letters after " + phase).isEmpty();
        assertThat(figures).as(() -> "figures after " + phase + ": missing " + minus(expectedFigures, figures)
                + "\nunexpected " + minus(figures, expectedFigures)).isEqualTo(expectedFigures);
    }

    /** {@code xs} without one occurrence of each element of {@code ys}. */
    static List<String> minus(List<String> xs, List<String> ys) {
        List<String> out = new ArrayList<>(xs);
        ys.forEach(out::remove);
        return out;
    }

    private static String history(List<ConsumerRecord<String, byte[]>> records, String key,
                                  SchemaRegistryClient registry) {
        var deserializer = new AvroSerdes(registry).value(Total.class).deserializer();
        StringBuilder out = new StringBuilder();
        for (ConsumerRecord<String, byte[]> r : records) {
            if (key.equals(r.key())) {
                out.append(r.partition()).append('@').append(r.offset()).append(' ')
                        .append(wire(deserializer.deserialize(r.topic(), r.value()))).append('\n');
            }
        }
        return out.toString();
    }
}
