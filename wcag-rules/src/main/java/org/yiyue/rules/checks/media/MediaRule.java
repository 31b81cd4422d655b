package org.yiyue.rules.checks.media;

import org.jsoup.nodes.Element;
import org.yiyue.rules.dom.Tri;
import org.yiyue.rules.engine.ElementRule;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.RuleMeta;
import org.yiyue.rules.page.Page;

/**
 * An ACT media rule: the applicability over one {@code audio}/{@code video} element is three-valued because it
 * needs browser facts. Elements it certainly excludes are no targets; elements it cannot settle answer cantTell;
 * the expectation judges only elements that certainly apply.
 */
abstract class MediaRule extends ElementRule {

    protected MediaRule(RuleMeta meta) {
        super(meta);
    }

    /** The rule's applicability for this element. */
    protected abstract Tri applicable(Element media, Page page);

    /** The rule's expectation, for an element that certainly applies. */
    protected abstract Verdict judge(Element media, Page page);

    @Override
    protected final boolean applies(Element e, Page page) {
        return applicable(e, page) != Tri.NO;
    }

    @Override
    protected final Verdict expectation(Target t, Page page) {
        if (applicable(t.element(), page) == Tri.UNKNOWN) {
            return page.rendered()
                    ? Verdict.cantTell("浏览器未能读取该媒体资源（时长、播放状态或是否有声音），无法判断规则是否适用",
                            "The browser could not read the media resource (duration, playing state or audio), so whether the rule applies is unknown")
                    : Verdict.needsBrowser();
        }
        return judge(t.element(), page);
    }
}
