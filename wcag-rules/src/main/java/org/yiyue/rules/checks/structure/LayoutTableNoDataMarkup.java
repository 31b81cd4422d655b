package org.yiyue.rules.checks.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.yiyue.rules.engine.ElementRule;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Confidence;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.page.Page;

/**
 * WCAG 1.3.1, failure F46: a table used for layout carries data-table markup — th cells, a caption or a non-empty
 * summary — so screen readers announce headers and captions that are not there. Applies only where the page itself
 * says the table is for layout: role="presentation"/"none", or a summary that calls it a layout table (布局/排版,
 * a legacy habit; the non-empty summary is then the failure). Tables we would only guess to be layout are left alone.
 */
public final class LayoutTableNoDataMarkup extends ElementRule {

    private static final Pattern LAYOUT_WORDS = Pattern.compile("(?i)布局|排版|版式|框架表格|layout");

    public LayoutTableNoDataMarkup() {
        super(Meta.rule("layout-table-no-data-markup")
                .title("排版用的表格不带数据表标记", "Layout tables carry no data table markup")
                .help("排版表格不要用 th、caption 和 summary，并加 role=\"presentation\"；最好改用 CSS 布局",
                        "Do not use th, caption or summary in layout tables, and give them role=\"presentation\"; better, lay out with CSS")
                .wcag(Level.A, "1.3.1").miit("W-C1", "组件名称、角色、状态可被辅助技术获取", Confidence.OURS)
                .tags("tables", "structure").build());
    }

    @Override
    protected String candidates() {
        return "table";
    }

    @Override
    protected boolean applies(Element e, Page page) {
        return declaredLayout(e);
    }

    static boolean declaredLayout(Element table) {
        String role = table.attr("role").trim().toLowerCase(Locale.ROOT);
        String first = role.isEmpty() ? "" : role.split("\\s+")[0];
        return first.equals("presentation") || first.equals("none") || LAYOUT_WORDS.matcher(table.attr("summary")).find();
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        Element table = t.element();
        List<String> marks = new ArrayList<>();
        long th = ownCells(table).stream().filter(c -> c.normalName().equals("th")).count();
        if (th > 0) {
            marks.add(th + " 个 th");
        }
        if (table.children().stream().anyMatch(c -> c.normalName().equals("caption") && !c.text().isBlank())) {
            marks.add("caption");
        }
        if (!table.attr("summary").isBlank()) {
            marks.add("summary=\"" + table.attr("summary").strip() + "\"");
        }
        if (marks.isEmpty()) {
            return Verdict.pass("排版表格没有数据表标记", "The layout table has no data table markup");
        }
        String list = String.join("、", marks);
        return Verdict.fail("此表格用于排版，却带有数据表标记（" + list + "），读屏软件会朗读并不存在的表头或说明（失败技术 F46）",
                "This table is for layout but has data table markup (" + list.replace("个 ", "") + "); screen readers announce headers or captions that are not there (failure F46)");
    }

    /** The table's own cells, not those of tables nested in it. */
    private static List<Element> ownCells(Element table) {
        List<Element> out = new ArrayList<>();
        for (Element c : table.select("th, td")) {
            if (c.closest("table") == table) {
                out.add(c);
            }
        }
        return out;
    }
}
