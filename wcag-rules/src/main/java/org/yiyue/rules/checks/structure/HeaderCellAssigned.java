package org.yiyue.rules.checks.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Element;
import org.yiyue.rules.aria.Roles;
import org.yiyue.rules.dom.Predicates;
import org.yiyue.rules.dom.Tri;
import org.yiyue.rules.engine.ElementRule;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.page.Page;

/**
 * ACT d0f69e (proposed): a visible row or column header of an HTML table is assigned to at least one cell (data
 * cell or header cell, as every role inheriting from cell counts) —
 * through the cell's headers attribute, or by sharing a row (row header) or column (column header) in the table
 * grid built with colspan/rowspan. Only native tables are judged.
 */
public final class HeaderCellAssigned extends ElementRule {

    public HeaderCellAssigned() {
        super(Meta.rule("th-has-data-cells")
                .title("表头单元格有对应的数据单元格", "Table header cell has assigned cells")
                .help("删除没有数据的表头，或补齐对应的数据单元格；布局表格不要用 th",
                        "Remove headers without data cells or add the cells; do not use th in layout tables")
                .wcag(Level.A, "1.3.1").act("d0f69e", false).tags("tables").build());
    }

    @Override
    protected String candidates() {
        return "th, td[role=columnheader], td[role=rowheader]";
    }

    @Override
    protected boolean applies(Element e, Page page) {
        if (!Predicates.hasRole(e, page, "rowheader", "columnheader") || Predicates.isVisible(e, page) == Tri.NO
                || !Predicates.isIncludedInAccessibilityTree(e, page)) {
            return false;
        }
        Element table = e.closest("table");
        return table != null && Predicates.hasRole(table, page, "table", "grid", "treegrid")
                && Predicates.isIncludedInAccessibilityTree(table, page);
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        Element header = t.element();
        Element table = header.closest("table");
        if (!header.id().isEmpty()) {
            for (Element cell : table.select("td[headers], th[headers]")) {
                for (String ref : cell.attr("headers").trim().split("\\s+")) {
                    if (ref.equals(header.id()) && cell != header) {
                        return Verdict.pass("被单元格的 headers 引用", "Referenced by a cell's headers attribute");
                    }
                }
            }
        }
        Map<Element, TableGrid.Slot> slots = TableGrid.of(table);
        TableGrid.Slot h = slots.get(header);
        if (h == null) {
            return Verdict.cantTell("无法定位表头在表格中的位置", "Cannot place the header in the table grid");
        }
        boolean column = "columnheader".equals(Roles.semantic(header, page));
        List<Element> candidates = new ArrayList<>();
        for (Map.Entry<Element, TableGrid.Slot> s : slots.entrySet()) {
            Element cell = s.getKey();
            TableGrid.Slot p = s.getValue();
            boolean shares = column ? p.c0() <= h.c1() && p.c1() >= h.c0() : p.r0() <= h.r1() && p.r1() >= h.r0();
            // the rule counts every role inheriting from cell: a column header over a column of row headers is assigned
            if (cell != header && shares
                    && Predicates.hasRole(cell, page, "cell", "gridcell", "rowheader", "columnheader")) {
                candidates.add(cell);
            }
        }
        if (!candidates.isEmpty()) {
            return Verdict.pass("有 " + candidates.size() + " 个对应的数据单元格", candidates.size() + " data cell(s) are assigned");
        }
        return Verdict.fail(column ? "该列没有数据单元格" : "该行没有数据单元格",
                column ? "No data cell in this header's column" : "No data cell in this header's row");
    }
}
