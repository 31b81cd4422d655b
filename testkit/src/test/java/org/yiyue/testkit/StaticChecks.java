package org.yiyue.testkit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A strict, deliberately simple static checker for the control pages (tests only; the product's rules live in
 * wcag-rules). It lists every problem it can see from the HTML alone; a control page must produce none, and the
 * defect-laden pages must produce some (which proves the checker can fail).
 */
final class StaticChecks {

    private static final Set<String> INTERACTIVE = Set.of("a", "button", "input", "select", "textarea", "summary");

    private StaticChecks() {
    }

    static List<String> problems(Document doc) {
        List<String> out = new ArrayList<>();
        Element html = doc.selectFirst("html");
        if (html == null || html.attr("lang").isBlank() || !html.attr("lang").toLowerCase().startsWith("zh")) {
            out.add("html lang missing or not Chinese");
        }
        if (doc.title().isBlank()) {
            out.add("empty or missing title");
        }
        for (Element meta : doc.select("meta[name=viewport]")) {
            String c = meta.attr("content").replace(" ", "").toLowerCase();
            if (c.contains("user-scalable=no") || c.contains("user-scalable=0") || c.matches(".*maximum-scale=1(\\.0)?(,.*|$)")) {
                out.add("viewport blocks zoom");
            }
        }
        if (!doc.select("meta[http-equiv=refresh], marquee, blink, [autoplay]").isEmpty()) {
            out.add("refresh, marquee or autoplay present");
        }
        if (doc.select("main, [role=main]").size() != 1) {
            out.add("not exactly one main landmark");
        }
        Element firstFocusable = doc.selectFirst("body a[href], body button, body input:not([type=hidden]), body select, body textarea, body [tabindex]");
        String skipTarget = firstFocusable != null && firstFocusable.is("a[href^=#]") ? firstFocusable.attr("href").substring(1) : "";
        if (skipTarget.isEmpty() || doc.getElementById(skipTarget) == null) {
            out.add("no working skip link first in the tab order");
        }
        if (doc.select("h1").size() != 1) {
            out.add("not exactly one h1");
        }
        int last = 0;
        for (Element h : doc.select("h1, h2, h3, h4, h5, h6")) {
            int level = h.tagName().charAt(1) - '0';
            if (level > last + 1) {
                out.add("heading level skipped at " + h.cssSelector());
            }
            last = level;
        }
        Map<String, Integer> ids = new HashMap<>();
        doc.select("[id]").forEach(e -> ids.merge(e.id(), 1, Integer::sum));
        ids.forEach((id, n) -> {
            if (n > 1) {
                out.add("duplicate id " + id);
            }
        });
        for (Element img : doc.select("img")) {
            if (!img.hasAttr("alt")) {
                out.add("img without alt " + img.cssSelector());
            }
        }
        for (Element input : doc.select("input[type=image]")) {
            if (input.attr("alt").isBlank()) {
                out.add("image button without alt");
            }
        }
        for (Element a : doc.select("a[href]")) {
            if (name(a).isBlank()) {
                out.add("link without name " + a.cssSelector());
            }
            if (a.attr("href").toLowerCase().startsWith("javascript:")) {
                out.add("javascript: link " + a.cssSelector());
            }
        }
        for (Element b : doc.select("button")) {
            if (name(b).isBlank()) {
                out.add("button without name " + b.cssSelector());
            }
        }
        for (Element f : doc.select("input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=reset]):not([type=image]), select, textarea")) {
            boolean labelled = !f.attr("aria-label").isBlank() || !f.attr("aria-labelledby").isBlank()
                    || !f.parents().select("label").isEmpty()
                    || (!f.id().isEmpty() && !doc.select("label[for=" + f.id() + "]").isEmpty() && ids.get(f.id()) == 1);
            if (!labelled) {
                out.add("form field without label " + f.cssSelector());
            }
        }
        for (Element frame : doc.select("iframe, frame")) {
            if (frame.attr("title").isBlank()) {
                out.add("frame without title");
            }
        }
        for (Element e : doc.select("[onclick], [onmouseover], [onmousedown]")) {
            if (!INTERACTIVE.contains(e.tagName())) {
                out.add("mouse handler on non-interactive " + e.tagName());
            }
        }
        for (Element table : doc.select("table")) {
            if (table.select("th").isEmpty()) {
                out.add("table without th " + table.cssSelector());
            }
        }
        if (!doc.select("font, center, [style*=color]").isEmpty()) {
            out.add("presentational markup or inline colours");
        }
        return out;
    }

    private static String name(Element e) {
        StringBuilder s = new StringBuilder(e.text()).append(e.attr("aria-label")).append(e.attr("title"));
        e.select("img[alt]").forEach(img -> s.append(img.attr("alt")));
        return s.toString().trim();
    }
}
