package org.yiyue.overlay.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.yiyue.overlay.rewrite.ContentCoding;
import org.yiyue.overlay.rewrite.HtmlRewriter;
import org.yiyue.overlay.rewrite.LinkRewriter;
import org.yiyue.overlay.site.DeclaredFix;
import org.yiyue.overlay.site.PagePattern;
import org.yiyue.overlay.site.Site;

/**
 * Measured loop (not a test): the cost of one rewrite of a ~100 KB page as the proxy does it on a cache miss —
 * byte-level tag + link rewriting, then gzip; and with two declared fixes (Jsoup parse + serialize). Prints µs/op.
 */
public final class InjectionCost {

    public static void main(String[] args) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>河源</title></head><body>");
        int i = 0;
        while (sb.toString().getBytes(StandardCharsets.UTF_8).length < 100_000) {
            sb.append("<div class=\"news\"><a href=\"/ywdt/a").append(i++).append(".html\">河源市召开常务会议，研究部署优化营商环境</a></div>\n");
        }
        byte[] page = sb.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
        Site plain = Site.of("bench", "基准", URI.create("http://127.0.0.1:18901"), null);
        Site fixed = new Site("bench", "基准", URI.create("http://127.0.0.1:18901"), null, Optional.empty(), Optional.empty(),
                null, List.of(), List.of(new DeclaredFix.SetLang("set-lang#0", PagePattern.ALL, "zh-CN"),
                new DeclaredFix.LayoutTable("layout-table#1", PagePattern.ALL, "table.layout")));
        List<LinkRewriter.OriginMapping> origins = List.of(new LinkRewriter.OriginMapping("127.0.0.1:18901", "/s/bench"));
        HtmlRewriter.Toolbar toolbar = new HtmlRewriter.Toolbar("/a11y/toolbar.js?v=0123456789abcdef", Optional.of("sha384-x"));
        System.out.printf("page %d bytes, load average %s%n", page.length, loadAverage());
        Site hosted = new Site("bench", "基准", URI.create("http://127.0.0.1:18901"), null, Optional.of("bench.example"),
                Optional.empty(), null, List.of(), List.of());
        measure("tag only (host-mounted site: no link rewrite)", 3000, () -> HtmlRewriter.rewrite(new HtmlRewriter.Input(
                hosted, "/p.html", "text/html; charset=utf-8", page, List.of(), List.of(), toolbar, "n")).page().length);
        measure("tag + links (bytes, no fixes)", 3000, () -> HtmlRewriter.rewrite(new HtmlRewriter.Input(plain, "/p.html",
                "text/html; charset=utf-8", page, List.of(), origins, toolbar, "n")).page().length);
        measure("tag + links + gzip (cache miss as served)", 1000, () -> ContentCoding.gzip(HtmlRewriter.rewrite(
                new HtmlRewriter.Input(plain, "/p.html", "text/html; charset=utf-8", page, List.of(), origins, toolbar, "n"))
                .page()).length);
        measure("with 2 declared fixes (Jsoup parse + serialize)", 300, () -> HtmlRewriter.rewrite(new HtmlRewriter.Input(
                fixed, "/p.html", "text/html; charset=utf-8", page, List.of(), origins, toolbar, "n")).page().length);
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static void measure(String label, int iterations, java.util.function.IntSupplier op) {
        long sink = 0;
        for (int i = 0; i < iterations; i++) {
            sink += op.getAsInt(); // warm-up
        }
        long[] samples = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long t = System.nanoTime();
            sink += op.getAsInt();
            samples[i] = System.nanoTime() - t;
        }
        java.util.Arrays.sort(samples);
        System.out.printf("%-50s median %7.1f µs   p99 %7.1f µs   (%d runs, sink %d)%n", label,
                samples[iterations / 2] / 1e3, samples[(int) (iterations * 0.99)] / 1e3, iterations, sink % 7);
    }
}
