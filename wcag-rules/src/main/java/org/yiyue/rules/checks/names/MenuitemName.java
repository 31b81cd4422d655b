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

/** ACT m6b1q3: Menuitem has non-empty accessible name. */
public final class MenuitemName extends NameRule {

    public MenuitemName() {
        super(Meta.rule("menuitem-name")
                .title("菜单项有非空的可访问名称", "Menuitem has non-empty accessible name")
                .help("为菜单项提供文字或 aria-label", "Give the menu item text or aria-label")
                .wcag(Level.A, "4.1.2").act("m6b1q3", true).tags("names").impact(Impact.SERIOUS).build());
    }

    @Override
    protected String candidates() {
        return "*";
    }

    @Override
    protected boolean applies(Element e, Page page) {
        return Dom.isHtml(e) && Predicates.hasRole(e, page, "menuitem") && Predicates.isIncludedInAccessibilityTree(e, page);
    }

}
