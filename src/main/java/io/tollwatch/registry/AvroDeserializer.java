package io.tollwatch.registry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-wire-format records into a generated Avro class: fetches the writer schema by the id in the
 * frame (cached) and resolves it against the class's schema, so records written with older or newer compatible
 * schemas read fine. Logical types (timestamp-millis, date) become {@code Instant} and {@code LocalDate} as in the
 * generated class.
 *
 * <p>A record that is not a readable frame (wrong magic byte, too short, bytes that do not decode, an unknown
 * schema id, a string that is not valid UTF-8) fails with a {@link SerializationException}; an unreachable registry
 * with a {@link RegistryException}.
 * {@code null} bytes read as {@code null}. Thread-safe.
 */
public final class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {
    /** Initial capacity bound for arrays, so that a corrupt item count cannot allocate a huge array up front. */
    private static final int MAX_INITIAL_ARRAY_CAPACITY = 1024;

    private final Class<T> type;
    private final SchemaRegistryClient registry;
    private final SpecificData model;
    private final Schema readerSchema;
    private final ConcurrentMap<Integer, SpecificDatumReader<T>> readersByWriterId = new ConcurrentHashMap<>();
    /** Writer schemas this class cannot read, with the reason (a registry that did not enforce compatibility). */
    private final ConcurrentMap<Integer, String> incompatibleWriterIds = new ConcurrentHashMap<>();

    public AvroDeserializer(Class<T> type, SchemaRegistryClient registry) {
        this.type = Objects.requireNonNull(type, "type");
        this.registry = Objects.requireNonNull(registry, "registry");
        SpecificData generated = SpecificData.getForClass(type);
        this.readerSchema = generated.getSchema(type);
        // A model of our own with the generated class's logical-type conversions, but without Avro's "fast reader",
        // which would bypass BoundedReader's array handling (and we must not reconfigure the class's shared MODEL$).
        this.model = new SpecificData(type.getClassLoader());
        generated.getConversions().forEach(model::addLogicalTypeConversion);
        model.setFastReaderEnabled(false);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < WireFormat.HEADER_SIZE) {
            throw new SerializationException("cannot read " + type.getSimpleName() + " from topic " + topic
                    + ": record of " + data.length + " bytes is too short for the schema registry wire format"
                    + " (magic byte 0, 4-byte schema id, Avro data)");
        }
        if (data[0] != WireFormat.MAGIC) {
            throw new SerializationException(String.format("cannot read %s from topic %s: unknown magic byte 0x%02x"
                    + " (expected 0x00: not written with a schema registry serializer%s)", type.getSimpleName(), topic,
                    data[0] & 0xff, data[0] == '{' ? "; it looks like JSON" : ""));
        }
        int id = WireFormat.schemaId(data);
        SpecificDatumReader<T> reader = reader(id, topic);
        try {
            BinaryDecoder decoder = DecoderFactory.get()
                    .binaryDecoder(data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, null);
            T record = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new SerializationException("cannot read " + type.getSimpleName() + " from topic " + topic
                        + ": bytes left over after the record written with schema id " + id);
            }
            return record;
        } catch (SerializationException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot read " + type.getSimpleName() + " from topic " + topic
                    + ": Avro data does not decode with schema id " + id + ": " + e, e);
        }
    }

    private SpecificDatumReader<T> reader(int id, String topic) {
        SpecificDatumReader<T> reader = readersByWriterId.get(id);
        if (reader != null) {
            return reader;
        }
        String incompatible = incompatibleWriterIds.get(id);
        if (incompatible != null) {
            throw new SerializationException("cannot read " + type.getSimpleName() + " from topic " + topic + ": "
                    + incompatible);
        }
        Schema writerSchema;
        try {
            writerSchema = registry.byId(id);
        } catch (SchemaNotFoundException e) {
            throw new SerializationException("cannot read " + type.getSimpleName() + " from topic " + topic + ": "
                    + e.getMessage(), e);
        } catch (RegistryRefusedException e) {
            throw new RegistryRefusedException(e.getMessage() + " (reading topic " + topic + ")", e);
        }
        SchemaCompatibility.SchemaPairCompatibility compatibility =
                SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, writerSchema);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            String reason = "schema id " + id + " is incompatible with this " + type.getSimpleName() + " schema: "
                    + describe(compatibility.getResult());
            incompatibleWriterIds.putIfAbsent(id, reason);
            throw new SerializationException("cannot read " + type.getSimpleName() + " from topic " + topic + ": "
                    + reason);
        }
        reader = new BoundedReader<>(writerSchema, readerSchema, model);
        SpecificDatumReader<T> previous = readersByWriterId.putIfAbsent(id, reader);
        return previous != null ? previous : reader;
    }

    private static String describe(SchemaCompatibility.SchemaCompatibilityResult result) {
        StringBuilder out = new StringBuilder();
        for (SchemaCompatibility.Incompatibility i : result.getIncompatibilities()) {
            if (out.length() > 0) {
                out.append("; ");
            }
            out.append(i.getType().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                    .append(" '").append(i.getMessage()).append("' at ").append(i.getLocation());
        }
        return out.toString();
    }

    /**
     * Reads arrays into plain {@link ArrayList}s with a bounded initial capacity. Plain lists, because Avro's own
     * {@code GenericData.Array} compares its elements with a model that lacks the logical-type conversions, so
     * {@code equals} on a record holding, say, a {@code LocalDate} inside a union inside an array would throw.
     * Strings are decoded strictly: Avro would silently turn invalid UTF-8 into replacement characters, hiding a
     * broken writer and counting text that is not what was sent.
     */
    private static final class BoundedReader<T> extends SpecificDatumReader<T> {
        BoundedReader(Schema writer, Schema reader, SpecificData data) {
            super(writer, reader, data);
        }

        @Override
        @SuppressWarnings("unchecked")
        protected Object newArray(Object old, int size, Schema schema) {
            if (old instanceof Collection) {
                ((Collection<Object>) old).clear();
                return old;
            }
            return new ArrayList<>(Math.min(size, MAX_INITIAL_ARRAY_CAPACITY));
        }

        /**
         * Decodes with the JDK's fast lenient decoder, which turns every malformed sequence into U+FFFD; only a
         * string that then holds U+FFFD (malformed, or a replacement character that was sent) is decoded again
         * strictly, to tell the two apart.
         */
        @Override
        protected Object readString(Object old, Schema expected, Decoder in) throws IOException {
            Utf8 raw = in.readString(null);
            String s = new String(raw.getBytes(), 0, raw.getByteLength(), StandardCharsets.UTF_8);
            if (s.indexOf('\uFFFD') < 0) {
                return s;
            }
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .decode(ByteBuffer.wrap(raw.getBytes(), 0, raw.getByteLength())).toString();
            } catch (CharacterCodingException e) {
                throw new IOException("a string is not valid UTF-8", e);
            }
        }
    }
}
