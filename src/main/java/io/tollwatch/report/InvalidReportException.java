package io.tollwatch.report;

/**
 * A report that cannot be counted. The message is the reason an operator reads on the dead-letter topic
 * (Kafka Streams puts it in the {@code __streams.errors.message} header next to the original bytes).
 */
public class InvalidReportException extends RuntimeException {
    public InvalidReportException(String reason) {
        super(reason);
    }

    public InvalidReportException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
