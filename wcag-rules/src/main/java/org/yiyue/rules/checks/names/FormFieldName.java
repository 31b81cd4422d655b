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

/** ACT e086e5: Form field has non-empty accessible name. */
public final class FormFieldName extends NameRule {

    public FormFieldName() {
        super(Meta.rule("form-field-name")
                .title("表单字段有非空的可访问名称", "Form field has non-empty accessible name")
                .help("用 label 元素（for 属性或包裹）或 aria-label/aria-labelledby 为表单字段命名", "Name the field with a label element (for or wrapping) or aria-label/aria-labelledby")
                .wcag(Level.A, "4.1.2").gbt("3.5.1.2", "功能性组件功能（≈ WCAG 4.1.2）", Confidence.S).miit("W-C1", "组件名称、角色、状态可被辅助技术获取", Confidence.N).act("e086e5", true).tags("names").impact(Impact.CRITICAL).build());
    }

    @Override
    protected String candidates() {
        return "*";
    }

    @Override
    protected boolean applies(Element e, Page page) {
        if (!Predicates.isIncludedInAccessibilityTree(e, page)) {
            return false;
        }
        if (Predicates.hasRole(e, page, "checkbox", "combobox", "listbox", "menuitemcheckbox", "menuitemradio",
                "radio", "searchbox", "slider", "spinbutton", "switch", "textbox")) {
            // every semantic combobox: the rule text's "(select elements)" names an example, not a limit, so an
            // input with a list attribute (implicit combobox) is a form field too
            return true;
        }
        return e.normalName().equals("input") && Roles.semantic(e, page) == null
                && java.util.Set.of("color", "date", "datetime-local", "file", "month", "password", "time", "week")
                        .contains(Dom.attrLower(e, "type"));
    }

}
