package io.tollwatch.serve.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tollwatch.report.ReportJson;
import io.tollwatch.serve.http.HttpError;
import io.tollwatch.serve.http.RouteModule;
import org.apache.kafka.streams.KeyValue;

import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an instance answers other instances: its own active partitions only, never forwarded again. Values travel as
 * the stores' own bytes (base64), so an answer merged from several instances is exactly what each store holds; a
 * region's figures travel as one {@code FigureList}.
 */
final class InternalRoutes implements RouteModule {
    static final String RANGE = "/internal/v1/range";
    static final String KEY = "/internal/v1/key";

    private final LocalViews local;

    InternalRoutes(LocalViews local) {
        this.local = local;
    }

    @Override
    public void mount(RoutesConfig routes) {
        routes.get(RANGE, this::range);
        routes.get(KEY, this::key);
    }

    /** A key range of a store looked up by range: the totals or the daily view. */
    private void range(Context ctx) {
        ViewStore<Object> store = store(ctx);
        if (store.lookup() != ViewStore.Lookup.RANGE) {
            throw new HttpError(404, "no key ranges in this store");
        }
        Set<Integer> partitions;
        try {
            partitions = Arrays.stream(required(ctx, "partitions").split(",")).map(Integer::parseInt)
                    .collect(Collectors.toSet());
        } catch (NumberFormatException e) {
            throw new HttpError(400, "partitions must be numbers");
        }
        ArrayNode entries = ReportJson.MAPPER.createArrayNode();
        for (KeyValue<String, Object> kv : local.<Object>range(store.name(), ctx.queryParam("from"), ctx.queryParam("to"), partitions)) {
            entries.addObject().put("key", kv.key).put("value", Base64.getEncoder().encodeToString(store.encode(kv.value)));
        }
        ObjectNode body = ReportJson.MAPPER.createObjectNode();
        body.set("entries", entries);
        ctx.json(body);
    }

    /** A key lookup: a region's figures, the one store queried by key. */
    private void key(Context ctx) {
        if (store(ctx).lookup() != ViewStore.Lookup.KEY) {
            throw new HttpError(404, "no key lookups in this store");
        }
        int partition;
        try {
            partition = Integer.parseInt(required(ctx, "partition"));
        } catch (NumberFormatException e) {
            throw new HttpError(400, "partition must be a number");
        }
        ObjectNode body = ReportJson.MAPPER.createObjectNode();
        local.figures(required(ctx, "key"), partition)
                .ifPresentOrElse(v -> body.put("value", Base64.getEncoder().encodeToString(ViewStore.FIGURES.encode(v))),
                        () -> body.putNull("value"));
        ctx.json(body);
    }

    @SuppressWarnings("unchecked")
    private static ViewStore<Object> store(Context ctx) {
        ViewStore<?> s = ViewStore.BY_NAME.get(required(ctx, "store"));
        if (s == null) {
            throw new HttpError(404, "no such store");
        }
        return (ViewStore<Object>) s;
    }

    private static String required(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) {
            throw new HttpError(400, name + " is missing");
        }
        return v;
    }
}
