package org.yiyue.audit.browser;

import java.util.List;
import java.util.Map;

import org.openqa.selenium.WebDriver;
import org.yiyue.audit.core.PageFindings;
import org.yiyue.rules.model.Text;

/**
 * 200 % zoom (1.4.4) and 320 CSS px reflow (1.4.10), measured by emulating the viewport through the DevTools
 * protocol (browser zoom at 200 % is a half-width viewport at twice the pixel ratio):
 * <ul>
 * <li>resize-text-200: text that is cut off at 200 % but was not at 100 % (overflow hidden);</li>
 * <li>reflow-320: at 320 px the page scrolls sideways and the widest elements responsible are named
 *     (tables, code, media and maps are exempt, as are horizontally scrollable containers).</li>
 * </ul>
 * Mobile pages (viewport already ≤ 480 px) skip the zoom emulation of the desktop and still get the reflow check.
 */
public final class LayoutChecks {

    private static final String AT_100 = "var size = [window.innerWidth, window.innerHeight];"
            + "(function () { " + Scripts.get("layout-measure.js") + " }).apply(null, arguments); return size;";

    private LayoutChecks() {
    }

    @SuppressWarnings("unchecked")
    public static void run(WebDriver driver, PageFindings out, Map<String, Object> deviceMetrics) {
        PageChannel page = PageChannel.of(driver);
        // one call: the viewport size, then the texts already cut off at 100 % are marked
        List<Number> size = (List<Number>) page.script(AT_100, "data-yiyue-clip100", 0);
        long width = size.get(0).longValue();
        long height = size.get(1).longValue();
        try {
            int zoomedWidth = (int) Math.max(160, width / 2);
            int zoomedHeight = (int) Math.max(200, height / 2);
            emulate(page, zoomedWidth, zoomedHeight, 2);
            sized(page, zoomedWidth, zoomedHeight);
            Map<String, Object> zoomed = (Map<String, Object>) page.script(Scripts.get("layout-measure.js"), null, 0);
            boolean any = false;
            for (Map<String, Object> c : (List<Map<String, Object>>) zoomed.get("clipped")) {
                if (Boolean.TRUE.equals(c.get("marked"))) {
                    continue; // already cut off at 100 %: a design choice, not a zoom failure
                }
                any = true;
                out.failed(KeyboardWalk.ENGINE, "resize-text-200", List.of("1.4.4"), List.of("W-P2"), "serious",
                        String.valueOf(c.get("selector")), PageFindings.snippet(String.valueOf(c.get("html"))),
                        Text.of("页面放大到 200% 时，此处文字被截断（overflow:hidden），100% 时完整",
                                "At 200 % zoom the text here is cut off (overflow: hidden); at 100 % it is complete"),
                        Text.of("不要给含文字的容器固定高度或宽度；使用 min-height 和相对单位",
                                "Do not fix the height or width of text containers; use min-height and relative units"));
            }
            if (!any) {
                out.outcome("resize-text-200", "passed");
            }
            emulate(page, 320, 640, 1);
            sized(page, 320, 640);
            Map<String, Object> narrow = (Map<String, Object>) page.script(Scripts.get("layout-measure.js"), null, 320);
            List<Map<String, Object>> wide = (List<Map<String, Object>>) narrow.get("wide");
            long docWidth = ((Number) narrow.get("docWidth")).longValue();
            List<Map<String, Object>> blocks = wide.stream().filter(w -> !Boolean.TRUE.equals(w.get("image"))).toList();
            for (Map<String, Object> w : wide) {
                if (Boolean.TRUE.equals(w.get("image"))) {
                    // a wide image may be content that needs two dimensions (a map, a chart): a person decides
                    out.cantTell(KeyboardWalk.ENGINE, "reflow-320", List.of("1.4.10"), List.of(), "minor",
                            String.valueOf(w.get("selector")), PageFindings.snippet(String.valueOf(w.get("html"))),
                            Text.of("320 像素宽时此图片宽 " + w.get("width") + " 像素，超出视口；请判断它是否属于需要二维布局的内容",
                                    "At 320 px this image is " + w.get("width") + " px wide; decide whether it needs two-dimensional layout"),
                            Text.of("图片使用 max-width:100%; height:auto", "Give images max-width: 100%; height: auto"));
                }
            }
            if (docWidth > 322 && !blocks.isEmpty()) {
                for (Map<String, Object> w : blocks) {
                    out.failed(KeyboardWalk.ENGINE, "reflow-320", List.of("1.4.10"), List.of(), "serious",
                            String.valueOf(w.get("selector")), PageFindings.snippet(String.valueOf(w.get("html"))),
                            Text.of("在 320 CSS 像素宽的视口中，此元素宽 " + w.get("width") + " 像素，页面需要横向滚动",
                                    "In a 320 CSS px viewport this element is " + w.get("width") + " px wide and the page scrolls sideways"),
                            Text.of("去掉固定宽度和 min-width，用弹性布局和媒体查询让内容在窄屏上重排",
                                    "Remove fixed widths and min-width; let content reflow with flexible layout and media queries"));
                }
            } else if (docWidth > 322 && wide.isEmpty()) {
                out.cantTell(KeyboardWalk.ENGINE, "reflow-320", List.of("1.4.10"), List.of(), "moderate", "html", "",
                        Text.of("320 像素宽时页面可横向滚动（" + docWidth + " 像素），但无法确定由哪个元素造成",
                                "At 320 px the page scrolls sideways (" + docWidth + " px) but the cause could not be pinned down"),
                        Text.of("请人工在 320 像素宽度下检查", "Check by hand at 320 px"));
            } else if (docWidth <= 322) {
                out.outcome("reflow-320", "passed");
            }
        } finally {
            if (deviceMetrics == null) {
                page.cdp("Emulation.clearDeviceMetricsOverride", Map.of());
            } else {
                page.cdp("Emulation.setDeviceMetricsOverride", deviceMetrics);
            }
            sized(page, width, height); // the checks after this one (screenshots) see the page at its own width
            page.script("document.querySelectorAll('[data-yiyue-clip100]').forEach(function(e){e.removeAttribute('data-yiyue-clip100');});");
        }
    }

    /**
     * Until the page's viewport is {@code w}×{@code h} CSS px ({@value #SIZED_WITHIN_MS} ms at most): DevTools answers
     * an emulation change before the renderer has applied it, so a script right after may still see the old viewport
     * (LayoutChecksTest: the 320 px view seen after the restore, in round 3 of 30 at load 6).
     */
    private static void sized(PageChannel page, long w, long h) {
        page.script(SIZED, w, h, SIZED_WITHIN_MS);
    }

    static final int SIZED_WITHIN_MS = 1000;

    private static final String SIZED = """
            var w = arguments[0], h = arguments[1], until = performance.now() + arguments[2];
            return new Promise(function (done) {
              (function check() {
                if ((window.innerWidth === w && window.innerHeight === h) || performance.now() > until) { done(true); }
                else { setTimeout(check, 5); }
              })();
            });""";

    private static void emulate(PageChannel page, int w, int h, int scale) {
        page.cdp("Emulation.setDeviceMetricsOverride",
                Map.of("width", w, "height", h, "deviceScaleFactor", scale, "mobile", false));
    }
}
