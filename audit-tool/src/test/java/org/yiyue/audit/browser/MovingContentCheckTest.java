package org.yiyue.audit.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.yiyue.audit.core.PageFindings;
import org.yiyue.audit.report.Finding;

/** Moving and auto-updating content (2.2.2) in real headless Chromium, on pages served from 127.0.0.1. */
class MovingContentCheckTest extends RecordedPageTest {

    private static final String HEAD = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>t</title>"
            + "<style>.s{display:none;width:300px;height:100px}.s.cur{display:block}#ad{position:absolute;width:120px;height:60px;background:#eee}</style>"
            + "</head><body><p><a href=\"/x\">其他内容</a></p>";
    private static final String SLIDES = "<div class=\"s cur\">一</div><div class=\"s\">二</div><div class=\"s\">三</div>";
    /** Rotates the slides under the given container selector every ms milliseconds. */
    private static String rotate(String container, int ms) {
        return "<script>(function(){var s=document.querySelectorAll('" + container + " .s'),i=0;"
                + "window.rot=function(){s[i].className='s';i=(i+1)%s.length;s[i].className='s cur';};"
                + "setInterval(rot," + ms + ");})();</script>";
    }

    @BeforeAll
    static void pages() {
        server.html("/carousel.html", HEAD + "<main><div class=\"banner\">" + SLIDES + "</div></main>" + rotate(".banner", 250) + "</body></html>");
        server.html("/paused.html", HEAD + "<div id=\"c\">" + SLIDES + "<button type=\"button\">暂停</button></div>" + rotate("#c", 250) + "</body></html>");
        server.html("/aside.html", HEAD + "<section><div class=\"frame\"><div id=\"c\">" + SLIDES + "</div></div>"
                + "<p class=\"ctl\"><a href=\"#\" aria-label=\"停止轮播\">■</a></p></section>" + rotate("#c", 250) + "</body></html>");
        server.html("/hover.html", HEAD + "<div id=\"c\">" + SLIDES + "</div>" + rotate("#c", 250)
                + "<script>var t;document.getElementById('c').addEventListener('mouseenter',function(){});</script></body></html>");
        server.html("/float.html", HEAD + "<div id=\"ad\"><a href=\"/ad\">广告</a></div><script>var ad=document.getElementById('ad'),x=0;"
                + "setInterval(function(){x=(x+3)%400;ad.style.left=x+'px';ad.style.top=(100+x/2)+'px';},30);</script></body></html>");
        server.html("/clicked.html", HEAD + "<div id=\"c\">" + SLIDES + "</div><button id=\"go\" type=\"button\">开始</button>"
                + "<script>var s=document.querySelectorAll('#c .s'),i=0;document.getElementById('go').addEventListener('click',function(){"
                + "setInterval(function(){s[i].className='s';i=(i+1)%s.length;s[i].className='s cur';},200);});</script></body></html>");
        server.html("/fade.html", HEAD + "<div id=\"f\" style=\"opacity:0;width:200px;height:50px\">淡入</div><script>var o=0;"
                + "(function step(){o+=0.1;document.getElementById('f').style.opacity=o;if(o<1)setTimeout(step,16);})();</script></body></html>");
        // polls every 100 ms and writes the same class, style and text each time: nothing anyone can see changes
        server.html("/poll.html", HEAD + "<div id=\"p\" class=\"on\" style=\"width:200px;height:50px\">状态</div><script>var p=document.getElementById('p');"
                + "setInterval(function(){p.className='on';p.style.width='200px';p.textContent='状态';},100);</script></body></html>");
        server.html("/slow.html", HEAD + "<main><div id=\"slow\">" + SLIDES + "</div></main>" + rotate("#slow", 1200) + "</body></html>");
        server.html("/focuspause.html", HEAD + "<div id=\"fp\"><div class=\"s cur\"><a href=\"/1\">一</a></div><div class=\"s\"><a href=\"/2\">二</a></div></div>"
                + "<script>var s=document.querySelectorAll('#fp .s'),i=0,t;function go(){t=setInterval(function(){s[i].className='s';i=(i+1)%s.length;s[i].className='s cur';},200);}"
                + "go();var fp=document.getElementById('fp');fp.addEventListener('focusin',function(){clearInterval(t);});</script></body></html>");
        server.html("/ticker.html", HEAD + "<div id=\"tk\" style=\"width:300px;height:30px;overflow:hidden\"><span id=\"tx\" style=\"position:relative\">通知公告：今日办事大厅正常开放</span></div>"
                + "<script>var x=0;(function step(){x=(x+2)%300;document.getElementById('tx').style.left=(-x)+'px';setTimeout(step,40);})();</script></body></html>");
        server.html("/static.html", HEAD + "<main><p>没有动态内容</p></main></body></html>");
    }

    static PageFindings check(String path) {
        return load(path, MovingContentCheck::run);
    }

    static Map<String, String> byTarget(PageFindings out) {
        return out.findings().stream().filter(f -> f.ruleId().equals(MovingContentCheck.RULE))
                .collect(Collectors.toMap(Finding::target, Finding::outcome, (a, b) -> a + "," + b));
    }

    @Test
    void carouselWithoutPauseFailsOnItsContainer() {
        PageFindings out = check("/carousel.html");
        assertEquals(Map.of("html > body > main > div", "failed"), byTarget(out), out.findings().toString());
        Finding f = out.findings().get(0);
        assertEquals(List.of("2.2.2"), f.sc());
        assertEquals(List.of(), f.miit(), "a carousel is not a floating window");
        assertEquals("failed", out.outcomes().get(MovingContentCheck.RULE));
    }

    @Test
    void pauseButtonOrHoverHandlerMakesItCantTell() {
        assertEquals(Map.of("#c", "cantTell"), byTarget(check("/paused.html")));
        assertEquals(Map.of("#c", "cantTell"), byTarget(check("/aside.html")), "a stop link named by aria-label beside the slides' frame");
        PageFindings hover = check("/hover.html");
        assertEquals(Map.of("#c", "cantTell"), byTarget(hover));
        assertTrue(hover.findings().get(0).message().en().contains("hover"), hover.findings().toString());
    }

    @Test
    void stoppedByTheKeyboardWalksFocusIsCantTellAndASelfSchedulingTickerFails() {
        chromium.driver().get(server.url("/focuspause.html").toString());
        sleepMs(700); // it rotates a few times, then a Tab lands on its first link
        new org.openqa.selenium.interactions.Actions(chromium.driver()).sendKeys(org.openqa.selenium.Keys.TAB)
                .sendKeys(org.openqa.selenium.Keys.TAB).perform();
        sleepMs(500);
        PageFindings out = new PageFindings("/focuspause.html");
        MovingContentCheck.run(chromium.driver(), out);
        assertEquals(Map.of("#fp", "cantTell"), byTarget(out), out.findings().toString());
        assertTrue(out.findings().get(0).message().en().contains("focusin"), out.findings().toString());

        PageFindings ticker = check("/ticker.html");
        assertEquals(Map.of("#tx", "failed"), byTarget(ticker), "a chain of timeouts that keeps moving the text");
    }

    private static void sleepMs(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void movingFloatFailsWithTheElderItem() {
        PageFindings out = check("/float.html");
        assertEquals(Map.of("#ad", "failed"), byTarget(out));
        assertEquals(List.of("W-O4"), out.findings().get(0).miit());
    }

    @Test
    void userStartedOneShotAndInvisibleChangesAreNotMovingContent() {
        chromium.driver().get(server.url("/clicked.html").toString());
        chromium.driver().findElement(By.id("go")).click();
        PageFindings clicked = new PageFindings("/clicked.html");
        MovingContentCheck.Cost cost = MovingContentCheck.run(chromium.driver(), clicked);
        assertEquals(Map.of(), byTarget(clicked), "started by the user's click");
        assertEquals("inapplicable", clicked.outcomes().get(MovingContentCheck.RULE));
        assertEquals(0, cost.waitedMs(), "a user-started timer is no reason to wait");
        // the clicked carousel really does rotate (so the check had something to ignore)
        Object cur = ((JavascriptExecutor) chromium.driver()).executeScript("return document.querySelector('#c .cur').textContent");
        assertTrue(List.of("一", "二", "三").contains(cur));

        assertEquals(Map.of(), byTarget(check("/fade.html")), "a fade-in that ends is not moving content");
        assertEquals(Map.of(), byTarget(check("/poll.html")), "a timer that changes nothing");
        assertEquals("inapplicable", check("/static.html").outcomes().get(MovingContentCheck.RULE));
    }

    @Test
    void waitsOnlyForShortTimersThatHaveNotFiredTwice() {
        MovingContentCheck.Cost none = costOf("/static.html", new PageFindings("s"));
        assertEquals(0, none.waitedMs());
        PageFindings out = new PageFindings("/slow.html");
        MovingContentCheck.Cost slow = costOf("/slow.html", out);
        assertTrue(slow.waitedMs() > 0 && slow.waitedMs() <= 2 * 1200 + 300, slow.toString());
        assertEquals(Map.of("#slow", "failed"), byTarget(out), "found after waiting for two changes");
    }

    private static MovingContentCheck.Cost costOf(String path, PageFindings out) {
        chromium.driver().get(server.url(path).toString());
        return MovingContentCheck.run(chromium.driver(), out);
    }
}
