package io.tollwatch.topology;

import io.tollwatch.registry.RegistryException;
import io.tollwatch.registry.SchemaNotFoundException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Undecodable input goes to the dead-letter topic and processing continues (the built-in log-and-continue handler),
 * except when the schema registry itself cannot be used: that is not bad input, so the record must not be
 * dead-lettered; the stream thread fails, and the service's uncaught-exception handler decides: an outage is retried
 * with back-off until the registry is back, a refusal (credentials, permission) stops the instance.
 */
public final class BadInputHandler extends LogAndContinueExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(BadInputHandler.class);

    private DeadLetters deadLetters = DeadLetters.from(Map.of());

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        deadLetters = DeadLetters.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (isRegistryOutage(exception)) {
            return Response.fail();
        }
        LOG.warn("dead-lettered undecodable input from {}-{}@{}: {}", context.topic(), context.partition(),
                context.offset(), exception.getMessage());
        return Response.resume(deadLetters.mark(super.handleError(context, record, exception).deadLetterQueueRecords(),
                DeadLetterReason.ofUndecodable(exception)));
    }

    /**
     * A registry that cannot be used (unreachable, failing, refusing), as opposed to input naming a schema it does not
     * have or one this reader cannot read.
     */
    static boolean isRegistryOutage(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof RegistryException && !(t instanceof SchemaNotFoundException)) {
                return true;
            }
        }
        return false;
    }
}
