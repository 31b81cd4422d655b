package org.yiyue.audit.browser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.interactions.Actions;
import org.yiyue.audit.core.PageFindings;
import org.yiyue.rules.model.Text;

/**
 * Walks the page with the Tab key in Chromium, as a keyboard user would, and checks what happened:
 * <ul>
 * <li>kbd-unreachable (2.1.1): a visible element in the tab order never got focus in a full cycle;</li>
 * <li>kbd-focus-removed (2.1.1, 2.4.7; failure F55): script took focus away as it arrived;</li>
 * <li>kbd-trap (2.1.2): Tab stopped moving focus, or focus cycled within a part of the page;</li>
 * <li>kbd-focus-visible (2.4.7): nothing about the element or its parent looked different when focused;</li>
 * <li>kbd-focus-obscured (2.4.11): author content with position fixed/sticky covered the whole focused element.</li>
 * </ul>
 * Must run on a freshly loaded page (focus still on the document).
 * <p>
 * Cost: every Tab is a real key press, but not every Tab is a round trip. Between tab stops where the page does not
 * listen for focus, blur, key or scroll events (keyboard-hazards.js) the Tabs go back to back in one call, as nothing
 * the page runs can react to them later; onto and off a stop where it does listen, and out of and back into the page,
 * each Tab is a round trip of its own with the page's time to react, as every Tab was before. A focus style that
 * fades in by a CSS transition is judged by the value the transition ends at, read when focus arrives (not by a timer
 * that raced the next Tab). {@link TabOrder} only plans the runs; every result comes from the focus log.
 */
public final class KeyboardWalk {

    public static final String ENGINE = "yiyue-browser";
    /** Tabs without any focus change before the walk calls it stuck (a trap where focus stays put). */
    private static final int IDLE_TABS = 12;
    /** Most Tabs sent one round trip each before the log is read again. */
    private static final int READ_EVERY = 6;

    private static final String PREPARE = "var list = (function () { " + Scripts.get("keyboard-prepare.js")
            + " }).apply(null, arguments); return {candidates: list, pointerOnly: window.__yiyuePointerOnly || []};";

    /** Returns once the timers the page set for now have run (timers of equal delay run in the order they were set). */
    private static final String SETTLE = "return new Promise(function (done) { setTimeout(function () { done(true); }, 0); });";
    private static final String HAZARDS = Scripts.get("keyboard-hazards.js").substring("return ".length());

    private KeyboardWalk() {
    }

    @SuppressWarnings("unchecked")
    public static void run(WebDriver driver, PageFindings out, int maxSteps) {
        PageChannel js = PageChannel.of(driver);
        // one call: mark the tab stops and collect the pointer-only controls
        Map<String, Object> prepared = (Map<String, Object>) js.script(PREPARE);
        List<Map<String, Object>> candidates = (List<Map<String, Object>>) prepared.get("candidates");
        pointerOnly((List<Map<String, Object>>) prepared.get("pointerOnly"), out);
        if (candidates == null || candidates.isEmpty()) {
            for (String r : List.of("kbd-unreachable", "kbd-trap", "kbd-focus-visible", "kbd-focus-obscured", "kbd-focus-removed")) {
                out.outcome(r, "inapplicable");
            }
            return;
        }
        TabOrder order = new TabOrder(candidates, hazards(driver, candidates.size()));
        int limit = Math.min(maxSteps, candidates.size() * 2 + 12);
        List<Map<String, Object>> log = new ArrayList<>();
        boolean completed = false;
        boolean trapped = false;
        String trapSelector = null;
        String trapHtml = "";
        int idleTabs = 0;
        int firstK = Integer.MIN_VALUE;
        boolean leftSinceFirst = false;
        int step = 0;
        int sinceRead = 0;
        while (step < limit && !completed && !trapped) {
            Map<String, Object> last = log.isEmpty() ? null : log.get(log.size() - 1);
            TabOrder.Run run = order.next(last, leftSinceFirst ? firstK : Integer.MIN_VALUE);
            if (run.batch() > 0) {
                int tabs = Math.min(limit - step, run.batch());
                press(driver, tabs);
                step += tabs;
                sinceRead += tabs;
            }
            // where the page may react (or focus just left it), each Tab is a round trip of its own, and goes only
            // after the page's timers already due (a focus handler's setTimeout 0) have run
            for (int i = 0; i < run.singles() && step < limit; i++) {
                if (sinceRead > 0) {
                    js.script(SETTLE);
                }
                press(driver, 1);
                step++;
                sinceRead++;
            }
            List<Map<String, Object>> fresh = (List<Map<String, Object>>) js.script(run.singles() > 0
                    ? "var n = arguments[0]; return new Promise(function (done) { setTimeout(function () { done(window.__yiyueFocusLog.slice(n)); }, 0); });"
                    : "return window.__yiyueFocusLog.slice(arguments[0]);", log.size());
            int pressed = sinceRead;
            sinceRead = 0;
            if (fresh.isEmpty()) {
                idleTabs += pressed;
                if (idleTabs >= IDLE_TABS) {
                    Map<String, Object> active = (Map<String, Object>) js.script(
                            "var a=document.activeElement; if(!a||a===document.body) return null;"
                                    + "return {selector: window.__yiyuePath(a), html: a.outerHTML.slice(0,200)};");
                    if (active != null) {
                        trapped = true;
                        trapSelector = String.valueOf(active.get("selector"));
                        trapHtml = String.valueOf(active.get("html"));
                    }
                    break;
                }
                continue;
            }
            idleTabs = 0;
            for (Map<String, Object> e : fresh) {
                log.add(e);
                int k = num(e.get("k"));
                if (Boolean.TRUE.equals(e.get("leave"))) {
                    if (firstK != Integer.MIN_VALUE) {
                        leftSinceFirst = true;
                    }
                    continue;
                }
                if (firstK == Integer.MIN_VALUE) {
                    firstK = k;
                } else if (k == firstK && k >= 0) {
                    if (leftSinceFirst) {
                        completed = true;
                    } else if (distinct(log) < reachableCount(candidates)) {
                        trapped = true;
                        trapSelector = String.valueOf(e.get("selector"));
                        trapHtml = String.valueOf(e.get("html"));
                    } else {
                        completed = true; // the page keeps focus cycling over all of it: no trap
                    }
                    break;
                }
            }
        }
        judge(candidates, log, completed, trapped, trapSelector, trapHtml, out);
    }

    /** Real Tab presses ({@link #tab}). */
    private static void press(WebDriver driver, int tabs) {
        tab(driver, tabs, false);
    }

    /**
     * Tab (or Shift+Tab) pressed {@code count} times: the DevTools key events chromedriver 156 sends for the WebDriver
     * actions {@code sendKeys(TAB…)} and {@code keyDown(SHIFT) sendKeys(TAB…) keyUp(SHIFT)} (read from its verbose
     * log), sent on the channel's session of the window: trusted keydown/keyup events with key and code "Tab",
     * keyCode 9, text "\t", focus moving as the browser moves it (into frames and shadow trees). One Tab (the walk's
     * step onto or off a stop where the page reacts) is a round trip per event, as chromedriver sends it; the events
     * of several Tabs go back to back ({@link PageChannel#cdpInOrder}) and are then awaited, the renderer handling
     * each before the next, where chromedriver waits for each event's answer (and for pending navigations) before
     * sending the next. Measured on the 40 replica pages, 1 worker, one run each at the same load (6-12): keyboard
     * walk 217 -> 94 ms per page, 101 -> 90 CPU-ms, every page's results the same (benchmark digests, 40 of 40);
     * a run through chromedriver cost ~115-135 ms per action sequence there. A driver without DevTools gets the
     * WebDriver actions.
     */
    static void tab(WebDriver driver, int count, boolean shift) {
        if (!(driver instanceof HasCdp)) {
            CharSequence[] keys = new CharSequence[count];
            Arrays.fill(keys, Keys.TAB);
            Actions a = new Actions(driver);
            (shift ? a.keyDown(Keys.SHIFT).sendKeys(keys).keyUp(Keys.SHIFT) : a.sendKeys(keys)).perform();
            return;
        }
        List<Map<String, Object>> events = new ArrayList<>(2 * count + 2);
        if (shift) {
            events.add(SHIFT_DOWN);
        }
        for (int i = 0; i < count; i++) {
            events.add(shift ? SHIFT_TAB_DOWN : TAB_DOWN);
            events.add(shift ? SHIFT_TAB_UP : TAB_UP);
        }
        if (shift) {
            events.add(SHIFT_UP);
        }
        PageChannel page = PageChannel.of(driver);
        if (count > 1) {
            page.cdpInOrder("Input.dispatchKeyEvent", events);
        } else {
            for (Map<String, Object> e : events) {
                page.cdp("Input.dispatchKeyEvent", e);
            }
        }
    }

    /** Input.dispatchKeyEvent's parameters for a key (chromedriver's, field for field). */
    private static Map<String, Object> key(String type, String key, String code, int keyCode, String text, int modifiers, Integer location) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("key", key);
        if (location != null) {
            m.put("location", location);
        }
        m.put("modifiers", modifiers);
        m.put("text", text);
        m.put("type", type);
        m.put("unmodifiedText", text);
        m.put("windowsVirtualKeyCode", keyCode);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** DevTools' modifier bit for Shift. */
    private static final int SHIFT = 8;
    private static final Map<String, Object> TAB_DOWN = key("keyDown", "Tab", "Tab", 9, "\t", 0, null);
    private static final Map<String, Object> TAB_UP = key("keyUp", "Tab", "Tab", 9, "\t", 0, null);
    private static final Map<String, Object> SHIFT_TAB_DOWN = key("keyDown", "Tab", "Tab", 9, "\t", SHIFT, null);
    private static final Map<String, Object> SHIFT_TAB_UP = key("keyUp", "Tab", "Tab", 9, "\t", SHIFT, null);
    private static final Map<String, Object> SHIFT_DOWN = key("keyDown", "Shift", "ShiftLeft", 16, "", SHIFT, 1);
    private static final Map<String, Object> SHIFT_UP = key("keyUp", "Shift", "ShiftLeft", 16, "", 0, 1);

    /**
     * The tab stops where the page may react to focus or keys (keyboard-hazards.js, through DevTools because it needs
     * the console's getEventListeners); all of them when that cannot be run.
     */
    private static Set<Integer> hazards(WebDriver driver, int count) {
        Set<Integer> all = new HashSet<>();
        for (int k = 0; k < count; k++) {
            all.add(k);
        }
        if (!(driver instanceof HasCdp)) {
            return all;
        }
        try {
            Map<String, Object> r = PageChannel.of(driver).cdp("Runtime.evaluate", Map.of("expression", HAZARDS,
                    "includeCommandLineAPI", true, "returnByValue", true));
            if (r.get("exceptionDetails") != null || !(r.get("result") instanceof Map<?, ?> result)
                    || !(result.get("value") instanceof List<?> ks)) {
                return all;
            }
            Set<Integer> hz = new HashSet<>();
            for (Object k : ks) {
                hz.add(num(k));
            }
            return hz;
        } catch (RuntimeException e) {
            return all;
        }
    }

    /**
     * The tab order the candidates predict (positive tabindex first, then document order) and how many Tabs can go
     * in one action sequence from where focus is: only over predicted stops where the page does not react to focus
     * or keys, never past the end of the document (focus leaving the page and coming back is stepped one Tab per
     * round trip, as batching across it lost focus events) and not past the first stop once focus came round again.
     * Anything unknown (no focus yet, focus outside the candidates, just left the document) is one Tab. A wrong
     * prediction costs nothing but a shorter run: the log, not the prediction, decides every result.
     */
    static final class TabOrder {
        private final Map<Integer, Integer> position = new HashMap<>();
        private final boolean[] hazardAt;

        TabOrder(List<Map<String, Object>> candidates, Set<Integer> hazards) {
            List<Map<String, Object>> sorted = new ArrayList<>(candidates);
            sorted.sort(Comparator.comparingInt((Map<String, Object> c) -> {
                int ti = num(c.get("ti"));
                return ti > 0 ? ti : Integer.MAX_VALUE;
            }).thenComparingInt(c -> num(c.get("k"))));
            hazardAt = new boolean[sorted.size()];
            for (int i = 0; i < sorted.size(); i++) {
                int k = num(sorted.get(i).get("k"));
                position.put(k, i);
                hazardAt[i] = hazards.contains(k) || Boolean.TRUE.equals(sorted.get(i).get("sh"));
            }
        }

        /** Tabs for one action sequence (0: none), then Tabs one round trip each, before the log is read. */
        record Run(int batch, int singles) {
        }

        /**
         * @param last   the last log entry (null: none yet)
         * @param stopAt the first stop's k once focus has left the document since (MIN_VALUE: not yet)
         */
        Run next(Map<String, Object> last, int stopAt) {
            if (last == null || Boolean.TRUE.equals(last.get("leave"))) {
                return new Run(0, 1);
            }
            Integer from = position.get(num(last.get("k")));
            if (from == null) {
                return new Run(0, 1);
            }
            Integer first = stopAt == Integer.MIN_VALUE ? null : position.get(stopAt);
            int n = hazardAt.length;
            if (hazardAt[from]) {
                // off this stop and over the stops after it where the page reacts too, one round trip each
                int singles = 1;
                for (int i = from + 1; i < n && hazardAt[i] && singles < READ_EVERY && !(first != null && i == first); i++) {
                    singles++;
                }
                return new Run(0, singles);
            }
            int run = 0;
            for (int i = from + 1; i < n && !hazardAt[i]; i++) {
                run++;
                if (first != null && i == first) {
                    return new Run(run, 0); // round again: stop on the first stop
                }
            }
            // up to and onto a stop where the page reacts, then off it alone; or to the last stop and out of the
            // page, then back in alone
            return new Run(run + 1, 1);
        }
    }

    /** F54: click handlers on elements the keyboard cannot reach; hover-only handlers need a person's judgement. */
    private static void pointerOnly(List<Map<String, Object>> found, PageFindings out) {
        boolean any = false;
        for (Map<String, Object> e : found) {
            String sel = String.valueOf(e.get("selector"));
            String html = PageFindings.snippet(String.valueOf(e.get("html")));
            if (Boolean.TRUE.equals(e.get("click"))) {
                any = true;
                out.failed(ENGINE, "kbd-pointer-only", List.of("2.1.1"), List.of("W-O1"), "serious", sel, html,
                        Text.of("元素只响应鼠标点击（onclick 等），既不能获得焦点，也没有键盘处理，键盘用户无法操作（失败技术 F54）",
                                "The element reacts to mouse clicks only (onclick …): it cannot take focus and has no key handler (failure F54)"),
                        Text.of("改用 <button> 或 <a href>；确需自定义时加 tabindex=\"0\"、合适的 role 和 Enter/空格键处理",
                                "Use <button> or <a href>; if custom, add tabindex=\"0\", a role and Enter/Space handling"));
            } else {
                out.cantTell(ENGINE, "kbd-pointer-only", List.of("2.1.1"), List.of("W-O1"), "moderate", sel, html,
                        Text.of("元素有仅鼠标悬停的处理（onmouseover 等）且不能获得焦点；请判断悬停显示的内容或功能键盘能否获得",
                                "The element has hover-only handlers (onmouseover …) and cannot take focus; check whether what hover reveals is keyboard-available"),
                        Text.of("为悬停功能提供获得焦点时的等效方式（onfocus 或改用按钮）", "Offer the same on focus (onfocus, or a button)"));
            }
        }
        if (!any && found.isEmpty()) {
            out.outcome("kbd-pointer-only", "passed");
        }
    }

    private static int reachableCount(List<Map<String, Object>> candidates) {
        return candidates.size();
    }

    private static int distinct(List<Map<String, Object>> log) {
        Set<Integer> ks = new HashSet<>();
        for (Map<String, Object> e : log) {
            if (!Boolean.TRUE.equals(e.get("leave"))) {
                ks.add(num(e.get("k")));
            }
        }
        return ks.size();
    }

    private static void judge(List<Map<String, Object>> candidates, List<Map<String, Object>> log, boolean completed,
                              boolean trapped, String trapSelector, String trapHtml, PageFindings out) {
        Map<Integer, Map<String, Object>> firstVisit = new LinkedHashMap<>();
        for (Map<String, Object> e : log) {
            if (!Boolean.TRUE.equals(e.get("leave"))) {
                firstVisit.putIfAbsent(num(e.get("k")), e);
            }
        }
        // focus visible, removed, obscured
        for (Map<String, Object> e : firstVisit.values()) {
            String sel = String.valueOf(e.get("selector"));
            String html = PageFindings.snippet(String.valueOf(e.get("html")));
            if (Boolean.FALSE.equals(e.get("kept"))) {
                out.failed(ENGINE, "kbd-focus-removed", List.of("2.1.1", "2.4.7"), List.of("W-O1", "W-P5"), "serious", sel, html,
                        Text.of("元素获得焦点后立即被脚本移走焦点（如 onfocus=\"blur()\"），键盘用户无法停留和操作",
                                "Script removes focus as soon as the element receives it (e.g. onfocus=\"blur()\"); keyboard users cannot use it"),
                        Text.of("删除获得焦点时调用 blur() 的脚本", "Remove scripts that call blur() on focus"));
                continue;
            }
            if (Boolean.TRUE.equals(e.get("changed"))) {
                out.outcome("kbd-focus-visible", "passed");
            } else {
                out.failed(ENGINE, "kbd-focus-visible", List.of("2.4.7"), List.of("W-P5"), "serious", sel, html,
                        Text.of("用 Tab 键聚焦时，元素及其父元素的外观没有任何变化（无可见焦点指示）",
                                "When focused with Tab, nothing about the element or its parent changes (no visible focus indicator)"),
                        Text.of("不要用 outline:none 去掉焦点样式；为 :focus-visible 提供至少 2px、对比度 3:1 的轮廓",
                                "Do not remove the outline; give :focus-visible an outline of at least 2 px with 3:1 contrast"));
            }
            String obscured = String.valueOf(e.get("obscured"));
            if ("full".equals(obscured)) {
                out.failed(ENGINE, "kbd-focus-obscured", List.of("2.4.11"), List.of(), "serious", sel, html,
                        Text.of("获得焦点的元素被固定定位（fixed/sticky）的内容完全遮挡",
                                "The focused element is entirely hidden by fixed or sticky author content"),
                        Text.of("为固定栏预留空间，例如 html { scroll-padding-top: 栏高 }",
                                "Reserve room for fixed bars, e.g. html { scroll-padding-top: <bar height> }"));
            } else if ("none".equals(obscured) || "partial".equals(obscured)) {
                out.outcome("kbd-focus-obscured", "passed");
            }
        }
        if (trapped) {
            out.failed(ENGINE, "kbd-trap", List.of("2.1.2"), List.of("W-O1"), "critical", trapSelector, PageFindings.snippet(trapHtml),
                    Text.of("键盘陷阱：按 Tab 键后焦点无法移出此处", "Keyboard trap: Tab cannot move focus away from here"),
                    Text.of("不要拦截 Tab 键；对话框关闭后把焦点还给页面", "Do not swallow Tab; return focus to the page when a dialog closes"));
        } else if (completed) {
            out.outcome("kbd-trap", "passed");
        } else {
            out.outcome("kbd-trap", "cantTell");
        }
        // reachability: only after one full cycle, and never for radios (one per group is in the tab order)
        Set<String> radioGroupsReached = new HashSet<>();
        for (Map<String, Object> c : candidates) {
            if (firstVisit.containsKey(num(c.get("k"))) && "radio".equals(c.get("type"))) {
                radioGroupsReached.add(String.valueOf(c.get("name")));
            }
        }
        boolean anyUnreached = false;
        for (Map<String, Object> c : candidates) {
            int k = num(c.get("k"));
            if (firstVisit.containsKey(k) || "radio".equals(c.get("type")) || "iframe".equals(c.get("tag"))) {
                continue;
            }
            anyUnreached = true;
            String sel = String.valueOf(c.get("selector"));
            String html = PageFindings.snippet(String.valueOf(c.get("html")));
            if (completed && !trapped) {
                out.failed(ENGINE, "kbd-unreachable", List.of("2.1.1"), List.of("W-O1"), "serious", sel, html,
                        Text.of("按 Tab 键走完整个页面，此可聚焦元素始终没有获得焦点", "A full Tab cycle never reached this focusable element"),
                        Text.of("让元素可以用键盘到达：不要在获得焦点时移走焦点，不要用负 tabindex 隐藏可操作元素",
                                "Make it reachable: do not move focus away on focus; do not hide operable elements with negative tabindex"));
            } else {
                out.cantTell(ENGINE, "kbd-unreachable", List.of("2.1.1"), List.of("W-O1"), "serious", sel, html,
                        Text.of("键盘遍历未完成，无法判断此元素能否获得焦点", "The keyboard walk did not complete; cannot tell whether this element is reachable"),
                        Text.of("请人工用 Tab 键检查", "Check with the Tab key by hand"));
            }
        }
        if (!anyUnreached) {
            out.outcome("kbd-unreachable", completed ? "passed" : "cantTell");
        }
    }

    static int num(Object o) {
        return o instanceof Number n ? n.intValue() : -1;
    }
}
