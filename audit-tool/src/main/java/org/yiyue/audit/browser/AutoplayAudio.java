package org.yiyue.audit.browser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.WebDriver;
import org.yiyue.audit.core.PageFindings;
import org.yiyue.rules.model.Text;

/**
 * WCAG 1.4.2 Audio Control, as ACT 80f0bf composes it from aaa1bf and 4c31df, measured in the audit browser (which
 * lets media autoplay without a gesture, with the sound muted at the output). An audio or video element with
 * autoplay that really plays, is not muted, has audio (Chromium decoded audio bytes, and where the media is
 * same-origin a level above silence) and lasts more than 3 s (or loops):
 * <ul>
 * <li>passes when its audible playing stopped within 3 s (aaa1bf), or it has a visible control mechanism: its own
 *     controls, or a named page control the audit clicked and saw pause or mute it (4c31df);</li>
 * <li>is cantTell when a control named for pausing or muting exists but could not be verified, or the track seemed
 *     silent;</li>
 * <li>fails otherwise, once it has played audibly for more than 3 s.</li>
 * </ul>
 */
public final class AutoplayAudio {

    public static final String RULE = "media-autoplay-audio";
    public static final String ACT = "https://www.w3.org/WAI/standards-guidelines/act/rules/80f0bf/";
    static final double LIMIT_SECONDS = 3.0;
    /** Below this peak (about -60 dBFS) a track counts as silent. */
    static final double SILENCE = 0.001;
    private static final long WATCH_MS = 5000;
    private static final List<String> SC = List.of("1.4.2");

    /** One element's state as media-watch.js reads it. */
    record MediaState(int index, String selector, String html, String tag, boolean paused, boolean muted, double volume,
                      boolean loop, double duration, double currentTime, double audible, long decoded, int error,
                      int networkState, int readyState, boolean controls, boolean visible, boolean sameOrigin) {

        static MediaState of(Map<String, Object> m) {
            return new MediaState(num(m.get("index")).intValue(), String.valueOf(m.get("selector")), String.valueOf(m.get("html")),
                    String.valueOf(m.get("tag")), bool(m.get("paused")), bool(m.get("muted")), num(m.get("volume")).doubleValue(),
                    bool(m.get("loop")), num(m.get("duration")).doubleValue(), num(m.get("currentTime")).doubleValue(),
                    num(m.get("audible")).doubleValue(), num(m.get("decoded")).longValue(), num(m.get("error")).intValue(),
                    num(m.get("networkState")).intValue(), num(m.get("readyState")).intValue(), bool(m.get("controls")),
                    bool(m.get("visible")), bool(m.get("sameOrigin")));
        }

        boolean soundOff() {
            return muted || volume <= 0;
        }

        boolean started() {
            return audible > 0 || currentTime > 0 || !paused;
        }

        /** Still playing with the sound on: more audible time may come. */
        boolean playingAudibly() {
            return !paused && !soundOff();
        }

        /** Longer than the 3 s of the SC: a known duration over 3 s, a stream (reported as 1e9), or a loop. */
        boolean longerThanLimit() {
            return loop || duration > LIMIT_SECONDS || duration < 0;
        }

        /** Chromium counts decoded audio bytes: none after half a second of playing means there is no audio track. */
        boolean noAudioTrack() {
            return decoded == 0 && readyState >= 2 && currentTime > 0.5;
        }
    }

    private AutoplayAudio() {
    }

    /** One element's outcome: inapplicable, passed, cantTell or failed (the last two with a message). */
    record Verdict(String selector, String html, String outcome, Text message) {
    }

    public static void run(WebDriver driver, PageFindings out) {
        Watch w = watch(driver);
        for (long more; (more = w.nextLookIn()) > 0; ) {
            sleep(more);
            w.look();
        }
        w.report(out);
    }

    private static void report(List<Verdict> verdicts, PageFindings out) {
        Text fix = Text.of("不要自动播放声音；确需播放时加 controls 属性或在页面开头提供可见的“暂停/静音”按钮，或只播放 3 秒以内",
                "Do not autoplay sound; otherwise add the controls attribute or a visible pause/mute button near the top, or play no more than 3 s");
        out.outcome(RULE, "inapplicable");
        for (Verdict v : verdicts) {
            switch (v.outcome()) {
                case "failed" -> out.failed(KeyboardWalk.ENGINE, RULE, SC, List.of(), "serious", v.selector(), v.html(), v.message(), fix);
                case "cantTell" -> out.cantTell(KeyboardWalk.ENGINE, RULE, SC, List.of(), "moderate", v.selector(), v.html(), v.message(), fix);
                default -> out.outcome(RULE, v.outcome());
            }
        }
    }

    /**
     * Starts the check: finds the autoplay media and, for those playing with sound, starts reading their level (0.8 s,
     * in the page: the audit may do other work, or audit another page, meanwhile).
     */
    public static Watch watch(WebDriver driver) {
        return new Watch(driver);
    }

    /**
     * The check in steps ({@link #run} is {@code watch}, then {@link #look} after each {@link #nextLookIn}, then
     * {@link #report}), for an audit that does other work while the media plays. The page must stay in the driver's
     * current window for each look and must not be reloaded.
     */
    public static final class Watch implements PageWatch {
        private final PageChannel js;
        private List<MediaState> media;
        private Map<String, Object> peaks = Map.of();
        private boolean levelRead;
        /** The level reading runs in the page until this time (System.currentTimeMillis), 0 when none runs. */
        private long levelDue;
        private long levelGiveUp;
        private long deadline;

        private Watch(WebDriver driver) {
            js = PageChannel.of(driver);
            media = watch(js);
            if (media.isEmpty()) {
                return;
            }
            // the level of same-origin media that is playing with sound, read once (0.8 s, while time is watched)
            List<Long> tap = media.stream().filter(m -> m.playingAudibly() && m.sameOrigin() && m.decoded() != 0)
                    .map(m -> (long) m.index()).toList();
            long now = System.currentTimeMillis();
            long level = 0;
            if (!tap.isEmpty()) {
                js.script(Scripts.get("media-level.js"), tap); // returns at once: the result is taken later
                level = LEVEL_MS;
                levelDue = now + LEVEL_MS;
                levelGiveUp = levelDue + LEVEL_GRACE_MS;
            }
            // watch until each element has played audibly for more than 3 s, stopped, or the watch is over (which
            // starts after the level reading, as when the reading was waited for)
            deadline = now + level + WATCH_MS;
        }

        /** Whether the level reading started and its result is not in yet. */
        private boolean levelPending() {
            return levelDue != 0;
        }

        /** Takes the level reading's result when the page has it; gives up on it when it is long overdue. */
        @SuppressWarnings("unchecked")
        private void takeLevel() {
            if (!levelPending() || System.currentTimeMillis() < levelDue) {
                return;
            }
            Object r = js.script(LEVEL_TAKE);
            if (r instanceof Map<?, ?> level) {
                peaks = level.get("peaks") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
                levelRead = Boolean.TRUE.equals(level.get("running"));
                levelDue = 0;
            } else if (System.currentTimeMillis() > levelGiveUp) {
                levelDue = 0; // no reading: as a context that did not run
            }
        }

        /** 250 ms while an element is undecided and the watch is not over, else 0. */
        @Override
        public long nextLookIn() {
            if (levelPending()) {
                // until it is due, then every 50 ms until its result is in (not a DevTools round trip per millisecond)
                long left = levelDue - System.currentTimeMillis();
                return left > 0 ? Math.min(POLL_MS, left) : LEVEL_LATE_POLL_MS;
            }
            return !media.isEmpty() && System.currentTimeMillis() < deadline && media.stream().anyMatch(AutoplayAudio::undecided)
                    ? POLL_MS : 0;
        }

        /**
         * Until each undecided element playing with sound has played 3 s (plus a margin for the page's time updates,
         * every 250 ms), within the watch; an element not yet started may start any time (one poll).
         */
        @Override
        public long doneIn() {
            if (nextLookIn() == 0) {
                return 0;
            }
            long left = deadline - System.currentTimeMillis();
            long ms = levelPending() ? Math.max(POLL_MS, levelDue - System.currentTimeMillis()) : POLL_MS;
            for (MediaState m : media) {
                if (undecided(m) && m.started()) {
                    ms = Math.max(ms, (long) Math.ceil((LIMIT_SECONDS - m.audible()) * 1000) + POLL_MS + 50);
                }
            }
            return Math.max(1, Math.min(ms, left));
        }

        @Override
        public void look() {
            takeLevel();
            media = watch(js);
        }

        @Override
        public void report(PageFindings out) {
            AutoplayAudio.report(verdicts(), out);
        }

        List<Verdict> verdicts() {
            List<Verdict> out = new ArrayList<>();
            for (MediaState m : media) {
                Object peak = levelRead ? peaks.get(String.valueOf(m.index())) : null;
                out.add(judge(js, m, peak instanceof Number n ? n.doubleValue() : null));
            }
            return out;
        }
    }

    private static final long POLL_MS = 250;
    /** How long media-level.js listens. */
    private static final long LEVEL_MS = 800;
    /** How much longer its result may take to arrive (a busy page) before the check goes on without it. */
    private static final long LEVEL_GRACE_MS = 2000;
    /** How often a late level reading is looked for. */
    private static final long LEVEL_LATE_POLL_MS = 50;

    /** The level reading's result, taken once (null while it runs). */
    private static final String LEVEL_TAKE = "var r = window.__yiyueLevel; if (r) { delete window.__yiyueLevel; } return r || null;";

    /** Watches the page's autoplay media and decides each element. The page must not have been reloaded since it loaded (played time counts from the load). */
    static List<Verdict> assess(WebDriver driver) {
        Watch w = watch(driver);
        for (long more; (more = w.nextLookIn()) > 0; ) {
            sleep(more);
            w.look();
        }
        return w.verdicts();
    }

    private static boolean undecided(MediaState m) {
        if (m.error() != 0 || m.networkState() == 3) {
            return false; // the media cannot load: nothing will play
        }
        if (!m.started()) {
            return true; // may still be loading
        }
        return m.longerThanLimit() && m.playingAudibly() && !m.noAudioTrack() && m.audible() <= LIMIT_SECONDS;
    }

    private static Verdict judge(PageChannel js, MediaState m, Double peak) {
        String html = PageFindings.snippet(m.html());
        if (!m.started()) {
            if (m.error() != 0 || m.networkState() == 3) {
                return new Verdict(m.selector(), html, "inapplicable", null); // no media resource: no sound
            }
            return new Verdict(m.selector(), html, "cantTell",
                    Text.of("带 autoplay 的媒体在 " + WATCH_MS / 1000 + " 秒内没有开始播放（可能仍在加载），无法判断是否自动播放声音；请人工打开页面听",
                            "The autoplay media did not start within " + WATCH_MS / 1000 + " s (perhaps still loading); cannot tell whether it plays sound: listen by hand"));
        }
        if ((m.soundOff() && m.audible() <= LIMIT_SECONDS) || !m.longerThanLimit() || m.noAudioTrack()) {
            // muted, 3 s or shorter, or no audio track: the SC does not ask for a control
            return new Verdict(m.selector(), html, "inapplicable", null);
        }
        if (peak != null && peak < SILENCE) {
            return new Verdict(m.selector(), html, "cantTell",
                    Text.of("媒体自动播放且有音轨，但开始约 1 秒内听不到声音（电平低于 -60 dBFS）；请人工判断是否会自动播放超过 3 秒的声音",
                            "The media autoplays with an audio track, but its first second or so is silent (below -60 dBFS); check by ear whether more than 3 s of sound plays"));
        }
        if (m.audible() <= LIMIT_SECONDS) {
            if (!m.playingAudibly()) {
                return new Verdict(m.selector(), html, "passed", null); // aaa1bf: the sound stopped within 3 s
            }
            return new Verdict(m.selector(), html, "cantTell",
                    Text.of(String.format("媒体自动播放声音，观察期内只播放了 %.1f 秒，无法确认是否超过 3 秒", m.audible()),
                            String.format("The media autoplays sound but played only %.1f s while watched; cannot confirm it exceeds 3 s", m.audible())));
        }
        // aaa1bf failed: more than 3 s of sound. 4c31df: is there a visible control mechanism?
        if (m.controls() && m.visible()) {
            return new Verdict(m.selector(), html, "passed", null);
        }
        List<Map<String, Object>> candidates = controlCandidates(js);
        for (Map<String, Object> c : candidates) {
            if (Boolean.TRUE.equals(c.get("safe")) && stopsSound(js, m.index(), num(c.get("index")).intValue())) {
                return new Verdict(m.selector(), html, "passed", null);
            }
        }
        String playing = String.format("%s 元素自动播放声音已超过 %.0f 秒%s，没有 controls 属性", m.tag(), Math.floor(m.audible()),
                m.loop() ? "（循环播放）" : "");
        String playingEn = String.format("The %s element autoplays sound for more than %.0f s%s, without the controls attribute",
                m.tag(), Math.floor(m.audible()), m.loop() ? " (looping)" : "");
        if (!candidates.isEmpty()) {
            List<String> names = new ArrayList<>();
            candidates.forEach(c -> names.add("“" + c.get("name") + "”"));
            return new Verdict(m.selector(), html, "cantTell",
                    Text.of(playing + "；页面上有名为 " + String.join("、", names) + " 的控件，但未能确认它能暂停或静音此媒体",
                            playingEn + "; the page has controls named " + String.join(", ", names)
                                    + " but the audit could not confirm they pause or mute it"));
        }
        return new Verdict(m.selector(), html, "failed",
                Text.of(playing + "，页面上也没有暂停、停止或静音的控件（WCAG 1.4.2）",
                        playingEn + " and there is no pause, stop or mute control on the page (WCAG 1.4.2)"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> controlCandidates(PageChannel js) {
        Object r = js.script(Scripts.get("media-controls.js"));
        return r instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    /** How long a clicked control may take to pause or mute the media. */
    static final long CONTROL_MS = 400;

    /**
     * Clicks a candidate control and reports whether the media then is paused, muted or at volume 0 — as soon as it
     * is, or after {@value #CONTROL_MS} ms (polled from here: no fixed sleep, and no timer of ours in the page, where
     * the page recorder would count it).
     */
    private static boolean stopsSound(PageChannel js, int media, int control) {
        js.script("var c = document.querySelector('[data-yiyue-ctl=\"' + arguments[0] + '\"]'); if (c) c.click();", control);
        long deadline = System.nanoTime() + CONTROL_MS * 1_000_000;
        while (true) {
            boolean last = System.nanoTime() >= deadline;
            Object off = js.script("var m = document.querySelector('[data-yiyue-media=\"' + arguments[0] + '\"]');"
                    + "return !!m && (m.paused || m.muted || m.volume === 0);", media);
            if (Boolean.TRUE.equals(off) || last) {
                return Boolean.TRUE.equals(off);
            }
            sleep(Math.min(50, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<MediaState> watch(PageChannel js) {
        Object r = js.script(Scripts.get("media-watch.js"));
        List<MediaState> out = new ArrayList<>();
        if (r instanceof List<?> l) {
            for (Object o : l) {
                out.add(MediaState.of(new LinkedHashMap<>((Map<String, Object>) o)));
            }
        }
        return out;
    }

    private static Number num(Object o) {
        return o instanceof Number n ? n : 0;
    }

    private static boolean bool(Object o) {
        return Boolean.TRUE.equals(o);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
