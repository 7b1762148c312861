package io.tollwatch.serve;

import io.javalin.config.RoutesConfig;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tollwatch.serve.http.RouteModule;

import java.util.concurrent.TimeUnit;

/**
 * {@code tollwatch.http.requests}: every HTTP request timed, by method, route (the path template, so that ids in
 * paths do not make new series; "unmatched" for paths no route serves) and status.
 */
final class RequestMetrics implements RouteModule {
    private static final String STARTED = "tollwatch.request.started";

    private final MeterRegistry meters;

    RequestMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void mount(RoutesConfig routes) {
        routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
        routes.after(ctx -> {
            Long started = ctx.attribute(STARTED);
            Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
            Timer.builder("tollwatch.http.requests")
                    .tag("method", ctx.method().name())
                    .tag("route", endpoint == null ? "unmatched" : endpoint.path)
                    .tag("status", Integer.toString(ctx.statusCode()))
                    .description("HTTP requests served, by method, route and status")
                    .register(meters)
                    .record(System.nanoTime() - (started == null ? System.nanoTime() : started), TimeUnit.NANOSECONDS);
        });
    }
}
