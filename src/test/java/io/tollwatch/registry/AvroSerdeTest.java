package io.tollwatch.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollwatch.schema.CounterFigure;
import io.tollwatch.schema.DailyCount;
import io.tollwatch.schema.Figure;
import io.tollwatch.schema.Report;
import io.tollwatch.schema.ReportedFigure;
import io.tollwatch.schema.Total;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AvroSerdeTest {
    private static final Instant PUBLISHED = Instant.parse("2025-03-04T05:06:07.089Z");

    private FakeRegistry fake;
    private SchemaRegistryClient client;
    private AvroSerdes serdes;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeRegistry(0x01020304);
        client = new SchemaRegistryClient(fake.url());
        serdes = new AvroSerdes(client);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    static Report report() {
        return Report.newBuilder()
                .setReportId("afp-2025-03-04-001")
                .setSource("AFP")
                .setPublishedAt(PUBLISHED)
                .setTitle("Shelling kills 12 in El Fasher")
                .setLocation("El Fasher, Sudan")
                .setText("At least 12 civilians were killed on Monday, the monitor said. Ünïcödé ✓")
                .setFigures(List.of(
                        ReportedFigure.newBuilder().setMetric("killed").setValue(12).setPopulation("civilians")
                                .setQualifier("at_least").setLocation("Abu Shouk camp, El Fasher, Sudan")
                                .setDate(LocalDate.of(2025, 3, 3)).build(),
                        ReportedFigure.newBuilder().setMetric("displaced").setValue(4000).setBasis("cumulative")
                                .setCounter("IOM").build()))
                .build();
    }

    // ---- framing -------------------------------------------------------------------------------------------

    @Test
    void framesMagicByteBigEndianIdAndHandComputedAvroBytes() {
        DailyCount count = DailyCount.newBuilder().setRegion("SD").setMetric("killed").setPopulation("all")
                .setDay(LocalDate.of(1970, 1, 2)).setBest(5).setLow(3).setIncidents(1)
                .setCounters(List.of()).build();

        byte[] bytes = serdes.value(DailyCount.class).serializer().serialize("tollwatch.daily.v1", count);

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(new byte[] {0x00, 0x01, 0x02, 0x03, 0x04}); // magic, id 0x01020304 big-endian
        expected.write(4); // "SD": zig-zag length 2, then UTF-8
        expected.writeBytes("SD".getBytes(StandardCharsets.UTF_8));
        expected.write(12);
        expected.writeBytes("killed".getBytes(StandardCharsets.UTF_8));
        expected.write(6);
        expected.writeBytes("all".getBytes(StandardCharsets.UTF_8));
        expected.write(2); // day: epoch day 1
        expected.write(10); // best 5
        expected.write(6); // low 3
        expected.write(2); // incidents 1
        expected.write(0); // counters: empty array
        assertThat(bytes).isEqualTo(expected.toByteArray());
        assertThat(fake.requests).containsExactly("POST /subjects/tollwatch.daily.v1-value/versions");
    }

    @Test
    void framesExactlyTheBinaryEncodersBytes() throws IOException {
        Report report = report();
        byte[] bytes = serdes.value(Report.class).serializer().serialize("tollwatch.reports.v1", report);

        ByteArrayOutputStream avro = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(avro, null);
        new SpecificDatumWriter<Report>(Report.getClassSchema(), SpecificData.getForClass(Report.class))
                .write(report, encoder);
        encoder.flush();

        assertThat(bytes[0]).isEqualTo((byte) 0);
        assertThat(Arrays.copyOfRange(bytes, 1, 5)).containsExactly(0x01, 0x02, 0x03, 0x04);
        assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(avro.toByteArray());
        assertThat(bytes).isEqualTo(WireFormat.frame(0x01020304, avro.toByteArray()));
    }

    @Test
    void registersOncePerTopicUnderTopicNameStrategySubjects() {
        AvroSerde<Report> values = serdes.value(Report.class);
        AvroSerde<Report> keys = serdes.key(Report.class);
        values.serializer().serialize("t1", report());
        values.serializer().serialize("t1", report());
        values.serializer().serialize("t2", report());
        keys.serializer().serialize("t1", report());
        assertThat(fake.requests).containsExactly(
                "POST /subjects/t1-value/versions",
                "POST /subjects/t2-value/versions",
                "POST /subjects/t1-key/versions");
        assertThat(values.serializer().subject("t1")).isEqualTo("t1-value");
        assertThat(keys.serializer().subject("t1")).isEqualTo("t1-key");
        assertThat(AvroSerdes.avro(Report.class, client, true).isKey()).isTrue();
    }

    // ---- reading -------------------------------------------------------------------------------------------

    @Test
    void roundTripsEveryGeneratedClassWithLogicalTypes() {
        Report report = report();
        assertThat(roundTrip(Report.class, report)).isEqualTo(report);
        assertThat(roundTrip(Report.class, report).getFigures().get(0).getDate()).isEqualTo(LocalDate.of(2025, 3, 3));
        assertThat(roundTrip(Report.class, report).getPublishedAt()).isEqualTo(PUBLISHED);

        Figure figure = Figure.newBuilder().setReportId("r").setSource("AFP").setPublishedAt(PUBLISHED)
                .setMetric("killed").setPopulation("all").setValue(3).setQualifier("exact").setBasis("incident")
                .setCounter("AFP").setRegion("SD-DN").setCountry("SD").setDay(LocalDate.of(2025, 3, 3))
                .setValueHigh(5L).build();
        assertThat(roundTrip(Figure.class, figure)).isEqualTo(figure);

        Total total = Total.newBuilder().setRegion("SD").setRegionName("Sudan").setCountry("SD").setMetric("killed")
                .setPopulation("all").setBest(10).setLow(8).setHigh(12).setReports(2).setUpdatedAt(PUBLISHED)
                .setCounters(List.of(CounterFigure.newBuilder().setCounter("OCHA").setValue(10)
                        .setDay(LocalDate.of(2025, 1, 1)).build()))
                .build();
        assertThat(roundTrip(Total.class, total)).isEqualTo(total);
    }

    @Test
    void readsARecordFramedByHand() throws IOException {
        fake.put(7, Report.getClassSchema());
        Schema schema = Report.getClassSchema();
        Schema figureSchema = schema.getField("figures").schema().getElementType();
        GenericRecord figure = new GenericData.Record(figureSchema);
        figure.put("metric", "killed");
        figure.put("value", 12L);
        figure.put("population", "civilians");
        figure.put("qualifier", "at_least");
        figure.put("basis", "incident");
        figure.put("location", null);
        figure.put("counter", null);
        figure.put("date", (int) LocalDate.of(2025, 3, 3).toEpochDay()); // raw int days
        GenericRecord record = new GenericData.Record(schema);
        record.put("report_id", "r-1");
        record.put("source", "OCHA");
        record.put("published_at", PUBLISHED.toEpochMilli()); // raw long millis
        record.put("url", null);
        record.put("title", null);
        record.put("language", "en");
        record.put("location", "Khartoum");
        record.put("text", null);
        record.put("figures", List.of(figure));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 0, 0, 0, 7});
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();

        Report read = serdes.value(Report.class).deserializer().deserialize("reports", out.toByteArray());

        assertThat(read.getReportId()).isEqualTo("r-1");
        assertThat(read.getPublishedAt()).isEqualTo(PUBLISHED);
        assertThat(read.getLocation()).isEqualTo("Khartoum");
        assertThat(read.getFigures()).hasSize(1);
        assertThat(read.getFigures().get(0).getDate()).isEqualTo(LocalDate.of(2025, 3, 3));
        assertThat(read.getFigures().get(0).getValue()).isEqualTo(12L);
        assertThat(fake.requests).containsExactly("GET /schemas/ids/7");
        serdes.value(Report.class).deserializer().deserialize("reports", out.toByteArray());
    }

    @Test
    void olderWriterSchemaReadsWithTheReadersDefaults() throws IOException {
        Schema old = new Schema.Parser().parse("""
                {"type": "record", "name": "Report", "namespace": "io.tollwatch.schema", "fields": [
                  {"name": "report_id", "type": "string"},
                  {"name": "source", "type": "string"},
                  {"name": "published_at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
                  {"name": "text", "type": ["null", "string"], "default": null},
                  {"name": "figures", "type": {"type": "array", "items": {"type": "record", "name": "ReportedFigure",
                    "fields": [{"name": "metric", "type": "string"}, {"name": "value", "type": "long"}]}}}
                ]}""");
        fake.put(3, old);
        GenericRecord figure = new GenericData.Record(old.getField("figures").schema().getElementType());
        figure.put("metric", "injured");
        figure.put("value", 40L);
        GenericRecord record = new GenericData.Record(old);
        record.put("report_id", "old-1");
        record.put("source", "Reuters");
        record.put("published_at", 1_000L);
        record.put("text", "forty were injured");
        record.put("figures", List.of(figure));

        Report read = serdes.value(Report.class).deserializer().deserialize("reports", framed(3, old, record));

        assertThat(read.getLanguage()).isEqualTo("en");
        assertThat(read.getTitle()).isNull();
        assertThat(read.getPublishedAt()).isEqualTo(Instant.ofEpochMilli(1_000));
        assertThat(read.getText()).isEqualTo("forty were injured");
        ReportedFigure f = read.getFigures().get(0);
        assertThat(f.getMetric()).isEqualTo("injured");
        assertThat(f.getPopulation()).isEqualTo("all");
        assertThat(f.getQualifier()).isEqualTo("exact");
        assertThat(f.getBasis()).isEqualTo("incident");
        assertThat(f.getDate()).isNull();
    }

    @Test
    void newerWriterSchemaWithAnExtraFieldReadsWithoutIt() throws IOException {
        Schema newer = new Schema.Parser().parse(Total.getClassSchema().toString()
                .replace("{\"name\":\"reports\"", "{\"name\":\"confidence\",\"type\":\"double\",\"default\":0.5},"
                        + "{\"name\":\"reports\""));
        assertThat(newer.getField("confidence")).isNotNull();
        fake.put(11, newer);
        GenericRecord record = new GenericData.Record(newer);
        record.put("region", "SD");
        record.put("region_name", "Sudan");
        record.put("country", "SD");
        record.put("metric", "killed");
        record.put("population", "all");
        record.put("best", 10L);
        record.put("low", 9L);
        record.put("high", 11L);
        record.put("counters", List.of());
        record.put("parts", List.of());
        record.put("confidence", 0.9);
        record.put("reports", 4L);
        record.put("updated_at", 5L);

        Total read = serdes.value(Total.class).deserializer().deserialize("totals", framed(11, newer, record));
        assertThat(read.getBest()).isEqualTo(10L);
        assertThat(read.getReports()).isEqualTo(4L);
        assertThat(read.getUpdatedAt()).isEqualTo(Instant.ofEpochMilli(5));
    }

    @Test
    void incompatibleWriterSchemaIsASerializationException() throws IOException {
        Schema other = new Schema.Parser().parse(
                "{\"type\":\"record\",\"name\":\"Other\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}");
        fake.put(12, other);
        GenericRecord record = new GenericData.Record(other);
        record.put("x", 1);
        byte[] bytes = framed(12, other, record);
        AvroDeserializer<Report> deserializer = serdes.value(Report.class).deserializer();
        assertThatThrownBy(() -> deserializer.deserialize("reports", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("cannot read Report from topic reports: schema id 12 is incompatible with this"
                        + " Report schema: ")
                .hasMessageContaining("reader field missing default value 'source' at /fields/1");
        // Known once: the registry is not asked again for a schema this reader cannot read.
        int asked = fake.requestCount();
        assertThatThrownBy(() -> deserializer.deserialize("reports", bytes)).hasMessageContaining("is incompatible");
        assertThat(fake.requestCount()).isEqualTo(asked);
    }

    @Test
    void oneSerdeServesManyThreads() throws Exception {
        AvroSerde<Report> serde = serdes.value(Report.class);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        Report r = Report.newBuilder(report()).setReportId("t" + thread + "-" + i).build();
                        byte[] bytes = serde.serializer().serialize("topic-" + (i % 3), r);
                        if (!serde.deserializer().deserialize("topic-" + (i % 3), bytes).equals(r)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        // One registration per subject at most per racing thread, and no schema fetch: the id was learnt by registering.
        assertThat(fake.requests).allMatch(r -> r.startsWith("POST /subjects/topic-"));
    }

    // ---- bad records ---------------------------------------------------------------------------------------

    @Test
    void nullReadsAndWritesAsNull() {
        AvroSerde<Report> serde = serdes.value(Report.class);
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
        assertThat(fake.requests).isEmpty();
    }

    @Test
    void tooShortPayloadsAreRejected() {
        AvroDeserializer<Report> deserializer = serdes.value(Report.class).deserializer();
        for (int n = 0; n < 5; n++) {
            byte[] bytes = new byte[n];
            assertThatThrownBy(() -> deserializer.deserialize("reports", bytes))
                    .isInstanceOf(SerializationException.class)
                    .hasMessage("cannot read Report from topic reports: record of " + n + " bytes is too short for the"
                            + " schema registry wire format (magic byte 0, 4-byte schema id, Avro data)");
        }
        assertThat(fake.requests).isEmpty();
    }

    @Test
    void wrongMagicByteIsRejected() {
        AvroDeserializer<Report> deserializer = serdes.value(Report.class).deserializer();
        assertThatThrownBy(() -> deserializer.deserialize("reports", new byte[] {1, 0, 0, 0, 1, 2}))
                .isInstanceOf(SerializationException.class)
                .hasMessage("cannot read Report from topic reports: unknown magic byte 0x01 (expected 0x00: not"
                        + " written with a schema registry serializer)");
        byte[] json = "{\"report_id\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> deserializer.deserialize("reports", json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown magic byte 0x7b")
                .hasMessageContaining("it looks like JSON");
        assertThat(fake.requests).isEmpty();
    }

    @Test
    void unknownSchemaIdIsASerializationException() {
        AvroDeserializer<Report> deserializer = serdes.value(Report.class).deserializer();
        assertThatThrownBy(() -> deserializer.deserialize("reports", new byte[] {0, 0, 0, 0, 99, 2, 'x'}))
                .isInstanceOf(SerializationException.class)
                .hasMessage("cannot read Report from topic reports: schema registry at " + fake.url()
                        + " has no schema with id 99");
    }

    @Test
    void undecodableBytesAreASerializationException() {
        fake.put(7, Report.getClassSchema());
        AvroDeserializer<Report> deserializer = serdes.value(Report.class).deserializer();
        // report_id claims 50 bytes but 2 follow.
        assertThatThrownBy(() -> deserializer.deserialize("reports", new byte[] {0, 0, 0, 0, 7, 100, 'a', 'b'}))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("cannot read Report from topic reports: Avro data does not decode with schema id 7");
        // A negative string length.
        assertThatThrownBy(() -> deserializer.deserialize("reports", new byte[] {0, 0, 0, 0, 7, 1, 'a'}))
                .isInstanceOf(SerializationException.class);
        // A huge array count must not allocate a huge array.
        byte[] prefix = serdes.value(Report.class).serializer().serialize("reports",
                Report.newBuilder(report()).setFigures(List.of()).build());
        byte[] hugeCount = Arrays.copyOf(prefix, prefix.length + 4);
        hugeCount[prefix.length - 1] = (byte) 0xfe; // item count, zig-zag varint, about 2^27
        hugeCount[prefix.length] = (byte) 0xff;
        hugeCount[prefix.length + 1] = (byte) 0xff;
        hugeCount[prefix.length + 2] = (byte) 0xff;
        hugeCount[prefix.length + 3] = (byte) 0x01;
        assertThatThrownBy(() -> deserializer.deserialize("reports", hugeCount))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void trailingBytesAreASerializationException() {
        byte[] bytes = serdes.value(Report.class).serializer().serialize("reports", report());
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> serdes.value(Report.class).deserializer().deserialize("reports", longer))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("bytes left over");
    }

    @Test
    void aRecordMissingARequiredFieldFailsToSerializeClearly() {
        Report broken = report();
        broken.setSource(null);
        assertThatThrownBy(() -> serdes.value(Report.class).serializer().serialize("reports", broken))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("cannot write Report as Avro for topic reports: ")
                .hasMessageContaining("source");
    }

    @Test
    void registryOutageIsARegistryExceptionNotASerializationException() {
        fake.close();
        AvroSerde<Report> serde = serdes.value(Report.class);
        assertThatThrownBy(() -> serde.serializer().serialize("reports", report()))
                .isInstanceOf(RegistryException.class)
                .isNotInstanceOf(SerializationException.class)
                .hasMessageContaining("is not reachable");
        assertThatThrownBy(() -> serde.deserializer().deserialize("reports", new byte[] {0, 0, 0, 0, 1, 0}))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("is not reachable");
    }

    private <T extends org.apache.avro.specific.SpecificRecord> T roundTrip(Class<T> type, T value) {
        AvroSerde<T> serde = serdes.value(type);
        byte[] bytes = serde.serializer().serialize("topic-" + type.getSimpleName(), value);
        // A fresh client, so the writer schema really is fetched by id.
        AvroSerde<T> reader = new AvroSerdes(new SchemaRegistryClient(fake.url())).value(type);
        return reader.deserializer().deserialize("topic-" + type.getSimpleName(), bytes);
    }

    private static byte[] framed(int id, Schema schema, GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return WireFormat.frame(id, out.toByteArray());
    }

    /** C3 28 FF: a broken two-byte sequence and a byte UTF-8 never uses; ED A0 80: U+D800 encoded (CESU-8). */
    @ParameterizedTest
    @ValueSource(strings = {"C328FF", "EDA080"})
    void invalidUtf8InAStringIsUndecodableNotReplaced(String hex) {
        Report r = Report.newBuilder(report()).setText("ok TEXT_MARK ok").build();
        byte[] frame = serdes.value(Report.class).serializer().serialize("reports", r);
        byte[] mark = "TEXT_MARK".getBytes(StandardCharsets.UTF_8);
        int at = indexOf(frame, mark);
        byte[] invalid = HexFormat.of().parseHex(hex);
        System.arraycopy(invalid, 0, frame, at, invalid.length);
        assertThatThrownBy(() -> serdes.value(Report.class).deserializer().deserialize("reports", frame))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("a string is not valid UTF-8");
    }

    @Test
    void aSentReplacementCharacterAndOtherNonAsciiTextReadBackAsSent() {
        String text = "Dar\u2019a: 12 \u0642\u062A\u064A\u0644\u064B\u0627, \uFFFD as sent, \uD83D\uDE00";
        Report r = Report.newBuilder(report()).setText(text).build();
        byte[] frame = serdes.value(Report.class).serializer().serialize("reports", r);
        assertThat(serdes.value(Report.class).deserializer().deserialize("reports", frame).getText()).isEqualTo(text);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
