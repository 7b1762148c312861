package io.tollwatch.serve.http;

import io.javalin.config.RoutesConfig;

/**
 * One part of the service's HTTP surface (metrics, health, query API, ingest, dashboard). A module adds its routes,
 * and may add {@code before}/{@code after} handlers (request metrics), to the server's routing when it is built.
 */
@FunctionalInterface
public interface RouteModule {
    void mount(RoutesConfig routes);
}
