package io.tollwatch.serve.http;

import java.util.List;

/** The JSON body of every error answer: what went wrong, and for invalid input every reason. Never a stack trace. */
public record ErrorBody(String error, List<String> reasons) {
    public ErrorBody(String error) {
        this(error, List.of());
    }
}
