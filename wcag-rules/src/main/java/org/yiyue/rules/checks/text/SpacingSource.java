package org.yiyue.rules.checks.text;

import java.util.Locale;
import java.util.Optional;

import org.jsoup.nodes.Element;
import org.yiyue.rules.css.CssKeywords;
import org.yiyue.rules.css.InlineStyle;
import org.yiyue.rules.css.SheetDeclarations;
import org.yiyue.rules.css.SheetDeclarations.Origin;
import org.yiyue.rules.dom.Tri;
import org.yiyue.rules.page.Page;

/**
 * Where the computed value of an inherited text-spacing property comes from: the declaration that wins the cascade
 * on the element, or — when none does, or it says inherit/unset/revert — the one its parent's value comes from.
 * The text-spacing rules apply when that declaration sits in a style attribute and is important (so an inherited
 * important value counts, and {@code inherit !important} of a normal parent value does not).
 *
 * @param declared YES: the value comes from an important style-attribute declaration; NO: it does not;
 *                 UNKNOWN: a stylesheet the static reading cannot settle may decide
 * @param owner    the element carrying that declaration (when YES)
 * @param value    the declared value, lower case (when YES); "initial" stands for the initial value
 */
record SpacingSource(Tri declared, Element owner, String value) {

    static final SpacingSource NOT_DECLARED = new SpacingSource(Tri.NO, null, null);
    static final SpacingSource UNKNOWN = new SpacingSource(Tri.UNKNOWN, null, null);

    static SpacingSource of(Element e, String property, Page page) {
        SheetDeclarations sheets = SheetDeclarations.of(page, property);
        for (Element el = e; el != null; el = el.parent()) {
            Optional<InlineStyle.Declaration> inline = InlineStyle.of(el).get(property);
            if (inline.isPresent() && inline.get().important()) {
                String v = inline.get().value().toLowerCase(Locale.ROOT);
                if (CssKeywords.takesParentValue(v)) {
                    continue;
                }
                if (v.equals("revert-layer")) {
                    return UNKNOWN; // rolls back to author stylesheets we do not model
                }
                return new SpacingSource(Tri.YES, el, v);
            }
            // an important stylesheet declaration beats a normal style attribute; a normal one loses to it
            Origin sheet = sheets.on(el);
            if (sheet == Origin.IMPORTANT) {
                return NOT_DECLARED;
            }
            if (sheet == Origin.UNKNOWN) {
                return UNKNOWN;
            }
            if (inline.isPresent()) {
                String v = inline.get().value().toLowerCase(Locale.ROOT);
                if (CssKeywords.takesParentValue(v)) {
                    continue;
                }
                return v.equals("revert-layer") ? UNKNOWN : NOT_DECLARED;
            }
            if (sheet == Origin.NORMAL) {
                return NOT_DECLARED;
            }
            // nothing declared here: the property inherits from the parent
        }
        return NOT_DECLARED; // the root's initial value
    }
}
