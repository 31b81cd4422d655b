package org.yiyue.rules.checks.media;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.yiyue.rules.dom.Predicates;
import org.yiyue.rules.dom.Tri;
import org.yiyue.rules.page.MediaFacts;
import org.yiyue.rules.page.Page;

/**
 * Named predicates of the ACT media rules over an {@code audio} or {@code video} element. Everything about the media
 * resource (duration, playing, audio) is a browser fact ({@link MediaFacts}): statically, and when the browser could
 * not read the resource, the answer is {@link Tri#UNKNOWN} — never a guess.
 */
final class Media {

    private Media() {
    }

    private static Optional<MediaFacts> loaded(Element media, Page page) {
        return MediaFacts.of(media, page).filter(MediaFacts::loaded);
    }

    private static Tri known(Element media, Page page, Predicate<MediaFacts> p) {
        return loaded(media, page).map(f -> Tri.of(p.test(f))).orElse(Tri.UNKNOWN);
    }

    /** ACT "non-streaming media element": its {@code duration} property is not 0. */
    static Tri isNonStreaming(Element media, Page page) {
        return known(media, page, f -> f.duration() != 0);
    }

    /**
     * Playing: the {@code paused} property is false. A paused element that has not moved from the start, although it
     * has the autoplay attribute, may be one whose autoplay the browser refused: that cannot be told apart.
     */
    static Tri isPlaying(Element media, Page page) {
        return loaded(media, page).map(f -> {
            if (!f.paused()) {
                return Tri.YES;
            }
            return media.hasAttr("autoplay") && f.currentTime() == 0 ? Tri.UNKNOWN : Tri.NO;
        }).orElse(Tri.UNKNOWN);
    }

    /** The media resource contains audio (the browser found an audio track). */
    static Tri containsAudio(Element media, Page page) {
        return loaded(media, page).map(f -> switch (f.audio()) {
            case "1" -> Tri.YES;
            case "0" -> Tri.NO;
            default -> Tri.UNKNOWN;
        }).orElse(Tri.UNKNOWN);
    }

    /** The media resource (the whole resource, whatever fragment is played) lasts more than the given seconds. */
    static Tri lastsMoreThan(Element media, Page page, double seconds) {
        return known(media, page, f -> f.duration() > seconds);
    }

    /** ACT "muted attribute value of false": no muted content attribute, and (rendered) not muted by a script. */
    static Tri isNotMuted(Element media, Page page) {
        if (media.hasAttr("muted")) {
            return Tri.NO;
        }
        return MediaFacts.of(media, page).map(f -> Tri.of(!f.muted())).orElse(page.rendered() ? Tri.UNKNOWN : Tri.YES);
    }

    /** The browser's own controls: the controls attribute on a visible element included in the accessibility tree. */
    static Tri hasVisibleNativeControls(Element media, Page page) {
        if (!media.hasAttr("controls") || !Predicates.isIncludedInAccessibilityTree(media, page)) {
            return Tri.NO;
        }
        return page.rendered() ? Predicates.isVisible(media, page) : Tri.UNKNOWN;
    }

    /**
     * Seconds of the resource that play once: the media fragment's {@code #t=start,end} range of the chosen source,
     * else the whole duration. Empty when the browser facts are missing.
     */
    static OptionalDouble playedSeconds(Element media, Page page) {
        Optional<MediaFacts> f = loaded(media, page);
        if (f.isEmpty()) {
            return OptionalDouble.empty();
        }
        double duration = f.get().duration();
        double[] range = fragment(f.get().currentSrc());
        double start = range == null ? 0 : Math.max(0, range[0]);
        double end = range == null || Double.isNaN(range[1]) ? duration : Math.min(duration, range[1]);
        return OptionalDouble.of(Math.max(0, end - start));
    }

    private static final Pattern TIME_FRAGMENT = Pattern.compile("(?:^|&)t=(?:npt:)?([0-9:.]*)(?:,([0-9:.]+))?(?:&|$)");

    /** Media Fragments URI temporal dimension (npt only): {start, end}, end NaN when open; null when none. */
    static double[] fragment(String url) {
        int hash = url.indexOf('#');
        if (hash < 0) {
            return null;
        }
        Matcher m = TIME_FRAGMENT.matcher(url.substring(hash + 1));
        if (!m.find()) {
            return null;
        }
        double start = m.group(1).isEmpty() ? 0 : npt(m.group(1));
        double end = m.group(2) == null ? Double.NaN : npt(m.group(2));
        if (Double.isNaN(start)) {
            return null;
        }
        return new double[] {start, end};
    }

    /** npt-sec or npt-hhmmss / npt-mmss; NaN when malformed. */
    private static double npt(String s) {
        try {
            String[] parts = s.split(":", -1);
            double seconds = 0;
            for (String p : parts) {
                seconds = seconds * 60 + Double.parseDouble(p);
            }
            return parts.length > 3 ? Double.NaN : seconds;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** All YES → YES; any NO → NO; otherwise UNKNOWN. */
    static Tri all(Tri... parts) {
        Tri out = Tri.YES;
        for (Tri t : parts) {
            if (t == Tri.NO) {
                return Tri.NO;
            }
            if (t == Tri.UNKNOWN) {
                out = Tri.UNKNOWN;
            }
        }
        return out;
    }

    /** Any YES → YES; all NO → NO; otherwise UNKNOWN. */
    static Tri any(Tri... parts) {
        Tri out = Tri.NO;
        for (Tri t : parts) {
            if (t == Tri.YES) {
                return Tri.YES;
            }
            if (t == Tri.UNKNOWN) {
                out = Tri.UNKNOWN;
            }
        }
        return out;
    }
}
