package org.yiyue.rules.checks.structure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.yiyue.rules.css.FontWeight;
import org.yiyue.rules.dom.Dom;
import org.yiyue.rules.dom.Visibility;
import org.yiyue.rules.model.Text;
import org.yiyue.rules.page.ElementFacts;
import org.yiyue.rules.page.Page;

/**
 * Positive evidence that a table's first row (or first column) was meant as headers although it is marked up as
 * plain data cells (WCAG failure F91): the row sits in thead; every cell of it is bold while the body is not; or it
 * labels columns of numbers (a word on top of a column of figures or dates is that column's header).
 */
final class TableHeaderEvidence {

    /** A figure: optional sign, digits with separators, optional percent or per-mille; or a date or a time. */
    private static final Pattern FIGURE = Pattern.compile(
            "[+\\-−－]?[¥￥$]?\\d[\\d,，.]*[%％‰]?|\\d{4}[-/.年]\\d{1,2}([-/.月]\\d{1,2}日?)?|\\d{1,2}[:：]\\d{2}");
    /** Placeholders that stand for "no value" in a column of figures (dashes, or words such as 无 / 暂无 / N/A). */
    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)[—–\\-/／…·]*|无|暂无|空|不详|待定|n/?a|null|none");
    /** Header labels are short: a longer first-row text is more likely a featured data row than a header. */
    private static final int LABEL_MAX_CHARS = 30;
    private static final Pattern DIGIT = Pattern.compile("\\d");

    private final Page page;
    private final Map<Element, TableGrid.Slot> slots;
    /** Cell covering each (row, column) slot, keyed row &lt;&lt; 32 | column: big tables stay linear. */
    private final Map<Long, Element> bySlot = new HashMap<>();
    private final int rows;
    private final int columns;

    TableHeaderEvidence(Page page, Map<Element, TableGrid.Slot> slots) {
        this.page = page;
        this.slots = slots;
        int r = 0;
        int c = 0;
        for (TableGrid.Slot s : slots.values()) {
            r = Math.max(r, s.r0() + 1); // rows past the last tr (an oversized rowspan) hold nothing new
            c = Math.max(c, s.c1() + 1);
        }
        this.rows = r;
        this.columns = c;
        slots.forEach((cell, s) -> {
            for (int i = s.r0(); i <= Math.min(s.r1(), rows - 1); i++) {
                for (int j = s.c0(); j <= s.c1(); j++) {
                    bySlot.putIfAbsent(((long) i << 32) | j, cell);
                }
            }
        });
    }

    /** Why the first row reads as column headers, or empty. */
    Optional<Text> columnHeaders() {
        List<Element> first = row(0);
        if (first.size() < 2) {
            return Optional.empty();
        }
        if (!first.stream().allMatch(this::labelLike)) {
            return Optional.empty();
        }
        if (first.stream().allMatch(c -> c.closest("thead") != null)) {
            return Optional.of(Text.of("首行位于 thead 中", "the first row is in thead"));
        }
        List<Element> body = new ArrayList<>();
        slots.forEach((cell, s) -> {
            if (s.r0() > 0) {
                body.add(cell);
            }
        });
        if (allBoldUnlikeTheRest(first, body)) {
            return Optional.of(Text.of("首行单元格全部加粗而其余单元格不加粗", "every first-row cell is bold and the body is not"));
        }
        for (int c = 0; c < columns; c++) {
            Element top = cellAt(0, c);
            if (top != null && slots.get(top).c0() == c && slots.get(top).c1() == c && labelsFigures(top, c)) {
                return Optional.of(Text.of("首行的“" + shortText(top) + "”是一列数字或日期的标签",
                        "first-row cell \"" + shortText(top) + "\" labels a column of figures or dates"));
            }
        }
        return Optional.empty();
    }

    /**
     * Why the first column reads as row headers, or empty. Only boldness counts, and only with three or more
     * columns: in a two-column label/value table each value directly follows its label in reading order.
     */
    Optional<Text> rowHeaders() {
        if (columns < 3) {
            return Optional.empty();
        }
        List<Element> first = new ArrayList<>();
        List<Element> rest = new ArrayList<>();
        slots.forEach((cell, s) -> {
            if (s.r0() == 0) {
                return; // the first row may be a header row of its own
            }
            (s.c0() == 0 ? first : rest).add(cell);
        });
        if (first.size() >= 2 && first.stream().allMatch(this::labelLike) && allBoldUnlikeTheRest(first, rest)) {
            return Optional.of(Text.of("首列单元格全部加粗而其余单元格不加粗", "every first-column cell is bold and the others are not"));
        }
        return Optional.empty();
    }

    /** Blank (a corner cell), or a short text that is not a figure: what a header cell holds. */
    private boolean labelLike(Element cell) {
        String t = Dom.flat(cell.text()).replace(" ", "");
        return t.isEmpty() || t.length() <= LABEL_MAX_CHARS && !FIGURE.matcher(t).matches();
    }

    private List<Element> row(int r) {
        List<Element> out = new ArrayList<>();
        slots.forEach((cell, s) -> {
            if (s.r0() == r) {
                out.add(cell);
            }
        });
        return out;
    }

    private Element cellAt(int r, int c) {
        return bySlot.get(((long) r << 32) | c);
    }

    /** At least two non-empty candidates, all bold; and most non-empty cells of the rest not bold. */
    private boolean allBoldUnlikeTheRest(List<Element> candidates, List<Element> rest) {
        int nonEmpty = 0;
        for (Element c : candidates) {
            if (Dom.isBlank(c.text())) {
                continue;
            }
            nonEmpty++;
            if (!bold(c)) {
                return false;
            }
        }
        if (nonEmpty < 2) {
            return false;
        }
        int restNonEmpty = 0;
        int restBold = 0;
        for (Element c : rest) {
            if (!Dom.isBlank(c.text())) {
                restNonEmpty++;
                if (bold(c)) {
                    restBold++;
                }
            }
        }
        return restNonEmpty > 0 && restBold * 2 < restNonEmpty;
    }

    /** The cell's text is bold: measured, declared on the cell or its row, or every text run wrapped in b/strong. */
    boolean bold(Element cell) {
        Optional<ElementFacts> f = Visibility.facts(cell, page);
        if (f.isPresent() && f.get().fontWeight() != null && f.get().fontWeight() >= FontWeight.BOLD) {
            return true;
        }
        for (Element p = cell; p != null && !p.normalName().equals("table"); p = p.parent()) {
            Optional<Boolean> declared = FontWeight.declaredFor(p, page);
            if (declared.isPresent()) {
                if (declared.get()) {
                    return true;
                }
                break;
            }
        }
        return textAllWrappedInBold(cell);
    }

    private boolean textAllWrappedInBold(Element cell) {
        boolean[] any = {false};
        boolean[] all = {true};
        NodeTraversor.traverse((NodeVisitor) (node, depth) -> {
            if (node instanceof TextNode t && !Dom.isBlank(t.text())) {
                any[0] = true;
                if (!insideBold(t.parent(), cell)) {
                    all[0] = false;
                }
            }
        }, cell);
        return any[0] && all[0];
    }

    private boolean insideBold(org.jsoup.nodes.Node n, Element cell) {
        for (org.jsoup.nodes.Node p = n; p instanceof Element e && e != cell; p = p.parent()) {
            switch (e.normalName()) {
                case "b", "strong", "h1", "h2", "h3", "h4", "h5", "h6" -> { return true; }
                default -> { }
            }
            Optional<Boolean> declared = FontWeight.declaredFor(e, page);
            if (declared.isPresent()) {
                return declared.get();
            }
        }
        return false;
    }

    /** The top cell is a word (no digits) over a column whose other cells are figures (at least two) or blanks. */
    private boolean labelsFigures(Element top, int c) {
        String label = Dom.flat(top.text());
        if (label.isEmpty() || DIGIT.matcher(label).find() || PLACEHOLDER.matcher(label).matches()) {
            return false;
        }
        int figures = 0;
        for (int r = 1; r < rows; r++) {
            Element cell = cellAt(r, c);
            if (cell == null) {
                continue;
            }
            TableGrid.Slot s = slots.get(cell);
            if (s.r0() != r) {
                continue; // a rowspan already counted
            }
            if (s.c0() != c || s.c1() != c) {
                return false; // spanning cells make the column ambiguous
            }
            String v = Dom.flat(cell.text()).replace(" ", "");
            if (FIGURE.matcher(v).matches()) {
                figures++;
            } else if (!PLACEHOLDER.matcher(v).matches()) {
                return false;
            }
        }
        return figures >= 2;
    }

    private static String shortText(Element e) {
        String t = Dom.flat(e.text());
        return t.length() > 20 ? t.substring(0, 20) + "…" : t;
    }
}
