package org.yiyue.rules.checks.structure;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Element;
import org.yiyue.rules.aria.AriaRoles;
import org.yiyue.rules.aria.Roles;
import org.yiyue.rules.dom.Dom;
import org.yiyue.rules.dom.Focus;
import org.yiyue.rules.dom.Predicates;
import org.yiyue.rules.dom.Tri;
import org.yiyue.rules.engine.ElementRule;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.page.Page;

/** ACT 73f2c2: the autocomplete attribute follows the HTML autofill detail tokens grammar. */
public final class AutocompleteValid extends ElementRule {

    private static final Map<String, String> FIELD_GROUP = new java.util.HashMap<>();

    static {
        for (String f : ("name honorific-prefix given-name additional-name family-name honorific-suffix nickname "
                + "organization-title username organization address-line1 address-line2 address-line3 address-level4 "
                + "address-level3 address-level2 address-level1 country country-name postal-code cc-name cc-given-name "
                + "cc-additional-name cc-family-name cc-number cc-csc cc-type transaction-currency language sex "
                + "tel-country-code tel-national tel-area-code tel-local tel-local-prefix tel-local-suffix tel-extension")
                .split(" ")) {
            FIELD_GROUP.put(f, "text");
        }
        for (String f : "new-password current-password one-time-code".split(" ")) {
            FIELD_GROUP.put(f, "password");
        }
        for (String f : "cc-exp-month cc-exp-year transaction-amount bday-day bday-month bday-year".split(" ")) {
            FIELD_GROUP.put(f, "numeric");
        }
        FIELD_GROUP.put("cc-exp", "month");
        FIELD_GROUP.put("bday", "date");
        FIELD_GROUP.put("url", "url");
        FIELD_GROUP.put("photo", "url");
        FIELD_GROUP.put("impp", "url");
        FIELD_GROUP.put("email", "email");
        FIELD_GROUP.put("tel", "tel");
        FIELD_GROUP.put("street-address", "multiline");
    }

    private static final Set<String> CONTACT_FIELDS = Set.of("email", "impp", "tel", "tel-country-code",
            "tel-national", "tel-area-code", "tel-local", "tel-local-prefix", "tel-local-suffix", "tel-extension");

    public AutocompleteValid() {
        super(Meta.rule("autocomplete-valid")
                .title("autocomplete 属性值有效", "autocomplete attribute has valid value")
                .help("使用 HTML 规定的自动填充词，如 name、tel、email、street-address",
                        "Use HTML autofill tokens such as name, tel, email, street-address")
                .wcag(Level.AA, "1.3.5").act("73f2c2", true).tags("forms").build());
    }

    @Override
    protected String candidates() {
        return "input[autocomplete], select[autocomplete], textarea[autocomplete]";
    }

    @Override
    protected boolean applies(Element e, Page page) {
        String value = e.attr("autocomplete").trim().toLowerCase(Locale.ROOT);
        if (value.isEmpty() || value.equals("on") || value.equals("off") || Predicates.isDisabledElement(e)) {
            return false;
        }
        String type = Dom.attrLower(e, "type");
        if (e.normalName().equals("input")
                && List.of("button", "checkbox", "file", "image", "radio", "reset", "submit").contains(type)) {
            return false;
        }
        if (Predicates.isVisible(e, page) == Tri.NO && !Predicates.isIncludedInAccessibilityTree(e, page)) {
            return false;
        }
        String role = Roles.semantic(e, page);
        return Predicates.isInSequentialFocusNavigation(e, page) || AriaRoles.isWidget(role);
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        String value = t.element().attr("autocomplete").trim().toLowerCase(Locale.ROOT);
        String[] tokens = value.split("\\s+");
        int i = 0;
        if (i < tokens.length && tokens[i].startsWith("section-")) {
            i++;
        }
        if (i < tokens.length && (tokens[i].equals("shipping") || tokens[i].equals("billing"))) {
            i++;
        }
        boolean contact = false;
        if (i < tokens.length && Set.of("home", "work", "mobile", "fax", "pager").contains(tokens[i])) {
            contact = true;
            i++;
        }
        if (i >= tokens.length || !FIELD_GROUP.containsKey(tokens[i])) {
            return Verdict.fail("autocomplete=\"" + value + "\" 缺少有效的字段名", "autocomplete=\"" + value + "\" has no valid field name");
        }
        String field = tokens[i++];
        if (contact && !CONTACT_FIELDS.contains(field)) {
            return Verdict.fail("联系方式类型只能用于 tel/email/impp 字段", "A contact type token is only allowed before tel, email or impp fields");
        }
        if (i < tokens.length && tokens[i].equals("webauthn")) {
            i++;
        }
        if (i != tokens.length) {
            return Verdict.fail("autocomplete=\"" + value + "\" 的词序不对或有多余的词", "autocomplete=\"" + value + "\" has tokens in the wrong order or extra tokens");
        }
        // no check of the field against the control's type: the rule text's "correct autocomplete field" is any
        // field name of HTML's table, and "the purpose of a control is programmatically identifiable even when its
        // autocomplete attribute value is not an appropriate field name for the form control"
        return Verdict.pass("autocomplete=\"" + value + "\" 有效", "autocomplete=\"" + value + "\" is valid");
    }
}
