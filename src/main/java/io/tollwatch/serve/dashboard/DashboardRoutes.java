package io.tollwatch.serve.dashboard;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tollwatch.serve.http.RouteModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The dashboard at {@code /}: the page and its assets, built into the jar from pinned npm packages
 * ({@code dashboard/build.mjs}) and served from the classpath, so it works offline. The content security policy
 * allows this origin's scripts only: no inline script runs, whatever a report's text holds.
 */
public final class DashboardRoutes implements RouteModule {
    static final String ROOT = "/dashboard/";
    private static final Pattern ASSET = Pattern.compile("[a-zA-Z0-9_.-]+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "txt", "text/plain; charset=utf-8");
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

    @Override
    public void mount(RoutesConfig routes) {
        routes.get("/", ctx -> serve(ctx, "index.html"));
        routes.head("/", ctx -> serve(ctx, "index.html"));
        routes.get("/assets/{file}", ctx -> serve(ctx, "assets/" + ctx.pathParam("file")));
    }

    private static void serve(Context ctx, String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        String type = TYPES.get(file.substring(file.lastIndexOf('.') + 1));
        InputStream in = ASSET.matcher(file).matches() && type != null
                ? DashboardRoutes.class.getResourceAsStream(ROOT + path) : null;
        if (in == null) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("not found");
            return;
        }
        try (in) {
            ctx.header("Content-Security-Policy", CSP)
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Cache-Control", path.equals("index.html") ? "no-cache" : "max-age=3600")
                    .contentType(type)
                    .result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
