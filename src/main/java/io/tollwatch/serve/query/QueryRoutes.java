package io.tollwatch.serve.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.tollwatch.count.CountryRollup;
import io.tollwatch.count.Metric;
import io.tollwatch.count.Population;
import io.tollwatch.report.ReportJson;
import io.tollwatch.schema.DailyCount;
import io.tollwatch.schema.Figure;
import io.tollwatch.schema.Total;
import io.tollwatch.serve.http.ErrorBody;
import io.tollwatch.serve.http.HttpError;
import io.tollwatch.serve.http.RouteModule;
import io.tollwatch.topology.QueryViews;
import org.apache.avro.specific.SpecificRecord;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The read-only query API: JSON by default, totals also as CSV with the HXL hashtag row ({@code Accept: text/csv},
 * {@code ?format=csv} or a {@code .csv} path). Only GET and HEAD are routed, so other methods are 405.
 */
public final class QueryRoutes implements RouteModule {
    static final int DEFAULT_FIGURES = 20;
    /** Sorts after every character of a key, to close a prefix range. */
    private static final String END = "~";

    private final Views views;
    private final UnaryOperator<String> regionNames;

    /** @param regionNames region code to English name, null when unknown */
    public QueryRoutes(Views views, UnaryOperator<String> regionNames) {
        this.views = views;
        this.regionNames = regionNames;
    }

    @Override
    public void mount(RoutesConfig routes) {
        routes.exception(NotReadyException.class, (e, ctx) -> ctx.header("Retry-After", "2").status(503)
                .json(new ErrorBody("not ready, try again: " + e.getMessage())));
        read(routes, "/api/totals", ctx -> totals(ctx, null));
        read(routes, "/api/totals.csv", ctx -> totals(ctx, null));
        read(routes, "/api/totals/{region}", ctx -> totals(ctx, ctx.pathParam("region")));
        read(routes, "/api/daily/{region}", this::daily);
        read(routes, "/api/regions/{code}", this::region);
        read(routes, "/api/figures/{region}", this::figures);
    }

    private static void read(RoutesConfig routes, String path, Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
    }

    private void totals(Context ctx, String regionPath) {
        TotalFilter filter = TotalFilter.from(ctx);
        if (regionPath != null) {
            filter = filter.withRegion(TotalFilter.code(stripCsv(regionPath)));
        }
        List<Total> totals;
        if (filter.region() != null) {
            totals = views.totals(filter.region() + "|", filter.region() + "|" + END);
        } else if (filter.country() != null) {
            totals = views.totals(filter.country(), filter.country() + END);
        } else {
            totals = views.totals(null, null);
        }
        List<Total> out = totals.stream().filter(filter).toList();
        if (wantsCsv(ctx)) {
            ctx.contentType("text/csv; charset=utf-8").result(HxlCsv.totals(out));
        } else {
            ctx.json(array(out));
        }
    }

    private void daily(Context ctx) {
        noCsv(ctx);
        String region = region(ctx.pathParam("region"));
        String metric = vocabulary(ctx, "metric", Metric.class);
        String population = vocabulary(ctx, "population", Population.class);
        LocalDate from = date(ctx, "from");
        LocalDate to = date(ctx, "to");
        List<DailyCount> days = views.daily(region + "|", region + "|" + END).stream()
                .filter(d -> metric == null || d.getMetric().equals(metric))
                .filter(d -> population == null || d.getPopulation().equals(population))
                .filter(d -> from == null || !d.getDay().isBefore(from))
                .filter(d -> to == null || !d.getDay().isAfter(to))
                .toList();
        ctx.json(array(days));
    }

    private void region(Context ctx) {
        noCsv(ctx);
        String code = region(ctx.pathParam("code"));
        String country = CountryRollup.countryOf(code);
        boolean subdivision = CountryRollup.isSubdivision(code);
        List<Total> totals = subdivision ? views.totals(code + "|", code + "|" + END) : views.totals(country, country + END);
        String name = regionNames.apply(code);
        if (name == null && totals.isEmpty()) {
            throw new HttpError(404, "unknown region " + code);
        }
        TreeMap<String, String> subdivisions = new TreeMap<>();
        if (!subdivision) {
            totals.stream().filter(t -> t.getCountry().equals(country) && CountryRollup.isSubdivision(t.getRegion()))
                    .forEach(t -> subdivisions.put(t.getRegion(), t.getRegionName()));
        }
        ObjectNode body = ReportJson.MAPPER.createObjectNode();
        body.put("code", code);
        body.put("name", name != null ? name : code);
        body.put("level", subdivision ? "subdivision" : "country");
        body.put("country", country);
        body.put("country_name", regionNames.apply(country));
        body.put("has_totals", totals.stream().anyMatch(t -> t.getRegion().equals(code)));
        ArrayNode subs = body.putArray("subdivisions");
        subdivisions.forEach((c, n) -> subs.addObject().put("code", c).put("name", n));
        ctx.json(body);
    }

    private void figures(Context ctx) {
        noCsv(ctx);
        String region = region(ctx.pathParam("region"));
        int limit = DEFAULT_FIGURES;
        String l = ctx.queryParam("limit");
        if (l != null) {
            try {
                limit = Integer.parseInt(l);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > QueryViews.FIGURES_PER_REGION) {
                throw new HttpError(400, "limit must be a whole number from 1 to " + QueryViews.FIGURES_PER_REGION);
            }
        }
        List<Figure> figures = views.figures(region);
        ctx.json(array(figures.subList(0, Math.min(limit, figures.size()))));
    }

    private static ArrayNode array(List<? extends SpecificRecord> records) {
        ArrayNode a = ReportJson.MAPPER.createArrayNode();
        records.forEach(r -> a.add(ReportJson.toJson(r)));
        return a;
    }

    static boolean wantsCsv(Context ctx) {
        String accept = ctx.header("Accept");
        return ctx.path().endsWith(".csv") || "csv".equalsIgnoreCase(ctx.queryParam("format"))
                || (accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv"));
    }

    private static void noCsv(Context ctx) {
        if (wantsCsv(ctx)) {
            throw new HttpError(406, "CSV is offered for totals (/api/totals); this path answers JSON");
        }
    }

    private static String stripCsv(String s) {
        return s.endsWith(".csv") ? s.substring(0, s.length() - 4) : s;
    }

    private static String region(String raw) {
        return TotalFilter.code(raw);
    }

    private static <E extends Enum<E>> String vocabulary(Context ctx, String param, Class<E> type) {
        return TotalFilter.vocabulary(ctx.queryParam(param), param, type);
    }

    private static LocalDate date(Context ctx, String param) {
        String v = ctx.queryParam(param);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new HttpError(400, param + " '" + v + "' is not a date (YYYY-MM-DD)");
        }
    }
}
