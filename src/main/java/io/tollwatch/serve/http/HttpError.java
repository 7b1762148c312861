package io.tollwatch.serve.http;

import java.util.List;

/** An answer other than success, thrown by a handler: its status and an {@link ErrorBody} with every reason. */
public class HttpError extends RuntimeException {
    private final int status;
    private final List<String> reasons;
    private final Integer retryAfterSeconds;

    public HttpError(int status, String message) {
        this(status, message, List.of(), null);
    }

    public HttpError(int status, String message, List<String> reasons, Integer retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.reasons = List.copyOf(reasons);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public List<String> reasons() {
        return reasons;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
