package org.yiyue.rules.checks.aria;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.yiyue.rules.aria.AriaAttributes;
import org.yiyue.rules.aria.Roles;
import org.yiyue.rules.dom.Predicates;
import org.yiyue.rules.engine.AtomicRule;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.page.Page;

/**
 * ACT 5c01ea (proposed): an ARIA state or property is global or supported by the element's semantic role.
 * Judged only for attributes whose supporting roles we record; others answer cantTell.
 */
public final class AttributePermitted extends AtomicRule {

    private static Set<String> s(String roles) {
        return Set.of(roles.split(" "));
    }

    /**
     * States a native form control carries itself, where ARIA in HTML decides per control type whether the
     * attribute may repeat or override them; any other non-global attribute is not allowed on a native control.
     */
    private static final Set<String> NATIVE_STATE = Set.of("aria-checked", "aria-required", "aria-readonly",
            "aria-placeholder", "aria-valuemin", "aria-valuemax", "aria-valuenow", "aria-valuetext", "aria-multiline",
            "aria-multiselectable", "aria-autocomplete", "aria-expanded", "aria-pressed", "aria-selected");

    private static final String RANGE = "meter progressbar scrollbar slider spinbutton separator";

    /** Roles that support each attribute (own or inherited), WAI-ARIA 1.2. */
    private static final Map<String, Set<String>> SUPPORTED = Map.ofEntries(
            Map.entry("aria-pressed", s("button")),
            Map.entry("aria-checked", s("checkbox menuitemcheckbox menuitemradio option radio switch treeitem")),
            Map.entry("aria-valuenow", s(RANGE)),
            Map.entry("aria-valuemin", s(RANGE)),
            Map.entry("aria-valuemax", s(RANGE)),
            Map.entry("aria-valuetext", s(RANGE)),
            Map.entry("aria-multiline", s("textbox searchbox")),
            Map.entry("aria-multiselectable", s("grid listbox tablist tree treegrid")),
            Map.entry("aria-sort", s("columnheader rowheader")),
            Map.entry("aria-modal", s("dialog alertdialog")),
            Map.entry("aria-level", s("heading listitem row treeitem doc-biblioentry doc-endnote")),
            Map.entry("aria-placeholder", s("textbox searchbox")),
            Map.entry("aria-autocomplete", s("combobox textbox searchbox")),
            Map.entry("aria-selected", s("gridcell option row tab columnheader rowheader treeitem")),
            Map.entry("aria-expanded", s("application button checkbox combobox gridcell link listbox menuitem row "
                    + "rowheader tab treeitem columnheader menuitemcheckbox menuitemradio switch doc-backlink "
                    + "doc-biblioref doc-glossref doc-noteref")),
            Map.entry("aria-required", s("checkbox combobox gridcell listbox radiogroup spinbutton textbox tree "
                    + "columnheader rowheader searchbox switch treegrid")),
            Map.entry("aria-readonly", s("checkbox combobox grid gridcell listbox radiogroup slider spinbutton textbox "
                    + "columnheader rowheader searchbox switch treegrid menuitemcheckbox menuitemradio")),
            Map.entry("aria-posinset", s("article listitem menuitem option radio row tab menuitemcheckbox menuitemradio "
                    + "treeitem doc-biblioentry doc-endnote")),
            Map.entry("aria-setsize", s("article listitem menuitem option radio row tab menuitemcheckbox menuitemradio "
                    + "treeitem doc-biblioentry doc-endnote")),
            // composite roles (spinbutton is one in ARIA 1.2), group and textbox, and the roles inheriting from them
            Map.entry("aria-activedescendant", s("application combobox grid listbox menu menubar radiogroup tablist tree "
                    + "treegrid group textbox searchbox toolbar row spinbutton")),
            Map.entry("aria-orientation", s("scrollbar select separator slider tablist toolbar listbox menu menubar "
                    + "radiogroup tree treegrid")),
            Map.entry("aria-colcount", s("table grid treegrid")),
            Map.entry("aria-rowcount", s("table grid treegrid")),
            Map.entry("aria-colindex", s("cell row gridcell columnheader rowheader")),
            Map.entry("aria-rowindex", s("cell row gridcell columnheader rowheader")),
            Map.entry("aria-colspan", s("cell gridcell columnheader rowheader")),
            Map.entry("aria-rowspan", s("cell gridcell columnheader rowheader")));

    public AttributePermitted() {
        super(Meta.rule("aria-attribute-permitted")
                .title("ARIA 状态或属性为该角色所允许", "ARIA state or property is permitted")
                .help("只使用该角色支持的 ARIA 状态和属性，或改用支持它的角色",
                        "Use only states and properties the role supports, or give the element a role that does")
                .secondary("1.3.1", "4.1.2").act("5c01ea", false).tags("aria").build());
    }


    /** ACT 5c01ea: "any HTML or SVG element": an SVG image's elements too. */
    @Override
    public java.util.Set<org.yiyue.rules.page.DocumentKind> documentKinds() {
        return HTML_AND_SVG_DOCUMENTS;
    }
    @Override
    protected Stream<Target> applicability(Page page) {
        return page.document().getAllElements().stream()
                .filter(e -> e.attributes().asList().stream().anyMatch(a -> AriaAttributes.isDefined(a.getKey())))
                .filter(e -> Predicates.isIncludedInAccessibilityTree(e, page))
                .flatMap(e -> e.attributes().asList().stream()
                        .map(a -> a.getKey().toLowerCase(Locale.ROOT))
                        .filter(AriaAttributes::isDefined)
                        .map(k -> Target.attribute(e, k)));
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        String attr = t.attribute();
        if (AriaAttributes.GLOBAL.contains(attr)) {
            return Verdict.pass(attr + " 是全局属性", attr + " is global");
        }
        String role = Roles.semantic(t.element(), page);
        Set<String> roles = SUPPORTED.get(attr);
        if (roles == null) {
            return Verdict.cantTell("未收录 " + attr + " 的适用角色", "Supporting roles of " + attr + " not recorded");
        }
        if (role != null && roles.contains(role)) {
            return Verdict.pass(attr + " 为角色 " + role + " 所支持", attr + " is supported by role " + role);
        }
        if (java.util.Set.of("input", "select", "textarea", "button").contains(t.element().normalName())
                && Roles.explicit(t.element()).isEmpty() && NATIVE_STATE.contains(attr)) {
            // ARIA in HTML may allow it on the native control (e.g. aria-required on radio buttons)
            return Verdict.cantTell("原生控件的 ARIA 用法需按 ARIA in HTML 判断",
                    "Native control: allowed use depends on ARIA in HTML");
        }
        return Verdict.fail(attr + " 不被角色 " + role + " 支持", attr + " is not supported by role " + role);
    }
}
