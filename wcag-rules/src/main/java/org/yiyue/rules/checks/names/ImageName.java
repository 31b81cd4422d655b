package org.yiyue.rules.checks.names;

import java.util.Locale;

import org.jsoup.nodes.Element;
import org.yiyue.rules.aria.Roles;
import org.yiyue.rules.dom.Dom;
import org.yiyue.rules.dom.Predicates;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.NameRule;
import org.yiyue.rules.model.Confidence;
import org.yiyue.rules.model.Impact;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.page.Page;

/** ACT 23a2a8: Image has non-empty accessible name. */
public final class ImageName extends NameRule {

    public ImageName() {
        super(Meta.rule("image-name")
                .title("图片有非空的可访问名称", "Image has non-empty accessible name")
                .help("为有意义的图片写 alt 文字；纯装饰图片用 alt=\"\"", "Write alt text for meaningful images; use alt=\"\" for purely decorative ones")
                .wcag(Level.A, "1.1.1").gbt("≈ WCAG 1.1.1", "非文本内容（条款号未核实）", Confidence.OURS).miit("W-C1", "图片等非文本内容可被读屏识别", Confidence.N).act("23a2a8", true).tags("names").impact(Impact.CRITICAL).build());
    }

    @Override
    protected String candidates() {
        return "*";
    }

    @Override
    protected boolean applies(Element e, Page page) {
        if (!(e.normalName().equals("img") && Dom.isHtml(e)) && !(Dom.isHtml(e) && Predicates.hasRole(e, page, "img"))) {
            return false;
        }
        return !Predicates.isProgrammaticallyHidden(e, page);
    }

    @Override
    protected org.yiyue.rules.engine.Verdict expectation(org.yiyue.rules.engine.Target t, Page page) {
        String role = Roles.semantic(t.element(), page);
        if ("none".equals(role) || "presentation".equals(role)) {
            return org.yiyue.rules.engine.Verdict.pass("图片标记为装饰", "The image is marked as decorative");
        }
        return super.expectation(t, page);
    }
}
