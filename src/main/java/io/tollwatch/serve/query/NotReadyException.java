package io.tollwatch.serve.query;

/**
 * A query that cannot be answered completely right now (the stores are rebalancing or restoring, or an instance that
 * owns part of the answer does not reply). Answered with 503 and {@code Retry-After}, never with a partial answer.
 */
public final class NotReadyException extends RuntimeException {
    public NotReadyException(String reason) {
        super(reason);
    }
}
