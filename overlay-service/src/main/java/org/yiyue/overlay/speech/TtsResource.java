package org.yiyue.overlay.speech;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.cache.expiry.AccessedExpiryPolicy;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.ConfigProvider;
import org.yiyue.overlay.cluster.DataGrid;
import org.yiyue.overlay.cluster.GridCache;
import org.yiyue.overlay.web.OverlayMetrics;

/**
 * {@code POST /api/tts} {@code {text, lang, rate, volume}} → {@code audio/wav}; {@code GET /api/tts/voices}.
 * Errors are JSON {@code {error, message}} with 400, 413 (text too long), 429 (rate limit) or 503 (engine missing:
 * the toolbar then stays with browser speech).
 */
@Path("/tts")
@ApplicationScoped
public class TtsResource {

    @Inject
    OverlayMetrics metrics;
    @Inject
    DataGrid grid;

    private SpeechService speech;
    private RateLimiter limiter;

    @PostConstruct
    void init() {
        var config = ConfigProvider.getConfig();
        int maxChars = config.getOptionalValue("yiyue.tts.max-chars", Integer.class).orElse(1000);
        long cacheBytes = config.getOptionalValue("yiyue.tts.cache-bytes", Long.class).orElse(32L << 20);
        int burst = config.getOptionalValue("yiyue.tts.burst", Integer.class).orElse(20);
        int perMinute = config.getOptionalValue("yiyue.tts.per-minute", Integer.class).orElse(30);
        String espeak = config.getOptionalValue("yiyue.tts.espeak", String.class).orElse(null);
        SpeechEngine chinese = espeak == null ? EspeakEngine.find() : new EspeakEngine(espeak);
        if (grid.clustered()) {
            // audio and buckets shared by the cluster: a sentence synthesized on one instance is a hit on all
            speech = new SpeechService(chinese, new FreeTtsEngine(), maxChars, new GridCache<>(grid, "yiyue-tts",
                    cacheBytes, Duration.ofDays(1), 10_000, SpeechService::weight, new ResultCodec()));
            limiter = RateLimiter.shared(burst, perMinute, grid.openCache("yiyue-tts-buckets", String.class,
                    AccessedExpiryPolicy.factoryOf(new javax.cache.expiry.Duration(TimeUnit.SECONDS,
                            RateLimiter.IDLE.toSeconds())), 100_000));
        } else {
            speech = new SpeechService(chinese, new FreeTtsEngine(), maxChars, cacheBytes);
            limiter = new RateLimiter(burst, perMinute);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({"audio/wav", MediaType.APPLICATION_JSON})
    public Response speak(JsonObject body, @Context HttpServletRequest req) {
        if (!limiter.tryAcquire(req.getRemoteAddr())) {
            metrics.ttsRejected();
            return error(429, "rate-limited", "请求过于频繁，请稍后再试 / too many requests")
                    .header("Retry-After", limiter.retryAfterSeconds()).build();
        }
        if (body == null) {
            return error(400, "body-missing", "需要 JSON 请求体 / JSON body required").build();
        }
        try {
            SpeechService.Result r = speech.speak(new SpeechService.Request(
                    string(body, "text"), string(body, "lang"), number(body, "rate", 1.0), number(body, "volume", 1.0)));
            metrics.tts(r.cached());
            return Response.ok(r.wav(), "audio/wav")
                    .header("X-Yiyue-Tts-Cache", r.cached() ? "HIT" : "MISS")
                    .header("X-Yiyue-Tts-Engine", r.engine() + "/" + r.voice())
                    .header("Cache-Control", "private, max-age=86400")
                    .build();
        } catch (SpeechService.Refused e) {
            metrics.ttsRejected();
            return error(e.status(), e.code(), e.getMessage()).build();
        } catch (SpeechEngine.SpeechException e) {
            metrics.ttsRejected();
            return error(503, "engine-failed", "语音合成失败，请使用浏览器语音 / synthesis failed: " + e.getMessage())
                    .build();
        }
    }

    @GET
    @Path("/voices")
    @Produces(MediaType.APPLICATION_JSON + ";charset=utf-8")
    public JsonObject voices() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (SpeechEngine e : speech.engines()) {
            list.add(Json.createObjectBuilder().add("lang", e.lang()).add("engine", e.engine())
                    .add("voice", e.voice()).add("available", e.available()));
        }
        return Json.createObjectBuilder().add("voices", list).add("maxChars", speech.maxChars()).build();
    }

    private static Response.ResponseBuilder error(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON + ";charset=utf-8")
                .entity(Json.createObjectBuilder().add("error", code).add("message", message).build());
    }

    private static String string(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v != null && v.getValueType() == JsonValue.ValueType.STRING ? o.getString(key) : null;
    }

    private static double number(JsonObject o, String key, double fallback) {
        JsonValue v = o.get(key);
        return v instanceof JsonNumber n ? n.doubleValue() : fallback;
    }
}
