package org.yiyue.audit.browser;

import java.util.List;
import java.util.Map;

import org.openqa.selenium.WebDriver;
import org.yiyue.audit.core.PageFindings;
import org.yiyue.rules.model.Text;

/**
 * WCAG 2.2.2 (pause, stop, hide) for content that scripts move or update on their own: carousels, floating ads,
 * tickers, clocks. {@link PageRecorder} credits every DOM change made inside a timer callback to that timer's chain;
 * a chain that started without user input, is still scheduled, and changed the same visible region in two or more
 * callbacks is moving or auto-updating content. It fails unless a pause/stop/close/hide control is there (then a
 * person verifies it: cantTell), or the page stopped it from a focus/hover/input handler during the audit, or
 * hover/focus handlers around it may pause it (cantTell).
 *
 * <p>Waits only when a short timer (≤ {@value #SHORT_MS} ms) has not fired twice yet, and never beyond
 * {@value #HORIZON_MS} ms after the navigation started.
 */
public final class MovingContentCheck {

    public static final String RULE = "auto-moving-content";
    static final long SHORT_MS = 5_000;
    static final long HORIZON_MS = 10_500;
    /** A chain of one-off timeouts or frames must keep changing the page this long (motion-collect.js agrees). */
    static final long SPAN_MS = 1_000;
    private static final long MARGIN_MS = 300;

    /** How long the check made the page wait, and how long it took in all. */
    public record Cost(long waitedMs, long tookMs) {
    }

    private MovingContentCheck() {
    }

    public static Cost run(WebDriver driver, PageFindings out) {
        long start = System.nanoTime();
        Watch w = watch(driver);
        long wait = 0;
        // a timer that fires a second time may then show it keeps going: look again, up to the horizon
        for (long more; (more = w.nextLookIn()) > 0; ) {
            sleep(more);
            wait += more;
            w.look();
        }
        w.report(out);
        return new Cost(wait, (System.nanoTime() - start) / 1_000_000);
    }

    /** Starts the check: its first look at the page (what the page recorder saw since the load). */
    public static Watch watch(WebDriver driver) {
        return new Watch(driver);
    }

    /**
     * The check in steps, for an audit that does other work while the page's timers run ({@link #run} is
     * {@code watch}, then {@link #look} after each {@link #nextLookIn}, then {@link #report}). The page must stay in
     * the driver's current window for each look. A look made later than asked only sees more of the page's timers.
     */
    public static final class Watch implements PageWatch {
        private final WebDriver driver;
        private Map<String, Object> seen;
        private long seenAt;
        private int looks;

        private Watch(WebDriver driver) {
            this.driver = driver;
            seen = collect(driver);
            seenAt = System.nanoTime();
        }

        /** Milliseconds until the next look is due (0: none is; at most four more looks after the first). */
        @Override
        public long nextLookIn() {
            if (looks >= 4) {
                return 0;
            }
            long needed = waitNeeded(seen);
            if (needed <= 0) {
                return 0;
            }
            return Math.max(1, needed - (System.nanoTime() - seenAt) / 1_000_000);
        }

        /** As {@link #nextLookIn}: every look may be the last. */
        @Override
        public long doneIn() {
            return nextLookIn();
        }

        @Override
        public void look() {
            seen = collect(driver);
            seenAt = System.nanoTime();
            looks++;
        }

        @Override
        public void report(PageFindings out) {
            MovingContentCheck.report(seen, out);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> collect(WebDriver driver) {
        Object raw = PageChannel.of(driver).script(Scripts.get("motion-collect.js"));
        if (!(raw instanceof Map<?, ?> m)) {
            throw new IllegalStateException("page recorder missing (PageRecorder.install was not called before the page loaded)");
        }
        return (Map<String, Object>) m;
    }

    /** Time until every short automatic timer that has not fired twice should have, within the horizon. */
    @SuppressWarnings("unchecked")
    static long waitNeeded(Map<String, Object> seen) {
        double now = num(seen.get("now"));
        double until = now;
        for (Map<String, Object> c : (List<Map<String, Object>>) seen.get("chains")) {
            double every = Math.max(16, num(c.get("minDelay")));
            if (!Boolean.TRUE.equals(c.get("auto")) || !Boolean.TRUE.equals(c.get("active")) || every > SHORT_MS
                    || Boolean.TRUE.equals(c.get("paused"))) {
                continue;
            }
            if (num(c.get("fires")) < 2) {
                until = Math.max(until, num(c.get("started")) + 2 * every + MARGIN_MS);
            } else if (!Boolean.TRUE.equals(c.get("interval")) && num(c.get("changed")) >= 2 && num(c.get("span")) < SPAN_MS) {
                // timeouts or frames that change things: do they keep going, or was it a one-off effect?
                until = Math.max(until, num(c.get("firstChange")) + SPAN_MS + MARGIN_MS);
            }
        }
        return (long) Math.max(0, Math.min(until, HORIZON_MS) - now);
    }

    @SuppressWarnings("unchecked")
    private static void report(Map<String, Object> seen, PageFindings out) {
        List<Map<String, Object>> moving = (List<Map<String, Object>>) seen.get("moving");
        if (moving.isEmpty()) {
            out.outcome(RULE, "inapplicable");
            return;
        }
        for (Map<String, Object> m : moving) {
            String sel = String.valueOf(m.get("selector"));
            String html = PageFindings.snippet(String.valueOf(m.get("html")));
            boolean floating = Boolean.TRUE.equals(m.get("floating"));
            List<String> miit = floating ? List.of("W-O4") : List.of();
            String times = String.valueOf(((Number) m.get("times")).longValue());
            String every = String.valueOf(((Number) m.get("every")).longValue());
            String what = floating ? "浮动内容在页面上自动移动" : "内容自动切换或更新";
            String whatEn = floating ? "Floating content moves across the page by itself" : "Content changes or updates by itself";
            String seenZh = what + "（观察到 " + times + " 次，定时器间隔 " + every + " 毫秒）";
            String seenEn = whatEn + " (seen " + times + " times, timer every " + every + " ms)";
            Object near = m.get("pauseSelector");
            // a way to stop it may exist: an evaluator must confirm it (cantTell), else the content fails 2.2.2
            Text doubt = switch (String.valueOf(m.get("pause"))) {
                case "control" -> Text.of(seenZh + "；附近有暂停/停止/关闭类控件 " + near + "，请确认它能暂停、停止或隐藏该内容",
                        seenEn + "; a pause/stop/close control is near (" + near + "): check that it pauses, stops or hides the content");
                case "paused" -> Text.of(seenZh + "；在 " + near + " 事件时页面停止了它，请确认键盘和鼠标用户都能暂停、停止或隐藏它",
                        seenEn + "; the page stopped it on a " + near + " event: check that keyboard and mouse users can pause, stop or hide it");
                case "hover" -> Text.of(seenZh + "；没有暂停按钮，但 " + near + " 有悬停/焦点处理，可能在悬停或聚焦时暂停，请人工确认",
                        seenEn + "; no pause control, but " + near + " handles hover/focus and may pause then: check by hand");
                default -> null;
            };
            if (doubt != null) {
                out.cantTell(KeyboardWalk.ENGINE, RULE, List.of("2.2.2"), miit, "moderate", sel, html, doubt, fix());
            } else {
                out.failed(KeyboardWalk.ENGINE, RULE, List.of("2.2.2"), miit, "serious", sel, html,
                        Text.of(what + "（页面加载后无需操作即开始，观察到 " + times + " 次变化，定时器间隔 " + every
                                        + " 毫秒），没有暂停、停止或隐藏的方法",
                                whatEn + " (starts without user action, changed " + times + " times, timer every " + every
                                        + " ms) and there is no way to pause, stop or hide it"),
                        fix());
            }
        }
    }

    private static Text fix() {
        return Text.of("提供可用键盘操作的“暂停/播放”按钮（或关闭按钮），并在获得焦点或鼠标悬停时暂停；浮动广告应只在加载时出现且可永久关闭",
                "Offer a keyboard-operable pause/play (or close) button and pause on focus and hover; floating promotions should appear only at load and close for good");
    }

    private static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
