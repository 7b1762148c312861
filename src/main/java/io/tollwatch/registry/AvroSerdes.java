package io.tollwatch.registry;

import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * Hands out {@link AvroSerde}s for generated Avro classes, all backed by one registry client (and so one cache).
 *
 * <pre>{@code
 * AvroSerdes avro = new AvroSerdes(new SchemaRegistryClient(url));
 * builder.stream(REPORTS, Consumed.with(Serdes.String(), avro.value(Report.class)));
 * }</pre>
 */
public final class AvroSerdes {
    private final SchemaRegistryClient registry;

    public AvroSerdes(SchemaRegistryClient registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** A serde for {@code type} as record values (subject {@code <topic>-value}). */
    public <T extends SpecificRecord> AvroSerde<T> value(Class<T> type) {
        return new AvroSerde<>(type, registry, false);
    }

    /** A serde for {@code type} as record keys (subject {@code <topic>-key}). */
    public <T extends SpecificRecord> AvroSerde<T> key(Class<T> type) {
        return new AvroSerde<>(type, registry, true);
    }

    public SchemaRegistryClient registry() {
        return registry;
    }

    /** A serde for {@code type}, as keys if {@code isKey}, else as values. */
    public static <T extends SpecificRecord> AvroSerde<T> avro(Class<T> type, SchemaRegistryClient registry,
            boolean isKey) {
        return new AvroSerde<>(type, registry, isKey);
    }
}
