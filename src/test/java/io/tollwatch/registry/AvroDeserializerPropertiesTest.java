package io.tollwatch.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollwatch.schema.Report;
import io.tollwatch.schema.ReportedFigure;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.kafka.common.errors.SerializationException;

class AvroDeserializerPropertiesTest {
    private static FakeRegistry fake;
    private static AvroSerde<Report> serde;

    @BeforeContainer
    static void start() throws IOException {
        fake = new FakeRegistry();
        fake.put(1, Report.getClassSchema());
        serde = new AvroSerdes(new SchemaRegistryClient(fake.url())).value(Report.class);
    }

    @AfterContainer
    static void stop() {
        fake.close();
    }

    @Property(tries = 2000)
    void arbitraryBytesAfterAValidHeaderEitherDecodeOrFailAsSerializationException(
            @ForAll @Size(max = 64) byte[] body) {
        byte[] bytes = WireFormat.frame(1, body);
        try {
            Report report = serde.deserializer().deserialize("reports", bytes);
            assertThat(report).isNotNull();
        } catch (SerializationException expected) {
            assertThat(expected.getMessage()).startsWith("cannot read Report from topic reports: ");
        }
    }

    @Property(tries = 300)
    void reportsRoundTrip(@ForAll("reports") Report report) {
        byte[] bytes = serde.serializer().serialize("reports", report);
        assertThat(serde.deserializer().deserialize("reports", bytes)).isEqualTo(report);
    }

    @Provide
    Arbitrary<Report> reports() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(40);
        Arbitrary<ReportedFigure> figure = Combinators.combine(text, Arbitraries.longs().greaterOrEqual(0),
                Arbitraries.integers().between(-30_000, 30_000).injectNull(0.3))
                .as((metric, value, day) -> ReportedFigure.newBuilder().setMetric(metric).setValue(value)
                        .setDate(day == null ? null : LocalDate.ofEpochDay(day)).build());
        return Combinators.combine(text, text, Arbitraries.longs().between(-1L << 40, 1L << 42),
                text.injectNull(0.5), figure.list().ofMaxSize(5))
                .as((id, source, millis, body, figures) -> Report.newBuilder().setReportId(id).setSource(source)
                        .setPublishedAt(Instant.ofEpochMilli(millis)).setText(body).setFigures(List.copyOf(figures))
                        .build());
    }
}
