package io.tollwatch.registry;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Avro binary without a registry or framing: for running the topology in-process (the {@code replay} command and
 * TopologyTestDriver tests), where records never leave the JVM. Topics on a broker use {@link AvroSerdes}.
 */
public final class PlainAvro {
    private PlainAvro() {
    }

    public static <T extends SpecificRecord> Serde<T> serde(Class<T> type) {
        SpecificData data = SpecificData.getForClass(type);
        var schema = SpecificData.get().getSchema(type);
        SpecificDatumWriter<T> writer = new SpecificDatumWriter<>(schema, data);
        SpecificDatumReader<T> reader = new SpecificDatumReader<>(schema, schema, data);
        return Serdes.serdeFrom((topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
                writer.write(value, enc);
                enc.flush();
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return reader.read(null, DecoderFactory.get().binaryDecoder(bytes, null));
            } catch (IOException | RuntimeException e) {
                throw new org.apache.kafka.common.errors.SerializationException("not an Avro record: " + e.getMessage(), e);
            }
        });
    }
}
