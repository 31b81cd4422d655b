package org.yiyue.rules.checks.standards;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.yiyue.rules.accname.AccessibleName;
import org.yiyue.rules.css.InlineStyle;
import org.yiyue.rules.dom.Visibility;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Confidence;
import org.yiyue.rules.model.Text;
import org.yiyue.rules.page.ElementFacts;
import org.yiyue.rules.page.Page;

/**
 * MIIT W-O4 / W-S2: in 适老化 pages a floating window (fixed-position box with an image or frame, not a menu bar)
 * must offer a close control. Fixed position comes from rendered facts or the style attribute.
 */
public final class ElderFloatClosable extends PageCheck {

    private static final Pattern CLOSE = Pattern.compile("(?i)^\\s*(×|x|✕|✖)\\s*$|关闭|close|隐藏");

    public ElderFloatClosable() {
        super(Meta.rule("elder-float-closable")
                .title("适老化页面的漂浮窗可关闭", "Floating windows in elder-mode pages can be closed")
                .help("漂浮窗需提供明显的关闭按钮（≥ 44×44，位于左上、右上或底部居中），或移除漂浮广告",
                        "Give floating windows a clear close button (≥ 44×44, top corner or bottom centre) or remove them")
                .miit("W-O4", "推广类漂浮窗仅在页面载入时出现且可永久关闭", Confidence.S)
                .miit("W-S2", "适老化页面无随机弹出的广告", Confidence.N)
                .tags("elder", "miit").build());
    }

    @Override
    protected boolean applies(Page page) {
        return ElderPage.is(page);
    }

    private static boolean fixed(Element e, Page page) {
        Optional<ElementFacts> f = Visibility.facts(e, page);
        if (f.isPresent() && f.get().position() != null) {
            return f.get().position().equals("fixed");
        }
        return InlineStyle.of(e).value("position").map(p -> p.equals("fixed")).orElse(false);
    }

    private static boolean looksLikeFloat(Element e, Page page) {
        if (e.id().toLowerCase(Locale.ROOT).startsWith("yiyue") || e.select("nav, [role=navigation]").size() > 0
                || e.select("a[href]").size() >= 5) {
            return false;
        }
        if (e.select("img, iframe, object, embed").isEmpty()) {
            return false;
        }
        // fixed page furniture (headers, toolbars, footers, search bars) is not a floating window
        String tag = e.normalName();
        if (tag.equals("header") || tag.equals("nav") || tag.equals("footer") || tag.equals("form")
                || !e.select("h1, h2, h3, form, input, [role=banner], [role=navigation], [role=contentinfo]").isEmpty()) {
            return false;
        }
        String role = e.attr("role").trim().toLowerCase(Locale.ROOT);
        if (role.equals("banner") || role.equals("navigation") || role.equals("contentinfo") || role.equals("toolbar")) {
            return false;
        }
        Optional<ElementFacts> f = Visibility.facts(e, page);
        if (f.isPresent() && f.get().box() != null) {
            double vw = page.facts().map(x -> x.viewportWidth()).orElse(1280.0);
            return f.get().box().width() >= 80 && f.get().box().height() >= 80 && f.get().box().width() < 0.6 * vw;
        }
        return true;
    }

    private static boolean hasClose(Element e, Page page) {
        for (Element c : e.getAllElements()) {
            String cls = (c.className() + " " + c.id()).toLowerCase(Locale.ROOT);
            if (cls.contains("close") || cls.contains("guanbi")) {
                return true;
            }
            String name = AccessibleName.of(c, page);
            String own = c.ownText();
            if (CLOSE.matcher(name).find() || CLOSE.matcher(own).find()) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected List<Finding> findings(Page page) {
        List<Finding> out = new ArrayList<>();
        for (Element e : page.document().select("body *")) {
            if (!fixed(e, page) || Visibility.programmaticallyHidden(e, page) || !looksLikeFloat(e, page)) {
                continue;
            }
            out.add(new Finding(e, hasClose(e, page)
                    ? Verdict.pass("漂浮窗有关闭控件", "The floating window has a close control")
                    : Verdict.fail("漂浮窗没有关闭控件", "The floating window has no close control")));
        }
        return out;
    }

    @Override
    protected Text passMessage() {
        return Text.of("未发现漂浮窗", "No floating windows found");
    }
}
