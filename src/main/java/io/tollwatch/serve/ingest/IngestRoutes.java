package io.tollwatch.serve.ingest;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.plugin.bundled.RateLimitPlugin;
import io.tollwatch.schema.Report;
import io.tollwatch.serve.http.HttpError;
import io.tollwatch.serve.http.RouteModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /api/reports}: reports as JSON for scrapers that cannot speak Avro. All or nothing: 202 with the ids
 * when every report is valid and written; 400 with every reason otherwise (nothing written); 413 above the size
 * limit; 401 without the bearer token when one is configured; 429 above the per-client rate.
 */
public final class IngestRoutes implements RouteModule {
    public static final String PATH = "/api/reports";
    private static final Logger LOG = LoggerFactory.getLogger(IngestRoutes.class);

    private final byte[] tokenDigest;
    private final long maxBytes;
    private final int perMinute;
    private final ReportSink sink;

    /** @param token the bearer token required, or null for none */
    public IngestRoutes(String token, long maxBytes, int perMinute, ReportSink sink) {
        this.tokenDigest = token == null || token.isEmpty() ? null : sha256(token);
        this.maxBytes = maxBytes;
        this.perMinute = perMinute;
        this.sink = sink;
    }

    @Override
    public void mount(RoutesConfig routes) {
        routes.post(PATH, this::ingest);
    }

    private void ingest(Context ctx) {
        ctx.with(RateLimitPlugin.class).requestPerTimeUnit(perMinute, TimeUnit.MINUTES);
        authorise(ctx);
        IngestBody.Parsed parsed = IngestBody.parse(body(ctx));
        if (!parsed.problems().isEmpty()) {
            throw new HttpError(400, parsed.problems().size() + " problem(s); nothing was accepted", parsed.problems(), null);
        }
        try {
            sink.send(parsed.reports());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpError(503, "interrupted; nothing was confirmed", List.of(), 5);
        } catch (Exception e) {
            LOG.warn("ingest: cannot write {} reports: {}", parsed.reports().size(), e.toString());
            throw new HttpError(503, "Kafka did not confirm the reports; send them again", List.of(), 5);
        }
        List<String> ids = parsed.reports().stream().map(Report::getReportId).toList();
        ctx.status(202).json(Map.of("accepted", ids.size(), "report_ids", ids));
    }

    /** Compares digests with {@link MessageDigest#isEqual}: constant time, whatever the length of the guess. */
    private void authorise(Context ctx) {
        if (tokenDigest == null) {
            return;
        }
        String auth = ctx.header("Authorization");
        String given = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : "";
        if (!MessageDigest.isEqual(tokenDigest, sha256(given))) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"tollwatch ingest\"");
            throw new HttpError(401, "a valid bearer token (ingest.token) is required");
        }
    }

    /** The body, refused with 413 as soon as it passes the limit (declared or not). */
    private byte[] body(Context ctx) {
        if (ctx.contentLength() > maxBytes) {
            throw tooLarge();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + n > maxBytes) {
                    throw tooLarge();
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new HttpError(400, "the body could not be read");
        }
    }

    private HttpError tooLarge() {
        return new HttpError(413, "the body is larger than " + maxBytes + " bytes (ingest.max.bytes)");
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
