package org.yiyue.rules.checks.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Element;
import org.yiyue.rules.dom.Dom;
import org.yiyue.rules.dom.Predicates;
import org.yiyue.rules.engine.ElementRule;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Confidence;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.page.Page;

/**
 * WCAG 1.3.2, failure F49 (a layout table that makes no sense when linearized), in the one shape a program can
 * decide: a form laid out as a row of labels above a row of fields. Read in order, a screen reader gives every label
 * first and then a run of unnamed fields. Target: the row of fields. It passes when every field carries its label
 * programmatically (then each field is announced with its own label wherever it is read).
 * Applies only to tables not marked up as data tables (no th, caption, thead, headers or scope).
 */
public final class LayoutTableReadingOrder extends ElementRule {

    /** A field and the label text in the same column of the row above. */
    private record Pair(Element field, String label) {
    }

    private static final Set<String> NOT_TEXT_FIELDS = Set.of("hidden", "submit", "reset", "button", "image");

    public LayoutTableReadingOrder() {
        super(Meta.rule("layout-table-reading-order")
                .title("排版表格中的表单，线性阅读时标签不与输入框分离",
                        "Forms laid out in tables keep labels with their fields when read in order")
                .help("把每个标签放在其输入框的同一行（同一单元格或相邻单元格），或用 <label for> 关联；最好改用 CSS 布局",
                        "Put each label beside its field (same or adjacent cell) or associate it with <label for>; better, lay out with CSS")
                .wcag(Level.A, "1.3.2").miit("W-C1", "组件名称、角色、状态可被辅助技术获取", Confidence.OURS)
                .tags("tables", "forms", "structure").build());
    }

    @Override
    protected String candidates() {
        return "tr";
    }

    @Override
    protected boolean applies(Element row, Page page) {
        Element table = row.closest("table");
        if (table == null || !Dom.isHtml(row) || Dom.inNonRenderedContainer(row) || markedAsData(table)) {
            return false;
        }
        return pairing(row, table) != null;
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        Element row = t.element();
        List<String> unnamed = new ArrayList<>();
        for (Pair p : pairing(row, row.closest("table"))) {
            if (!Predicates.hasNonEmptyAccessibleName(p.field(), page)) {
                unnamed.add(p.label());
            }
        }
        if (unnamed.isEmpty()) {
            return Verdict.pass("标签在上一行，但每个输入框都以程序方式关联了名称",
                    "The labels are in the row above, but every field carries its name programmatically");
        }
        String list = String.join("、", unnamed);
        return Verdict.fail("表单标签（" + list + "）在上一行、输入框在下一行且未关联：线性阅读时先读完所有标签，再读到一串无名输入框（失败技术 F49）",
                "The form labels (" + String.join(", ", unnamed) + ") are in the row above their fields, which are not associated with them: "
                        + "read in order, all labels come first and then a run of unnamed fields (failure F49)");
    }

    /** True when the table's own markup says it holds data. */
    private static boolean markedAsData(Element table) {
        for (Element e : table.select("th, caption, thead, td[headers], td[scope]")) {
            if (e.closest("table") == table) {
                return true;
            }
        }
        return false;
    }

    /**
     * For a row of ≥ 2 field-only cells right below a row whose cells in the same columns hold only text: the
     * label text above each field, in the row's order; else null.
     */
    private static List<Pair> pairing(Element row, Element table) {
        List<Element> cells = ownCells(row);
        List<Element> fields = new ArrayList<>();
        for (Element c : cells) {
            List<Element> f = fieldsIn(c);
            if (f.size() == 1 && ownText(c).isEmpty()) {
                fields.add(f.get(0));
            } else if (!f.isEmpty()) {
                return null; // a field with its own text beside it: not the pattern
            }
        }
        if (fields.size() < 2) {
            return null;
        }
        Element above = row.previousElementSibling();
        while (above != null && !above.normalName().equals("tr")) {
            above = above.previousElementSibling();
        }
        if (above == null || spans(row) || spans(above)) {
            return null;
        }
        Map<Element, TableGrid.Slot> grid = TableGrid.of(table);
        List<Pair> out = new ArrayList<>();
        for (Element field : fields) {
            Element cell = field.closest("td");
            TableGrid.Slot s = grid.get(cell);
            Element label = s == null ? null : cellAt(above, grid, s.c0());
            if (label == null || !fieldsIn(label).isEmpty() || label.select("a, button").size() > 0) {
                return null;
            }
            String text = Dom.flat(label.text());
            if (text.isEmpty() || text.length() > 30) {
                return null;
            }
            out.add(new Pair(field, text));
        }
        return out;
    }

    /** The cell's text outside its fields (a select's options and a textarea's content are not the cell's text). */
    private static String ownText(Element cell) {
        Element copy = cell.clone();
        copy.select("select, textarea").remove();
        return Dom.flat(copy.text());
    }

    private static List<Element> fieldsIn(Element cell) {
        List<Element> out = new ArrayList<>();
        for (Element e : cell.select("input, select, textarea")) {
            if (e.closest("td, th") != cell) {
                continue;
            }
            if (e.normalName().equals("input") && NOT_TEXT_FIELDS.contains(Dom.attrLower(e, "type"))) {
                continue;
            }
            out.add(e);
        }
        return out;
    }

    private static Element cellAt(Element row, Map<Element, TableGrid.Slot> grid, int column) {
        for (Element c : ownCells(row)) {
            TableGrid.Slot s = grid.get(c);
            if (s != null && s.c0() <= column && column <= s.c1()) {
                return c;
            }
        }
        return null;
    }

    private static boolean spans(Element row) {
        return ownCells(row).stream().anyMatch(c -> {
            Integer rs = Dom.parseHtmlInteger(c.attr("rowspan"));
            return rs != null && rs != 1;
        });
    }

    private static List<Element> ownCells(Element row) {
        List<Element> out = new ArrayList<>();
        for (Element c : row.children()) {
            if (c.normalName().equals("td") || c.normalName().equals("th")) {
                out.add(c);
            }
        }
        return out;
    }
}
