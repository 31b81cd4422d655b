package org.yiyue.audit.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.yiyue.audit.crawl.TestServer;
import org.yiyue.audit.report.Finding;
import org.yiyue.rules.model.Text;

/**
 * Screenshots of failing elements, a viewport at a time: each element is cut out of a capture at its own box (so the
 * picture shows the element, in its colour, at the device's pixel ratio), one picture per element and finding target,
 * distinct files, up to the page's limit — elements under a fixed header and far down the page included.
 */
class ElementShotsTest {

    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        StringBuilder body = new StringBuilder("<div id=\"bar\" style=\"position:fixed;top:0;left:0;right:0;height:120px;background:#00f\">栏</div>"
                + "<div style=\"height:150px\"></div>");
        String[] colours = {"#f00", "#0f0", "#ff0", "#0ff", "#f0f"};
        for (int i = 0; i < colours.length; i++) {
            // the fourth element sits far down the page: a second viewport
            body.append("<div style=\"height:").append(i == 3 ? 2400 : 40).append("px\"></div>")
                    .append("<div id=\"e").append(i).append("\" style=\"width:").append(100 + 20 * i)
                    .append("px;height:50px;background:").append(colours[i]).append("\"></div>");
        }
        body.append("<div style=\"height:1200px\"></div>");
        server = new TestServer().html("/p.html", "<!doctype html><html lang=\"zh-CN\"><head><title>p</title>"
                + "<meta name=\"viewport\" content=\"width=device-width\"><style>body{margin:0}</style></head><body>" + body + "</body></html>");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Finding failed(String target) {
        return new Finding("p", "yiyue", "r", "failed", List.of("1.1.1"), List.of(), "serious", target, "", Text.of("x", "x"),
                Text.of("y", "y"), null, List.of());
    }

    @Test
    void elementsAreCutFromViewportCapturesAtTheirOwnBox(@TempDir Path out) throws Exception {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            findings.add(failed("#e" + i));
        }
        findings.add(failed("#e1")); // a second finding on the same element shares its picture
        Map<String, int[]> expected = Map.of("#e0", new int[] {100, 50, 0xff0000}, "#e1", new int[] {120, 50, 0x00ff00},
                "#e2", new int[] {140, 50, 0xffff00}, "#e3", new int[] {160, 50, 0x00ffff});
        for (boolean mobile : new boolean[] {false, true}) {
            try (AuditBrowser browser = AuditBrowser.start(true, Duration.ofSeconds(30))) {
                ChromeDriver d = browser.driver();
                if (mobile) {
                    // as the page auditor emulates a phone: through the channel, whose session takes the captures
                    browser.channel().cdp("Emulation.setDeviceMetricsOverride", AuditBrowser.MOBILE_METRICS);
                }
                d.get(server.url("/p.html").toString());
                Path folder = out.resolve(mobile ? "m" : "d").resolve("shots");
                List<Finding> shot = ElementShots.attach(d, findings, folder, "p0001", 4);
                int scale = mobile ? 2 : 1;
                Set<String> files = new HashSet<>();
                for (int i = 0; i < 4; i++) {
                    Finding f = shot.get(i);
                    assertNotNull(f.screenshot(), f.target());
                    files.add(f.screenshot());
                    BufferedImage img = ImageIO.read(folder.getParent().resolve(f.screenshot()).toFile());
                    int[] want = expected.get(f.target());
                    assertEquals(want[0] * scale, img.getWidth(), f.target() + " width");
                    assertEquals(want[1] * scale, img.getHeight(), f.target() + " height");
                    assertEquals(want[2], img.getRGB(img.getWidth() / 2, img.getHeight() / 2) & 0xffffff, f.target() + " colour");
                }
                assertEquals(4, files.size(), "one file per element");
                assertNull(shot.get(4).screenshot(), "the page's limit of pictures");
                assertEquals(shot.get(1).screenshot(), shot.get(5).screenshot());
                // all four came from viewport captures (two: e3 is a viewport further down), none on its own
                Map<String, String> batch = ElementShots.batch(d, findings, ElementShots.shootable(d, findings, 4), folder, "again", 4);
                assertEquals(Set.of("#e0", "#e1", "#e2", "#e3"), batch.keySet());
            }
        }
    }

    @Test
    void clipsOfTheViewAreTheSamePicturesAsCutsOfOneCapture(@TempDir Path out) throws Exception {
        // desktop (one device pixel per CSS pixel): each element is pictured as its own clip when few share a view;
        // the files hold exactly the pixels the cut of a viewport capture holds, fractional boxes and a scrolled view
        // (DevTools' clip is in document coordinates) included
        String page = "<!doctype html><html lang=\"zh-CN\"><head><title>c</title><style>body{margin:0}"
                + ".t{position:absolute;font:15px sans-serif;color:#123;background:linear-gradient(90deg,#fc0,#09f)}</style></head><body>"
                + "<div id=c1 class=t style=\"left:10.4px;top:20.7px;width:133.3px;height:41.6px\">办事指南 一</div>"
                + "<div id=c2 class=t style=\"left:300px;top:400px;width:220px;height:60px;border:3px dotted #c00\">政务服务 二</div>"
                + "<div id=c3 class=t style=\"left:700.5px;top:5.5px;width:90px;height:30px;opacity:.6\">三</div>"
                + "<div id=c4 class=t style=\"left:40.2px;top:2000.5px;width:150px;height:45.5px\">四（滚动后）</div>"
                + "<div style=\"height:3000px\"></div></body></html>";
        try (TestServer s = new TestServer().html("/c.html", page);
             AuditBrowser browser = AuditBrowser.start(true, Duration.ofSeconds(30))) {
            ChromeDriver d = browser.driver();
            d.get(s.url("/c.html").toString());
            List<Finding> findings = List.of(failed("#c1"), failed("#c2"), failed("#c3"), failed("#c4"));
            ElementShots.Found els = ElementShots.shootable(d, findings, 4);
            Map<String, String> clips = ElementShots.batch(d, findings, els, out.resolve("a").resolve("shots"), "p", 4, 3);
            Map<String, String> cuts = ElementShots.batch(d, findings, els, out.resolve("b").resolve("shots"), "p", 4, 0);
            assertEquals(Set.of("#c1", "#c2", "#c3", "#c4"), clips.keySet());
            assertEquals(clips.keySet(), cuts.keySet());
            for (String target : clips.keySet()) {
                BufferedImage a = ImageIO.read(out.resolve("a").resolve(clips.get(target)).toFile());
                BufferedImage b = ImageIO.read(out.resolve("b").resolve(cuts.get(target)).toFile());
                assertEquals(b.getWidth(), a.getWidth(), target);
                assertEquals(b.getHeight(), a.getHeight(), target);
                for (int y = 0; y < a.getHeight(); y++) {
                    for (int x = 0; x < a.getWidth(); x++) {
                        assertEquals(b.getRGB(x, y), a.getRGB(x, y), target + " pixel " + x + "," + y);
                    }
                }
            }
        }
    }

    @Test
    void elementsCloseTogetherShareOneClipWithTheSamePixels(@TempDir Path out) throws Exception {
        // a row of small controls: one clip of the row, each cut out in Java, holds the pixels the cut of a viewport
        // capture holds (and its own clip); one far away is a clip of its own
        StringBuilder page = new StringBuilder("<!doctype html><html lang=\"zh-CN\"><head><title>g</title><style>body{margin:0}"
                + ".b{position:absolute;top:30.3px;height:22.6px;font:13px sans-serif;color:#fff;background:linear-gradient(#c00,#036)}</style></head><body>");
        for (int i = 0; i < 5; i++) {
            page.append("<span id=b").append(i).append(" class=b style=\"left:").append(20.5 + 70 * i).append("px;width:").append(55 + i)
                    .append(".4px\">按钮").append(i).append("</span>");
        }
        page.append("<div id=far style=\"position:absolute;left:1000px;top:700px;width:120px;height:40px;background:#393\">远</div>"
                + "<div style=\"height:2000px\"></div></body></html>");
        try (TestServer s = new TestServer().html("/g.html", page.toString());
             AuditBrowser browser = AuditBrowser.start(true, Duration.ofSeconds(30))) {
            ChromeDriver d = browser.driver();
            d.get(s.url("/g.html").toString());
            List<Finding> findings = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                findings.add(failed("#b" + i));
            }
            findings.add(failed("#far"));
            ElementShots.Found els = ElementShots.shootable(d, findings, 6);
            Map<String, String> grouped = ElementShots.batch(d, findings, els, out.resolve("a").resolve("shots"), "p", 6, ElementShots.CLIPS_UP_TO);
            Map<String, String> cuts = ElementShots.batch(d, findings, els, out.resolve("b").resolve("shots"), "p", 6, 0);
            Map<String, String> alone = ElementShots.batch(d, findings, els, out.resolve("c").resolve("shots"), "p", 6, 6);
            assertEquals(Set.of("#b0", "#b1", "#b2", "#b3", "#b4", "#far"), grouped.keySet());
            assertEquals(grouped.keySet(), cuts.keySet());
            assertEquals(grouped.keySet(), alone.keySet());
            for (String target : grouped.keySet()) {
                BufferedImage a = ImageIO.read(out.resolve("a").resolve(grouped.get(target)).toFile());
                BufferedImage b = ImageIO.read(out.resolve("b").resolve(cuts.get(target)).toFile());
                BufferedImage c = ImageIO.read(out.resolve("c").resolve(alone.get(target)).toFile());
                assertEquals(b.getWidth(), a.getWidth(), target);
                assertEquals(b.getHeight(), a.getHeight(), target);
                assertEquals(b.getWidth(), c.getWidth(), target);
                assertEquals(b.getHeight(), c.getHeight(), target);
                for (int y = 0; y < a.getHeight(); y++) {
                    for (int x = 0; x < a.getWidth(); x++) {
                        assertEquals(b.getRGB(x, y), a.getRGB(x, y), target + " pixel " + x + "," + y);
                        assertEquals(b.getRGB(x, y), c.getRGB(x, y), target + " pixel " + x + "," + y);
                    }
                }
            }
        }
    }

    @Test
    void theCheapestCapturesForAView() {
        // boxes {x, y, w, h} in a 1280×900 view
        Map<Integer, int[]> row = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            row.put(i, new int[] {20 + 70 * i, 30, 56, 23});
        }
        row.put(5, new int[] {1000, 700, 120, 40});
        assertEquals(List.of(List.of(0, 1, 2, 3, 4), List.of(5)), ElementShots.Cost.groups(row, 1280, 900, 8));
        // at most one capture: the far one joins the row
        assertEquals(List.of(List.of(0, 1, 2, 3, 4, 5)), ElementShots.Cost.groups(row, 1280, 900, 1));
        // small elements far apart (a corner to the other): a clip each; in one row they would share one
        Map<Integer, int[]> spread = Map.of(0, new int[] {10, 10, 46, 46}, 1, new int[] {600, 400, 46, 46}, 2, new int[] {1200, 800, 46, 46});
        assertEquals(3, ElementShots.Cost.groups(new java.util.TreeMap<>(spread), 1280, 900, 8).size());
        // rows filling the view: one viewport capture (no clip's re-rendering)
        Map<Integer, int[]> rows = new java.util.TreeMap<>();
        for (int i = 0; i < 8; i++) {
            rows.put(i, new int[] {0, 110 * i, 1280, 110});
        }
        assertNull(ElementShots.Cost.groups(rows, 1280, 900, 8));
    }
}
