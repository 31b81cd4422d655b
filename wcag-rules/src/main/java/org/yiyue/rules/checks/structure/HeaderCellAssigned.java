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
        return "th, [role]";
    }

    @Override
    protected boolean applies(Element e, Page page) {
        if (!Predicates.hasRole(e, page, "rowheader", "columnheader") || Predicates.isVisible(e, page) == Tri.NO
                || !Predicates.isIncludedInAccessibilityTree(e, page)) {
            return false;
        }
        Element table = tableOf(e, page);
        return table != null && Predicates.isIncludedInAccessibilityTree(table, page);
    }

    /** The closest ancestor with a semantic table, grid or treegrid role. */
    private static Element tableOf(Element e, Page page) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (Predicates.hasRole(p, page, "table", "grid", "treegrid")) {
                return p;
            }
        }
        return null;
    }

    /** ARIA table (no table element): cells by row and position, or aria-colindex where given. */
    private static Verdict ariaTable(Element header, Element table, Page page) {
        List<List<Element>> rows = new ArrayList<>();
        int hr = -1;
        int hc = -1;
        for (Element row : table.getAllElements()) {
            if (row == table || !Predicates.hasRole(row, page, "row") || tableOf(row, page) != table) {
                continue;
            }
            List<Element> cells = new ArrayList<>();
            for (Element c : row.getAllElements()) {
                if (c != row && Predicates.hasRole(c, page, "cell", "gridcell", "rowheader", "columnheader")
                        && rowOf(c, page) == row) {
                    cells.add(c);
                }
            }
            int at = cells.indexOf(header);
            if (at >= 0) {
                hr = rows.size();
                hc = column(header, at);
            }
            rows.add(cells);
        }
        if (hr < 0) {
            return Verdict.cantTell("表头不在表格的行中", "The header is not in a row of the table");
        }
        boolean column = "columnheader".equals(Roles.semantic(header, page));
        for (int r = 0; r < rows.size(); r++) {
            List<Element> cells = rows.get(r);
            for (int i = 0; i < cells.size(); i++) {
                Element c = cells.get(i);
                if (c != header && (column ? r != hr && column(c, i) == hc : r == hr)) {
                    return Verdict.pass("有对应的单元格", "A cell is assigned");
                }
            }
        }
        return Verdict.fail(column ? "该列没有数据单元格" : "该行没有数据单元格",
                column ? "No data cell in this header's column" : "No data cell in this header's row");
    }

    private static Element rowOf(Element cell, Page page) {
        for (Element p = cell.parent(); p != null; p = p.parent()) {
            if (Predicates.hasRole(p, page, "row")) {
                return p;
            }
        }
        return null;
    }

    private static int column(Element cell, int position) {
        try {
            return Integer.parseInt(cell.attr("aria-colindex").trim()) - 1;
        } catch (NumberFormatException e) {
            return position;
        }
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        Element header = t.element();
        Element table = tableOf(header, page);
        if (!table.normalName().equals("table")) {
            return ariaTable(header, table, page);
        }
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
