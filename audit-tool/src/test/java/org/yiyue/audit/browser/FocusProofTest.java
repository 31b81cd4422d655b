package org.yiyue.audit.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yiyue.audit.crawl.TestServer;
import org.yiyue.rules.page.Page;
import org.yiyue.testkit.Chromium;

/**
 * ACT oj04fd decided without screenshots (rendered-facts.js proves that focusing changes no style anywhere, FocusPixels
 * that no script listens): real headless Chromium. The first group shows the proof deciding plain
 * {@code a:focus{outline:none}} links with no viewport shot; every other test is a page where focusing a link leaves
 * the link's own computed style as it was yet changes pixels elsewhere, so a proof that is too eager would fail it
 * (the screenshots must run and find the change).
 */
class FocusProofTest {

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

    static Page load(String name, String html) throws Exception {
        return FactsCollectorTest.load(chromium, dir, name, html);
    }

    static Map<String, String> focus(Page page) {
        return FactsCollectorTest.outcomes(page, "focus-visible");
    }

    private static String page(String style, String body) {
        return "<!doctype html><html lang=en><head><title>t</title><style>body{margin:0;background:#fff}" + style
                + "</style></head><body>" + body + "</body></html>";
    }

    /** Loads the page; asserts the link #x passes through the screenshots (not the proof) and #plain fails. */
    private static void screenshotsFindTheChange(String name, String style, String body) throws Exception {
        long proven = FocusPixels.PROVEN.sum();
        long views = FocusPixels.VIEWPORT_SHOTS.sum();
        Map<String, String> out = focus(load(name, page(style, body)));
        assertEquals("passed", out.get("#x"), out.toString());
        assertEquals(proven, FocusPixels.PROVEN.sum(), "nothing on this page may be proven: " + out);
        assertTrue(FocusPixels.VIEWPORT_SHOTS.sum() - views >= 2, "the viewport test ran");
    }

    @Test
    void linksWithoutAnyFocusIndicatorAreDecidedWithoutViewportShots() throws Exception {
        // fifteen links with outline:none, more than the screenshot budget: all failed, none shot
        StringBuilder links = new StringBuilder("<p>");
        for (int i = 0; i < 15; i++) {
            links.append("<a id=l").append(i).append(" href=#").append(i).append(">link ").append(i).append("</a> ");
        }
        long proven = FocusPixels.PROVEN.sum();
        long views = FocusPixels.VIEWPORT_SHOTS.sum();
        Map<String, String> out = focus(load("proof-plain.html", page("a{color:#036} a:focus{outline:none}"
                + " a:hover{color:#c00} @media screen { nav a:focus:not(.x) { outline: 0 } }", links + "</p>")));
        for (int i = 0; i < 15; i++) {
            assertEquals("failed", out.get("#l" + i), out.toString());
        }
        assertEquals(15, FocusPixels.PROVEN.sum() - proven);
        assertEquals(0, FocusPixels.VIEWPORT_SHOTS.sum() - views);
    }

    @Test
    void aProvenLinkLeavesTheScreenshotBudgetToTheOthers() throws Exception {
        // one link without indicator (proven) beside one whose indicator is on its parent through a listener (shot)
        long proven = FocusPixels.PROVEN.sum();
        Map<String, String> out = focus(load("proof-mixed.html", page("a{outline:none} .ring{border:2px solid transparent}"
                + " .ring.on{border-color:#000}", "<p><a id=none href=#1>none</a></p><p><span id=ind class=ring>"
                + "<a id=x href=#2>x</a></span></p><script>var x = document.getElementById('x');"
                + "x.addEventListener('focus', function () { ind.classList.add('on'); });"
                + "x.addEventListener('blur', function () { ind.classList.remove('on'); });</script>")));
        assertEquals("failed", out.get("#none"), out.toString());
        assertEquals("passed", out.get("#x"), out.toString());
        assertEquals(1, FocusPixels.PROVEN.sum() - proven);
    }

    @Test
    void focusWithinOnAParentIsLeftToTheScreenshots() throws Exception {
        screenshotsFindTheChange("proof-within.html", "a{outline:none} p{border:2px solid #fff} p:focus-within{border-color:#000}",
                "<p><a id=x href=#1>x</a></p>");
    }

    @Test
    void aSiblingStyledThroughTheFocusedLinkIsLeftToTheScreenshots() throws Exception {
        screenshotsFindTheChange("proof-sibling.html", "a{outline:none} span{color:#fff} a:focus + span{color:#000}",
                "<p><a id=x href=#1>x</a><span>now you see me</span></p>");
    }

    @Test
    void hasFocusIsLeftToTheScreenshots() throws Exception {
        screenshotsFindTheChange("proof-has.html", "a{outline:none} div{height:30px} div:has(a:focus){background:#036}",
                "<div><a id=x href=#1>x</a></div>");
    }

    @Test
    void aNestedRuleStylingADescendantOfTheFocusedLinkIsLeftToTheScreenshots() throws Exception {
        screenshotsFindTheChange("proof-nested.html", "a{outline:none} a:focus { & b { background:#036; color:#fff } }",
                "<p><a id=x href=#1><b>x</b></a></p>");
    }

    @Test
    void anAncestorClassOnFocusThroughADocumentListenerIsLeftToTheScreenshots() throws Exception {
        screenshotsFindTheChange("proof-delegated.html", "a{outline:none} #banner{height:30px} .kbd #banner{background:#036}",
                "<div id=banner></div><p><a id=x href=#1>x</a></p><script>"
                        + "document.addEventListener('focusin', function () { document.body.className = 'kbd'; });"
                        + "document.addEventListener('focusout', function () { document.body.className = ''; });</script>");
    }

    @Test
    void aListenerThatDrawsOnACanvasIsLeftToTheScreenshots() throws Exception {
        // no DOM change at all, only pixels: the listener itself must keep the proof away
        screenshotsFindTheChange("proof-canvas.html", "a{outline:none}",
                "<canvas id=c width=40 height=20></canvas><p><a id=x href=#1>x</a></p><script>"
                        + "var g = document.getElementById('c').getContext('2d');"
                        + "document.getElementById('x').addEventListener('focus', function () { g.fillRect(0, 0, 40, 20); });"
                        + "document.getElementById('x').addEventListener('blur', function () { g.clearRect(0, 0, 40, 20); });</script>");
    }

    @Test
    void anAfterThatAppearsOnFocusIsLeftToTheScreenshots() throws Exception {
        screenshotsFindTheChange("proof-after.html", "a{outline:none} a:focus::after{content:' <'}",
                "<p><a id=x href=#1>x</a></p>");
    }

    @Test
    void aTransitionIsLeftToTheScreenshots() throws Exception {
        // right after focus the computed colour is still the old one: only the running transition shows the change
        screenshotsFindTheChange("proof-transition.html", "a{outline:none;color:#036;transition:color .2s} a:focus{color:#c00}",
                "<p><a id=x href=#1>x</a></p>");
    }

    @Test
    void aCustomPropertyInheritedByAChildIsLeftToTheScreenshots() throws Exception {
        // none of the nine focus-style properties of the link changes, only a custom property its child paints with
        screenshotsFindTheChange("proof-custom.html", "a{outline:none;--ring:#fff} a:focus{--ring:#000} b{border:2px solid var(--ring)}",
                "<p><a id=x href=#1><b>x</b></a></p>");
    }

    @Test
    void aClosedShadowRootAroundTheLinkIsLeftToTheScreenshots() throws Exception {
        // its :host(:focus-within) rule cannot be read by the page: only DevTools knows the root is there
        screenshotsFindTheChange("proof-closed.html", "a{outline:none}",
                "<x-card id=card><a id=x href=#1>x</a></x-card><script>"
                        + "var r = document.getElementById('card').attachShadow({mode: 'closed'});"
                        + "r.innerHTML = '<style>:host{display:block;border:2px solid #fff} :host(:focus-within){border-color:#000}</style><slot></slot>';"
                        + "</script>");
    }

    @Test
    void anUnreadableStyleSheetIsLeftToTheScreenshots() throws Exception {
        // a sheet from another origin (another loopback port): its rules cannot be read, so nothing is proven
        try (TestServer css = new TestServer(); TestServer site = new TestServer()) {
            css.bytes("/s.css", "text/css", "p{border:2px solid #fff} p:focus-within{border-color:#000}".getBytes(StandardCharsets.UTF_8));
            site.html("/p.html", page("a{outline:none}", "<p><a id=x href=#1>x</a></p>")
                    .replace("</head>", "<link rel=stylesheet href=\"" + css.url("/s.css") + "\"></head>"));
            long proven = FocusPixels.PROVEN.sum();
            Map<String, String> out = focus(RenderedPages.load(chromium.driver(), site.url("/p.html").toString(), java.time.Duration.ZERO));
            assertEquals("passed", out.get("#x"), out.toString());
            assertEquals(proven, FocusPixels.PROVEN.sum());
        }
    }

    @Test
    void aNativeButtonIsLeftToTheScreenshots() throws Exception {
        long proven = FocusPixels.PROVEN.sum();
        long views = FocusPixels.VIEWPORT_SHOTS.sum();
        Map<String, String> out = focus(load("proof-button.html", page("button:focus{outline:none}",
                "<p><button id=b>button</button></p>")));
        assertTrue(out.containsKey("#b"), out.toString());
        assertEquals(proven, FocusPixels.PROVEN.sum());
        assertTrue(FocusPixels.VIEWPORT_SHOTS.sum() - views >= 1, "the viewport test ran");
    }
}
