package org.yiyue.audit.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yiyue.audit.core.PageFindings;
import org.yiyue.audit.report.Finding;

/** Script-attached click handlers the keyboard cannot use (2.1.1, 4.1.2, 2.5.8), in real headless Chromium. */
class ScriptedClickCheckTest extends RecordedPageTest {

    private static final String HEAD = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>t</title>"
            + "<style>body{margin:0;font:16px sans-serif}.x{cursor:pointer}"
            + "#pop{position:absolute;left:20px;top:20px;width:240px;border:1px solid #333}"
            + "#pop .close{position:absolute;right:2px;top:0;width:14px;height:14px;line-height:14px;cursor:pointer;background:#999}"
            + "#far{position:absolute;left:600px;top:500px;width:14px;height:14px;cursor:pointer;background:#999}"
            + "#backdrop{position:fixed;left:0;top:0;right:0;bottom:0;cursor:pointer}</style></head><body>";

    /** A picture in an inline link: the link's own box is one line high, the picture makes it a 240×62 target. */
    private static final String AD = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='240' height='62'%3E%3Crect width='240' height='62' fill='%23c00'/%3E%3C/svg%3E";

    @BeforeAll
    static void pages() {
        // the replica pattern: a close span whose onclick is set by script, 14×14, right on the ad's link
        server.html("/pop.html", HEAD + "<div id=\"pop\"><a href=\"/ad\"><img src=\"" + AD + "\" width=\"240\" height=\"62\" alt=\"广告\"></a><span class=\"close\">×</span></div>"
                + "<script>var p=document.getElementById('pop');p.querySelector('.close').onclick=function(){p.remove();};</script></body></html>");
        server.html("/listeners.html", HEAD
                + "<div id=\"menu\" class=\"x\" style=\"width:200px;height:30px\">办事指南</div>"
                + "<span id=\"rb\" class=\"x\" role=\"button\" aria-label=\"收藏\" style=\"display:inline-block;width:30px;height:30px\"></span>"
                + "<div id=\"plain\" style=\"width:200px;height:30px\">统计点击</div>"
                + "<span id=\"far\"></span>"
                + "<script>function on(id){document.getElementById(id).addEventListener('click',function(){});}"
                + "on('menu');on('rb');on('plain');document.getElementById('far').addEventListener('mousedown',function(){});</script></body></html>");
        server.html("/fine.html", HEAD
                + "<div id=\"ok\" class=\"x\" role=\"button\" tabindex=\"0\" style=\"width:100px;height:30px\">确定</div>"
                + "<ul id=\"list\"><li id=\"li\" class=\"x\"><a href=\"/a\">新闻一</a></li></ul>"
                + "<button type=\"button\"><span id=\"inner\" class=\"x\">提交</span></button>"
                + "<label id=\"lab\" class=\"x\">同意 <input type=\"checkbox\"></label><label class=\"x\" id=\"lab2\" for=\"cb\">记住我</label><input id=\"cb\" type=\"checkbox\">"
                + "<div id=\"hidden\" class=\"x\" style=\"display:none\">隐藏</div>"
                + "<div id=\"backdrop\"></div>"
                + "<script>['ok','li','inner','lab','lab2','hidden','backdrop'].forEach(function(id){document.getElementById(id).addEventListener('click',function(){});});"
                + "document.addEventListener('click',function(){});document.body.addEventListener('mousedown',function(){});"
                + "document.getElementById('list').addEventListener('click',function(){});</script></body></html>");
        server.html("/none.html", HEAD + "<p><a href=\"/a\">链接</a></p></body></html>");
    }

    static PageFindings check(String path) {
        return load(path, ScriptedClickCheck::run);
    }

    static Map<String, String> results(PageFindings out) {
        Map<String, String> m = new TreeMap<>();
        for (Finding f : out.findings()) {
            m.merge(f.ruleId() + " " + f.target(), f.outcome(), (a, b) -> a + "," + b);
        }
        return m;
    }

    @Test
    void scriptSetOnclickOnASmallSpanFailsKeyboardRoleAndSize() {
        PageFindings out = check("/pop.html");
        assertEquals(Map.of(
                "click-not-keyboard #pop > span", "failed",
                "click-no-role #pop > span", "failed",
                "click-target-size #pop > span", "failed"), results(out), out.findings().toString());
        assertTrue(out.findings().stream().filter(f -> f.ruleId().equals("click-target-size")).findFirst().orElseThrow()
                .message().en().contains("14×14"));
    }

    @Test
    void listenersAddedByScriptAreJudgedByHowTheElementLooks() {
        PageFindings out = check("/listeners.html");
        assertEquals(Map.of(
                "click-not-keyboard #menu", "failed",
                "click-no-role #menu", "failed",
                "click-not-keyboard #rb", "failed",
                "click-not-keyboard #plain", "cantTell",
                "click-not-keyboard #far", "failed",
                "click-no-role #far", "failed"), results(out), out.findings().toString());
        // #rb has a role and a name (no 4.1.2 failure) and is 30×30; #far is 14×14 but far from other targets
        assertEquals("passed", out.outcomes().get(ScriptedClickCheck.SIZE));
    }

    @Test
    void keyboardReachableDelegatedNestedLabelsHiddenAndBackdropsPass() {
        PageFindings out = check("/fine.html");
        assertEquals(Map.of(), results(out), out.findings().toString());
        assertEquals("passed", out.outcomes().get(ScriptedClickCheck.KEYBOARD));
        PageFindings none = check("/none.html");
        assertEquals(Map.of(), results(none));
        assertEquals("inapplicable", none.outcomes().get(ScriptedClickCheck.KEYBOARD));
    }
}
