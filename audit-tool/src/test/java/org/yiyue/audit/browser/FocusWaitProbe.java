package org.yiyue.audit.browser;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;
import org.yiyue.audit.crawl.TestServer;

/**
 * A measurement, not a test: does Page.captureScreenshot show the DOM state a script left just before it (no frame
 * waited for)? Focus/blur each link by script with or without two animation frames, capture, compare.
 */
public final class FocusWaitProbe {

    private FocusWaitProbe() {
    }

    public static void main(String[] args) throws Exception {
        int n = 30;
        StringBuilder links = new StringBuilder();
        for (int i = 0; i < n; i++) {
            links.append("<p><a id=l").append(i).append(" href=#").append(i).append(">链接 ").append(i).append("</a></p>");
        }
        String css = "<style>body{margin:0;background:#fff} a{outline:none} a:focus{outline:2px solid #c00}</style>";
        String raf = "<style>body{margin:0;background:#fff} a{outline:none} a.on{outline:2px solid #c00}</style>"
                + "<script>document.addEventListener('focusin', function (e) { requestAnimationFrame(function () { e.target.classList.add('on'); }); });"
                + "document.addEventListener('focusout', function (e) { requestAnimationFrame(function () { e.target.classList.remove('on'); }); });</script>";
        String raf2 = raf.replace("requestAnimationFrame(function () { e.target.classList.add('on'); })",
                "requestAnimationFrame(function () { requestAnimationFrame(function () { e.target.classList.add('on'); }); })");
        String t0 = "<style>body{margin:0;background:#fff} a{outline:none} a.on{outline:2px solid #c00}</style>"
                + "<script>document.addEventListener('focusin', function (e) { setTimeout(function () { e.target.classList.add('on'); }, 0); });"
                + "document.addEventListener('focusout', function (e) { setTimeout(function () { e.target.classList.remove('on'); }, 0); });</script>";
        try (TestServer server = new TestServer()
                .html("/css.html", "<!doctype html><html><title>t</title>" + css + "<body>" + links + "</body></html>")
                .html("/raf.html", "<!doctype html><html><title>t</title>" + raf + "<body>" + links + "</body></html>")
                .html("/raf2.html", "<!doctype html><html><title>t</title>" + raf2 + "<body>" + links + "</body></html>")
                .html("/t0.html", "<!doctype html><html><title>t</title>" + t0 + "<body>" + links + "</body></html>");
             AuditBrowser browser = AuditBrowser.start(true, Duration.ofSeconds(30))) {
            ChromeDriver d = browser.driver();
            System.out.println("browser " + d.getCapabilities().getBrowserName() + " " + d.getCapabilities().getBrowserVersion());
            PageChannel page = PageChannel.of(d);
            String frames = "var done = arguments[arguments.length - 1]; requestAnimationFrame(function () { requestAnimationFrame(function () { done(1); }); });";
            for (String p : List.of("/css.html", "/raf.html", "/raf2.html", "/t0.html")) {
                System.out.println(p);
                d.get(server.url(p).toString());
                for (boolean wait : new boolean[] {false, true, false}) {
                    int changed = 0, same = 0;
                    long focusNs = 0, shotNs = 0;
                    for (int r = 0; r < 3; r++) {
                        for (int i = 0; i < n; i++) {
                            long a = System.nanoTime();
                            page.script("var el = document.getElementById('l' + arguments[0]); el.focus();", i);
                            if (wait) {
                                page.asyncScript(frames);
                            }
                            long b = System.nanoTime();
                            List<?> clip = (List<?>) page.script("var r = document.getElementById('l' + arguments[0]).getBoundingClientRect();"
                                    + " return [Math.max(0, r.left - 8) + scrollX, Math.max(0, r.top - 8) + scrollY, r.width + 16, r.height + 16];", i);
                            String f = FocusPixels.shot(page, clip);
                            long c = System.nanoTime();
                            page.script("document.getElementById('l' + arguments[0]).blur();", i);
                            if (wait) {
                                page.asyncScript(frames);
                            }
                            String u = FocusPixels.shot(page, clip);
                            focusNs += b - a;
                            shotNs += c - b;
                            if (Boolean.TRUE.equals(FocusPixels.differ(java.util.Base64.getDecoder().decode(f), java.util.Base64.getDecoder().decode(u)))) {
                                changed++;
                            } else {
                                same++;
                            }
                        }
                    }
                    System.out.printf("  %-12s wait=%-5s changed %3d same %3d  focus(+wait) %.1f ms  shot %.1f ms%n", p, wait, changed, same,
                            focusNs / 1e6 / (3 * n), shotNs / 1e6 / (3 * n));
                }
            }
            System.out.println(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip());
        }
    }
}
