package io.tollwatch.serve.query;

import io.javalin.http.Context;
import io.tollwatch.count.Metric;
import io.tollwatch.count.Population;
import io.tollwatch.count.Vocabulary;
import io.tollwatch.schema.Total;
import io.tollwatch.serve.http.HttpError;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The filters of {@code /api/totals} and {@code /api/stream}: country, region, metric, population; null is any. */
public record TotalFilter(String country, String region, String metric, String population) implements Predicate<Total> {
    private static final Pattern CODE = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})?");

    /** From the query parameters; an invalid value is a 400 naming it. */
    public static TotalFilter from(Context ctx) {
        return new TotalFilter(code(ctx.queryParam("country")), code(ctx.queryParam("region")),
                vocabulary(ctx.queryParam("metric"), "metric", Metric.class),
                vocabulary(ctx.queryParam("population"), "population", Population.class));
    }

    TotalFilter withRegion(String region) {
        return new TotalFilter(country, region, metric, population);
    }

    @Override
    public boolean test(Total t) {
        return (country == null || t.getCountry().equals(country)) && (region == null || t.getRegion().equals(region))
                && (metric == null || t.getMetric().equals(metric))
                && (population == null || t.getPopulation().equals(population));
    }

    /** An ISO 3166-1 or 3166-2 code, upper-cased; null stays null. */
    static String code(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        String code = raw.trim().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            throw new HttpError(400, "'" + raw + "' is not an ISO 3166 country or subdivision code");
        }
        return code;
    }

    static <E extends Enum<E>> String vocabulary(String v, String param, Class<E> type) {
        if (v == null || v.isEmpty()) {
            return null;
        }
        return Vocabulary.parse(type, v).map(Vocabulary::wire).orElseThrow(() -> new HttpError(400,
                "unknown " + param + " '" + v + "' (expected " + Arrays.stream(type.getEnumConstants())
                        .map(Vocabulary::wire).collect(Collectors.joining(", ")) + ")"));
    }
}
