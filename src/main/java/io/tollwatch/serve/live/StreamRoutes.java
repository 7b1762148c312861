package io.tollwatch.serve.live;

import io.javalin.config.RoutesConfig;
import io.javalin.http.sse.SseClient;
import io.tollwatch.report.ReportJson;
import io.tollwatch.schema.Total;
import io.tollwatch.serve.http.HttpError;
import io.tollwatch.serve.http.RouteModule;
import io.tollwatch.serve.query.TotalFilter;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code GET /api/stream}: Server-Sent Events, one {@code total} event per changed total (the JSON of the query API)
 * that passes the filters of {@code /api/totals}, after a first {@code ready} event that says the stream is listening,
 * and a comment line as heartbeat so proxies keep the line open.
 */
public final class StreamRoutes implements RouteModule, AutoCloseable {
    public static final String PATH = "/api/stream";
    /** The first event: changes from here on are on this stream. */
    public static final String READY = "ready";
    private static final String FILTER = "tollwatch.filter";

    private final TotalsSource feed;
    private final Duration heartbeat;
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tollwatch-sse-heartbeat");
        t.setDaemon(true);
        return t;
    });

    public StreamRoutes(TotalsSource feed, Duration heartbeat) {
        this.feed = feed;
        this.heartbeat = heartbeat;
    }

    @Override
    public void mount(RoutesConfig routes) {
        // Checked before the event stream opens, so a bad filter is a plain 400. Javalin opens the stream only for
        // clients that accept events (EventSource always does); anyone else is told how to ask.
        routes.before(PATH, ctx -> {
            String accept = ctx.header("Accept");
            if (accept == null || !accept.contains("text/event-stream")) {
                throw new HttpError(406, "ask with Accept: text/event-stream");
            }
            ctx.attribute(FILTER, TotalFilter.from(ctx));
        });
        routes.sse(PATH, client -> {
            TotalFilter filter = client.ctx().attribute(FILTER);
            client.keepAlive();
            Consumer<Total> listener = t -> {
                if (filter.test(t) && !client.terminated()) {
                    client.sendEvent("total", json(t));
                }
            };
            clients.add(client);
            feed.listen(listener);
            client.onClose(() -> {
                feed.unlisten(listener);
                clients.remove(client);
            });
            // Only now can a client load /api/totals without missing a change made meanwhile.
            client.sendEvent(READY, "listening");
        });
        beats.scheduleAtFixedRate(() -> clients.forEach(c -> {
            if (!c.terminated()) {
                c.sendComment("heartbeat");
            }
        }), heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String json(Total t) {
        try {
            return ReportJson.MAPPER.writeValueAsString(ReportJson.toJson(t));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        beats.shutdownNow();
        clients.forEach(SseClient::close);
    }
}
