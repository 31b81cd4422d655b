package org.yiyue.audit.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.yiyue.audit.judge.Wcag22;

/**
 * What an evaluator or a bureau chief reads first, at the top of each report and on the first PDF page: per
 * standard the score, the veto items, failed requirements and what still needs an evaluator; failed elements by
 * severity; the ten worst problems with their pages and fix hints; two small charts. For several sites, a one-page
 * overview table. Automated results only: it never claims compliance.
 */
final class VerdictSummary {

    static final List<String> SEVERITIES = List.of("critical", "serious", "moderate", "minor");
    static final int TOP = 10;

    private final boolean zh;

    VerdictSummary(boolean zh) {
        this.zh = zh;
    }

    private String t(String zhText, String enText) {
        return Html.esc(zh ? zhText : enText);
    }

    /** One problem: a failing check with where it fails. */
    record Problem(String ruleId, String engine, String title, String severity, List<String> sc, List<String> pages,
                   int elements, String fix) {
    }

    /** The site summary; {@code hl} is its heading level. */
    void site(StringBuilder sb, AuditReport r, int hl, String p) {
        // named with the site: the combined certificate holds one such landmark per site, and landmarks need
        // distinct names (axe landmark-unique)
        sb.append("<section class=\"verdict\" aria-label=\"").append(t("结论摘要：", "Verdict at a glance: "))
                .append(Html.esc(r.siteName())).append("\">\n");
        sb.append("<h").append(hl).append(" id=\"").append(p).append("-v\">").append(t("结论摘要", "Verdict at a glance"))
                .append("</h").append(hl).append(">\n");
        sb.append("<p class=\"note\">").append(t("以下仅为自动检测结果，不能代替测评人员的判定：标为“需测评人员”的要求必须由测评人员检查。得分为本工具公式。",
                "Automated results only, not an evaluator's judgement: requirements marked “needs an evaluator” must be checked by one. Scores use our own formula."))
                .append("</p>\n");
        scoreTable(sb, r);
        severityLine(sb, r);
        topProblems(sb, r);
        evaluatorLine(sb, r);
        charts(sb, r, hl + 1, p);
        sb.append("</section>\n");
    }

    /** The one-page overview of several sites that opens the combined certificate. */
    void overview(StringBuilder sb, List<AuditReport> reports, int hl) {
        sb.append("<section class=\"verdict\" aria-labelledby=\"overview\">\n<h").append(hl).append(" id=\"overview\">")
                .append(t("各网站结论摘要", "Verdict for every site")).append("</h").append(hl).append(">\n");
        sb.append("<p class=\"note\">").append(t("仅为自动检测结果，不能代替测评人员的判定；“需测评人员”的要求须人工检查。得分为本工具公式（0–100）。",
                "Automated results only, not an evaluator's judgement; requirements that need an evaluator must be checked by one. Scores use our own formula (0–100)."))
                .append("</p>\n");
        List<String> standards = new ArrayList<>();
        reports.forEach(r -> r.scores().forEach(s -> {
            if (!standards.contains(s.standard())) {
                standards.add(s.standard());
            }
        }));
        sb.append("<table class=\"overview\"><caption>").append(t("每个网站、每项标准的得分与否决项", "Score and veto items per site and standard"))
                .append("</caption><thead><tr><th scope=\"col\">").append(t("网站", "Site")).append("</th>");
        for (String std : standards) {
            sb.append("<th scope=\"col\">").append(shortStd(std)).append(t(" 得分", " score")).append("</th>");
        }
        sb.append("<th scope=\"col\">").append(t("否决项", "Veto items")).append("</th><th scope=\"col\">")
                .append(t("不通过元素（严重 / 较重 / 中等 / 轻微）", "Failed elements (critical / serious / moderate / minor)"))
                .append("</th><th scope=\"col\">").append(t("需测评人员的要求", "Requirements needing an evaluator")).append("</th></tr></thead><tbody>");
        for (AuditReport r : reports) {
            sb.append("<tr><th scope=\"row\">").append(Html.esc(r.siteId() + " " + r.siteName())).append("</th>");
            for (String std : standards) {
                Score s = r.scores().stream().filter(x -> x.standard().equals(std)).findFirst().orElse(null);
                sb.append("<td>").append(s == null ? "—" : score(s)).append("</td>");
            }
            Map<String, Integer> sev = severities(r);
            sb.append("<td>").append(vetoText(r, true)).append("</td><td>")
                    .append(r.failures()).append(zh ? "（" : " (").append(sev.get("critical")).append(" / ").append(sev.get("serious"))
                    .append(" / ").append(sev.get("moderate")).append(" / ").append(sev.get("minor")).append(zh ? "）" : ")").append("</td><td>")
                    .append(needsEvaluator(r.requirements())).append("</td></tr>");
        }
        sb.append("</tbody></table>\n");
        sb.append("<p>").append(t("每个网站的十大问题、图表和逐项结果见下文各网站部分及其单独报告。",
                "Each site's top ten problems, charts and per-requirement results follow in its section and its own report.")).append("</p>\n");
        sb.append("</section>\n");
    }

    private void scoreTable(StringBuilder sb, AuditReport r) {
        sb.append("<table class=\"scores\"><caption>").append(t("各项标准的得分、否决项与待人工检查项", "Score, veto items and open items per standard"))
                .append("</caption><thead><tr><th scope=\"col\">").append(t("标准", "Standard")).append("</th><th scope=\"col\">")
                .append(t("得分", "Score")).append("</th><th scope=\"col\">").append(t("否决项", "Veto items")).append("</th><th scope=\"col\">")
                .append(t("不通过的要求", "Failed requirements")).append("</th><th scope=\"col\">").append(t("需测评人员", "Needs an evaluator"))
                .append("</th><th scope=\"col\">").append(t("已判定 / 总项", "Decided / total")).append("</th></tr></thead><tbody>");
        for (Score s : r.scores()) {
            List<RequirementResult> rs = r.requirements().stream().filter(x -> x.standard().equals(s.standard())).toList();
            sb.append("<tr><th scope=\"row\">").append(shortStd(s.standard())).append("</th><td>").append(score(s)).append("</td><td>")
                    .append(s.standard().equals("elder") ? vetoText(r, false) : t("本标准无否决项", "none in this standard"))
                    .append("</td><td>").append(s.failed()).append("</td><td>").append(needsEvaluator(rs)).append("</td><td>")
                    .append(s.decided()).append(" / ").append(s.total()).append("</td></tr>");
        }
        sb.append("</tbody></table>\n");
    }

    private void severityLine(StringBuilder sb, AuditReport r) {
        Map<String, Integer> sev = severities(r);
        sb.append("<p class=\"severity\"><strong>").append(t("不通过元素按严重程度：", "Failed elements by severity: ")).append("</strong>");
        List<String> parts = new ArrayList<>();
        for (String s : SEVERITIES) {
            parts.add(severityName(s) + " " + sev.get(s));
        }
        if (sev.get("other") > 0) {
            parts.add(t("未分级", "unrated") + " " + sev.get("other"));
        }
        sb.append(Html.esc(String.join(zh ? "，" : ", ", parts))).append(t("；共 ", "; total ")).append(r.failures()).append("</p>\n");
    }

    private void topProblems(StringBuilder sb, AuditReport r) {
        List<Problem> top = problems(r, zh).stream().limit(TOP).toList();
        if (top.isEmpty()) {
            sb.append("<p>").append(t("自动检测没有发现不通过的元素。", "Automated checks found no failing element.")).append("</p>\n");
            return;
        }
        sb.append("<table class=\"top\"><caption>").append(t("最需修复的 " + top.size() + " 个问题", "Top " + top.size() + " problems to fix"))
                .append("</caption><thead><tr><th scope=\"col\">#</th><th scope=\"col\">").append(t("问题", "Problem")).append("</th><th scope=\"col\">")
                .append(t("严重程度", "Severity")).append("</th><th scope=\"col\">").append(t("页面", "Pages")).append("</th><th scope=\"col\">")
                .append(t("修复建议", "Fix hint")).append("</th></tr></thead><tbody>");
        int i = 0;
        for (Problem pr : top) {
            String pages = String.join(zh ? "，" : ", ", pr.pages().stream().limit(3).map(HtmlReport::shortUrl).toList())
                    + (pr.pages().size() > 3 ? (zh ? " 等 " + pr.pages().size() + " 页" : " and " + (pr.pages().size() - 3) + " more") : "");
            sb.append("<tr><td>").append(++i).append("</td><th scope=\"row\">").append(Html.esc(pr.title()))
                    .append(pr.sc().isEmpty() ? "" : " <span class=\"sc\">(" + Html.esc(String.join(", ", pr.sc())) + ")</span>")
                    .append("<br><code>").append(Html.esc(pr.ruleId())).append("</code></th><td>").append(Html.esc(severityName(pr.severity())))
                    .append("</td><td>").append(Html.esc(pages)).append(zh ? "（" + pr.elements() + " 处）" : " (" + pr.elements() + " elements)")
                    .append("</td><td>").append(Html.esc(clip(pr.fix(), 90))).append("</td></tr>");
        }
        sb.append("</tbody></table>\n");
    }

    private void evaluatorLine(StringBuilder sb, AuditReport r) {
        sb.append("<p class=\"evaluator\"><strong>").append(t("需要测评人员：", "Needs an evaluator: ")).append("</strong>");
        List<String> parts = new ArrayList<>();
        for (Score s : r.scores()) {
            List<RequirementResult> rs = r.requirements().stream().filter(x -> x.standard().equals(s.standard())).toList();
            long notTested = rs.stream().filter(x -> x.verdict() == Verdict.NOT_TESTED).count();
            long cantTell = rs.stream().filter(x -> x.verdict() == Verdict.CANNOT_TELL).count();
            parts.add(zh ? shortStdText(s.standard()) + " " + notTested + " 项未自动检测、" + cantTell + " 项无法自动判定"
                    : shortStdText(s.standard()) + ": " + notTested + " not tested automatically, " + cantTell + " undecided");
        }
        sb.append(Html.esc(String.join(zh ? "；" : "; ", parts))).append(t("。逐项清单见“逐项技术结果”。", ". The list is under “Technical results per requirement”."))
                .append("</p>\n");
    }

    private void charts(StringBuilder sb, AuditReport r, int hl, String p) {
        Map<Integer, Integer> byPrinciple = new TreeMap<>();
        Map<String, Integer> byType = new LinkedHashMap<>();
        for (PageReport pg : r.pages()) {
            for (Finding f : pg.findings()) {
                if (!f.failed()) {
                    continue;
                }
                if (!f.sc().isEmpty()) {
                    byPrinciple.merge(f.sc().get(0).charAt(0) - '0', 1, Integer::sum);
                }
                byType.merge(pg.pageType() == null || pg.pageType().isBlank() ? "—" : pg.pageType(), 1, Integer::sum);
            }
        }
        List<Charts.Bar> principle = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            principle.add(new Charts.Bar(zh ? Wcag22.principleZh(i) : Wcag22.principleEn(i), byPrinciple.getOrDefault(i, 0)));
        }
        sb.append("<div class=\"vcharts\">\n");
        HtmlReport.chart(sb, hl, p + "-vp", zh ? "不通过元素：按原则" : "Failed elements by principle", principle, zh ? "个" : "failures", zh);
        List<Charts.Bar> type = new ArrayList<>();
        byType.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8)
                .forEach(e -> type.add(new Charts.Bar(e.getKey(), e.getValue())));
        HtmlReport.chart(sb, hl, p + "-vt", zh ? "不通过元素：按页面类型（前 8 类）" : "Failed elements by page type (top 8)", type, zh ? "个" : "failures", zh);
        sb.append("</div>\n");
    }

    /** Failing checks, worst first: highest severity, then most pages, then most elements. */
    static List<Problem> problems(AuditReport r, boolean zh) {
        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        for (Finding f : r.findings()) {
            if (f.failed()) {
                byRule.computeIfAbsent(f.engine() + "/" + f.ruleId(), k -> new ArrayList<>()).add(f);
            }
        }
        Map<String, RuleInfo> infos = new LinkedHashMap<>();
        r.rules().forEach(i -> infos.putIfAbsent(i.engine() + "/" + i.id(), i));
        List<Problem> out = new ArrayList<>();
        for (List<Finding> fs : byRule.values()) {
            Finding first = fs.get(0);
            String worst = fs.stream().map(Finding::impact).min(Comparator.comparingInt(VerdictSummary::rank)).orElse(null);
            Set<String> pages = new LinkedHashSet<>();
            Set<String> sc = new LinkedHashSet<>();
            fs.forEach(f -> {
                pages.add(f.page());
                sc.addAll(f.sc());
            });
            RuleInfo info = infos.get(first.engine() + "/" + first.ruleId());
            String title = info != null && info.title() != null ? either(info.title(), zh) : first.ruleId();
            out.add(new Problem(first.ruleId(), first.engine(), title, worst, List.copyOf(sc), List.copyOf(pages), fs.size(),
                    first.fix() == null ? "" : either(first.fix(), zh)));
        }
        out.sort(Comparator.comparingInt((Problem x) -> rank(x.severity())).thenComparing(x -> -x.pages().size())
                .thenComparing(x -> -x.elements()));
        return out;
    }

    /** The text in the report's language, or the other one where that is missing. */
    private static String either(org.yiyue.rules.model.Text text, boolean zh) {
        String a = zh ? text.zh() : text.en();
        String b = zh ? text.en() : text.zh();
        return a != null && !a.isBlank() ? a : b == null ? "" : b;
    }

    private static int rank(String impact) {
        int i = impact == null ? -1 : SEVERITIES.indexOf(impact);
        return i < 0 ? SEVERITIES.size() : i;
    }

    static Map<String, Integer> severities(AuditReport r) {
        Map<String, Integer> n = new LinkedHashMap<>();
        SEVERITIES.forEach(s -> n.put(s, 0));
        n.put("other", 0);
        for (Finding f : r.findings()) {
            if (f.failed()) {
                n.merge(SEVERITIES.contains(f.impact()) ? f.impact() : "other", 1, Integer::sum);
            }
        }
        return n;
    }

    private String severityName(String s) {
        if (s == null) {
            return zh ? "未分级" : "unrated";
        }
        return switch (s) {
            case "critical" -> zh ? "严重" : "critical";
            case "serious" -> zh ? "较重" : "serious";
            case "moderate" -> zh ? "中等" : "moderate";
            case "minor" -> zh ? "轻微" : "minor";
            default -> zh ? "未分级" : "unrated";
        };
    }

    private String score(Score s) {
        return s.value() < 0 ? t("无（没有已判定项）", "n/a (nothing decided)") : s.value() + " / 100";
    }

    /** The MIIT veto items: the failed ones by name, or that none failed and how many still need an evaluator. */
    private String vetoText(AuditReport r, boolean brief) {
        List<RequirementResult> veto = r.requirements().stream().filter(RequirementResult::veto).toList();
        if (veto.isEmpty()) {
            return t("未检测（未选适老化标准）", "not checked (适老化 not selected)");
        }
        List<RequirementResult> failed = veto.stream().filter(x -> x.verdict() == Verdict.FAILED).toList();
        long open = veto.stream().filter(x -> x.verdict() == Verdict.NOT_TESTED || x.verdict() == Verdict.CANNOT_TELL).count();
        if (!failed.isEmpty()) {
            String names = String.join(zh ? "、" : "; ", failed.stream().map(x -> x.id() + " " + (zh ? x.name().zh() : x.name().en())).toList());
            return "<span class=\"failed\">" + t("不通过 " + failed.size() + " 项", failed.size() + " failed") + "</span>"
                    + (brief ? "" : (zh ? "：" : ": ") + Html.esc(clip(names, 160)))
                    + (open > 0 ? t("；另 " + open + " 项需测评人员", "; " + open + " more need an evaluator") : "");
        }
        return t("自动检测未发现不通过（共 " + veto.size() + " 项，" + open + " 项需测评人员）",
                "none failed by automation (" + veto.size() + " items, " + open + " need an evaluator)");
    }

    private String needsEvaluator(List<RequirementResult> rs) {
        long n = rs.stream().filter(x -> x.verdict() == Verdict.NOT_TESTED || x.verdict() == Verdict.CANNOT_TELL).count();
        return String.valueOf(n);
    }

    private String shortStd(String std) {
        return Html.esc(shortStdText(std));
    }

    private String shortStdText(String std) {
        return switch (std) {
            case "wcag22-aa" -> "WCAG 2.2 AA";
            case "gbt37668-2" -> "GB/T 37668-2019";
            case "elder" -> zh ? "适老化（工信部）" : "适老化 (MIIT)";
            default -> std;
        };
    }

    private static String clip(String s, int n) {
        if (s == null) {
            return "";
        }
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
