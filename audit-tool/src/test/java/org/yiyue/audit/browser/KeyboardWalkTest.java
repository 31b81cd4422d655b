package org.yiyue.audit.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yiyue.audit.core.PageFindings;
import org.yiyue.audit.report.Finding;

/**
 * The keyboard walk's results must not depend on how fast the Tabs come (they go several to one action sequence
 * where the page cannot react): a focus style that only fades in by a CSS transition, and focus handlers whose
 * effect comes a moment later (a timer), attached to the element or delegated to the document. Real headless
 * Chromium, pages on 127.0.0.1.
 */
class KeyboardWalkTest extends RecordedPageTest {

    private static final String HEAD = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>t</title>";

    private static String links(int n, String prefix) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            b.append("<p><a id=\"").append(prefix).append(i).append("\" href=\"/x").append(i).append(".html\">链接 ").append(i).append("</a></p>");
        }
        return b.toString();
    }

    @BeforeAll
    static void pages() {
        // focus shown only by a background colour that fades in after a short delay (transition-delay 0.1 s, then
        // 0.3 s): visible, though nothing has changed yet at the moment focus arrives; the last link shows nothing
        server.html("/fade.html", HEAD + "<style>a{outline:none;transition:background-color .3s .1s}"
                + "a:focus{background-color:#ffd400}a#plain,a#plain:focus{transition:none;background-color:transparent}</style></head><body>"
                + links(8, "f") + "<p><a id=\"plain\" href=\"/p.html\">无焦点样式</a></p></body></html>");
        // a focus handler (attached by script) that takes focus away a moment later (F55 with a timer)
        server.html("/late-blur.html", HEAD + "</head><body>" + links(4, "a")
                + "<p><a id=\"gone\" href=\"/g.html\">移走焦点</a></p>" + links(4, "b")
                + "<script>document.getElementById('gone').addEventListener('focus',function(){var t=this;"
                + "setTimeout(function(){t.blur();},0);});</script></body></html>");
        // a focus handler delegated to the document that moves focus on a moment later, past the next link: that
        // link is never reached with Tab
        server.html("/late-move.html", HEAD + "</head><body>" + links(4, "a")
                + "<p><a id=\"jump\" href=\"/j.html\">跳转</a></p><p><a id=\"skipped\" href=\"/s.html\">被跳过</a></p>"
                + "<p><a id=\"landing\" href=\"/l.html\">落点</a></p>" + links(3, "b")
                + "<script>document.addEventListener('focusin',function(e){if(e.target.id==='jump')"
                + "setTimeout(function(){document.getElementById('landing').focus();},0);});</script></body></html>");
    }

    private static Map<String, String> results(PageFindings out) {
        Map<String, String> m = new TreeMap<>();
        for (Finding f : out.findings()) {
            m.merge(f.ruleId() + " " + f.target(), f.outcome(), (a, b) -> a + "," + b);
        }
        return m;
    }

    private static PageFindings walk(String path) {
        return load(path, (d, out) -> KeyboardWalk.run(d, out, 300));
    }

    @Test
    void focusStyleThatFadesInIsVisible() {
        PageFindings out = walk("/fade.html");
        Map<String, String> r = results(out);
        for (int i = 1; i <= 8; i++) {
            assertNull(r.get("kbd-focus-visible #f" + i), "#f" + i + " fades in a background on focus: " + r);
        }
        assertEquals("failed", r.get("kbd-focus-visible #plain"), r.toString());
        assertEquals("passed", out.outcomes().get("kbd-trap"), out.outcomes().toString());
        assertEquals("passed", out.outcomes().get("kbd-unreachable"), out.outcomes().toString());
    }

    @Test
    void focusTakenAwayByATimerIsFocusRemoved() {
        PageFindings out = walk("/late-blur.html");
        Map<String, String> r = results(out);
        assertEquals("failed", r.get("kbd-focus-removed #gone"), r.toString());
        assertEquals(1, r.keySet().stream().filter(k -> k.startsWith("kbd-focus-removed")).count(), r.toString());
        assertEquals("passed", out.outcomes().get("kbd-unreachable"), out.outcomes().toString());
    }

    @Test
    void focusMovedOnByADelegatedTimerSkipsALink() {
        PageFindings out = walk("/late-move.html");
        Map<String, String> r = results(out);
        assertEquals("failed", r.get("kbd-unreachable #skipped"), r.toString());
        assertEquals(1, r.keySet().stream().filter(k -> k.startsWith("kbd-unreachable")).count(), r.toString());
        assertEquals("passed", out.outcomes().get("kbd-trap"), out.outcomes().toString());
    }
}
