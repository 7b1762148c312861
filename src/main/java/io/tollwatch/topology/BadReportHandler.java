package io.tollwatch.topology;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Invalid reports go to the dead-letter topic and processing continues (the built-in log-and-continue handler);
 * the log gets one line with the reason and the origin, not a stack trace per bad report. A registry that cannot be
 * used is not the report's fault: the thread fails, so the record is retried (or the instance stops) rather than
 * dead-lettered.
 */
public final class BadReportHandler extends LogAndContinueProcessingExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(BadReportHandler.class);

    private DeadLetters deadLetters = DeadLetters.from(Map.of());

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        deadLetters = DeadLetters.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (BadInputHandler.isRegistryOutage(exception)) {
            return Response.fail();
        }
        LOG.warn("dead-lettered input from {}-{}@{} at {}: {}", context.topic(), context.partition(), context.offset(),
                context.processorNodeId(), exception.getMessage());
        return Response.resume(deadLetters.mark(super.handleError(context, record, exception).deadLetterQueueRecords(),
                DeadLetterReason.ofProcessing(exception)));
    }
}
