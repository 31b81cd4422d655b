package org.yiyue.audit.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yiyue.testkit.Chromium;

/**
 * The focus-pixel probes' settling (ACT oj04fd, FocusPixels): the clip shots of an element that no script can react
 * to are taken without waiting for animation frames, unless focusing scrolled or a transition runs; wherever a
 * script may react (a listener on the element, its ancestors, the document, or any other focusable element of the
 * page) the frames are waited for as before. Real headless Chromium; the counters tell which way each settling went.
 */
class FocusSettleTest {

    static Chromium chromium;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        chromium = Chromium.start();
    }

    @AfterAll
    static void stop() {
        chromium.close();
    }

    private static String page(String style, String body) {
        return "<!doctype html><html lang=en><head><title>t</title><style>body{margin:0;background:#fff;font:16px sans-serif}"
                + style + "</style></head><body>" + body + "</body></html>";
    }

    /** Counters before a load, and the differences after it. */
    private record Counts(long quick, long framed, long clips, long views) {
        static Counts now() {
            return new Counts(FocusPixels.QUICK_SETTLES.sum(), FocusPixels.FRAMED_SETTLES.sum(), FocusPixels.CLIP_PASSES.sum(),
                    FocusPixels.VIEWPORT_SHOTS.sum());
        }

        Counts since(Counts before) {
            return new Counts(quick - before.quick, framed - before.framed, clips - before.clips, views - before.views);
        }
    }

    private static Map<String, String> focus(String name, String html, Counts[] delta) throws Exception {
        Counts before = Counts.now();
        Map<String, String> out = FactsCollectorTest.outcomes(FactsCollectorTest.load(chromium, dir, name, html), "focus-visible");
        delta[0] = Counts.now().since(before);
        return out;
    }

    @Test
    void aCssOnlyFocusOutlineIsShotWithoutTheFrames() throws Exception {
        Counts[] d = new Counts[1];
        Map<String, String> out = focus("settle-css.html", page("a{outline:none} a:focus{outline:3px solid #000}",
                "<p><a id=x href=#1>x</a> <a id=y href=#2>y</a></p>"), d);
        assertEquals("passed", out.get("#x"), out.toString());
        assertEquals("passed", out.get("#y"), out.toString());
        assertEquals(2, d[0].clips(), d[0].toString());
        assertEquals(0, d[0].views(), d[0].toString());
        assertEquals(4, d[0].quick(), "focus and blur of both links without frames: " + d[0]);
        assertEquals(0, d[0].framed(), d[0].toString());
    }

    @Test
    void aTransitionIsWaitedForWithoutTheFrames() throws Exception {
        // focus changes the outline's style at once (white dashed on white: no pixel) and its colour only when the
        // transition ends (steps(1, end) keeps the start value until then): the clip shows the change only if the
        // quick settling still waits for the running transition, both on focus and on blur
        Counts[] d = new Counts[1];
        Map<String, String> out = focus("settle-transition.html", page(
                "a{outline:3px solid #fff;outline-offset:2px;transition:outline-color .4s steps(1,end)}"
                        + " a:focus{outline-style:dashed;outline-color:#000}",
                "<p><a id=x href=#1>x</a></p>"), d);
        assertEquals("passed", out.get("#x"), out.toString());
        assertEquals(1, d[0].clips(), "the clip shots saw the transition's end value: " + d[0]);
        assertEquals(0, d[0].views(), d[0].toString());
        assertEquals(2, d[0].quick(), d[0].toString());
        assertEquals(0, d[0].framed(), d[0].toString());
    }

    @Test
    void aFocusListenerOnTheElementKeepsTheFrames() throws Exception {
        // the ring is drawn by the listener in an animation frame; the link's own style change (outline-style, white
        // on white) paints nothing
        Counts[] d = new Counts[1];
        Map<String, String> out = focus("settle-raf.html", page(
                "a{outline:3px solid #fff} a:focus{outline-style:dashed} a.on{box-shadow:0 0 0 3px #000}",
                "<p><a id=x href=#1>x</a></p><script>var x = document.getElementById('x');"
                        + "x.addEventListener('focus', function () { requestAnimationFrame(function () { x.classList.add('on'); }); });"
                        + "x.addEventListener('blur', function () { requestAnimationFrame(function () { x.classList.remove('on'); }); });"
                        + "</script>"), d);
        assertEquals("passed", out.get("#x"), out.toString());
        assertEquals(0, d[0].quick(), d[0].toString());
        assertTrue(d[0].framed() >= 2, d[0].toString());
    }

    @Test
    void aDelegatedListenerOnAnAncestorKeepsTheFrames() throws Exception {
        Counts[] d = new Counts[1];
        Map<String, String> out = focus("settle-delegated.html", page(
                "a{outline:3px solid #fff} a:focus{outline-style:dashed} a.on{box-shadow:0 0 0 3px #000}",
                "<nav id=n><p><a id=x href=#1>x</a></p></nav><script>var n = document.getElementById('n');"
                        + "n.addEventListener('focusin', function (e) { setTimeout(function () { e.target.classList.add('on'); }, 0); });"
                        + "n.addEventListener('focusout', function (e) { setTimeout(function () { e.target.classList.remove('on'); }, 0); });"
                        + "</script>"), d);
        assertEquals("passed", out.get("#x"), out.toString());
        assertEquals(0, d[0].quick(), d[0].toString());
        assertTrue(d[0].framed() >= 2, d[0].toString());
    }

    @Test
    void aListenerOnAnotherFocusableElementKeepsTheFramesForTheFirstProbe() throws Exception {
        // #x and #z are unheard, but the facts script focused #y too, whose reaction may still be due when the first
        // probe (#x) focuses: it keeps the frames (its blur, unheard, does not); #y keeps them (heard); then #z may not
        Counts[] d = new Counts[1];
        Map<String, String> out = focus("settle-other.html", page(
                "a{outline:none} a:focus{outline:3px solid #000} #banner{height:20px} #banner.on{background:#036}",
                "<div id=banner></div><p><a id=x href=#1>x</a> <a id=y href=#2>y</a> <a id=z href=#3>z</a></p><script>"
                        + "var y = document.getElementById('y'), b = document.getElementById('banner');"
                        + "y.addEventListener('focus', function () { setTimeout(function () { b.classList.add('on'); }, 0); });"
                        + "y.addEventListener('blur', function () { setTimeout(function () { b.classList.remove('on'); }, 0); });"
                        + "</script>"), d);
        assertEquals("passed", out.get("#x"), out.toString());
        assertEquals("passed", out.get("#y"), out.toString());
        assertEquals("passed", out.get("#z"), out.toString());
        assertEquals(3, d[0].clips(), d[0].toString());
        assertEquals(3, d[0].framed(), "#x's focus, #y's focus and blur: " + d[0]);
        assertEquals(3, d[0].quick(), "#x's blur, #z's focus and blur: " + d[0]);
    }

    @Test
    void aTextFieldThatIsNotProbedLeavesThePageSettled() throws Exception {
        // the text field is skipped before anything is focused or blurred (its caret blinks): the link after it is
        // still the page's first probe with nothing due
        Counts[] d = new Counts[1];
        Map<String, String> out = focus("settle-text.html", page("a{outline:none} a:focus{outline:3px solid #000}",
                "<p><input id=t aria-label=t> <a id=x href=#1>x</a></p>"), d);
        assertEquals("passed", out.get("#x"), out.toString());
        assertEquals(2, d[0].quick(), d[0].toString());
        assertEquals(0, d[0].framed(), d[0].toString());
    }

    @Test
    void theViewportTestKeepsTheFramesOnFocusOnly() throws Exception {
        // a :focus-within rule keeps the proof away and changes nothing that shows: both links go to the viewport
        // test and fail; their focus keeps the frames (a "no pixel changed" decides), their blur (unheard) does not;
        // #y's focused view is #x's unfocused one, so #y needs one viewport shot
        Counts[] d = new Counts[1];
        Map<String, String> out = focus("settle-viewport.html", page("a{outline:none;color:#000} div:focus-within{color:#000}",
                "<div><p><a id=x href=#1>x</a> <a id=y href=#2>y</a></p></div>"), d);
        assertEquals("failed", out.get("#x"), out.toString());
        assertEquals("failed", out.get("#y"), out.toString());
        assertEquals(3, d[0].views(), d[0].toString());
        assertEquals(2, d[0].framed(), "both focuses: " + d[0]);
        assertEquals(2, d[0].quick(), "both blurs: " + d[0]);
    }

    @Test
    void theViewportTestOfAHeardElementKeepsTheFramesOnBlur() throws Exception {
        Counts[] d = new Counts[1];
        Map<String, String> out = focus("settle-viewport-heard.html", page("a{outline:none;color:#000} div:focus-within{color:#000}",
                "<div><p><a id=x href=#1>x</a></p></div><script>"
                        + "document.getElementById('x').addEventListener('blur', function () { });</script>"), d);
        assertEquals("failed", out.get("#x"), out.toString());
        assertEquals(2, d[0].views(), d[0].toString());
        assertEquals(2, d[0].framed(), d[0].toString());
        assertEquals(0, d[0].quick(), d[0].toString());
    }

    @Test
    void focusThatScrollsKeepsTheFrames() throws Exception {
        // the link is below the fold: focusing it scrolls the page (scroll handlers, observers and lazy images react)
        Counts[] d = new Counts[1];
        Map<String, String> out = focus("settle-scroll.html", page("a{outline:none} a:focus{outline:3px solid #000}",
                "<p><a id=top href=#0>top</a></p><div style=\"height:3000px\"></div><p><a id=x href=#1>x</a></p>"), d);
        assertEquals("passed", out.get("#top"), out.toString());
        assertEquals("passed", out.get("#x"), out.toString());
        assertEquals(2, d[0].quick(), "only #top's focus and blur: " + d[0]);
        assertEquals(2, d[0].framed(), "#x's focus scrolled: " + d[0]);
    }

    @Test
    void aScrollingAncestorThatScrollsKeepsTheFrames() throws Exception {
        // the facts script left the box scrolled to #x (it restores the window's scroll only): focusing #a scrolls
        // the box back, focusing #x scrolls it again, the window stays put
        Counts[] d = new Counts[1];
        Map<String, String> out = focus("settle-scroller.html", page("a{outline:none} a:focus{outline:3px solid #000}"
                        + " #s{height:100px;overflow:auto}",
                "<div id=s><p><a id=a href=#0>a</a></p><div style=\"height:600px\"></div><p><a id=x href=#1>x</a></p></div>"), d);
        assertEquals("passed", out.get("#a"), out.toString());
        assertEquals("passed", out.get("#x"), out.toString());
        assertEquals(0, d[0].quick(), d[0].toString());
        assertEquals(4, d[0].framed(), d[0].toString());
    }
}
