package org.yiyue.rules.checks.structure;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.nodes.Element;
import org.yiyue.rules.dom.Dom;

/** The HTML table grid of one table: the slots each cell covers, honouring colspan and rowspan. */
final class TableGrid {

    /** Rows r0..r1 and columns c0..c1 a cell covers (inclusive). */
    record Slot(int r0, int r1, int c0, int c1) {
    }

    private TableGrid() {
    }

    /** Slots of the table's own cells (not those of nested tables), in document order. */
    static Map<Element, Slot> of(Element table) {
        Map<Element, Slot> slots = new LinkedHashMap<>();
        Map<Long, Boolean> taken = new HashMap<>();
        int r = 0;
        for (Element row : table.select("tr")) {
            if (row.closest("table") != table) {
                continue;
            }
            int c = 0;
            for (Element cell : row.children()) {
                if (!cell.normalName().equals("td") && !cell.normalName().equals("th")) {
                    continue;
                }
                while (taken.containsKey(((long) r << 32) | c)) {
                    c++;
                }
                int cs = span(cell.attr("colspan"), 1000);
                int rs = span(cell.attr("rowspan"), 65534);
                for (int i = 0; i < rs && i < 500; i++) {
                    for (int j = 0; j < cs; j++) {
                        taken.put(((long) (r + i) << 32) | (c + j), true);
                    }
                }
                slots.put(cell, new Slot(r, r + rs - 1, c, c + cs - 1));
                c += cs;
            }
            r++;
        }
        return slots;
    }

    private static int span(String v, int max) {
        Integer n = Dom.parseHtmlInteger(v);
        return n == null || n < 1 ? 1 : Math.min(n, max);
    }
}
