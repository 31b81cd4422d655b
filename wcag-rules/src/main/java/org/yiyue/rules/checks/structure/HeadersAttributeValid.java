package org.yiyue.rules.checks.structure;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.jsoup.nodes.Element;
import org.yiyue.rules.aria.Roles;
import org.yiyue.rules.dom.Predicates;
import org.yiyue.rules.dom.Tri;
import org.yiyue.rules.engine.AtomicRule;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.page.Page;

/** ACT a25f45: a headers attribute on a cell refers to other cells of the same table. */
public final class HeadersAttributeValid extends AtomicRule {

    public HeadersAttributeValid() {
        super(Meta.rule("td-headers-same-table")
                .title("单元格的 headers 属性指向同一表格中的单元格", "Headers attribute specified on a cell refers to cells in the same table element")
                .help("headers 中的每个 id 都应属于同一表格里的另一个单元格", "Every id in headers must be another cell of the same table")
                .wcag(Level.A, "1.3.1").act("a25f45", true).tags("tables").build());
    }

    @Override
    protected Stream<Target> applicability(Page page) {
        return page.document().select("td[headers], th[headers]").stream()
                .filter(c -> {
                    Element table = c.closest("table");
                    return table != null && Predicates.isVisible(table, page) != Tri.NO
                            && Predicates.isIncludedInAccessibilityTree(table, page)
                            && Set.of("table", "grid", "treegrid").contains(String.valueOf(Roles.semantic(table, page)));
                })
                .map(c -> Target.attribute(c, "headers"));
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        Element cell = t.element();
        Element table = cell.closest("table");
        for (String id : cell.attr("headers").trim().split("\\s+")) {
            if (id.isEmpty()) {
                continue;
            }
            if (id.equals(cell.id())) {
                return Verdict.fail("headers 引用了单元格自身", "headers refers to the cell itself");
            }
            Element ref = null;
            for (Element c : table.select("td, th")) {
                if (c.id().equals(id) && c.closest("table") == table) {
                    ref = c;
                    break;
                }
            }
            if (ref == null) {
                return Verdict.fail("headers 中的 \"" + id + "\" 不是同一表格中单元格的 id",
                        "\"" + id + "\" in headers is not the id of a cell in the same table");
            }
        }
        return Verdict.pass("headers 引用均有效", "All headers references are cells of the same table");
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
