package io.tollwatch.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.tollwatch.config.Settings;
import io.tollwatch.config.Topics;
import io.tollwatch.it.LiveStack;
import io.tollwatch.registry.AvroSerdes;
import io.tollwatch.registry.AvroSerializer;
import io.tollwatch.registry.SchemaRegistryClient;
import io.tollwatch.registry.WireFormat;
import io.tollwatch.report.ReportJson;
import io.tollwatch.schema.Report;
import io.tollwatch.schema.ReportedFigure;
import io.tollwatch.serve.Replay;
import io.tollwatch.serve.Service;
import io.tollwatch.topology.CodeNormaliser;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A few thousand hostile records shuffled among valid reports on a real broker: random bytes, truncated Avro,
 * unknown schema ids, JSON instead of Avro, oversized text, negative and implausible values, impossible dates (also
 * a publication years after the record was sent),
 * unknown vocabulary, control characters and invalid UTF-8 in text, missing fields. The service never stops, every
 * valid report is counted (totals equal the in-process reference over the valid reports alone), and every hostile
 * record is on the dead-letter topic once, with its reason.
 */
class HostileInputIT {
    private static final String APP = "tollwatch-hostile";
    private static final long MAX_VALUE = 1_000_000;
    private static final int VALID = 300;
    private static final int HOSTILE = 2_700;
    private static final List<String> REGIONS = List.of("SY-HL", "SY-ID", "SD-DN", "UA-14", "PS-GZ", "SY", "SD");
    private static final List<String> COUNTERS = List.of("SOHR", "OCHA", "health ministry", "UNHCR");
    private static final Instant START = Instant.parse("2024-11-01T00:00:00Z");

    @RegisterExtension
    static final LiveStack live = new LiveStack();
    static Service service;
    static Settings settings;
    static SchemaRegistryClient registry;

    @BeforeAll
    static void start() throws Exception {
        settings = live.settings(APP, "state", Map.of(Settings.MAX_FIGURE_VALUE, "" + MAX_VALUE));
        registry = live.registry();
        service = live.startCoded(settings);
    }

    @Test
    void theServiceCountsEveryValidReportAndDeadLettersEveryHostileRecordWithItsReason() throws Exception {
        Topics topics = settings.topics();
        Random random = new Random(15);
        AvroSerializer<Report> avro = new AvroSerdes(registry).value(Report.class).serializer();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        List<Report> valid = new ArrayList<>();
        for (int i = 0; i < VALID; i++) {
            Report r = valid(random, "ok-" + i);
            valid.add(r);
        }
        for (int i = 0; i < 20; i++) {
            valid.add(valid.get(random.nextInt(VALID)));
        }
        // Records are sent now, not at publication time, which would put them under the 7-day retention at once.
        valid.forEach(r -> records.add(new ProducerRecord<>(topics.reports(), r.getReportId(),
                avro.serialize(topics.reports(), r))));
        Map<String, String> reasons = new TreeMap<>();
        for (int i = 0; i < HOSTILE; i++) {
            String key = "bad-" + i;
            Hostile h = hostile(random, i, key, avro, topics.reports());
            reasons.put(key, h.reason());
            records.add(new ProducerRecord<>(topics.reports(), key, h.bytes()));
        }
        Collections.shuffle(records, random);

        Map<String, Object> props = new HashMap<>(settings.kafka());
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 << 20);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            List<Future<?>> acks = new ArrayList<>();
            records.forEach(r -> acks.add(producer.send(r)));
            for (Future<?> ack : acks) {
                ack.get();
            }
        }

        List<ConsumerRecord<String, byte[]>> dead = E2e.consumeUntil(settings, topics.dlq(), Duration.ofMinutes(4),
                all -> all.size() >= HOSTILE, () -> "dead letters so far");
        Map<String, List<String>> deadReasons = new TreeMap<>();
        dead.forEach(r -> deadReasons.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(header(r)));
        List<String> wrong = new ArrayList<>();
        reasons.forEach((key, want) -> {
            List<String> got = deadReasons.get(key);
            if (got == null || got.size() != 1 || !got.get(0).contains(want)) {
                wrong.add(key + ": want one reason containing '" + want + "', got " + got);
            }
        });
        assertThat(wrong).as("hostile records without their one dead letter").isEmpty();
        assertThat(deadReasons.keySet()).as("only hostile records are dead-lettered").isEqualTo(reasons.keySet());

        Map<String, JsonNode> expected = E2e.wire(Replay.run(valid, CodeNormaliser::figures, code -> code,
                live.dir("replay")).totals());
        assertThat(expected).hasSizeGreaterThan(30);
        E2e.awaitCaughtUp(settings, APP, Duration.ofMinutes(2));
        Map<String, JsonNode> actual = E2e.wire(E2e.latestTotals(E2e.readToEnd(settings, topics.totals()), registry,
                topics.totals()));
        assertThat(actual).as("totals of the valid reports").isEqualTo(expected);
        Set<String> ids = new HashSet<>();
        int figures = valid.stream().filter(r -> ids.add(r.getReportId())).mapToInt(r -> r.getFigures().size()).sum();
        assertThat(E2e.readToEnd(settings, topics.figures())).as("each valid figure published once").hasSize(figures);

        assertThat(service.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
        assertThat(failedThreads()).as("stream threads that failed").isZero();
    }

    private static double failedThreads() {
        return service.streams().metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals("failed-stream-threads"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .findFirst().orElseThrow(() -> new AssertionError("no failed-stream-threads metric"));
    }

    private static Report valid(Random random, String id) {
        Instant published = START.plusSeconds(3600L * random.nextInt(24 * 20));
        LocalDate day = published.atOffset(ZoneOffset.UTC).toLocalDate();
        List<ReportedFigure> figures = new ArrayList<>();
        for (int j = 0, n = 1 + random.nextInt(3); j < n; j++) {
            boolean cumulative = random.nextInt(3) == 0;
            long value = random.nextInt(50) == 0 ? MAX_VALUE : cumulative ? 100 + random.nextInt(900) : 1 + random.nextInt(40);
            figures.add(figure(random).setValue(value).setBasis(cumulative ? "cumulative" : "incident")
                    .setDate(random.nextBoolean() ? null : day.minusDays(random.nextInt(5))).build());
        }
        // Text that is odd but text: layout controls, non-Latin scripts, emoji (CodeNormaliser reads figures only).
        String text = random.nextInt(4) == 0 ? "Bulletin\f page 2\r\n\tتقرير — зведення 🕊" : null;
        return Report.newBuilder().setReportId(id).setSource("AFP").setPublishedAt(published).setText(text)
                .setFigures(figures).build();
    }

    private static ReportedFigure.Builder figure(Random random) {
        return ReportedFigure.newBuilder().setMetric(pick(random, List.of("killed", "injured", "displaced")))
                .setPopulation(pick(random, List.of("all", "all", "civilians", "children")))
                .setLocation(pick(random, REGIONS)).setCounter(pick(random, COUNTERS)).setValue(1);
    }

    private record Hostile(byte[] bytes, String reason) {
    }

    /** One hostile record of the kind {@code i} picks, with (a stable part of) the reason it must be rejected for. */
    private static Hostile hostile(Random random, int i, String key, AvroSerializer<Report> avro, String topic) {
        Report base = valid(random, key);
        byte[] frame = avro.serialize(topic, base);
        switch (i % 14) {
            case 0 -> {
                byte[] b = new byte[5 + random.nextInt(300)];
                random.nextBytes(b);
                b[0] = (byte) (1 + random.nextInt(0x7a));
                return new Hostile(b, "unknown magic byte");
            }
            case 1 -> {
                return new Hostile(Arrays.copyOf(frame, 5 + random.nextInt(frame.length - 5)), "does not decode");
            }
            case 2 -> {
                return new Hostile(WireFormat.frame(900_000 + i, Arrays.copyOfRange(frame, 5, frame.length)),
                        "has no schema with id " + (900_000 + i));
            }
            case 3 -> {
                return new Hostile(ReportJson.toJson(base).toString().getBytes(StandardCharsets.UTF_8),
                        "it looks like JSON");
            }
            case 4 -> {
                if (i < 14 * 3) {
                    Report big = Report.newBuilder(base).setText("Shelling. ".repeat(150_000)).build();
                    return new Hostile(avro.serialize(topic, big), "text is larger than 1 MiB");
                }
                Report longId = Report.newBuilder(base).setReportId("x".repeat(201)).build();
                return new Hostile(avro.serialize(topic, longId), "report_id is longer than 200 characters");
            }
            case 5 -> {
                return new Hostile(avro.serialize(topic, withFigure(base, figure(random).setValue(-1 - random.nextInt(1000)))),
                        "negative value");
            }
            case 6 -> {
                long absurd = MAX_VALUE + 1 + (long) (random.nextDouble() * 1e11);
                return new Hostile(avro.serialize(topic, withFigure(base, figure(random).setValue(absurd))),
                        "value " + absurd + " is above the plausible maximum of " + MAX_VALUE);
            }
            case 7 -> {
                LocalDate published = base.getPublishedAt().atOffset(ZoneOffset.UTC).toLocalDate();
                boolean future = random.nextBoolean();
                LocalDate day = future ? published.plusDays(2 + random.nextInt(3_000_000)) : LocalDate.of(1066, 10, 14);
                return new Hostile(avro.serialize(topic, withFigure(base, figure(random).setDate(day))),
                        future ? "more than one day after published_at" : "is dated 1066-10-14, before 1900");
            }
            case 8 -> {
                if (random.nextBoolean()) {
                    Report ahead = Report.newBuilder(base).setPublishedAt(Instant.parse("2094-03-18T08:00:00Z")).build();
                    return new Hostile(avro.serialize(topic, ahead), "more than one day after the record was sent");
                }
                Report old = Report.newBuilder(base).setPublishedAt(Instant.parse("1871-03-18T08:00:00Z")).build();
                return new Hostile(avro.serialize(topic, old), "published_at 1871-03-18T08:00:00Z is before 1900");
            }
            case 9 -> {
                String[] fields = {"metric", "population", "qualifier", "basis"};
                String field = fields[random.nextInt(fields.length)];
                String junk = "x" + Integer.toHexString(random.nextInt());
                ReportedFigure.Builder f = figure(random);
                switch (field) {
                    case "metric" -> f.setMetric(junk);
                    case "population" -> f.setPopulation(junk);
                    case "qualifier" -> f.setQualifier(junk);
                    default -> f.setBasis(junk);
                }
                return new Hostile(avro.serialize(topic, withFigure(base, f)), "unknown " + field + " '" + junk + "'");
            }
            case 10 -> {
                int[] controls = {0x00, 0x07, 0x08, 0x1b, 0x1f, 0x7f, 0x85, 0x9f};
                char c = (char) controls[random.nextInt(controls.length)];
                Report r = Report.newBuilder(base).setText("Two killed" + c + " in shelling").build();
                return new Hostile(avro.serialize(topic, r), String.format("text contains control character U+%04X", (int) c));
            }
            case 11 -> {
                Report r = Report.newBuilder(base).setText("Two killed MARK in shelling").build();
                byte[] b = avro.serialize(topic, r);
                int at = indexOf(b, "MARK".getBytes(StandardCharsets.UTF_8));
                b[at] = (byte) 0xC3;
                b[at + 1] = (byte) 0x28;
                b[at + 2] = (byte) (0x80 + random.nextInt(0x40));
                b[at + 3] = (byte) 0xFE;
                return new Hostile(b, "a string is not valid UTF-8");
            }
            case 12 -> {
                if (random.nextBoolean()) {
                    return new Hostile(avro.serialize(topic, Report.newBuilder(base).setReportId(" ").build()),
                            "report_id is missing");
                }
                Report empty = Report.newBuilder(base).setText(null).setFigures(List.of()).build();
                return new Hostile(avro.serialize(topic, empty), "needs text or figures");
            }
            default -> {
                byte[] b = new byte[random.nextInt(5)];
                random.nextBytes(b);
                return new Hostile(b, "too short for the schema registry wire format");
            }
        }
    }

    private static Report withFigure(Report base, ReportedFigure.Builder bad) {
        List<ReportedFigure> figures = new ArrayList<>(base.getFigures());
        figures.add(figures.size() / 2, bad.build());
        return Report.newBuilder(base).setFigures(figures).build();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("marker not found");
    }

    private static <T> T pick(Random random, List<T> xs) {
        return xs.get(random.nextInt(xs.size()));
    }

    private static String header(ConsumerRecord<?, ?> r) {
        Header h = r.headers().lastHeader("__streams.errors.message");
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
