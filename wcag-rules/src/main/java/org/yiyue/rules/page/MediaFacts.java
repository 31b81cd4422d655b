package org.yiyue.rules.page;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.jsoup.nodes.Element;

/**
 * What the browser measured about one {@code audio} or {@code video} element when the page was captured: the
 * collector writes it on the element as {@value #ATTRIBUTE}{@code ="duration=…;paused=0|1;…"} before serialising the
 * DOM (like {@link IndexedFacts#INDEX_ATTRIBUTE}). Only a rendered page has it; static analysis never guesses it.
 *
 * @param duration     the {@code duration} IDL attribute in seconds (NaN before metadata, +∞ for a live stream)
 * @param paused       the {@code paused} IDL attribute
 * @param muted        the {@code muted} IDL attribute
 * @param currentTime  playback position in seconds
 * @param readyState   HTMLMediaElement.readyState (0 = nothing known about the resource)
 * @param error        MediaError code, 0 for none
 * @param audio        whether the media resource contains audio: {@code "1"} sound was heard from it (a silent audio
 *                     track is no audio), {@code "0"} it has no audio track at all, {@code "?"} unknown
 * @param currentSrc   the URL of the chosen media resource (with any media fragment), empty when none
 */
public record MediaFacts(double duration, boolean paused, boolean muted, double currentTime, int readyState, int error,
                         String audio, String currentSrc) {

    public static final String ATTRIBUTE = "data-yiyue-media-state";

    /** The measured state of a media element on a rendered page; empty statically or when it was not measured. */
    public static Optional<MediaFacts> of(Element e, Page page) {
        if (!page.rendered() || !e.hasAttr(ATTRIBUTE)) {
            return Optional.empty();
        }
        return page.memo("mediaFacts", e, () -> parse(e.attr(ATTRIBUTE)));
    }

    static Optional<MediaFacts> parse(String value) {
        Map<String, String> kv = new HashMap<>();
        for (String part : value.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                kv.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        try {
            return Optional.of(new MediaFacts(number(kv.get("duration")), "1".equals(kv.get("paused")),
                    "1".equals(kv.get("muted")), number(kv.get("time")), (int) number(kv.get("ready")),
                    (int) number(kv.get("error")), kv.getOrDefault("audio", "?"),
                    URLDecoder.decode(kv.getOrDefault("src", ""), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static double number(String s) {
        if (s == null || s.isEmpty() || s.equals("nan")) {
            return Double.NaN;
        }
        if (s.equals("inf")) {
            return Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(s);
    }

    /** The browser read the resource's metadata without error: duration, audio and playback state mean something. */
    public boolean loaded() {
        return error == 0 && readyState >= 1 && !Double.isNaN(duration);
    }
}
