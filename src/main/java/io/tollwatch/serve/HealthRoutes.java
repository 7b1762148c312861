package io.tollwatch.serve;

import io.javalin.config.RoutesConfig;
import io.tollwatch.serve.http.RouteModule;

/**
 * {@code /metrics} (Prometheus text), {@code /health} (liveness: 503 when the Kafka Streams client is in ERROR or
 * its threads keep failing) and {@code /ready} (readiness: RUNNING with every store restored), each health answer
 * with the client's and its threads' states in a JSON body.
 */
final class HealthRoutes implements RouteModule {
    private final Monitoring monitoring;

    HealthRoutes(Monitoring monitoring) {
        this.monitoring = monitoring;
    }

    @Override
    public void mount(RoutesConfig routes) {
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(monitoring.scrape()));
        routes.get("/health", ctx -> {
            StreamHealth.Status s = monitoring.health().status();
            ctx.status(s.live() ? 200 : 503).json(s.body());
        });
        routes.get("/ready", ctx -> {
            StreamHealth.Status s = monitoring.health().status();
            ctx.status(s.ready() ? 200 : 503).json(s.body());
        });
    }
}
