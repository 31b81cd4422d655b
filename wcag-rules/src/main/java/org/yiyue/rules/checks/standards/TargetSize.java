package org.yiyue.rules.checks.standards;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jsoup.nodes.Element;
import org.yiyue.rules.aria.AriaRoles;
import org.yiyue.rules.aria.Roles;
import org.yiyue.rules.dom.Dom;
import org.yiyue.rules.dom.Focus;
import org.yiyue.rules.dom.Visibility;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Confidence;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.page.Box;
import org.yiyue.rules.page.ElementFacts;
import org.yiyue.rules.page.Page;

/**
 * WCAG 2.5.8 target size (minimum): a pointer target is at least 24×24 CSS px, or its 24 px circle does not
 * intersect another target or another undersized target's circle. Inline links in text are excepted; native
 * controls the author may not have styled answer cantTell.
 */
public final class TargetSize extends RenderedElementRule {

    public TargetSize() {
        super(Meta.rule("target-size")
                .title("点击目标尺寸至少 24×24 像素", "Target size is at least 24 by 24 CSS pixels")
                .help("把链接和按钮的可点击区域放大到至少 24×24 px（适老版建议 60×60），或拉开间距",
                        "Make links and buttons at least 24×24 px (60×60 recommended in elder mode) or space them apart")
                .wcag(Level.AA, "2.5.8").miit("W-O1", "适老版点击区域 ≥ 60×60（App 规范参考值）", Confidence.S)
                .tags("pointer").rendered().build());
    }

    @Override
    protected boolean applies(Element e, Page page) {
        if (!isTarget(e, page)) {
            return false;
        }
        Optional<ElementFacts> f = Visibility.facts(e, page);
        return f.isPresent() && f.get().box() != null && !f.get().box().empty() && !Boolean.FALSE.equals(f.get().visible());
    }

    static boolean isTarget(Element e, Page page) {
        String role = Roles.semantic(e, page);
        return Focus.inSequentialNavigation(e, page) && (AriaRoles.isWidget(role) || Focus.nativelyFocusable(e))
                && !e.normalName().equals("iframe") && !e.normalName().equals("body")
                && !Visibility.programmaticallyHidden(e, page);
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        Element e = t.element();
        ElementFacts f = Visibility.facts(e, page).orElseThrow();
        Box b = f.box();
        String size = String.format("%.0f×%.0f", b.width(), b.height());
        if (b.width() >= 24 - 0.01 && b.height() >= 24 - 0.01) {
            return Verdict.pass("目标尺寸 " + size + " px", "Target is " + size + " px");
        }
        if ("inline".equals(f.display()) && e.parent() != null && !Dom.textChildren(e.parent()).isEmpty()) {
            return Verdict.pass("句中的行内链接不受尺寸要求约束", "Inline target in a sentence is excepted");
        }
        if (e.normalName().equals("input") || e.normalName().equals("select")) {
            return Verdict.cantTell("原生控件 " + size + " px；若作者未改变其尺寸则属于例外",
                    "Native control " + size + " px; excepted if the author did not change its size");
        }
        List<Box> others = new ArrayList<>();
        for (java.util.Map.Entry<Element, Box> o : targetBoxes(page).entrySet()) {
            Element oe = o.getKey();
            if (oe != e && !oe.parents().contains(e) && !e.parents().contains(oe)) {
                others.add(o.getValue());
            }
        }
        for (Box o : others) {
            boolean oSmall = o.width() < 24 || o.height() < 24;
            if (circleHitsBox(b, o) || (oSmall && distance(b, o) < 24)) {
                return Verdict.fail("目标仅 " + size + " px，且与相邻目标间距不足 24 px",
                        "Target is only " + size + " px and closer than 24 px to another target");
            }
        }
        return Verdict.pass("目标 " + size + " px，但周围间距足够（间距例外）",
                "Target is " + size + " px but has enough spacing (spacing exception)");
    }

    /** Boxes of all targets on the page, collected once (a scan per target is quadratic). */
    private static java.util.Map<Element, Box> targetBoxes(Page page) {
        return page.memo("targetBoxes", page.document(), () -> {
            java.util.Map<Element, Box> boxes = new java.util.LinkedHashMap<>();
            for (Element o : page.document().select("body *")) {
                if (isTarget(o, page)) {
                    Visibility.facts(o, page).map(ElementFacts::box).filter(x -> !x.empty()).ifPresent(b -> boxes.put(o, b));
                }
            }
            return boxes;
        });
    }

    /** The 24 px diameter circle centred on b's box intersects box o. */
    private static boolean circleHitsBox(Box b, Box o) {
        double cx = b.centerX();
        double cy = b.centerY();
        double nx = Math.max(o.x(), Math.min(cx, o.right()));
        double ny = Math.max(o.y(), Math.min(cy, o.bottom()));
        return Math.hypot(cx - nx, cy - ny) < 12;
    }

    private static double distance(Box a, Box b) {
        return Math.hypot(a.centerX() - b.centerX(), a.centerY() - b.centerY());
    }
}
