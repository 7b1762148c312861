package io.tollwatch.registry;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka {@link Serde} for a generated Avro class in the Confluent wire format, backed by a schema registry.
 * Needs no {@code configure} call: everything is given to the constructor.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {
    private final Class<T> type;
    private final boolean isKey;
    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;

    public AvroSerde(Class<T> type, SchemaRegistryClient registry, boolean isKey) {
        this.type = type;
        this.isKey = isKey;
        this.serializer = new AvroSerializer<>(type, registry, isKey);
        this.deserializer = new AvroDeserializer<>(type, registry);
    }

    public Class<T> type() {
        return type;
    }

    public boolean isKey() {
        return isKey;
    }

    @Override
    public AvroSerializer<T> serializer() {
        return serializer;
    }

    @Override
    public AvroDeserializer<T> deserializer() {
        return deserializer;
    }

    @Override
    public String toString() {
        return "AvroSerde[" + type.getSimpleName() + (isKey ? ", key" : ", value") + "]";
    }
}
