/**
 * Schema registry client and Confluent-wire-format Avro serdes for the generated classes of
 * {@code io.tollwatch.schema}.
 *
 * <pre>{@code
 * SchemaRegistryClient registry = new SchemaRegistryClient("http://localhost:8081"); // or .../apis/ccompat/v7
 * registry.checkReachable();                       // fail fast with a one-line RegistryException
 * AvroSerdes avro = new AvroSerdes(registry);
 * Serde<Report> reports = avro.value(Report.class); // subject <topic>-value
 * }</pre>
 *
 * <p>Errors: a record that cannot be read (wrong magic byte, too short, undecodable, unknown schema id) is a
 * {@link org.apache.kafka.common.errors.SerializationException}, fit for a dead-letter topic; a registry that cannot
 * be used is a {@link io.tollwatch.registry.RegistryException} (not a SerializationException), which a
 * deserialization exception handler should treat as fatal rather than as a bad record.
 */
package io.tollwatch.registry;
