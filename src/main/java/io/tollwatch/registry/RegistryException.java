package io.tollwatch.registry;

import org.apache.kafka.common.KafkaException;

/**
 * The schema registry could not be used: unreachable, not a schema registry, or it refused a request.
 *
 * <p>The message is one line meant for the user, naming the registry's URL. It is deliberately <em>not</em> a
 * {@link org.apache.kafka.common.errors.SerializationException}: a deserialization exception handler can tell a
 * registry outage (fail the application) from a bad record (send it to the dead-letter topic).
 */
public class RegistryException extends KafkaException {
    private static final long serialVersionUID = 1L;

    public RegistryException(String message) {
        super(message);
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
