package org.yiyue.audit.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yiyue.rules.engine.RuleEngine;
import org.yiyue.rules.model.Outcome;
import org.yiyue.rules.page.ElementFacts;
import org.yiyue.rules.page.Page;
import org.yiyue.testkit.Chromium;

/** Real headless Chromium (loopback only, local files): facts are measured and rules decide with them. */
class FactsCollectorTest {

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
        return load(chromium, dir, name, html);
    }

    /** Writes the page as a local file and loads it rendered (facts measured) in that browser. */
    static Page load(Chromium browser, Path folder, String name, String html) throws Exception {
        Path f = folder.resolve(name);
        Files.writeString(f, html);
        return RenderedPages.load(browser.driver(), f.toUri().toString(), java.time.Duration.ZERO);
    }

    static Map<String, String> outcomes(Page page, String rule) {
        return RuleEngine.all().run(page).stream().filter(o -> o.ruleId().equals(rule))
                .filter(o -> o instanceof Outcome.OnTarget)
                .collect(Collectors.toMap(o -> ((Outcome.OnTarget) o).target(), Outcome::kind, (a, b) -> a + "," + b));
    }

    private static final String STYLE = "<style>body{margin:0;font:16px sans-serif;background:#fff}"
            + ".low{color:#aaa}.ok{color:#222}.hidden{display:none}"
            + "header{position:fixed;top:0;left:0;right:0;height:120px;background:#036;z-index:9}"
            + "#under{position:absolute;top:30px;left:20px}.box{width:100px;height:40px;overflow:auto}"
            + "a.tiny{display:inline-block;width:10px;height:10px;font-size:8px}</style>";

    @Test
    void factsAreMeasuredAndMappedByIndex() throws Exception {
        Page page = load("facts.html", "<!doctype html><html lang=zh><head><title>t</title>" + STYLE + "</head><body>"
                + "<p id=low class=low>浅灰色文字</p><p id=ok class=ok>深色文字</p><p id=gone class=hidden>隐藏</p>"
                + "</body></html>");
        assertTrue(page.rendered());
        Element low = page.document().getElementById("low");
        ElementFacts f = page.facts().orElseThrow().of(low).orElseThrow();
        assertEquals(170, f.color().r(), 0.5);
        assertEquals(255, f.background().r(), 0.5);
        assertEquals(16.0, f.fontSizePx(), 0.01);
        assertEquals(Boolean.TRUE, f.visible());
        ElementFacts gone = page.facts().orElseThrow().of(page.document().getElementById("gone")).orElseThrow();
        assertEquals("none", gone.display());
        assertEquals(Boolean.FALSE, gone.visible());
    }

    @Test
    void contrastIsDecidedFromStylesheetColours() throws Exception {
        Page page = load("contrast.html", "<!doctype html><html lang=zh><head><title>t</title>" + STYLE + "</head><body>"
                + "<p id=low class=low>浅灰色文字</p><p id=ok class=ok>深色文字</p></body></html>");
        Map<String, String> out = outcomes(page, "text-contrast");
        assertEquals("failed", out.get("#low"), out.toString());
        assertEquals("passed", out.get("#ok"), out.toString());
    }

    @Test
    void fixedHeaderCoveringTheFocusedLinkFails() throws Exception {
        Page page = load("obscured.html", "<!doctype html><html lang=zh><head><title>t</title>" + STYLE + "</head><body>"
                + "<header><span>站点标题</span></header><a id=under href=#x>被遮挡的链接</a>"
                + "<p style='margin-top:400px'><a id=free href=#y>未遮挡的链接</a></p></body></html>");
        Map<String, String> out = outcomes(page, "focus-not-obscured");
        assertEquals("failed", out.get("#under"), out.toString());
        assertEquals("passed", out.get("#free"), out.toString());
    }

    @Test
    void scrollableRegionWithoutFocusableContentFails() throws Exception {
        Page page = load("scroll.html", "<!doctype html><html lang=zh><head><title>t</title>" + STYLE + "</head><body>"
                + "<div id=s1 class=box><p>很长的文字很长的文字很长的文字很长的文字很长的文字很长的文字很长的文字</p></div>"
                + "<div id=s2 class=box tabindex=0><p>很长的文字很长的文字很长的文字很长的文字很长的文字很长的文字很长的文字</p></div>"
                + "</body></html>");
        Map<String, String> out = outcomes(page, "scrollable-region-focusable");
        assertEquals("failed", out.get("#s1"), out.toString());
        assertEquals("passed", out.get("#s2"), out.toString());
    }

    @Test
    void smallCrowdedTargetsFailTargetSize() throws Exception {
        Page page = load("targets.html", "<!doctype html><html lang=zh><head><title>t</title>" + STYLE + "</head><body>"
                + "<div><a id=t1 class=tiny href=#1>1</a><a id=t2 class=tiny href=#2>2</a></div>"
                + "<p><button id=big style='width:44px;height:44px'>大</button></p></body></html>");
        Map<String, String> out = outcomes(page, "target-size");
        assertEquals("failed", out.get("#t1"), out.toString());
        assertEquals("passed", out.get("#big"), out.toString());
        List<Outcome> all = RuleEngine.all().run(page);
        assertTrue(all.stream().noneMatch(o -> o instanceof Outcome.CantTell c && c.message().en().startsWith("The rule failed")));
    }

    @Test
    void textOverAPositionedImageOrWithShadowIsCantTellNotFailed() throws Exception {
        Page page = load("overlap.html", "<!doctype html><html lang=zh><head><title>t</title>" + STYLE + "</head><body>"
                + "<div style='position:relative;height:100px'><div style='position:absolute;inset:0;background:#000'></div>"
                + "<p id=over style='position:relative;color:#eee;margin:0'>深色块上的浅色文字</p></div>"
                + "<p id=shadow style='color:#fff;text-shadow:0 0 3px #000'>带阴影的白字</p></body></html>");
        Map<String, String> out = outcomes(page, "text-contrast");
        assertEquals("cantTell", out.get("#over"), out.toString());
        assertEquals("cantTell", out.get("#shadow"), out.toString());
    }

    @Test
    void cssGeneratedLinkTextIsCantTellNotFailed() throws Exception {
        Page page = load("generated.html", "<!doctype html><html lang=zh><head><title>t</title>"
                + "<style>.home::before{content:'首页'}</style></head><body>"
                + "<a id=gen class=home href=/></a><a id=empty href=/x></a></body></html>");
        Map<String, String> out = outcomes(page, "link-name");
        assertEquals("cantTell", out.get("#gen"), out.toString());
        assertEquals("failed", out.get("#empty"), out.toString());
    }

    static List<String> kinds(Page page, String rule) {
        return RuleEngine.all().run(page).stream().filter(o -> o.ruleId().equals(rule)).map(Outcome::kind).toList();
    }

    @Test
    void openShadowTreesAreReadAsTheFlatTree() throws Exception {
        // ACT 09o5cg: the text of a shadow root is the host's text; a span in a shadow tree keeps its own colour
        Page failing = load("shadow-text.html", "<!doctype html><html lang=en><head><title>t</title></head><body>"
                + "<p id=p style='color:#666;background:#fff'></p><script>document.getElementById('p')"
                + ".attachShadow({mode:'open'}).textContent = 'Some text in English'</script></body></html>");
        assertEquals("failed", outcomes(failing, "text-contrast-enhanced").get("#p"));
        Page passing = load("shadow-span.html", "<!doctype html><html lang=en><head><title>t</title></head><body>"
                + "<p id=p style='color:#ccc;background:#fff'></p><script>document.getElementById('p')"
                + ".attachShadow({mode:'open'}).innerHTML = '<span style=\"color:#333\">Some text in English</span>'</script>"
                + "</body></html>");
        assertEquals(List.of("passed"), kinds(passing, "text-contrast-enhanced"));
        // slotted light children stay, unassigned ones leave the flat tree
        Page slots = load("shadow-slot.html", "<!doctype html><html lang=en><head><title>t</title></head><body>"
                + "<div id=host><span id=in slot=a>assigned</span><span id=out slot=none>unassigned</span></div><script>"
                + "document.getElementById('host').attachShadow({mode:'open'}).innerHTML = '<b><slot name=a></slot></b>'"
                + "</script></body></html>");
        Element in = slots.document().getElementById("in");
        assertEquals("slot", in.parent().normalName());
        assertEquals("b", in.parent().parent().normalName());
        assertEquals(null, slots.document().getElementById("out"));
    }

    @Test
    void idsInAShadowTreeAreOutOfReachOfThePage() throws Exception {
        // ACT ff89c9: aria-owns in the document cannot own elements of a shadow tree; a host's role is their parent
        Page owned = load("shadow-owns.html", "<!doctype html><html lang=en><head><title>t</title></head><body>"
                + "<div role=list aria-owns='item1 item2'></div><div id=host></div><script>"
                + "document.getElementById('host').attachShadow({mode:'open'}).innerHTML = "
                + "'<div id=item1 role=listitem>1</div><div id=item2 role=listitem>2</div>'</script></body></html>");
        assertEquals(List.of("failed", "failed"), kinds(owned, "aria-required-context"));
        Page hosted = load("shadow-list.html", "<!doctype html><html lang=en><head><title>t</title></head><body>"
                + "<div id=host role=list></div><script>document.getElementById('host').attachShadow({mode:'open'})"
                + ".innerHTML = '<div role=listitem>1</div> <div role=listitem>2</div>'</script></body></html>");
        assertEquals(List.of("passed", "passed"), kinds(hosted, "aria-required-context"));
    }

    @Test
    void focusThatChangesNoPixelFailsAndAChangeElsewherePasses() throws Exception {
        // ACT oj04fd: the screenshots decide where the element's own style does not change
        Page page = load("focus.html", "<!doctype html><html lang=en><head><title>t</title><style>"
                + "a{outline:none} .ring{border:2px solid transparent} .ring.on{border-color:#000}</style></head><body>"
                + "<p><a id=none href=#1>no indicator</a></p>"
                + "<p><span id=ind class=ring><a id=elsewhere href=#2 onfocus=\"ind.classList.add('on')\""
                + " onblur=\"ind.classList.remove('on')\">indicator on the parent</a></span></p></body></html>");
        Map<String, String> out = outcomes(page, "focus-visible");
        assertEquals("failed", out.get("#none"), out.toString());
        assertEquals("passed", out.get("#elsewhere"), out.toString());
    }

    @Test
    void aFocusStyleSeenInTheClipPassesWithoutViewportShots() throws Exception {
        // the link's own style changes on focus and draws a ring next to it: two small clips decide, no viewport shot
        long clips = FocusPixels.CLIP_PASSES.sum();
        long views = FocusPixels.VIEWPORT_SHOTS.sum();
        Page page = load("focus-clip.html", "<!doctype html><html lang=en><head><title>t</title><style>"
                + "a{outline:none} a:focus{outline:3px solid #c00;outline-offset:4px}</style></head><body>"
                + "<p><a id=ring href=#1>ring</a></p></body></html>");
        assertEquals("passed", outcomes(page, "focus-visible").get("#ring"));
        assertEquals(clips + 1, FocusPixels.CLIP_PASSES.sum());
        assertEquals(views, FocusPixels.VIEWPORT_SHOTS.sum());
    }

    @Test
    void aFocusStyleThatChangesPixelsOnlyOutsideTheClipStillPasses() throws Exception {
        // the link's own style changes (outline colour, but no outline is drawn), and the only changed pixels are in a
        // banner far from it: the clip shows nothing, the viewport test finds the banner
        long clips = FocusPixels.CLIP_PASSES.sum();
        long views = FocusPixels.VIEWPORT_SHOTS.sum();
        Page page = load("focus-far.html", "<!doctype html><html lang=en><head><title>t</title><style>"
                + "body{margin:0} a{outline:none} a:focus{outline-color:#c00}"
                + "#banner{position:fixed;right:0;bottom:0;width:200px;height:40px;background:#fff}"
                + "#banner.on{background:#036}</style></head><body>"
                + "<p><a id=far href=#1 onfocus=\"banner.className='on'\" onblur=\"banner.className=''\">far</a></p>"
                + "<p><a id=nothing href=#2>nothing</a></p><div id=banner></div></body></html>");
        Map<String, String> out = outcomes(page, "focus-visible");
        assertEquals("passed", out.get("#far"), out.toString());
        assertEquals("failed", out.get("#nothing"), out.toString());
        assertEquals(clips, FocusPixels.CLIP_PASSES.sum());
        assertTrue(FocusPixels.VIEWPORT_SHOTS.sum() - views >= 2, "the viewport test ran");
    }

    @Test
    void aStyleChangeThatChangesNoPixelFails() throws Exception {
        // a white outline on white: the style changes, no pixel does (neither in the clip nor in the viewport)
        Page page = load("focus-white.html", "<!doctype html><html lang=en><head><title>t</title><style>"
                + "body{background:#fff} a{outline:none} a:focus{outline:2px solid #fff}</style></head><body>"
                + "<p><a id=white href=#1>white</a></p></body></html>");
        assertEquals("failed", outcomes(page, "focus-visible").get("#white"));
    }

    @Test
    void aFocusedViewEqualToTheLastUnfocusedOneNeedsNoSecondShot() throws Exception {
        // three links without any indicator at the same scroll position: the first takes two viewport shots, each
        // next one a single shot equal to the last unfocused view; a fourth with an indicator on its parent (its own
        // style unchanged) still passes after them. The page listens for focusin (doing nothing): no link is proven
        // without screenshots (FocusProofTest), so the shots are taken
        long views = FocusPixels.VIEWPORT_SHOTS.sum();
        Page page = load("focus-same.html", "<!doctype html><html lang=en><head><title>t</title><style>"
                + "a{outline:none} .ring{border:2px solid transparent} .ring.on{border-color:#000}</style></head><body>"
                + "<p><a id=a1 href=#1>one</a> <a id=a2 href=#2>two</a> <a id=a3 href=#3>three</a></p>"
                + "<p><span id=ind class=ring><a id=a4 href=#4 onfocus=\"ind.classList.add('on')\""
                + " onblur=\"ind.classList.remove('on')\">four</a></span></p>"
                + "<script>document.addEventListener('focusin', function () {});</script></body></html>");
        Map<String, String> out = outcomes(page, "focus-visible");
        assertEquals("failed", out.get("#a1"), out.toString());
        assertEquals("failed", out.get("#a2"), out.toString());
        assertEquals("failed", out.get("#a3"), out.toString());
        assertEquals("passed", out.get("#a4"), out.toString());
        assertEquals(2 + 1 + 1 + 2, FocusPixels.VIEWPORT_SHOTS.sum() - views);
    }

    @Test
    void scrollingOnlyThePaddingIsNoScrollableRegion() throws Exception {
        // ACT 0ssw9k: the scroll distance must exceed the padding on that axis
        Page page = load("padding.html", "<!doctype html><html lang=en><head><title>t</title></head><body>"
                + "<div id=pad style='overflow:auto;height:60px;padding:0 0 30px'><div style='height:70px'>text</div></div>"
                + "<div id=far style='overflow:auto;height:60px'><div style='height:200px'>text</div></div></body></html>");
        Map<String, String> out = outcomes(page, "scrollable-region-focusable");
        assertEquals(null, out.get("#pad"), out.toString());
        assertEquals("failed", out.get("#far"), out.toString());
    }

    @Test
    void focusFactsFollowHtmlFocusableAreas() throws Exception {
        // tabIndex is 0 for every a (HTML's default) although an a without href is no focusable area, and a control
        // in a disabled fieldset is disabled although its own disabled property is false: neither is in sequential
        // focus navigation (ACT 307n5z, oj04fd, 6cfa84, 0ssw9k read that fact)
        Page page = load("focusable.html", "<!doctype html><html lang=en><head><title>t</title></head><body>"
                + "<div id=btn role=button tabindex=0>Save <a id=noref>no link</a></div>"
                + "<fieldset disabled><div id=radio role=radio aria-checked=false>x <input id=off aria-label=x></div></fieldset>"
                + "<div id=tab role=tab aria-selected=true>Tab <a id=link href=#x>link</a></div></body></html>");
        Map<String, String> out = outcomes(page, "presentational-children-no-focusable");
        assertEquals("passed", out.get("#btn"), out.toString());
        assertEquals("passed", out.get("#radio"), out.toString());
        assertEquals("failed", out.get("#tab"), out.toString());
        Map<String, String> focus = outcomes(page, "focus-visible");
        assertEquals(null, focus.get("#noref"), focus.toString());
        assertEquals(null, focus.get("#off"), focus.toString());
        assertTrue(focus.containsKey("#link"), focus.toString());
    }

    @Test
    void importantSpacingAndEditingHostsAreDecidedInTheBrowser() throws Exception {
        // ACT 9e45ec: computed word spacing over computed font size; 6cfa84: an editing host reads tabIndex -1 in
        // Chromium yet Tab reaches it, so aria-hidden content holding one fails
        Page page = load("spacing.html", "<!doctype html><html lang=en><head><title>t</title>"
                + "<style>p{font-size:20px}</style></head><body>"
                + "<p id=narrow style='word-spacing: 0.1em !important'>some words here</p>"
                + "<p id=wide style='word-spacing: 4px !important'>some words here</p>"
                + "<p id=normal style='word-spacing: 0.1em'>some words here</p>"
                + "<div id=hid aria-hidden=true><div contenteditable=true>editable</div></div></body></html>");
        Map<String, String> ws = outcomes(page, "word-spacing-important");
        assertEquals("failed", ws.get("#narrow"), ws.toString());
        assertEquals("passed", ws.get("#wide"), ws.toString());
        assertEquals(null, ws.get("#normal"), ws.toString());
        assertEquals("failed", outcomes(page, "aria-hidden-no-focusable").get("#hid"));
    }
}
