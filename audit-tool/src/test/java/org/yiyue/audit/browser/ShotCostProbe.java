package org.yiyue.audit.browser;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.yiyue.audit.crawl.TestServer;

/**
 * A measurement, not a test: wall and CPU (this JVM + its Chromium processes, from /proc) of the capture and image
 * operations the focus-pixel probes and element shots use, alternated on one page.
 * {@code java -cp <test classpath> org.yiyue.audit.browser.ShotCostProbe}
 */
public final class ShotCostProbe {

    private ShotCostProbe() {
    }

    public static void main(String[] args) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            body.append("<p style=\"color:#").append(Integer.toHexString(0x100000 + i * 4000)).append("\">第 ").append(i)
                    .append(" 段 政务服务 办事指南 <a href=\"#").append(i).append("\">链接</a></p>");
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        try (TestServer server = new TestServer().html("/t.html", "<!doctype html><html lang=\"zh-CN\"><title>t</title><body>"
                + body + "</body></html>");
             AuditBrowser browser = AuditBrowser.start(true, Duration.ofSeconds(30))) {
            ChromeDriver d = browser.driver();
            d.get(server.url("/t.html").toString());
            byte[] png = d.getScreenshotAs(OutputType.BYTES);
            var image = ImageIO.read(new ByteArrayInputStream(png));
            Map<String, Supplier<Object>> ops = new LinkedHashMap<>();
            ops.put("webdriver viewport png", () -> d.getScreenshotAs(OutputType.BYTES));
            ops.put("cdp viewport png fast", () -> d.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "optimizeForSpeed", true)));
            ops.put("cdp clip 300x80 png fast", () -> d.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "optimizeForSpeed", true,
                    "clip", Map.of("x", 100, "y", 100, "width", 300, "height", 80, "scale", 1))));
            ops.put("cdp clip 900x500 png fast", () -> d.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "optimizeForSpeed", true,
                    "clip", Map.of("x", 10, "y", 10, "width", 900, "height", 500, "scale", 1))));
            ops.put("cdp clip 300x80 png default", () -> d.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "clip", Map.of("x", 100, "y", 100, "width", 300, "height", 80, "scale", 1))));
            ops.put("cdp clip 300x80 fromSurface", () -> d.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "optimizeForSpeed", true,
                    "fromSurface", true, "clip", Map.of("x", 100, "y", 100, "width", 300, "height", 80, "scale", 1))));
            ops.put("script 2 rAF", () -> d.executeAsyncScript("var done = arguments[0]; requestAnimationFrame(function () { requestAnimationFrame(function () { done(1); }); });"));
            ops.put("script trivial", () -> d.executeScript("return 1;"));
            ops.put("cdp trivial", () -> d.executeCdpCommand("Runtime.evaluate", Map.of("expression", "1")));
            ops.put("java decode viewport png", () -> {
                try {
                    return ImageIO.read(new ByteArrayInputStream(png));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            ops.put("java write crop 300x80 png", () -> {
                try {
                    java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
                    ImageIO.write(image.getSubimage(100, 100, 300, 80), "png", o);
                    return o;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Map<String, long[]> sums = new LinkedHashMap<>();
            for (int r = 0; r < rounds; r++) {
                for (var e : ops.entrySet()) {
                    long c0 = cpu();
                    long t0 = System.nanoTime();
                    e.getValue().get();
                    long t1 = System.nanoTime();
                    long c1 = cpu();
                    if (r > 1) {
                        long[] s = sums.computeIfAbsent(e.getKey(), k -> new long[3]);
                        s[0] += t1 - t0;
                        s[1] += c1 - c0;
                        s[2]++;
                    }
                }
            }
            sums.forEach((k, s) -> System.out.printf("%-36s wall %6.1f ms  cpu %6.1f ms (mean of %d)%n", k, s[0] / 1e6 / s[2], (double) s[1] / s[2], s[2]));
            System.out.println("viewport png " + png.length / 1024 + " KB; " + Files.readString(Path.of("/proc/loadavg")).strip());
        }
    }

    /** CPU ms of this JVM and its descendants. */
    static long cpu() {
        long total = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
        for (ProcessHandle p : (Iterable<ProcessHandle>) ProcessHandle.current().descendants()::iterator) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                total += (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
            } catch (Exception e) {
                // gone
            }
        }
        return total;
    }
}
