package org.yiyue.audit.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.yiyue.audit.core.PageFindings;
import org.yiyue.audit.report.Finding;

/**
 * Changes of context on focus (3.2.1) and input (3.2.2), tried in real headless Chromium. The failing pages follow
 * WCAG's failure techniques F36 (form submitted when the last field is filled), F37 (new window when a radio
 * button or select changes) and F52 (new window on load), plus the jump menu SCR19 warns against and navigation in
 * a focus handler (what G107 rules out); handlers are attached by script, where the static rule cannot see them.
 */
class ContextChangeCheckTest extends RecordedPageTest {

    private static final String HEAD = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>t</title></head><body>";

    @BeforeAll
    static void pages() {
        // F37 example: radio buttons that open a new window when clicked
        server.html("/f37-radio.html", HEAD + "<form><fieldset><legend>选择语言</legend>"
                + "<input type=\"radio\" name=\"lang\" id=\"zh\" checked><label for=\"zh\">中文</label>"
                + "<input type=\"radio\" name=\"lang\" id=\"en\"><label for=\"en\">English</label></fieldset></form>"
                + "<script>document.getElementById('en').addEventListener('click',function(){window.open('/en.html');});</script></body></html>");
        // F37: a select whose change opens a new window (the 友情链接 list of government sites)
        server.html("/f37-select.html", HEAD + "<label for=\"links\">友情链接</label><select id=\"links\">"
                + "<option value=\"\">请选择</option><option value=\"/a.html\">广东省人民政府</option></select>"
                + "<script>document.getElementById('links').onchange=function(){if(this.value)window.open(this.value);};</script></body></html>");
        // SCR19's counter-example: a jump menu navigating this window on change, handler in an external-style script
        server.html("/jump.html", HEAD + "<label for=\"dept\">部门网站</label><select id=\"dept\">"
                + "<option value=\"\">请选择</option><option value=\"/b.html\">市教育局</option></select>"
                + "<script>document.getElementById('dept').addEventListener('change',function(e){location.href=e.target.value;});</script></body></html>");
        server.html("/jump-notice.html", HEAD + "<p>选择后将跳转到所选部门网站。</p><label for=\"dept\">部门网站</label><select id=\"dept\">"
                + "<option value=\"\">请选择</option><option value=\"/b.html\">市教育局</option></select>"
                + "<script>document.getElementById('dept').addEventListener('change',function(e){location.href=e.target.value;});</script></body></html>");
        // F36 example: the form is submitted as soon as the last of three phone fields has four digits
        server.html("/f36.html", HEAD + "<form action=\"/done.html\" id=\"f\"><fieldset><legend>联系电话</legend>"
                + "<input id=\"p1\" aria-label=\"区号\" maxlength=\"3\"> <input id=\"p2\" aria-label=\"前四位\" maxlength=\"4\"> "
                + "<input id=\"p3\" aria-label=\"后四位\" maxlength=\"4\"></fieldset></form>"
                + "<script>document.getElementById('p3').onkeyup=function(){if(this.value.length===4)document.getElementById('f').submit();};</script></body></html>");
        // navigation when a link receives focus
        server.html("/onfocus.html", HEAD + "<a href=\"/x.html\" id=\"first\">首页</a> <a href=\"/y.html\" id=\"hot\">热点专题</a>"
                + " <a href=\"/z.html\">联系我们</a>"
                + "<script>document.getElementById('hot').addEventListener('focus',function(){location.href='/zt.html';});</script></body></html>");
        // F52: a window opened as the page loads
        server.html("/f52.html", HEAD + "<p>欢迎</p><script>window.open('/notice.html');</script></body></html>");
        // controls that change this page only: no change of context
        server.html("/fine.html", HEAD + "<label for=\"year\">年份</label><select id=\"year\"><option>2025</option><option>2024</option></select>"
                + "<ul id=\"list\"><li>2025 年报</li></ul>"
                + "<label><input type=\"checkbox\" id=\"more\"> 显示更多</label><div id=\"extra\" hidden>更多</div>"
                + "<label for=\"q\">搜索</label><input id=\"q\"> <span id=\"count\"></span>"
                + "<label for=\"sec\">栏目</label><select id=\"sec\"><option value=\"#a\">甲</option><option value=\"#b\">乙</option></select>"
                + "<form action=\"/search.html\"><label for=\"kw\">关键词</label><input id=\"kw\" name=\"kw\"><button>前往</button></form>"
                + "<h2 id=\"a\">甲</h2><h2 id=\"b\">乙</h2>"
                + "<script>document.getElementById('year').onchange=function(){document.getElementById('list').firstChild.textContent=this.value+' 年报';};"
                + "document.getElementById('more').onchange=function(){document.getElementById('extra').hidden=!this.checked;};"
                + "document.getElementById('q').oninput=function(){document.getElementById('count').textContent=this.value.length;};"
                + "document.getElementById('sec').onchange=function(){location.hash=this.value;};</script></body></html>");
        server.html("/next.html", HEAD + "<p id=\"arrived\">下一页</p></body></html>");
    }

    static Map<String, String> results(PageFindings out) {
        Map<String, String> m = new TreeMap<>();
        for (Finding f : out.findings()) {
            m.merge(f.ruleId() + " " + f.target(), f.outcome(), (a, b) -> a + "," + b);
        }
        return m;
    }

    private static PageFindings audit(String path) {
        return load(path, (d, out) -> {
            ContextChangeCheck.phase(d, ContextChangeCheck.FOCUS);
            KeyboardWalk.run(d, out, 40);
            ContextChangeCheck.phase(d, ContextChangeCheck.CHECKS);
            ContextChangeCheck.run(d, out);
        });
    }

    private static String url(WebDriver d) {
        return d.getCurrentUrl();
    }

    @Test
    void radioThatOpensAWindowFailsF37() {
        PageFindings out = audit("/f37-radio.html");
        assertEquals("failed", results(out).get("context-change-on-input #en"), results(out).toString());
        assertEquals(1, chromium.driver().getWindowHandles().size(), "the window was refused, not opened");
        assertTrue(out.findings().stream().anyMatch(f -> f.message().zh().contains("F37")));
        // the value is put back: the first radio is checked again
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) chromium.driver()).executeScript("return document.getElementById('zh').checked;"));
    }

    @Test
    void selectThatOpensAWindowFailsF37() {
        PageFindings out = audit("/f37-select.html");
        assertEquals("failed", results(out).get("context-change-on-input #links"), results(out).toString());
        assertEquals(0L, ((JavascriptExecutor) chromium.driver()).executeScript("return document.getElementById('links').selectedIndex;"));
    }

    @Test
    void jumpMenuFailsAndThePageStays() {
        PageFindings out = audit("/jump.html");
        assertEquals("failed", results(out).get("context-change-on-input #dept"), results(out).toString());
        assertTrue(url(chromium.driver()).endsWith("/jump.html"), "navigation cancelled: " + url(chromium.driver()));
    }

    @Test
    void jumpMenuWithAdvanceNoticeNeedsAPerson() {
        PageFindings out = audit("/jump-notice.html");
        assertEquals("cantTell", results(out).get("context-change-on-input #dept"), results(out).toString());
    }

    @Test
    void autoSubmitOnTheLastFieldFailsF36() {
        PageFindings out = audit("/f36.html");
        Map<String, String> r = results(out);
        assertEquals("failed", r.get("context-change-on-input #p3"), r.toString());
        assertEquals(null, r.get("context-change-on-input #p1"), r.toString());
        assertTrue(out.findings().stream().anyMatch(f -> f.message().zh().contains("F36")));
        assertEquals("", ((JavascriptExecutor) chromium.driver()).executeScript("return document.getElementById('p3').value;"));
    }

    @Test
    void navigationOnFocusFails321AndTheWalkStaysOnThePage() {
        PageFindings out = audit("/onfocus.html");
        Map<String, String> r = results(out);
        assertEquals("failed", r.get("context-change-on-focus #hot"), r.toString());
        assertTrue(url(chromium.driver()).endsWith("/onfocus.html"), url(chromium.driver()));
        assertEquals("passed", out.outcomes().get("kbd-trap"), "the walk went on over the whole page");
    }

    @Test
    void windowOnLoadFailsF52AndIsClosed() {
        PageFindings out = audit("/f52.html");
        assertEquals("failed", results(out).get("context-change-on-focus html"), results(out).toString());
        assertEquals(1, chromium.driver().getWindowHandles().size(), "the pop-up was closed");
    }

    @Test
    void changesWithinThePageAreNoChangeOfContext() {
        PageFindings out = audit("/fine.html");
        assertEquals(Map.of(), results(out));
        assertEquals("passed", out.outcomes().get(ContextChangeCheck.ON_INPUT));
        assertEquals("passed", out.outcomes().get(ContextChangeCheck.ON_FOCUS));
        assertEquals(0L, ((JavascriptExecutor) chromium.driver()).executeScript("return document.getElementById('year').selectedIndex;"),
                "the trial puts the value back");
    }

    @Test
    void anArmedGuardDoesNotStopTheAuditLoadingTheNextPage() {
        load("/jump.html", (d, out) -> ContextChangeCheck.phase(d, ContextChangeCheck.CHECKS));
        chromium.driver().get(server.url("/next.html").toString());
        assertTrue(url(chromium.driver()).endsWith("/next.html"), url(chromium.driver()));
    }
}
