package org.yiyue.rules.aria;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Role knowledge from WAI-ARIA 1.2, the Graphics ARIA module and DPUB-ARIA, kept as data.
 * Only facts the rules use are recorded; where the specification versions disagree (1.1 vs 1.2) the entry is left
 * out so that no rule fails on it.
 */
public final class AriaRoles {

    private AriaRoles() {
    }

    private static Set<String> set(String spaceSeparated) {
        return Set.copyOf(Arrays.asList(spaceSeparated.trim().split("\\s+")));
    }

    public static final Set<String> ABSTRACT = set(
            "command composite input landmark range roletype section sectionhead select structure widget window");

    private static final Set<String> CORE = set("""
            alert alertdialog application article banner blockquote button caption cell checkbox code columnheader
            combobox complementary contentinfo definition deletion dialog directory document emphasis feed figure form
            generic grid gridcell group heading img insertion link list listbox listitem log main marquee math menu
            menubar menuitem menuitemcheckbox menuitemradio meter navigation none note option paragraph presentation
            progressbar radio radiogroup region row rowgroup rowheader scrollbar search searchbox separator slider
            spinbutton status strong subscript superscript switch tab table tablist tabpanel term textbox time timer
            toolbar tooltip tree treegrid treeitem
            graphics-document graphics-object graphics-symbol
            doc-abstract doc-acknowledgments doc-afterword doc-appendix doc-backlink doc-biblioentry doc-bibliography
            doc-biblioref doc-chapter doc-colophon doc-conclusion doc-cover doc-credit doc-credits doc-dedication
            doc-endnote doc-endnotes doc-epigraph doc-epilogue doc-errata doc-example doc-footnote doc-foreword
            doc-glossary doc-glossref doc-index doc-introduction doc-noteref doc-notice doc-pagebreak doc-pagefooter
            doc-pageheader doc-pagelist doc-part doc-preface doc-prologue doc-pullquote doc-qna doc-subtitle doc-tip
            doc-toc""");

    /** Widget roles (subclasses of widget), incl. composite widgets and DPUB link roles. */
    public static final Set<String> WIDGET = set("""
            button checkbox gridcell link menuitem menuitemcheckbox menuitemradio option progressbar radio scrollbar
            searchbox separator slider spinbutton switch tab tabpanel textbox treeitem combobox grid listbox menu
            menubar radiogroup tablist tree treegrid doc-backlink doc-biblioref doc-glossref doc-noteref""");

    public static final Set<String> LANDMARK = set(
            "banner complementary contentinfo form main navigation region search doc-glossary doc-endnotes doc-toc");

    /** Roles whose children are presentational (ARIA 1.2 "Children Presentational: True"). */
    public static final Set<String> PRESENTATIONAL_CHILDREN = set("""
            button checkbox img math menuitemcheckbox menuitemradio meter option progressbar radio scrollbar separator
            slider switch tab graphics-symbol doc-pagebreak""");

    /** Roles that support name from content. */
    public static final Set<String> NAME_FROM_CONTENT = set("""
            button cell checkbox columnheader gridcell heading link menuitem menuitemcheckbox menuitemradio option
            radio row rowheader sectionhead switch tab tooltip treeitem doc-backlink doc-biblioref doc-glossref
            doc-noteref""");

    /** Roles on which aria-label and aria-labelledby are prohibited (ARIA 1.2). */
    public static final Set<String> NAMING_PROHIBITED = set("""
            caption code deletion emphasis generic insertion paragraph presentation none strong subscript superscript
            doc-pagebreak""");

    /**
     * Required states and properties of ARIA 1.2 roles, without those that have a default value: per ACT 4e8ab6's
     * text, in ARIA 1.2 only aria-selected of option and tab has one (so those two are left out). Combobox's
     * aria-controls is left out too: ARIA 1.2 asks for it only while the popup is shown.
     */
    public static final Map<String, List<String>> REQUIRED_STATES = Map.of(
            "checkbox", List.of("aria-checked"),
            "combobox", List.of("aria-expanded"),
            "heading", List.of("aria-level"),
            "menuitemcheckbox", List.of("aria-checked"),
            "menuitemradio", List.of("aria-checked"),
            "switch", List.of("aria-checked"),
            "radio", List.of("aria-checked"),
            "meter", List.of("aria-valuenow"),
            "slider", List.of("aria-valuenow"),
            "scrollbar", List.of("aria-controls", "aria-valuenow"));

    /** Required context roles (ARIA 1.2). */
    public static final Map<String, Set<String>> REQUIRED_CONTEXT;
    /** Required owned elements (ARIA 1.2). */
    public static final Map<String, Set<String>> REQUIRED_OWNED;

    static {
        Map<String, Set<String>> ctx = new HashMap<>();
        for (String r : List.of("cell", "columnheader", "gridcell", "rowheader")) {
            ctx.put(r, set("row"));
        }
        ctx.put("listitem", set("list directory"));
        for (String r : List.of("menuitem", "menuitemcheckbox", "menuitemradio")) {
            ctx.put(r, set("menu menubar group"));
        }
        ctx.put("option", set("listbox group"));
        ctx.put("row", set("grid rowgroup table treegrid"));
        ctx.put("rowgroup", set("grid table treegrid"));
        ctx.put("tab", set("tablist"));
        ctx.put("treeitem", set("tree group"));
        REQUIRED_CONTEXT = Map.copyOf(ctx);

        Map<String, Set<String>> owned = new HashMap<>();
        owned.put("feed", set("article"));
        owned.put("grid", set("row rowgroup"));
        owned.put("list", set("listitem"));
        owned.put("listbox", set("group option"));
        owned.put("menu", set("group menuitem menuitemradio menuitemcheckbox"));
        owned.put("menubar", set("group menuitem menuitemradio menuitemcheckbox"));
        owned.put("row", set("cell columnheader gridcell rowheader"));
        owned.put("rowgroup", set("row"));
        owned.put("table", set("row rowgroup"));
        owned.put("tablist", set("tab"));
        owned.put("tree", set("group treeitem"));
        owned.put("treegrid", set("row rowgroup"));
        REQUIRED_OWNED = Map.copyOf(owned);
    }

    /** A role token that names a non-abstract role of the WAI-ARIA specifications. */
    public static boolean isValid(String token) {
        return CORE.contains(token);
    }

    public static boolean isWidget(String role) {
        return role != null && WIDGET.contains(role);
    }

    public static Set<String> all() {
        return new HashSet<>(CORE);
    }
}
