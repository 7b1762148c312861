package io.tollwatch.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes generated Avro records in the Confluent wire format. On first use for a topic it registers the class's
 * schema under {@code <topic>-value} (or {@code <topic>-key}), the Confluent TopicNameStrategy, and caches the id.
 * A {@code null} record serializes to {@code null} (a tombstone). Thread-safe.
 */
public final class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {
    private final Class<T> type;
    private final SchemaRegistryClient registry;
    private final boolean isKey;
    private final Schema schema;
    private final DatumWriter<T> writer;
    private final ConcurrentMap<String, Integer> idsByTopic = new ConcurrentHashMap<>();

    public AvroSerializer(Class<T> type, SchemaRegistryClient registry, boolean isKey) {
        this.type = Objects.requireNonNull(type, "type");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.isKey = isKey;
        SpecificData model = SpecificData.getForClass(type);
        this.schema = model.getSchema(type);
        this.writer = new SpecificDatumWriter<>(schema, model);
    }

    /** The subject the schema is registered under for {@code topic}. */
    public String subject(String topic) {
        return subjectFor(topic, isKey, schema);
    }

    static String subjectFor(String topic, boolean isKey, Schema schema) {
        String base = topic != null ? topic : schema.getFullName();
        return base + (isKey ? "-key" : "-value");
    }

    /** The writer schema's id for {@code topic}, registering the schema on first use. */
    public int schemaId(String topic) {
        String key = topic != null ? topic : "";
        Integer id = idsByTopic.get(key);
        if (id == null) {
            id = registry.register(subject(topic), schema);
            idsByTopic.putIfAbsent(key, id);
        }
        return id;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        int id = schemaId(topic);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(WireFormat.MAGIC);
        out.write(id >>> 24);
        out.write(id >>> 16);
        out.write(id >>> 8);
        out.write(id);
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writer.write(data, encoder);
            encoder.flush();
        } catch (IOException | AvroRuntimeException | NullPointerException | ClassCastException e) {
            throw new SerializationException("cannot write " + type.getSimpleName() + " as Avro for topic " + topic
                    + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
