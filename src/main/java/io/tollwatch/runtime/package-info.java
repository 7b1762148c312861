/**
 * The embedded infrastructure of {@code tollwatch demo} and the integration tests: a single-node KRaft Kafka broker
 * in this JVM ({@link io.tollwatch.runtime.EmbeddedKafka}), Apicurio Registry as a child process
 * ({@link io.tollwatch.runtime.EmbeddedRegistry}), and both together ({@link io.tollwatch.runtime.EmbeddedStack}).
 *
 * <pre>{@code
 * try (EmbeddedStack stack = dataDir == null ? EmbeddedStack.start() : EmbeddedStack.start(dataDir)) {
 *     props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
 *     SchemaRegistryClient registry = new SchemaRegistryClient(stack.registryUrl());
 *     ...
 * }
 * }</pre>
 */
package io.tollwatch.runtime;
