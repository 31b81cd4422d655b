package org.yiyue.rules.checks.structure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.nodes.Element;
import org.jsoup.select.Selector;
import org.yiyue.rules.dom.Tri;
import org.yiyue.rules.dom.Visibility;
import org.yiyue.rules.engine.AtomicRule;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.page.Page;

/**
 * ACT b33eff: elements rotated by CSS only in one orientation (an @media (orientation: …) block in a style
 * element) must not end up turned by 90° between portrait and landscape. Reads style elements only; rules in
 * external stylesheets are not seen.
 */
public final class OrientationNotLocked extends AtomicRule {

    private static final Pattern MEDIA = Pattern.compile(
            "@media[^{]*\\(\\s*orientation\\s*:\\s*(portrait|landscape)\\s*\\)[^{]*\\{", Pattern.CASE_INSENSITIVE);
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)\\}");
    private static final Pattern ROTATE = Pattern.compile(
            "(?:rotatez?|rotate3d\\s*\\(\\s*0\\s*,\\s*0\\s*,\\s*1\\s*,)\\s*\\(?\\s*(-?[\\d.]+)(deg|turn|rad|grad)\\s*\\)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ROTATE_PROP = Pattern.compile("(?:^|;)\\s*rotate\\s*:\\s*(-?[\\d.]+)(deg|turn|rad|grad)",
            Pattern.CASE_INSENSITIVE);
    /** matrix(a, b, …) and matrix3d(a, b, …): a and b give the rotation about the Z axis, atan2(b, a). */
    private static final Pattern MATRIX = Pattern.compile("matrix(?:3d)?\\(\\s*(-?[\\d.]+(?:e-?\\d+)?)\\s*,\\s*(-?[\\d.]+(?:e-?\\d+)?)\\s*,",
            Pattern.CASE_INSENSITIVE);

    public OrientationNotLocked() {
        super(Meta.rule("orientation-not-locked")
                .title("页面方向未被 CSS 变换锁定", "Orientation of the page is not restricted using CSS transforms")
                .help("不要在某一方向的媒体查询中把内容旋转 90°，让页面随设备方向显示",
                        "Do not rotate content by 90° inside an orientation media query; let the page follow the device")
                .wcag(Level.AA, "1.3.4").act("b33eff", true).tags("mobile").build());
    }

    /** Rotation in degrees per element, per orientation, from conditional rules in style elements. */
    private static Map<Element, double[]> rotations(Page page) {
        Map<Element, double[]> out = new HashMap<>();
        for (Element style : page.document().select("style")) {
            String css = style.data().replaceAll("/\\*.*?\\*/", "");
            Matcher m = MEDIA.matcher(css);
            while (m.find()) {
                int portrait = m.group(1).toLowerCase(Locale.ROOT).equals("portrait") ? 0 : 1;
                int end = blockEnd(css, m.end());
                Matcher r = RULE.matcher(css.substring(m.end(), end));
                while (r.find()) {
                    Optional<Double> angle = angle(r.group(2));
                    if (angle.isEmpty()) {
                        continue;
                    }
                    List<Element> matched;
                    try {
                        matched = Selector.select(r.group(1).trim(), page.document());
                    } catch (RuntimeException e) {
                        continue;
                    }
                    for (Element e : matched) {
                        out.computeIfAbsent(e, k -> new double[2])[portrait] = angle.get();
                    }
                }
            }
        }
        return out;
    }

    private static int blockEnd(String css, int from) {
        int depth = 1;
        for (int i = from; i < css.length(); i++) {
            if (css.charAt(i) == '{') {
                depth++;
            } else if (css.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        return css.length();
    }

    static Optional<Double> angle(String declarations) {
        String d = declarations.toLowerCase(Locale.ROOT);
        Matcher p = ROTATE_PROP.matcher(d);
        if (p.find()) {
            return Optional.of(deg(Double.parseDouble(p.group(1)), p.group(2)));
        }
        int t = d.indexOf("transform");
        if (t < 0) {
            return Optional.empty();
        }
        String value = d.substring(t);
        Matcher rot = ROTATE.matcher(value);
        if (rot.find()) {
            return Optional.of(deg(Double.parseDouble(rot.group(1)), rot.group(2)));
        }
        Matcher mx = MATRIX.matcher(value);
        if (mx.find()) {
            return Optional.of(Math.toDegrees(Math.atan2(Double.parseDouble(mx.group(2)), Double.parseDouble(mx.group(1)))));
        }
        return Optional.empty();
    }

    private static double deg(double v, String unit) {
        return switch (unit) {
            case "turn" -> v * 360;
            case "rad" -> Math.toDegrees(v);
            case "grad" -> v * 0.9;
            default -> v;
        };
    }

    @Override
    protected Stream<Target> applicability(Page page) {
        List<Target> out = new ArrayList<>();
        rotations(page).forEach((e, a) -> {
            if (Visibility.visible(e, page) != Tri.NO) {
                out.add(Target.of(e));
            }
        });
        return out.stream();
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        double[] a = rotations(page).get(t.element());
        double relative = Math.abs(((a[0] - a[1]) % 360 + 360) % 360);
        boolean quarter = Math.abs(relative - 90) < 0.5 || Math.abs(relative - 270) < 0.5;
        return quarter
                ? Verdict.fail("在横屏与竖屏之间被旋转 90°，方向被锁定", "Rotated by 90° between portrait and landscape: orientation is locked")
                : Verdict.pass("横竖屏之间没有 90° 旋转", "No 90° rotation between orientations");
    }
}
