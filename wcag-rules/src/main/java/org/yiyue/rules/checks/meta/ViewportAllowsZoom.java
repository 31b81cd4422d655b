package org.yiyue.rules.checks.meta;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.yiyue.rules.engine.AtomicRule;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Confidence;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.page.Page;

/** ACT b4f0c3: meta viewport does not disable zoom (user-scalable=no, maximum-scale below 2). */
public final class ViewportAllowsZoom extends AtomicRule {

    public ViewportAllowsZoom() {
        super(Meta.rule("meta-viewport-zoom")
                .title("meta viewport 允许缩放", "Meta viewport allows for zoom")
                .help("删除 user-scalable=no，maximum-scale 不小于 2（建议不设置）",
                        "Remove user-scalable=no and keep maximum-scale at 2 or more (or leave it out)")
                .wcag(Level.AA, "1.4.4").act("b4f0c3", true).tags("zoom", "mobile")
                .miit("W-P3", "移动网页需可放大文字", Confidence.OURS).build());
    }

    @Override
    protected Stream<Target> applicability(Page page) {
        return page.document().select("meta[name][content]").stream()
                .filter(m -> m.attr("name").trim().equalsIgnoreCase("viewport"))
                .filter(m -> {
                    Map<String, String> kv = parse(m.attr("content"));
                    return kv.containsKey("maximum-scale") || kv.containsKey("user-scalable");
                })
                .map(Target::of);
    }

    static Map<String, String> parse(String content) {
        Map<String, String> kv = new HashMap<>();
        for (String part : content.toLowerCase(Locale.ROOT).split("[,;]")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                kv.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            } else if (!part.isBlank()) {
                kv.put(part.trim(), "");
            }
        }
        return kv;
    }

    private static Double number(String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        Map<String, String> kv = parse(t.element().attr("content"));
        String scalable = kv.get("user-scalable");
        if (scalable != null && !scalable.equals("yes") && !scalable.equals("device-width")
                && !scalable.equals("device-height")) {
            Double n = number(scalable);
            if (n == null || (n > -1 && n < 1)) {
                return Verdict.fail("user-scalable=" + scalable + " 禁止了用户缩放", "user-scalable=" + scalable + " disables zoom");
            }
        }
        String max = kv.get("maximum-scale");
        if (max != null && !max.equals("device-width") && !max.equals("device-height")) {
            Double n = number(max);
            if (n == null) {
                // an unparsable value translates to 0 in the device adaptation spec, i.e. below 2
                return Verdict.fail("maximum-scale=" + max + " 无效，会阻止缩放", "maximum-scale=" + max + " is invalid and blocks zoom");
            }
            if (n >= 0 && n < 2) {
                return Verdict.fail("maximum-scale=" + max + " 小于 2，无法放大到 200%",
                        "maximum-scale=" + max + " is below 2: text cannot be zoomed to 200%");
            }
        }
        return Verdict.pass("viewport 允许缩放", "The viewport allows zoom");
    }
}
