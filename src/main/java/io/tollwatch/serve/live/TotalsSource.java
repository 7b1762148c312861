package io.tollwatch.serve.live;

import io.tollwatch.schema.Total;

import java.util.function.Consumer;

/** Where changed totals come from: {@link TotalsFeed} in production. */
public interface TotalsSource {
    void listen(Consumer<Total> listener);

    void unlisten(Consumer<Total> listener);
}
