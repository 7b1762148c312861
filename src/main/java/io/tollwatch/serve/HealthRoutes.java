package io.tollwatch.serve;

import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tollwatch.serve.http.RouteModule;
import org.apache.kafka.streams.KafkaStreams;

import java.util.Map;
import java.util.function.Supplier;

/** {@code /metrics} (Prometheus text) and {@code /health} (200 while Kafka Streams runs or rebalances, else 503). */
final class HealthRoutes implements RouteModule {
    private final PrometheusMeterRegistry meters;
    private final Supplier<KafkaStreams> streams;

    HealthRoutes(PrometheusMeterRegistry meters, Supplier<KafkaStreams> streams) {
        this.meters = meters;
        this.streams = streams;
    }

    @Override
    public void mount(RoutesConfig routes) {
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(meters.scrape()));
        routes.get("/health", ctx -> {
            KafkaStreams s = streams.get();
            KafkaStreams.State state = s == null ? KafkaStreams.State.CREATED : s.state();
            boolean ok = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
            ctx.status(ok ? 200 : 503).json(Map.of("streams", state.toString()));
        });
    }
}
