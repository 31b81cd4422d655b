package org.yiyue.audit.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yiyue.audit.core.PageFindings;
import org.yiyue.audit.crawl.TestServer;
import org.yiyue.audit.report.Finding;
import org.yiyue.demo.ReplicaCatalog;
import org.yiyue.demo.ReplicaSites;
import org.yiyue.testkit.ReplicaSitesExtension;

/**
 * WCAG 1.4.2 in the audit's own Chromium (autoplay allowed, output muted), on pages with real sound served on
 * loopback: each media element's outcome as ACT 80f0bf decides it, and the replica sites' two autoplay defects.
 */
@ExtendWith(ReplicaSitesExtension.class)
class AutoplayAudioTest {

    static AuditBrowser browser;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        browser = AuditBrowser.start(true, Duration.ofSeconds(30));
        server = new TestServer()
                .bytes("/tone8.wav", "audio/wav", wav(8.0, 0.05))
                .bytes("/tone2.wav", "audio/wav", wav(2.0, 0.05))
                .bytes("/silence8.wav", "audio/wav", wav(8.0, 0.0));
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
    }

    /** Mono 16-bit 8 kHz PCM WAV: a 440 Hz tone at the given share of full scale (0 = digital silence). */
    static byte[] wav(double seconds, double level) {
        int rate = 8000;
        int n = (int) (seconds * rate);
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * n).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 2 * n).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(rate).putInt(2 * rate).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * n);
        for (int i = 0; i < n; i++) {
            b.putShort((short) Math.round(level * Short.MAX_VALUE * Math.sin(2 * Math.PI * 440 * i / rate)));
        }
        return b.array();
    }

    static Map<String, String> outcomes(String path, String body) {
        server.html(path, "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>媒体</title></head><body>"
                + body + "</body></html>");
        browser.driver().get(server.url(path).toString());
        return AutoplayAudio.assess(browser.driver()).stream()
                .collect(Collectors.toMap(AutoplayAudio.Verdict::selector, AutoplayAudio.Verdict::outcome, (a, b) -> a + "," + b, TreeMap::new));
    }

    @Test
    void eachElementDecidedAsTheActRulesSay() {
        Map<String, String> got = outcomes("/mixed.html",
                "<audio id=long src=\"/tone8.wav\" autoplay></audio>"
                        + "<video id=loop src=\"/tone2.wav\" autoplay loop width=200 height=100></video>"
                        + "<audio id=ctl src=\"/tone8.wav\" autoplay controls></audio>"
                        + "<audio id=hiddenctl src=\"/tone8.wav\" autoplay controls style=\"display:none\"></audio>"
                        + "<audio id=muted src=\"/tone8.wav\" autoplay muted></audio>"
                        + "<audio id=short src=\"/tone2.wav\" autoplay></audio>"
                        + "<audio id=silent src=\"/silence8.wav\" autoplay></audio>"
                        + "<audio id=missing src=\"/nothing.wav\" autoplay></audio>"
                        + "<audio id=stops src=\"/tone8.wav\" autoplay></audio>"
                        + "<audio id=noauto src=\"/tone8.wav\"></audio>"
                        + "<script>setTimeout(function(){document.getElementById('stops').pause();}, 1000);</script>");
        Map<String, String> want = new TreeMap<>(Map.of(
                "#long", "failed", // 8 s of sound, no control
                "#loop", "failed", // 2 s file, but it loops
                "#ctl", "passed", // its own visible controls (4c31df)
                "#hiddenctl", "failed", // controls that nobody can see are no mechanism
                "#muted", "inapplicable",
                "#short", "inapplicable", // 3 s or less
                "#silent", "cantTell", // an audio track with nothing audible in it
                "#missing", "inapplicable", // 404: no media resource
                "#stops", "passed")); // the page stops it after 1 s (aaa1bf)
        assertEquals(want, got, "#noauto has no autoplay attribute and is not a target");
    }

    @Test
    void aNamedPauseButtonIsClickedToVerifyIt() {
        Map<String, String> working = outcomes("/pause.html",
                "<button type=button onclick=\"document.getElementById('bgm').pause()\">暂停背景音乐</button>"
                        + "<audio id=bgm src=\"/tone8.wav\" autoplay></audio>");
        assertEquals(Map.of("#bgm", "passed"), working);
        assertEquals(Boolean.TRUE, browser.driver().executeScript("return document.getElementById('bgm').paused"));

        Map<String, String> inert = outcomes("/inert.html",
                "<button type=button>静音</button><audio id=bgm src=\"/tone8.wav\" autoplay></audio>");
        assertEquals(Map.of("#bgm", "cantTell"), inert, "a mute button that does nothing cannot be confirmed");

        Map<String, String> leaves = outcomes("/leaves.html",
                "<a href=\"/elsewhere.html\">关闭声音</a><audio id=bgm src=\"/tone8.wav\" autoplay></audio>");
        assertEquals(Map.of("#bgm", "cantTell"), leaves, "a link away is never clicked: a person must check it");
        assertTrue(browser.driver().getCurrentUrl().endsWith("/leaves.html"));

        assertEquals(Map.of(), outcomes("/none.html", "<p>没有媒体</p>"));
    }

    @Test
    void replicaAutoplayDefectsFailAndControlPagesDoNot(ReplicaSites sites, ReplicaCatalog catalog) {
        for (String[] page : new String[][] {{"zwfw", "/zone/wza.html", "audio"}, {"portal", "/index.html", "video"}}) {
            browser.driver().get(sites.origin(page[0]) + page[1]);
            PageFindings out = new PageFindings(page[1]);
            AutoplayAudio.run(browser.driver(), out);
            List<Finding> failed = out.findings().stream().filter(Finding::failed).toList();
            assertEquals(1, failed.size(), page[1] + " " + out.findings());
            assertTrue(failed.get(0).target().endsWith(page[2]), failed.get(0).target());
            assertEquals(List.of("1.4.2"), failed.get(0).sc());
            assertEquals("failed", out.outcomes().get(AutoplayAudio.RULE));
        }
        for (ReplicaCatalog.ControlPage c : catalog.controlPages()) {
            browser.driver().get(sites.origin(c.site()) + c.page());
            PageFindings out = new PageFindings(c.page());
            AutoplayAudio.run(browser.driver(), out);
            assertEquals(List.of(), out.findings(), c.site() + c.page());
            assertEquals("inapplicable", out.outcomes().get(AutoplayAudio.RULE));
        }
    }
}
