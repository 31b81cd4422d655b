package org.yiyue.rules.engine;

import org.jsoup.nodes.Element;
import org.yiyue.rules.accname.AccessibleName;
import org.yiyue.rules.model.RuleMeta;
import org.yiyue.rules.page.Page;

/** Expectation shared by the "… has non-empty accessible name" rules. */
public abstract class NameRule extends ElementRule {

    protected NameRule(RuleMeta meta) {
        super(meta);
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        Element e = t.element();
        String name = AccessibleName.of(e, page);
        if (!name.isEmpty() && !isDefaultName(e, name)) {
            return Verdict.pass("可访问名称为“" + name + "”", "Accessible name is \"" + name + "\"");
        }
        return Verdict.fail("元素没有可访问名称，读屏软件无法说明其用途",
                "The element has no accessible name, so screen readers cannot say what it is");
    }

    /** A name the browser supplies by default does not count (e.g. "Submit Query" of an image button). */
    protected boolean isDefaultName(Element e, String name) {
        return false;
    }
}
