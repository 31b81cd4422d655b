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

    /**
     * The viewport meta content as key/value pairs, the way browsers parse it (CSS Device Adaptation's parsing
     * algorithm): whitespace, commas and semicolons separate pairs; whitespace around "=" is allowed; a value ends
     * at the next separator. Keys and values are compared lower-cased.
     */
    static Map<String, String> parse(String content) {
        Map<String, String> kv = new HashMap<>();
        String c = content.toLowerCase(Locale.ROOT);
        int i = 0;
        int n = c.length();
        while (i < n) {
            while (i < n && separator(c.charAt(i))) {
                i++;
            }
            int k0 = i;
            while (i < n && !separator(c.charAt(i)) && c.charAt(i) != '=') {
                i++;
            }
            String key = c.substring(k0, i);
            while (i < n && whitespace(c.charAt(i))) {
                i++;
            }
            String value = "";
            if (i < n && c.charAt(i) == '=') {
                i++;
                while (i < n && whitespace(c.charAt(i))) {
                    i++;
                }
                int v0 = i;
                while (i < n && !separator(c.charAt(i))) {
                    i++;
                }
                value = c.substring(v0, i);
            }
            if (!key.isEmpty()) {
                kv.put(key, value);
            }
        }
        return kv;
    }

    private static boolean whitespace(char ch) {
        return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
    }

    private static boolean separator(char ch) {
        return whitespace(ch) || ch == ',' || ch == ';';
    }

    private static final java.util.regex.Pattern NUMBER_PREFIX =
            java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    /** A number value: its leading number, as browsers read one ("2.0x" is 2); null when it does not start with one. */
    private static Double number(String v) {
        java.util.regex.Matcher m = NUMBER_PREFIX.matcher(v);
        if (!m.lookingAt()) {
            return null;
        }
        try {
            return Double.parseDouble(m.group());
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
