package org.yiyue.rules.catalogue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yiyue.rules.engine.Rule;
import org.yiyue.rules.engine.RuleRegistry;
import org.yiyue.rules.model.Mapping;
import org.yiyue.rules.model.RuleMeta;

/**
 * The rule catalogue rendered from rule metadata: JSON for machines, Markdown for people.
 * {@code main(dir)} writes both files (the committed copies live in wcag-rules/docs and a test keeps them current).
 */
public final class Catalogue {

    public static final String JSON_FILE = "rules.json";
    public static final String MARKDOWN_FILE = "rules.md";

    private Catalogue() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "wcag-rules/docs");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(JSON_FILE), json(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(MARKDOWN_FILE), markdown(), StandardCharsets.UTF_8);
        System.out.println("wrote " + dir.resolve(JSON_FILE) + " and " + dir.resolve(MARKDOWN_FILE));
    }

    public static Map<String, Object> toMap(RuleMeta m) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", m.id());
        r.put("title", text(m.title()));
        r.put("help", text(m.help()));
        r.put("wcag", m.wcag());
        r.put("wcagSecondary", m.wcagSecondary());
        r.put("level", m.level().name());
        r.put("act", m.act().map(a -> {
            Map<String, Object> act = new LinkedHashMap<>();
            act.put("id", a.id());
            act.put("status", a.approved() ? "approved" : "proposed");
            act.put("uri", a.uri());
            ActConsistency.of(a.id()).ifPresent(c -> {
                Map<String, Object> measured = new LinkedHashMap<>();
                measured.put("static", c.staticMode());
                measured.put("rendered", c.rendered());
                act.put("consistency", measured);
            });
            return (Object) act;
        }).orElse(null));
        r.put("gbt37668", mappings(m.gbt37668()));
        r.put("miit", mappings(m.miit()));
        r.put("tags", m.tags().stream().sorted().toList());
        r.put("impact", m.impact().label());
        r.put("needs", m.needs().name().toLowerCase(java.util.Locale.ROOT));
        return r;
    }

    private static Map<String, Object> text(org.yiyue.rules.model.Text t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("zh", t.zh());
        m.put("en", t.en());
        return m;
    }

    private static List<Object> mappings(List<Mapping> list) {
        List<Object> out = new ArrayList<>();
        for (Mapping mp : list) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("item", mp.item());
            x.put("description", mp.description());
            x.put("confidence", mp.confidence().label());
            out.add(x);
        }
        return out;
    }

    public static String json() {
        List<Object> rules = new ArrayList<>();
        for (Rule r : RuleRegistry.all()) {
            rules.add(toMap(r.meta()));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", "Yiyue wcag-rules catalogue");
        root.put("summary", summary());
        root.put("rules", rules);
        return Json.write(root);
    }

    static Map<String, Object> summary() {
        long approved = RuleRegistry.all().stream().filter(r -> r.meta().act().map(a -> a.approved()).orElse(false)).count();
        long proposed = RuleRegistry.all().stream().filter(r -> r.meta().act().map(a -> !a.approved()).orElse(false)).count();
        long beyond = RuleRegistry.all().stream().filter(r -> r.meta().act().isEmpty()).count();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("total", RuleRegistry.all().size());
        s.put("actApproved", approved);
        s.put("actProposed", proposed);
        s.put("beyondAct", beyond);
        return s;
    }

    public static String markdown() {
        StringBuilder b = new StringBuilder();
        Map<String, Object> s = summary();
        b.append("# 易阅规则目录 · Yiyue rule catalogue\n\n");
        b.append("Generated from rule metadata by `org.yiyue.rules.catalogue.Catalogue` — do not edit by hand.\n\n");
        b.append("共 ").append(s.get("total")).append(" 条规则：ACT 已批准 ").append(s.get("actApproved"))
                .append(" 条，ACT 提议中 ").append(s.get("actProposed")).append(" 条，ACT 之外的标准检查 ")
                .append(s.get("beyondAct")).append(" 条。\n\n");
        b.append("Mapping confidence: P primary text · S secondary source · N news summary · U unverified · "
                + "ours = our mapping through the WCAG SC (GB/T clause number not verified).\n\n");
        b.append("ACT 一致性 / consistency: W3C's measure (complete / partial / inconsistent) of each procedure on the shared "
                + "half of the official ACT test cases, static mode / rendered mode, as measured by audit-tool's "
                + "ActConformanceTest (inconsistent* there: the half holds no failed example of the rule).\n\n");
        b.append("| id | 规则 / Rule | WCAG 2.2 | 级别 | ACT | ACT 一致性 static / rendered | GB/T 37668 | MIIT 适老化 | 需要 |\n");
        b.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Rule r : RuleRegistry.all()) {
            RuleMeta m = r.meta();
            b.append("| `").append(m.id()).append("` | ").append(m.title().zh()).append("<br>").append(m.title().en())
                    .append(" | ").append(String.join(", ", m.wcag()));
            if (!m.wcagSecondary().isEmpty()) {
                b.append(m.wcag().isEmpty() ? "" : "; ").append("(").append(String.join(", ", m.wcagSecondary())).append(")");
            }
            b.append(" | ").append(m.level().name().equals("NONE") ? "—" : m.level().name())
                    .append(" | ").append(m.act().map(a -> "[" + a.id() + "](" + a.uri() + ")" + (a.approved() ? "" : " (proposed)")).orElse("—"))
                    .append(" | ").append(m.act().flatMap(a -> ActConsistency.of(a.id()))
                            .map(c -> c.staticMode() + " / " + c.rendered()).orElse("—"))
                    .append(" | ").append(cell(m.gbt37668()))
                    .append(" | ").append(cell(m.miit()))
                    .append(" | ").append(m.needs().name().toLowerCase(java.util.Locale.ROOT)).append(" |\n");
        }
        b.append("\n## 说明 · Help\n\n");
        for (Rule r : RuleRegistry.all()) {
            RuleMeta m = r.meta();
            b.append("- **").append(m.id()).append("** — ").append(m.help().zh()).append(" / ").append(m.help().en()).append('\n');
        }
        return b.toString();
    }

    private static String cell(List<Mapping> list) {
        if (list.isEmpty()) {
            return "—";
        }
        List<String> parts = new ArrayList<>();
        for (Mapping mp : list) {
            parts.add(mp.item() + " [" + mp.confidence().label() + "]");
        }
        return String.join("<br>", parts);
    }
}
