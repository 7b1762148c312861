package io.tollwatch.serve.http;

import io.javalin.Javalin;
import io.javalin.plugin.bundled.RateLimitPlugin;
import io.javalin.util.JavalinBindException;
import io.tollwatch.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The service's embedded HTTP server (Javalin on Jetty). It knows no routes of its own: the parts of the service hand
 * it {@link RouteModule}s. An exception a handler does not answer itself becomes a plain 500 without a stack trace;
 * CORS stays off (no cross-origin headers are ever sent).
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    private final Javalin app;

    private HttpServer(Javalin app) {
        this.app = app;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The port the server listens on (the chosen one when 0 was asked for). */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    public static final class Builder {
        private int port;
        private long maxRequestBytes = 8L * 1024 * 1024;
        private final List<RouteModule> modules = new ArrayList<>();

        /** 0 picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Larger request bodies are refused with 413. */
        public Builder maxRequestBytes(long bytes) {
            this.maxRequestBytes = bytes;
            return this;
        }

        public Builder module(RouteModule module) {
            modules.add(module);
            return this;
        }

        public HttpServer start() {
            Javalin app = Javalin.create(config -> {
                config.jetty.port = port;
                config.http.maxRequestSize = maxRequestBytes;
                config.startup.showJavalinBanner = false;
                config.startup.showOldJavalinVersionWarning = false;
                // Per-client request limits, for routes that ask for them (ctx.with(RateLimitPlugin.class)).
                config.registerPlugin(new RateLimitPlugin());
                // Read-only paths answer 405 (not 404) to other methods.
                config.http.prefer405over404 = true;
                config.routes.exception(HttpError.class, (e, ctx) -> {
                    if (e.retryAfterSeconds() != null) {
                        ctx.header("Retry-After", e.retryAfterSeconds().toString());
                    }
                    ctx.status(e.status()).json(new ErrorBody(e.getMessage(), e.reasons()));
                });
                config.routes.exception(Exception.class, (e, ctx) -> {
                    LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                    ctx.status(500).json(new ErrorBody("internal error"));
                });
                modules.forEach(m -> m.mount(config.routes));
            });
            try {
                app.start();
            } catch (JavalinBindException e) {
                throw new ConfigException("http.port " + port + " is in use; set another one (0 picks a free port)");
            }
            return new HttpServer(app);
        }
    }
}
