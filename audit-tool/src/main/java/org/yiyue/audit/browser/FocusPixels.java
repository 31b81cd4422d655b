package org.yiyue.audit.browser;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chromium.HasCdp;

/**
 * ACT oj04fd's own test: is there a pixel of the page
 * whose colour differs when the element is focused from when it is not? The element is focused (the browser scrolls
 * it into view), the viewport is shot, the element is blurred without scrolling, the viewport is shot again; each
 * shot waits for running transitions (a focus style may fade in). Identical PNG bytes mean identical pixels; differing
 * bytes are decoded and compared so an encoder difference never passes an element. Text entry fields are not
 * probed: their blinking caret may or may not be in a shot.
 *
 * <p>Cheaper ways to the same answers (a viewport capture costs ~135 ms of CPU, a small clip ~55 ms, a WebDriver
 * round trip ~25 ms):
 * <ul>
 * <li>focusing and settling are one script call, as are blurring and settling; captures go through DevTools with
 * Chromium's fastest PNG compression (the same pixels);</li>
 * <li>an element whose own focus style changes (likely to pass) is first shot in a small clip around its box, focused
 * and then blurred at the same scroll position: a pixel that differs there is a pixel of the viewport that differs,
 * so it passes; when the clip shows no difference the full viewport test above is run, from the start;</li>
 * <li>in the viewport test, when the focused view is byte for byte the last view taken with nothing focused at the
 * same scroll position, that pair already shows no pixel changed (the element was not focused then) and no second
 * shot is taken;</li>
 * <li>where no script can react to focus or blur ({@link #UNHEARD}) and focusing scrolls nothing, the settling skips
 * its two animation frames (a capture renders the current style; running transitions are still waited for): both
 * settlings of the clip shots (only their "changed" decides) and the blur of the viewport test (its focus keeps the
 * frames: its "no pixel changed" decides).</li>
 * </ul>
 */
final class FocusPixels {

    /** Elements probed per page at most (two screenshots each); the rest answer cantTell. */
    static final int MAX_PROBES = 10;

    /** CSS pixels around the element's box in the clip (outlines with an offset, rings on a parent, shadows). */
    static final int CLIP_MARGIN = 24;

    /**
     * {@code settle(el, quick, then)}: two frames, then until no transition (or animation on the element's tree) runs,
     * 600 ms at most; then {@code then()}. The frames give a page's script that reacts to focus or blur (a handler
     * that changes the page in a timer or an animation frame) time to paint. With {@code quick} (no script can react,
     * see {@link FocusPixels#probe}) the frames are skipped when nothing runs: CSS alone decides then, and its change
     * is in the style the next capture renders (Page.captureScreenshot forces a fresh frame of the current DOM); the
     * check for running transitions comes first (getAnimations() updates the style, which starts the transitions),
     * and when one runs, the wait is as without {@code quick}.
     */
    private static final String SETTLE = """
            function settle(el, quick, then) {
              var t0 = performance.now();
              function busy() {
                if (!document.getAnimations) { return false; }
                return document.getAnimations().some(function (a) {
                  if (a.playState !== 'running') { return false; }
                  if (typeof CSSTransition !== 'undefined' && a instanceof CSSTransition) { return true; }
                  var t = a.effect && a.effect.target;
                  return !!t && (t === el || t.contains(el) || el.contains(t));
                });
              }
              function wait() {
                requestAnimationFrame(function () { requestAnimationFrame(function () {
                  if (!busy() || performance.now() - t0 > 600) { then(); } else { setTimeout(wait, 50); }
                }); });
              }
              if (!quick) { wait(); } else if (!busy()) { then(); } else { setTimeout(wait, 50); }
            }
            function view() {
              return [window.scrollX, window.scrollY];
            }
            """;

    /**
     * Focuses the element and settles. Returns 0 when it is not probed (nothing done), null when it did not take
     * focus, else
     * {@code [scrollX, scrollY, clip, quick, quiet]}: clip is the element's box grown by the margin and cut to the
     * viewport, in document coordinates (as DevTools' clip takes them), or null when nothing of it is in view; quick
     * tells whether the settling skipped the frames, quiet whether its blur may skip them. arguments[2] says that no
     * script can react to the element's focus, arguments[3] that no reaction to an earlier focus or blur can still be
     * due. quiet needs arguments[2], an element that is no frame, plugin or media element (another document, or
     * native controls that the page's listeners do not show), and a focus that scrolled nothing and left the
     * element's box as it was (the window and every ancestor kept their scroll offsets: a scroll or a layout change
     * makes the page's scroll handlers, observers and lazy images react, which the frames are for); quick needs quiet,
     * arguments[3] and nothing focused before (its blur's reaction may still be due).
     */
    private static final String FOCUS = SETTLE + """
            var done = arguments[arguments.length - 1], margin = arguments[1];
            var el = document.__yiyueElements && document.__yiyueElements[arguments[0]];
            if (!el) { done(0); return; }
            var text = /^(input|textarea)$/.test(el.localName) && !/^(button|submit|reset|image|checkbox|radio|range|color|file|hidden)$/.test((el.type || '').toLowerCase())
              || el.isContentEditable;
            if (text) { done(0); return; }
            var was = document.activeElement;
            var fresh = !!arguments[3] && (!was || was === document.body || was === document.documentElement);
            var quiet = !!arguments[2] && !/^(iframe|frame|frameset|object|embed|video|audio|fencedframe|portal)$/.test(el.localName);
            if (was && was.blur) { was.blur(); }
            function offsets() {
              var b = el.getBoundingClientRect(), o = [window.scrollX, window.scrollY, b.left, b.top, b.width, b.height];
              for (var a = el.assignedSlot || el.parentNode || el.host; a; a = a.assignedSlot || a.parentNode || a.host) {
                if (a.nodeType === 1) { o.push(a.scrollLeft, a.scrollTop); }
              }
              return o.join(',');
            }
            var before = quiet ? offsets() : null;
            el.focus();
            if (!el.matches(':focus')) { done(null); return; }
            quiet = quiet && offsets() === before;
            var quick = quiet && fresh;
            settle(el, quick, function () {
              var r = el.getBoundingClientRect(), v = view();
              var x0 = Math.max(0, Math.floor(r.left - margin)), y0 = Math.max(0, Math.floor(r.top - margin));
              var x1 = Math.min(window.innerWidth, Math.ceil(r.right + margin)), y1 = Math.min(window.innerHeight, Math.ceil(r.bottom + margin));
              v.push(x1 - x0 >= 1 && y1 - y0 >= 1 ? [x0 + v[0], y0 + v[1], x1 - x0, y1 - y0] : null);
              v.push(quick, quiet);
              done(v);
            });""";

    /**
     * Blurs the element and settles, without the frames when arguments[1] (its focus was quiet, see {@link #FOCUS}):
     * {@code [scrollX, scrollY, nothing focused]}, or null when it kept focus.
     */
    private static final String BLUR = SETTLE + """
            var done = arguments[arguments.length - 1], el = document.__yiyueElements[arguments[0]];
            el.blur();
            if (el.matches(':focus')) { done(null); return; }
            settle(el, !!arguments[1], function () {
              var v = view(), a = document.activeElement;
              v.push(!a || a === document.body || a === document.documentElement);
              done(v);
            });""";

    /** How the probes were decided, for tests and the benchmark: by a changed pixel in the clip, by viewport shots. */
    static final java.util.concurrent.atomic.LongAdder CLIP_PASSES = new java.util.concurrent.atomic.LongAdder();
    static final java.util.concurrent.atomic.LongAdder VIEWPORT_SHOTS = new java.util.concurrent.atomic.LongAdder();
    /** Elements decided "no pixel changes" by the proof, without screenshots. */
    static final java.util.concurrent.atomic.LongAdder PROVEN = new java.util.concurrent.atomic.LongAdder();
    /** For measurement (FocusSpeedProbe): every settling keeps the frames, as before the quick settling existed. */
    static volatile boolean framesAlways;
    /** Focus and blur settlings that skipped the frames, and those that waited for them. */
    static final java.util.concurrent.atomic.LongAdder QUICK_SETTLES = new java.util.concurrent.atomic.LongAdder();
    static final java.util.concurrent.atomic.LongAdder FRAMED_SETTLES = new java.util.concurrent.atomic.LongAdder();

    /**
     * Run through DevTools with the console's getEventListeners: of the given element indices, those where no script
     * can react to focus: no focus, blur, focusin, focusout (or DOMFocusIn/Out) listener or on-handler on the window,
     * the document, the element or any node of its event path (flat tree: slots, shadow roots, hosts), and no closed
     * shadow root among its ancestors (arguments[1]: its styles and listeners cannot be read); and whether all the
     * elements of arguments[2] are such elements too ("calm": rendered-facts.js focused and blurred the focusable
     * elements, and no reaction to that can still be due). Null when the console's function is hidden by the
     * page's own.
     */
    private static final String UNHEARD = """
            (function (ids, closed, all) {
              if (!/\\[Command Line API\\]/.test(String(getEventListeners))) { return null; }
              var els = document.__yiyueElements;
              if (!els) { return null; }
              var TYPES = ['focus', 'blur', 'focusin', 'focusout', 'DOMFocusIn', 'DOMFocusOut'];
              var shut = new Set(closed.map(function (i) { return els[i]; }));
              function has(t) {
                var ls = getEventListeners(t);
                for (var k = 0; k < TYPES.length; k++) {
                  if (t['on' + TYPES[k]]) { return true; }
                  var a = ls[TYPES[k]];
                  if (a) { for (var j = 0; j < a.length; j++) { if (!(a[j].listener && a[j].listener.__yiyueOwn)) { return true; } } }
                }
                return false;
              }
              if (has(window) || has(document)) { return {ids: [], calm: false}; }
              var memo = new Map();
              function heard(n) {
                var chain = [], v = false;
                for (var q = n; q && q !== document; ) {
                  if (memo.has(q)) { v = memo.get(q); break; }
                  chain.push(q);
                  if (shut.has(q) || has(q)) { v = true; break; }
                  q = q.assignedSlot || q.parentNode || q.host || null;
                }
                chain.forEach(function (c) { memo.set(c, v); });
                return v;
              }
              var quiet = ids.filter(function (i) { var el = els[i]; return !!el && el.isConnected && !heard(el); });
              var calm = quiet.length > 0 && all.every(function (i) { return !els[i] || !heard(els[i]); });
              return {ids: quiet, calm: calm};
            })(%s, %s, %s)""";

    private FocusPixels() {
    }

    /**
     * @param candidates element indices in the order to probe
     * @param styleChanged indices whose own computed style changes on focus (they try the clip first)
     * @return element index → whether some pixel changed; indices not probed are absent
     */
    static Map<Integer, Boolean> probe(WebDriver driver, List<Integer> candidates, java.util.Set<Integer> styleChanged) {
        return probe(driver, candidates, styleChanged, List.of());
    }

    /**
     * @param styleProven candidates for which rendered-facts.js proved that focusing changes no style and starts no
     *        animation or DOM change (its row column 24); those that no script can react to either ({@link #unheard})
     *        are decided without screenshots and do not count against {@link #MAX_PROBES}
     */
    static Map<Integer, Boolean> probe(WebDriver driver, List<Integer> candidates, java.util.Set<Integer> styleChanged,
            List<Integer> styleProven) {
        return probe(driver, candidates, styleChanged, styleProven, candidates);
    }

    /**
     * @param focusable every focusable element of the page (rendered-facts.js focused and blurred them): the clip shots
     *        of an element that no script can react to skip the frames of their settling ({@link #SETTLE}); when a
     *        script can react to one of these, the first probe keeps the frames (a reaction to the facts script's
     *        focus might still be due), as does every probe after a focus that did not settle
     */
    static Map<Integer, Boolean> probe(WebDriver driver, List<Integer> candidates, java.util.Set<Integer> styleChanged,
            List<Integer> styleProven, List<Integer> focusable) {
        Map<Integer, Boolean> out = new HashMap<>();
        if (!(driver instanceof HasCdp)) {
            return out;
        }
        PageChannel page = PageChannel.of(driver); // scripts and captures over DevTools, not through chromedriver
        // which elements no script can react to, in one call for the proof and for the quick settling
        java.util.Set<Integer> silent = java.util.Set.of(); // no script can react to them
        boolean[] settled = {false}; // no reaction to an earlier focus or blur can still be due
        List<Integer> probed = framesAlways ? List.of() : candidates.subList(0, Math.min(MAX_PROBES, candidates.size()));
        if (!styleProven.isEmpty() || !probed.isEmpty()) {
            java.util.LinkedHashSet<Integer> asked = new java.util.LinkedHashSet<>(styleProven);
            asked.addAll(probed);
            Quiet q = quiet(page, List.copyOf(asked), focusable);
            silent = q.unheard();
            settled[0] = q.calm();
        }
        if (!styleProven.isEmpty()) {
            java.util.Set<Integer> proven = new java.util.HashSet<>(styleProven);
            proven.retainAll(silent);
            for (Integer i : proven) {
                out.put(i, false);
                PROVEN.increment();
            }
            if (!proven.isEmpty()) {
                candidates = candidates.stream().filter(i -> !proven.contains(i)).toList();
            }
        }
        if (candidates.isEmpty()) {
            // nothing to probe: only what ends every probe, in one call (blur, scroll back): the page as the later checks find it
            try {
                page.script("var x = window.scrollX, y = window.scrollY;"
                        + " if (document.activeElement && document.activeElement.blur) { document.activeElement.blur(); }"
                        + " window.scrollTo(x, y);");
            } catch (WebDriverException ignored) {
                // the page is gone
            }
            return out;
        }
        Object scroll = page.script("return [window.scrollX, window.scrollY];");
        Unfocused last = null; // the last view taken with nothing focused
        try {
            for (Integer i : candidates.subList(0, Math.min(MAX_PROBES, candidates.size()))) {
                if (styleChanged.contains(i)) {
                    Boolean inClip = clipChanged(page, i, silent.contains(i), settled);
                    if (inClip == null) {
                        continue; // not probed (no focus), as the viewport test would find
                    }
                    if (inClip) {
                        CLIP_PASSES.increment();
                        out.put(i, true);
                        continue;
                    }
                }
                // the viewport test: the focus keeps the frames (its "no pixel changed" decides: a change painted later
                // than the shot would be missed); the blur of an element whose focus was quiet skips them (no script
                // reacts to it and the capture renders the blurred style)
                List<?> at = focus(page, i, silent.contains(i), settled, true);
                if (at == null) {
                    continue;
                }
                String focused = shot(page, null);
                boolean asLast = last != null && last.scroll.equals(at.subList(0, 2)) && focused.equals(last.png);
                List<?> after = blur(page, i, at.size() > 4 && Boolean.TRUE.equals(at.get(4)));
                if (after == null) {
                    continue; // kept focus: not probed, as before
                }
                if (asLast) {
                    out.put(i, false); // the same pixels as the page with nothing focused at this scroll position
                    continue;
                }
                String unfocused = shot(page, null);
                last = Boolean.TRUE.equals(after.get(2)) ? new Unfocused(after.subList(0, 2), unfocused) : null;
                Boolean changed = focused.equals(unfocused) ? Boolean.FALSE : differ(decode(focused), decode(unfocused));
                if (changed != null) {
                    out.put(i, changed);
                }
            }
        } catch (WebDriverException e) {
            // a page that navigates or breaks under probing keeps the answers so far; the rest stay cantTell
        } finally {
            try {
                page.script("if (document.activeElement && document.activeElement.blur) { document.activeElement.blur(); }"
                        + " if (arguments[0]) { window.scrollTo(arguments[0][0], arguments[0][1]); }", scroll);
            } catch (WebDriverException ignored) {
                // the page is gone
            }
        }
        return out;
    }

    private record Unfocused(List<?> scroll, String png) {
    }

    /** Of the elements asked about, those no script can react to; calm: no reaction to any focusable element either. */
    record Quiet(java.util.Set<Integer> unheard, boolean calm) {
        static final Quiet NONE = new Quiet(java.util.Set.of(), false);
    }

    /**
     * Of the given elements, those no script can react to ({@link #UNHEARD}); none when that cannot be run.
     * The listeners are read first (a page listening on its window or document needs nothing more); then the closed
     * shadow hosts, and when there are some, the listeners again with those hosts as ancestors that hear everything.
     */
    static java.util.Set<Integer> unheard(PageChannel cdp, List<Integer> ids) {
        return quiet(cdp, ids, List.of()).unheard();
    }

    /** {@link #unheard}, and whether all of {@code focusable} are unheard too ({@link Quiet#calm}). */
    static Quiet quiet(PageChannel cdp, List<Integer> ids, List<Integer> focusable) {
        try {
            Quiet out = quiet(cdp, ids, List.of(), focusable);
            if (out.unheard().isEmpty()) {
                return out;
            }
            List<Integer> closed = closedHosts(cdp);
            if (closed == null) {
                return Quiet.NONE;
            }
            return closed.isEmpty() ? out : quiet(cdp, List.copyOf(out.unheard()), closed, focusable);
        } catch (WebDriverException e) {
            return Quiet.NONE;
        }
    }

    private static Quiet quiet(PageChannel cdp, List<Integer> ids, List<Integer> closed, List<Integer> focusable) {
        Map<String, Object> r = cdp.cdp("Runtime.evaluate", Map.of("expression",
                UNHEARD.formatted(ids, closed, focusable), "includeCommandLineAPI", true, "returnByValue", true));
        if (r.get("exceptionDetails") != null || !(r.get("result") instanceof Map<?, ?> result)
                || !(result.get("value") instanceof Map<?, ?> value) || !(value.get("ids") instanceof List<?> list)) {
            return Quiet.NONE;
        }
        java.util.Set<Integer> out = new java.util.HashSet<>();
        for (Object o : list) {
            if (o instanceof Number n) {
                out.add(n.intValue());
            }
        }
        return new Quiet(out, Boolean.TRUE.equals(value.get("calm")));
    }

    /**
     * The element indices of the page's closed shadow hosts (DevTools sees through them; the page cannot), or null
     * when one has no index (its tree cannot be told apart) or the DOM cannot be read. DOM.describeNode starts no
     * tracking of nodes (DOM.getDocument would, and every later change would then be sent to chromedriver); the
     * remote object of the document lives as long as the page.
     */
    private static List<Integer> closedHosts(PageChannel cdp) {
        Map<String, Object> doc = cdp.cdp("Runtime.evaluate", Map.of("expression", "document"));
        if (!(doc.get("result") instanceof Map<?, ?> res) || !(res.get("objectId") instanceof String id)) {
            return null;
        }
        Map<String, Object> d = cdp.cdp("DOM.describeNode", Map.of("objectId", id, "depth", -1, "pierce", true));
        List<Integer> out = new java.util.ArrayList<>();
        return d.get("node") instanceof Map<?, ?> node && closedHosts(node, out) ? out : null;
    }

    private static boolean closedHosts(Map<?, ?> node, List<Integer> out) {
        if (node.get("shadowRoots") instanceof List<?> roots) {
            for (Object root : roots) {
                if (root instanceof Map<?, ?> m && "closed".equals(m.get("shadowRootType"))) {
                    Integer i = index(node);
                    if (i == null) {
                        return false;
                    }
                    out.add(i);
                }
                // open roots hold no closed host we could not also find by index; user-agent roots hold none
                if (root instanceof Map<?, ?> m && !"closed".equals(m.get("shadowRootType")) && !closedHosts(m, out)) {
                    return false;
                }
            }
        }
        if (node.get("children") instanceof List<?> kids) {
            for (Object k : kids) {
                if (k instanceof Map<?, ?> m && !closedHosts(m, out)) {
                    return false;
                }
            }
        }
        return true; // frames' documents (contentDocument) are other pages: not entered
    }

    private static Integer index(Map<?, ?> node) {
        if (node.get("attributes") instanceof List<?> a) {
            for (int k = 0; k + 1 < a.size(); k += 2) {
                if ("data-yiyue-i".equals(a.get(k))) {
                    try {
                        return Integer.valueOf(String.valueOf(a.get(k + 1)));
                    } catch (NumberFormatException e) {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    /**
     * Focused and blurred shots of the clip around the element: true when a pixel there differs (at the same scroll
     * position both times), false when none does or it cannot tell (the viewport test decides), null when the
     * element is not probed or does not take focus. Only a "true" decides, so the settling may skip the frames
     * ({@code unheard}: no script can react to the element's focus; {@link #FOCUS} grants it or not): a change the
     * page would paint later than the shot can only make it "false", and the viewport test then runs as before.
     */
    private static Boolean clipChanged(PageChannel page, int i, boolean unheard, boolean[] settled) {
        List<?> at = focus(page, i, unheard, settled, false);
        if (at == null) {
            return null;
        }
        if (!(at.get(2) instanceof List<?> clip)) {
            return false;
        }
        String focused = shot(page, clip);
        List<?> after = blur(page, i, at.size() > 4 && Boolean.TRUE.equals(at.get(4)));
        if (after == null || !after.subList(0, 2).equals(at.subList(0, 2))) {
            return false;
        }
        String unfocused = shot(page, clip);
        return !focused.equals(unfocused) && Boolean.TRUE.equals(differ(decode(focused), decode(unfocused)));
    }

    /**
     * {@link #FOCUS} (with {@code frames}, never quick), null when the element is not probed; {@code settled[0]} is true after it when it settled (quick
     * or with the frames), false when it returned without settling after a blur or focus (the element would not take
     * focus: a script may have reacted), unchanged when it did nothing (a text field).
     */
    private static List<?> focus(PageChannel js, int i, boolean unheard, boolean[] settled, boolean frames) {
        Object r = js.asyncScript(FOCUS, i, CLIP_MARGIN, unheard, settled[0] && !frames);
        if (r instanceof Number) {
            return null;
        }
        List<?> at = r instanceof List<?> l ? l : null;
        settled[0] = at != null;
        if (at != null) {
            (at.size() > 3 && Boolean.TRUE.equals(at.get(3)) ? QUICK_SETTLES : FRAMED_SETTLES).increment();
        }
        return at;
    }

    private static List<?> blur(PageChannel js, int i, boolean quick) {
        List<?> after = js.asyncScript(BLUR, i, quick) instanceof List<?> l ? l : null;
        if (after != null) {
            (quick ? QUICK_SETTLES : FRAMED_SETTLES).increment();
        }
        return after;
    }

    /** The viewport, or a clip of it in document coordinates, as PNG (base64) with Chromium's fastest compression. */
    static String shot(PageChannel cdp, List<?> clip) {
        Map<String, Object> params = new HashMap<>(Map.of("format", "png", "optimizeForSpeed", true));
        if (clip == null) {
            VIEWPORT_SHOTS.increment();
        } else {
            params.put("clip", Map.of("x", clip.get(0), "y", clip.get(1), "width", clip.get(2), "height", clip.get(3), "scale", 1));
        }
        return String.valueOf(cdp.cdp("Page.captureScreenshot", params).get("data"));
    }

    private static byte[] decode(String base64) {
        return java.util.Base64.getDecoder().decode(base64);
    }

    /** True when some pixel differs, false when none does, null when the shots cannot be compared. */
    static Boolean differ(byte[] a, byte[] b) {
        if (Arrays.equals(a, b)) {
            return false;
        }
        try {
            BufferedImage x = ImageIO.read(new ByteArrayInputStream(a));
            BufferedImage y = ImageIO.read(new ByteArrayInputStream(b));
            if (x == null || y == null) {
                return null;
            }
            if (x.getWidth() != y.getWidth() || x.getHeight() != y.getHeight()) {
                return null;
            }
            int w = x.getWidth();
            int[] rowX = new int[w];
            int[] rowY = new int[w];
            for (int row = 0; row < x.getHeight(); row++) {
                x.getRGB(0, row, w, 1, rowX, 0, w);
                y.getRGB(0, row, w, 1, rowY, 0, w);
                if (!Arrays.equals(rowX, rowY)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return null;
        }
    }
}
