package org.yiyue.rules.checks.structure;

import java.util.Map;
import java.util.Optional;

import org.jsoup.nodes.Element;
import org.yiyue.rules.dom.Predicates;
import org.yiyue.rules.dom.Tri;
import org.yiyue.rules.engine.ElementRule;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Impact;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.model.Text;
import org.yiyue.rules.page.Page;

/**
 * WCAG 1.3.1, failure F91 (beyond ACT): a data table has header cells. Applies to tables in the accessibility tree
 * that look like data tables (a grid of at least 2 × 2 cells, no nested table, no form controls or page
 * structure in the cells). Passes with th, columnheader/rowheader cells, or headers/scope associations. Fails only
 * on positive evidence that a row or column was meant as headers (see {@link TableHeaderEvidence}); otherwise a
 * person decides (cantTell).
 */
public final class DataTableHeaders extends ElementRule {

    /** Cell content that marks a layout table: page structure and forms do not sit in data cells. */
    private static final String LAYOUT_CONTENT = "table, form, input:not([type=hidden]), select, textarea, iframe, "
            + "h1, h2, h3, h4, h5, h6, header, footer, nav, aside, main, article, section";

    public DataTableHeaders() {
        super(Meta.rule("data-table-has-headers")
                .title("数据表格用表头单元格标记表头", "Data table marks its headers as header cells")
                .help("把表头单元格改为 <th>（必要时加 scope=\"col\"/\"row\"），不要只用加粗的 <td> 表示表头",
                        "Mark header cells up as <th> (with scope=\"col\"/\"row\" where needed), not as bold <td> cells")
                .wcag(Level.A, "1.3.1").tags("tables").impact(Impact.SERIOUS).build());
    }

    @Override
    protected String candidates() {
        return "table";
    }

    @Override
    protected boolean applies(Element table, Page page) {
        if (!Predicates.hasRole(table, page, "table", "grid", "treegrid")
                || !Predicates.isIncludedInAccessibilityTree(table, page) || Predicates.isVisible(table, page) == Tri.NO
                || table.select(LAYOUT_CONTENT).stream().anyMatch(d -> d != table)) {
            return false;
        }
        return atLeastTwoRowsOfTwoCells(table);
    }

    /** Two rows of the table's own with two or more cells each (stops as soon as two are found). */
    private static boolean atLeastTwoRowsOfTwoCells(Element table) {
        int rows = 0;
        for (Element row : table.select("tr")) {
            if (row.closest("table") != table) {
                continue;
            }
            int cells = 0;
            for (Element c : row.children()) {
                if (c.normalName().equals("td") || c.normalName().equals("th")) {
                    cells++;
                }
            }
            if (cells >= 2 && ++rows == 2) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        Element table = t.element();
        Map<Element, TableGrid.Slot> slots = TableGrid.of(table);
        for (Element cell : slots.keySet()) {
            // a td is a header only by an explicit role: skip the role algorithm for plain cells (big tables)
            if (cell.normalName().equals("th")
                    || cell.hasAttr("role") && Predicates.hasRole(cell, page, "columnheader", "rowheader")) {
                return Verdict.pass("表格有表头单元格", "The table has header cells");
            }
            if (cell.hasAttr("headers") || cell.hasAttr("scope")) {
                return Verdict.pass("单元格用 headers/scope 关联表头", "Cells are associated with headers (headers/scope)");
            }
        }
        TableHeaderEvidence evidence = new TableHeaderEvidence(page, slots);
        Optional<Text> why = evidence.columnHeaders().or(evidence::rowHeaders);
        if (why.isPresent()) {
            return Verdict.fail("数据表格没有表头单元格，但" + why.get().zh() + "：表头只在视觉上呈现，读屏软件无法把数据与表头对应（F91）",
                    "Data table without header cells although " + why.get().en()
                            + ": the headers are visual only and screen readers cannot relate data to them (F91)");
        }
        return Verdict.cantTell("看似数据表格但没有表头单元格；请人工判断首行或首列是否为表头",
                "Looks like a data table without header cells; a person must judge whether a row or column is headers");
    }
}
