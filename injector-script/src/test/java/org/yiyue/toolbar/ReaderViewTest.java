package org.yiyue.toolbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.Cookie;
import org.yiyue.demo.ReplicaSites;
import org.yiyue.testkit.EmbeddedToolbar;
import org.yiyue.testkit.ReplicaSitesExtension;
import org.yiyue.testkit.YthFlow;

/**
 * 纯文本 reads like a person would, on every replica page: link text only (never an address), neighbouring items
 * apart (a link never runs into the text or link beside it), a prompt written into a field's value is not read as
 * its value, and no heading is left without anything under it.
 */
@ExtendWith(ReplicaSitesExtension.class)
class ReaderViewTest {

    /** Problems in the reader's content, as readable strings. */
    static final String PROBLEMS = """
            const body = __yy.shadow().querySelector('.rbody');
            const out = [];
            const SEP = /[\\s，。、；：！？,.;:!?()（）【】\\[\\]「」《》“”"'—\\-·|>»\\/…]/;
            for (const a of body.querySelectorAll('a')) {
              const text = a.textContent.trim();
              if (/^(https?:|www\\.|\\/)/i.test(text) || text.includes(a.getAttribute('href'))) out.push('address shown: ' + text);
              const before = a.previousSibling ? a.previousSibling.textContent : '';
              const after = a.nextSibling ? a.nextSibling.textContent : '';
              if (before && !SEP.test(before.slice(-1))) out.push('runs into what precedes: ' + before.slice(-8) + '|' + text);
              if (after && !SEP.test(after[0])) out.push('runs into what follows: ' + text + '|' + after.slice(0, 8));
            }
            if (/127\\.0\\.0\\.1/.test(body.textContent)) out.push('an address in the text');
            for (const f of body.querySelectorAll('.field')) if (/当前值 请输入|value Please/.test(f.textContent)) out.push('prompt read as value: ' + f.textContent);
            const hs = [...body.children];
            hs.forEach((h, i) => {
              if (!h.dataset.level) return;
              const n = hs[i + 1];
              if (!n || (n.dataset.level && +n.dataset.level <= +h.dataset.level)) out.push('empty section: ' + h.textContent);
            });
            return out;
            """;

    static ToolbarBrowser b;
    static ReplicaSites sites;

    @BeforeAll
    static void start(@EmbeddedToolbar ReplicaSites toolbarSites) {
        sites = toolbarSites;
        b = new ToolbarBrowser();
    }

    @AfterAll
    static void stop() {
        b.close();
    }

    static Stream<String> replicaPages() {
        return DoNoHarmTest.replicaPages();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replicaPages")
    void readerReadsLinkTextItemsApartAndNoEmptySections(String page) {
        String[] p = page.split(" ");
        if (p.length > 2) {
            b.open(sites.origin(p[0]) + "/index.html");
            b.d.manage().deleteAllCookies();
            b.d.manage().addCookie(new Cookie(YthFlow.COOKIE, YthFlow.readyFor(sites, Integer.parseInt(p[2])).sessionId(), "/"));
        }
        b.openWithToolbar(sites.origin(p[0]) + p[1]);
        b.openReader();
        List<String> problems = b.strings(PROBLEMS);
        String text = b.str("return __yy.shadow().querySelector('.rbody').innerText");
        b.js("window[Symbol.for('yiyue.a11y')].exit()");
        assertTrue(text.length() > 20, page + ": the reader has the page's text");
        assertEquals(List.of(), problems, page);
    }
}
