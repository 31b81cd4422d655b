package org.yiyue.rules.checks.standards;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.yiyue.rules.accname.AccessibleName;
import org.yiyue.rules.dom.Predicates;
import org.yiyue.rules.engine.ElementRule;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.page.Page;

/**
 * WCAG 3.2.2 on input: choosing an option in a select, radio button or checkbox must not navigate, open a window
 * or submit the form unless the user was told beforehand (the "jump menu" of 友情链接 lists is the classic case).
 * A handler that navigates fails; when the control's name or its form carries an advance notice, cantTell.
 */
public final class NoChangeOnInput extends ElementRule {

    private static final Pattern CHANGES_CONTEXT = Pattern.compile(
            "location(\\.href)?\\s*=|location\\.(assign|replace)\\s*\\(|window\\.open\\s*\\(|\\.submit\\s*\\(\\s*\\)|"
                    + "\\bopen\\s*\\(|navigate\\s*\\(");
    private static final Pattern NOTICE = Pattern.compile("(?i)跳转|打开新|新窗口|将打开|自动提交|will open|opens|navigat|go to");

    public NoChangeOnInput() {
        super(Meta.rule("no-change-on-input")
                .title("改变选项不会自动切换页面", "Changing a setting does not change context")
                .help("给下拉跳转菜单加“前往”按钮，或事先说明选择后会跳转",
                        "Add a 'Go' button to jump menus, or say beforehand that choosing navigates")
                .wcag(Level.A, "3.2.2").tags("forms", "predictable").build());
    }

    @Override
    protected String candidates() {
        return "select[onchange], input[onchange], input[onclick], select[oninput]";
    }

    @Override
    protected boolean applies(Element e, Page page) {
        if (e.normalName().equals("input")) {
            String type = e.attr("type").trim().toLowerCase(Locale.ROOT);
            if (!type.equals("radio") && !type.equals("checkbox")) {
                return false;
            }
        }
        return Predicates.isIncludedInAccessibilityTree(e, page);
    }

    private static String handlers(Element e) {
        return (e.attr("onchange") + ";" + e.attr("oninput") + ";"
                + (e.normalName().equals("input") ? e.attr("onclick") : "")).toLowerCase(Locale.ROOT);
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        Element e = t.element();
        if (!CHANGES_CONTEXT.matcher(handlers(e)).find()) {
            return Verdict.pass("选择后不会跳转或提交", "Choosing does not navigate or submit");
        }
        Element form = e.closest("form");
        String context = AccessibleName.of(e, page) + " " + e.attr("title") + " " + (form == null ? "" : form.text());
        if (NOTICE.matcher(context).find()) {
            return Verdict.cantTell("选择后会跳转，但页面可能已事先说明，需人工确认",
                    "Choosing navigates, but the page may warn beforehand; check by hand");
        }
        return Verdict.fail("选择选项会立即跳转、打开窗口或提交，且未事先说明",
                "Choosing an option navigates, opens a window or submits without prior notice");
    }
}
