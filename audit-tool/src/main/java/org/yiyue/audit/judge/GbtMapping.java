package org.yiyue.audit.judge;

import java.util.List;
import java.util.Map;

import org.yiyue.rules.model.Text;

/**
 * GB/T 37668-2019 level 1 + 2, reached through WCAG SCs. The mapping is ours: the standard references WCAG 2.0/2.1
 * but is not a copy, and most of its clause numbers are unverified [U], so a clause number is printed only where a
 * secondary source quotes it [S] (spec/standards.md §4). Level: WCAG A → level 1, AA → level 2 (our assumption).
 */
public final class GbtMapping {

    /** Clause numbers seen in a secondary source, keyed by the WCAG SC they correspond to. */
    static final Map<String, Text> KNOWN_CLAUSES = Map.of(
            "1.1.1", Text.of("3.2.1.3 非文本控件", "3.2.1.3 non-text controls"),
            "2.4.3", Text.of("3.3.3.6 焦点顺序", "3.3.3.6 focus order"),
            "4.1.2", Text.of("3.5.1.2 功能性组件功能", "3.5.1.2 functional components"));

    /** WCAG 2.2 additions with no counterpart in a 2019 standard built on WCAG 2.0/2.1. */
    static final List<String> NEW_IN_22 = List.of("2.4.11", "2.5.7", "2.5.8", "3.2.6", "3.3.7", "3.3.8");

    public record Item(String id, String viaSc, Text clause, String level) {
    }

    private GbtMapping() {
    }

    public static List<Item> all() {
        return Wcag22.all().stream()
                .filter(sc -> !NEW_IN_22.contains(sc.id()))
                .map(sc -> new Item("GBT:" + sc.id(), sc.id(), KNOWN_CLAUSES.get(sc.id()), sc.level().equals("A") ? "1" : "2"))
                .toList();
    }
}
