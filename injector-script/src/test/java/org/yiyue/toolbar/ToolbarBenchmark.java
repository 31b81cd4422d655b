package org.yiyue.toolbar;

import java.io.InputStream;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Not part of the normal run (surefire excludes the "benchmark" tag). Run with:
 * {@code mvn -B -o -pl injector-script test -Pbenchmark}. Prints the gzipped core size and the median time, measured in
 * the page with performance.now(), to apply 200 % text, a colour scheme and to open the toolbar on a page of more than
 * 5,000 elements, including the style recalculation and layout the change causes.
 */
@Tag("benchmark")
class ToolbarBenchmark {

    static final int RUNS = 9;

    static String bigPage() {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><!--YIYUE--><meta charset=\"utf-8\"><title>大页面</title>"
                + "<link rel=\"stylesheet\" href=\"/pages/site.css\"></head><body><main>");
        for (int s = 0; s < 250; s++) {
            html.append("<section><h2>第").append(s).append("节 政务公开</h2><ul>");
            for (int i = 0; i < 5; i++) {
                html.append("<li class=\"small\"><a href=\"#s").append(s).append("-").append(i).append("\">通知公告 ").append(i).append("</a></li>");
            }
            html.append("</ul><p>为方便老年人办事，现就有关事项通知如下。<span>请认真贯彻落实。</span></p>")
                    .append("<table><tr><th>项目</th><td>免费</td></tr></table></section>");
        }
        return html.append("</main></body></html>").toString();
    }

    static final String MEASURE = """
            const app = window[Symbol.for('yiyue.a11y')];
            const runs = arguments[0], patch = arguments[1], back = arguments[2];
            const times = [];
            for (let i = 0; i < runs; i++) {
              const t0 = performance.now();
              app.set(patch);
              document.body.offsetHeight; getComputedStyle(document.querySelector('main p')).fontSize;
              times.push(performance.now() - t0);
              app.set(back);
              document.body.offsetHeight;
            }
            times.sort((a, b) => a - b);
            return times[Math.floor(times.length / 2)];
            """;

    static final String RAW = """
            const runs = arguments[0], name = arguments[1], value = arguments[2], root = document.documentElement;
            const times = [];
            for (let i = 0; i < runs; i++) {
              const t0 = performance.now();
              root.setAttribute(name, value);
              document.body.offsetHeight; getComputedStyle(document.querySelector('main p')).fontSize;
              times.push(performance.now() - t0);
              root.removeAttribute(name);
              document.body.offsetHeight;
            }
            times.sort((a, b) => a - b);
            return times[Math.floor(times.length / 2)];
            """;

    @Test
    void printSizeAndApplyTimes() throws Exception {
        Map<?, ?> manifest;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/resources/a11y/manifest.json")) {
            manifest = new ObjectMapper().readValue(in, Map.class);
        }
        try (ToolbarServer server = ToolbarServer.start(); ToolbarBrowser b = new ToolbarBrowser()) {
            server.page("big.html", bigPage());
            b.openWithToolbar(server.url("/p/big.html"));
            long elements = (Long) b.js("return document.getElementsByTagName('*').length");
            // warm up once (first use builds the page stylesheets and scans the page's CSS)
            b.js("const a = window[Symbol.for('yiyue.a11y')]; a.set({text: 200, scheme: 'dark'}); document.body.offsetHeight; a.set({text: 100, scheme: ''});");
            double text = b.num(MEASURE, RUNS, Map.of("text", 200), Map.of("text", 100));
            double scheme = b.num(MEASURE, RUNS, Map.of("scheme", "dark"), Map.of("scheme", ""));
            double both = b.num(MEASURE, RUNS, Map.of("text", 200, "scheme", "yellow"), Map.of("text", 100, "scheme", ""));
            double open = b.num(MEASURE, RUNS, Map.of("open", true), Map.of("open", false));
            b.js("window[Symbol.for('yiyue.a11y')].set({hl: true})"); // page sheets adopted, as while any setting is on
            double rawScheme = b.num(RAW, RUNS, "data-yiyue-scheme", "dark");
            double rawText = b.num(RAW, RUNS, "data-yiyue-text", "200");
            b.js("const s = new CSSStyleSheet(); s.replaceSync('html[data-ref] body * { color: #000 !important; background-color: #fff !important }');"
                    + "document.adoptedStyleSheets = [...document.adoptedStyleSheets, s];");
            double reference = b.num(RAW, RUNS, "data-ref", "");
            System.out.printf("%n[benchmark] toolbar.js %s bytes, %s bytes gzipped (budget 40960)%n", manifest.get("bytes"), manifest.get("gzipBytes"));
            System.out.printf("[benchmark] page with %d elements, median of %d runs incl. style+layout:%n", elements, RUNS);
            System.out.printf("[benchmark]   200%% text        %.1f ms%n", text);
            System.out.printf("[benchmark]   colour scheme    %.1f ms%n", scheme);
            System.out.printf("[benchmark]   200%% + scheme    %.1f ms%n", both);
            System.out.printf("[benchmark]   open toolbar     %.1f ms  (budget 50 ms each)%n", open);
            System.out.printf("[benchmark]   attribute only: scheme %.1f ms, text %.1f ms (same restyle without the toolbar's bookkeeping)%n", rawScheme, rawText);
            System.out.printf("[benchmark]   reference: one trivial 'html[x] body *' colour rule %.1f ms (this machine's floor for a full restyle)%n", reference);
        }
    }
}
