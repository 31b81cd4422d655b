package org.yiyue.audit.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.yiyue.audit.judge.Scoring;
import org.yiyue.audit.judge.Wcag22;

/**
 * The self-contained HTML report (inline CSS, inline SVG charts, screenshots as data: URIs), Chinese by default,
 * itself accessible: landmarks, a skip link, one h1, headed tables, charts with text alternatives and data tables.
 * Sections follow spec/standards.md §3. It never calls a site compliant: automation alone cannot show that.
 */
public final class HtmlReport {

    private static final String CSS = """
            body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;color:#1a1a1a;background:#fff;margin:0;line-height:1.6}
            .skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px;z-index:9}
            header,main,footer{max-width:1100px;margin:0 auto;padding:0 16px}
            h1{font-size:1.8rem}h2{font-size:1.45rem;border-bottom:2px solid #1d4e89;margin-top:2rem}h3{font-size:1.2rem}
            table{border-collapse:collapse;margin:8px 0 16px;width:100%}th,td{border:1px solid #767676;padding:4px 6px;text-align:left;vertical-align:top}
            th{background:#e8eef6}caption{text-align:left;font-weight:bold;padding:4px 0}
            .failed{color:#a4001d;font-weight:bold}.passed{color:#0b6623}.cantTell,.notTested{color:#5c4400}
            code{font-family:monospace;background:#f3f3f3;color:#1a1a1a;word-break:break-all}
            a{color:#0b4f9c}a:focus,summary:focus{outline:3px solid #b35c00;outline-offset:2px}
            .note{background:#fff8e1;border-left:4px solid #8a6d00;padding:8px 12px}
            figure{margin:8px 0 24px}img.shot{max-width:420px;max-height:240px;border:1px solid #767676}
            nav ul{columns:2}
            .verdict table.top td,.verdict table.top th{font-size:.92rem}.sc{font-weight:normal}
            @media print{.skip{display:none}nav{display:none}h2{break-before:page}section.site{break-before:page}
              section.verdict>h2{break-before:auto}.verdict{font-size:10pt}.verdict table{margin:4px 0 8px}
              .vcharts{break-before:page}}
            """;

    private final boolean zh;
    private final Path base;
    /** One row per failing rule instead of every element (the certification document; details are in each site's report). */
    private boolean compact;

    /** @param base folder that screenshot paths are relative to (null: no screenshots embedded) */
    public HtmlReport(boolean zh, Path base) {
        this.zh = zh;
        this.base = base;
    }

    private String t(String zhText, String enText) {
        return Html.esc(zh ? zhText : enText);
    }

    public String render(AuditReport r) {
        String title = (zh ? "无障碍与适老化自动检测报告：" : "Accessibility and elder-friendliness automated audit: ") + r.siteName();
        StringBuilder sb = new StringBuilder();
        open(sb, title);
        sb.append("<header><h1>").append(Html.esc(title)).append("</h1></header>\n<main id=\"main\">\n");
        site(sb, r, 2, "s");
        sb.append("</main>\n");
        close(sb, r.tool() + " " + r.toolVersion());
        return sb.toString();
    }

    /** Several sites in one document (the certification report): one section per site, issues summarised per rule. */
    public String renderAll(String title, List<AuditReport> reports) {
        compact = true;
        StringBuilder sb = new StringBuilder();
        open(sb, title);
        sb.append("<header><h1>").append(Html.esc(title)).append("</h1>");
        sb.append("<nav aria-label=\"").append(t("网站", "Sites")).append("\"><ul>");
        for (int i = 0; i < reports.size(); i++) {
            sb.append("<li><a href=\"#site").append(i).append("\">").append(Html.esc(reports.get(i).siteId() + " — " + reports.get(i).siteName()))
                    .append("</a></li>");
        }
        sb.append("</ul></nav></header>\n<main id=\"main\">\n");
        new VerdictSummary(zh).overview(sb, reports, 2);
        for (int i = 0; i < reports.size(); i++) {
            AuditReport r = reports.get(i);
            sb.append("<section class=\"site\" aria-labelledby=\"site").append(i).append("\"><h2 id=\"site").append(i).append("\">")
                    .append(Html.esc(r.siteId() + " — " + r.siteName())).append("</h2>\n");
            site(sb, r, 3, "s" + i);
            sb.append("</section>\n");
        }
        sb.append("</main>\n");
        close(sb, reports.isEmpty() ? "" : reports.get(0).tool() + " " + reports.get(0).toolVersion());
        return sb.toString();
    }

    private void open(StringBuilder sb, String title) {
        sb.append("<!DOCTYPE html>\n<html lang=\"").append(zh ? "zh-CN" : "en").append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").append(Html.esc(title))
                .append("</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">")
                .append(t("跳到正文", "Skip to content")).append("</a>\n");
    }

    private void close(StringBuilder sb, String tool) {
        sb.append("<footer><p>").append(t("由 ", "Generated by ")).append(Html.esc(tool)).append(t(" 生成。本报告仅为自动检测结果，不能替代测评人员的判定。",
                ". Automated results only; they do not replace an evaluator's judgement.")).append("</p></footer>\n</body>\n</html>\n");
    }

    private String h(int level, String id, String text) {
        return "<h" + level + " id=\"" + id + "\">" + text + "</h" + level + ">\n";
    }

    private void site(StringBuilder sb, AuditReport r, int hl, String p) {
        // the verdict first: scores, veto items, severities, top problems, what needs an evaluator
        new VerdictSummary(zh).site(sb, r, hl, p);
        // 1 identification
        sb.append(h(hl, p + "-id", t("一、标识", "1. Identification")));
        sb.append("<table><caption>").append(t("被测网站与本次检测", "Site and run")).append("</caption><tbody>");
        kv(sb, t("网站", "Site"), Html.esc(r.siteName() + " (" + r.siteId() + ")"));
        kv(sb, t("起始网址", "Start URL"), "<code>" + Html.esc(r.startUrl()) + "</code>");
        kv(sb, t("开始时间", "Started"), Html.esc(r.startedAt()));
        kv(sb, t("结束时间", "Finished"), Html.esc(r.finishedAt()));
        kv(sb, t("工具", "Tool"), Html.esc(r.tool() + " " + r.toolVersion()));
        sb.append("</tbody></table>\n");
        // 2 scope
        AuditReport.Scope s = r.scope();
        sb.append(h(hl, p + "-scope", t("二、范围", "2. Scope")));
        sb.append("<table><caption>").append(t("检测范围", "Scope")).append("</caption><tbody>");
        kv(sb, t("发现页面数", "Pages found"), String.valueOf(s.pagesFound()));
        kv(sb, t("已审计页面数", "Pages audited"), String.valueOf(s.pagesAudited()));
        kv(sb, t("设备", "Devices"), Html.esc(String.join(", ", s.devices())));
        kv(sb, t("完整流程", "Complete processes"), Html.esc(s.processes().isEmpty() ? "—" : String.join("; ", s.processes())));
        kv(sb, t("页数上限 / 深度", "Page limit / depth"), s.maxPages() + " / " + s.maxDepth());
        kv(sb, t("抽样方法", "Sampling"), Html.esc(s.note()));
        kv(sb, t("模式", "Mode"), s.staticOnly() ? t("仅静态检查（无浏览器）", "static only (no browser)") : t("静态 + 浏览器渲染", "static + rendered in Chromium"));
        sb.append("</tbody></table>\n");
        // 3 standards
        sb.append(h(hl, p + "-std", t("三、标准与目标级别", "3. Standards and target levels")));
        sb.append("<ul>");
        for (String std : r.standards()) {
            sb.append("<li>").append(stdName(std)).append("</li>");
        }
        sb.append("</ul>\n<p class=\"note\">").append(t(
                "GB/T 37668-2019 通过 WCAG 成功准则映射，映射为本工具所作；条款号仅在有二手来源核实时给出。工信部适老化条目按规范附件 1 列出，否决项清单未核实。",
                "GB/T 37668-2019 is reached through WCAG success criteria; the mapping is ours, and clause numbers are shown only where a secondary source confirms them. MIIT 适老化 items follow Annex 1; the veto list is unverified."))
                .append("</p>\n");
        // 4 environment
        AuditReport.Environment e = r.environment();
        sb.append(h(hl, p + "-env", t("四、测试环境", "4. Test environment")));
        sb.append("<table><caption>").append(t("环境与工具版本", "Environment and tool versions")).append("</caption><tbody>");
        kv(sb, t("浏览器", "Browser"), Html.esc(e.browser()));
        kv(sb, "axe-core", Html.esc(e.axeVersion()));
        kv(sb, t("规则库", "Rule library"), Html.esc(e.rulesVersion()));
        kv(sb, "Java / OS", Html.esc(e.java() + " / " + e.os()));
        kv(sb, t("浏览器并发", "Browser workers"), String.valueOf(e.workers()));
        kv(sb, t("辅助技术", "Assistive technology"), Html.esc(e.assistiveTech()));
        if (!e.axeSource().isEmpty()) {
            kv(sb, t("axe-core 来源与完整性", "axe-core source and integrity"), Html.esc(e.axeSource()));
        }
        sb.append("</tbody></table>\n");
        engineMerge(sb, e.engineMerge());
        // 5 sample
        sb.append(h(hl, p + "-sample", t("五、样本", "5. Sample")));
        sb.append("<table><caption>").append(t("审计的页面及入选原因", "Pages audited and why")).append("</caption><thead><tr><th scope=\"col\">")
                .append(t("网址", "URL")).append("</th><th scope=\"col\">").append(t("类型", "Kind")).append("</th><th scope=\"col\">")
                .append(t("说明", "Detail")).append("</th></tr></thead><tbody>");
        for (AuditReport.SampleEntry se : r.sample()) {
            sb.append("<tr><td><code>").append(Html.esc(se.url())).append("</code></td><td>").append(Html.esc(se.reason()))
                    .append("</td><td>").append(Html.esc(se.detail())).append("</td></tr>");
        }
        sb.append("</tbody></table>\n");
        // 6 veto
        sb.append(h(hl, p + "-veto", t("六、否决项检查", "6. Veto check")));
        List<RequirementResult> veto = r.requirements().stream().filter(RequirementResult::veto).toList();
        if (veto.isEmpty()) {
            sb.append("<p>").append(t("本次未选择适老化标准。", "The 适老化 standard was not selected.")).append("</p>\n");
        } else {
            sb.append("<p>").append(t("以下条目可能为否决项（否决项清单未核实）：", "Likely veto items (the veto list is unverified):")).append("</p>");
            reqTable(sb, veto, t("可能的否决项", "Likely veto items"));
        }
        // 7 results per requirement
        sb.append(h(hl, p + "-results", t("七、逐项技术结果", "7. Technical results per requirement")));
        sb.append("<p class=\"note\">").append(t(
                "“自动检测未发现问题”只表示自动检查没有发现不通过项；没有 ACT 规则的 WCAG 成功准则从不判为通过，须由测评人员检查。",
                "“Passed by automation” only means automated checks found no failure; WCAG success criteria with no ACT rule are never passed by automation and need an evaluator."))
                .append("</p>\n");
        for (String std : r.standards()) {
            List<RequirementResult> rs = r.requirements().stream().filter(x -> x.standard().equals(std)).toList();
            sb.append(h(hl + 1, p + "-r-" + std, stdName(std)));
            summaryLine(sb, rs);
            reqTable(sb, rs, stdName(std));
        }
        // 8 scores
        sb.append(h(hl, p + "-score", t("八、得分", "8. Scores")));
        sb.append("<table><caption>").append(t("技术得分（本工具公式）", "Technical score (our formula)")).append("</caption><thead><tr><th scope=\"col\">")
                .append(t("标准", "Standard")).append("</th><th scope=\"col\">").append(t("得分", "Score")).append("</th><th scope=\"col\">")
                .append(t("已判定 / 总项", "Decided / total")).append("</th><th scope=\"col\">").append(t("不通过项", "Failed")).append("</th><th scope=\"col\">")
                .append(t("否决项", "Veto")).append("</th></tr></thead><tbody>");
        for (Score sc : r.scores()) {
            sb.append("<tr><th scope=\"row\">").append(stdName(sc.standard())).append("</th><td>")
                    .append(sc.value() < 0 ? t("无（没有已判定项）", "n/a (nothing decided)") : String.valueOf(sc.value()))
                    .append("</td><td>").append(sc.decided()).append(" / ").append(sc.total()).append("</td><td>").append(sc.failed())
                    .append("</td><td>").append(sc.vetoFailed() ? "<span class=\"failed\">" + t("有否决项不通过", "a veto item failed") + "</span>" : "—")
                    .append("</td></tr>");
        }
        sb.append("</tbody></table>\n<p>").append(Html.esc(zh ? Scoring.FORMULA_ZH : Scoring.FORMULA_EN)).append("</p>\n");
        // charts
        sb.append(h(hl, p + "-charts", t("九、图表", "9. Charts")));
        charts(sb, r, hl + 1, p);
        // 10 issues
        sb.append(h(hl, p + "-issues", t("十、问题与修复建议", "10. Issues and fix advice")));
        issues(sb, r, hl + 1, p);
        // pages that could not be audited
        List<PageReport> bad = r.pages().stream().filter(x -> !x.audited()).toList();
        if (!bad.isEmpty()) {
            sb.append(h(hl + 1, p + "-unaudited", t("未能审计的页面", "Pages that could not be audited")));
            sb.append("<table><caption>").append(t("抓取结果", "Fetch outcomes")).append("</caption><thead><tr><th scope=\"col\">")
                    .append(t("网址", "URL")).append("</th><th scope=\"col\">").append(t("结果", "Outcome")).append("</th><th scope=\"col\">")
                    .append(t("说明", "Detail")).append("</th></tr></thead><tbody>");
            for (PageReport b : bad) {
                sb.append("<tr><td><code>").append(Html.esc(b.url())).append("</code></td><td>").append(Html.esc(b.status()))
                        .append("</td><td>").append(Html.esc(b.detail())).append("</td></tr>");
            }
            sb.append("</tbody></table>\n");
        }
        // 11 conclusion
        sb.append(h(hl, p + "-end", t("十一、结论与日期", "11. Conclusion and date")));
        long failedReqs = r.requirements().stream().filter(x -> x.verdict() == Verdict.FAILED).count();
        long open = r.requirements().stream().filter(x -> x.verdict() == Verdict.NOT_TESTED || x.verdict() == Verdict.CANNOT_TELL).count();
        sb.append("<p>").append(zh
                ? Html.esc("自动检测在 " + r.scope().pagesAudited() + " 个页面上发现 " + failedReqs + " 项要求不通过；另有 " + open
                        + " 项要求无法自动判定或未自动检测，需要测评人员检查后才能得出结论。")
                : Html.esc("Automated checks found " + failedReqs + " requirements failed on " + r.scope().pagesAudited()
                        + " pages; " + open + " more requirements could not be decided or were not tested automatically and need an evaluator before any conclusion."))
                .append("</p><p>").append(t("日期：", "Date: ")).append(Html.esc(r.finishedAt())).append("</p>\n");
    }

    private void summaryLine(StringBuilder sb, List<RequirementResult> rs) {
        Map<Verdict, Integer> n = new LinkedHashMap<>();
        for (Verdict v : Verdict.values()) {
            n.put(v, 0);
        }
        rs.forEach(x -> n.merge(x.verdict(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        n.forEach((v, c) -> parts.add(v.label(zh) + " " + c));
        sb.append("<p>").append(Html.esc(String.join(zh ? "，" : ", ", parts))).append("</p>\n");
    }

    private void reqTable(StringBuilder sb, List<RequirementResult> rs, String caption) {
        sb.append("<table><caption>").append(caption).append("</caption><thead><tr><th scope=\"col\">").append(t("要求", "Requirement"))
                .append("</th><th scope=\"col\">").append(t("级别", "Level")).append("</th><th scope=\"col\">").append(t("结果", "Result"))
                .append("</th><th scope=\"col\">").append(t("不通过页数", "Failing pages")).append("</th><th scope=\"col\">")
                .append(t("依据", "Basis")).append("</th></tr></thead><tbody>");
        for (RequirementResult x : rs) {
            String cls = switch (x.verdict()) {
                case FAILED -> "failed";
                case PASSED_BY_AUTOMATION, PASSED_BY_EVALUATOR -> "passed";
                case CANNOT_TELL -> "cantTell";
                default -> "notTested";
            };
            String label = (x.clause() != null && !x.clause().equals(x.id()) ? x.clause() + " " : "")
                    + (x.standard().equals("wcag22-aa") || x.standard().equals("elder") ? x.id() + " " : "")
                    + (zh ? x.name().zh() : x.name().en());
            StringBuilder basis = new StringBuilder(x.mapping() == null ? "" : x.mapping());
            basis.append(zh ? "（可信度 " : " (confidence ").append(x.confidence()).append(zh ? "）" : ")");
            if (x.manual() != null) {
                basis.append(zh ? "；测评人员 " : "; evaluator ").append(x.manual().checkedBy()).append(", ").append(x.manual().when())
                        .append(": ").append(x.manual().outcome());
                if (!x.manual().note().isBlank()) {
                    basis.append(" — ").append(x.manual().note());
                }
            }
            if (x.note() != null) {
                basis.append(zh ? "；" : "; ").append(x.note());
            }
            sb.append("<tr><th scope=\"row\">").append(Html.esc(label)).append("</th><td>").append(Html.esc(x.level()))
                    .append("</td><td class=\"").append(cls).append("\">").append(Html.esc(x.verdict().label(zh)))
                    .append("</td><td>").append(x.failedPages()).append("</td><td>").append(Html.esc(basis.toString())).append("</td></tr>");
        }
        sb.append("</tbody></table>\n");
    }

    private void charts(StringBuilder sb, AuditReport r, int hl, String p) {
        Map<Integer, Integer> byPrinciple = new TreeMap<>();
        Map<String, Integer> bySc = new TreeMap<>(HtmlReport::compareSc);
        Map<String, Integer> byPage = new LinkedHashMap<>();
        for (PageReport pg : r.pages()) {
            int n = 0;
            for (Finding f : pg.findings()) {
                if (!f.failed()) {
                    continue;
                }
                n++;
                for (String sc : f.sc()) {
                    bySc.merge(sc, 1, Integer::sum);
                }
                if (!f.sc().isEmpty()) {
                    byPrinciple.merge(f.sc().get(0).charAt(0) - '0', 1, Integer::sum);
                }
            }
            if (pg.audited()) {
                byPage.put(pg.url(), n);
            }
        }
        List<Charts.Bar> principle = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            principle.add(new Charts.Bar(zh ? Wcag22.principleZh(i) : Wcag22.principleEn(i), byPrinciple.getOrDefault(i, 0)));
        }
        chart(sb, hl, p + "-c1", t("按原则统计的不通过元素", "Failed elements by principle"), principle, t("个", "failures"));
        List<Charts.Bar> sc = new ArrayList<>();
        bySc.forEach((k, v) -> sc.add(new Charts.Bar(k + " " + Wcag22.get(k).map(x -> zh ? x.zh() : x.en()).orElse(""), v)));
        chart(sb, hl, p + "-c2", t("按成功准则统计的不通过元素", "Failed elements by success criterion"), sc, t("个", "failures"));
        List<Charts.Bar> page = new ArrayList<>();
        byPage.forEach((k, v) -> page.add(new Charts.Bar(shortUrl(k), v)));
        chart(sb, hl, p + "-c3", t("按页面统计的不通过元素", "Failed elements by page"), page, t("个", "failures"));
        List<Charts.Bar> trend = new ArrayList<>();
        if (r.trend() != null) {
            for (AuditReport.Trend.Point pt : r.trend().points()) {
                trend.add(new Charts.Bar(pt.date(), pt.failures()));
            }
        }
        if (trend.size() < 2) {
            sb.append(h(hl, p + "-c4", t("与上次检测的对比", "Trend against previous runs")));
            sb.append("<p>").append(t("这是此网站在本输出目录中的第一次检测，暂无对比。", "This is the first run of this site in this output folder; no trend yet."))
                    .append("</p>\n");
        } else {
            chart(sb, hl, p + "-c4", t("与上次检测的对比（不通过元素数）", "Trend against previous runs (failed elements)"), trend, t("个", "failures"));
        }
    }

    private void chart(StringBuilder sb, int hl, String id, String title, List<Charts.Bar> bars, String unit) {
        chart(sb, hl, id, title, bars, unit, zh);
    }

    /** A bar chart with its heading, caption and the same numbers as a table (its text equivalent). */
    static void chart(StringBuilder sb, int hl, String id, String title, List<Charts.Bar> bars, String unit, boolean zh) {
        sb.append("<h").append(hl).append(" id=\"").append(id).append("-h\">").append(title).append("</h").append(hl).append(">\n");
        sb.append("<figure>").append(Charts.bars(id, Html.esc(title).equals(title) ? title : title, bars, unit));
        sb.append("<figcaption>").append(title).append("</figcaption></figure>\n");
        sb.append("<details><summary>").append(zh ? "图表数据" : "Chart data").append("</summary><table><caption>").append(title)
                .append("</caption><thead><tr><th scope=\"col\">").append(zh ? "项目" : "Item").append("</th><th scope=\"col\">")
                .append(zh ? "数量" : "Count").append("</th></tr></thead><tbody>");
        for (Charts.Bar b : bars) {
            sb.append("<tr><th scope=\"row\">").append(Html.esc(b.label())).append("</th><td>").append(Charts.fmt(b.value())).append("</td></tr>");
        }
        sb.append("</tbody></table></details>\n");
    }

    private void issues(StringBuilder sb, AuditReport r, int hl, String p) {
        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        for (PageReport pg : r.pages()) {
            for (Finding f : pg.findings()) {
                if (f.failed()) {
                    byRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f);
                }
            }
        }
        if (byRule.isEmpty()) {
            sb.append("<p>").append(t("自动检测没有发现不通过的元素。", "Automated checks found no failing element.")).append("</p>\n");
        }
        if (compact && !byRule.isEmpty()) {
            sb.append("<p>").append(t("各网站的逐个元素、截图见其单独报告。", "Every element and screenshot is in each site's own report.")).append("</p>");
            sb.append("<table><caption>").append(t("不通过的检查", "Failing checks")).append("</caption><thead><tr><th scope=\"col\">")
                    .append(t("检查", "Check")).append("</th><th scope=\"col\">").append(t("成功准则", "SC")).append("</th><th scope=\"col\">")
                    .append(t("元素数", "Elements")).append("</th><th scope=\"col\">").append(t("页面数", "Pages")).append("</th><th scope=\"col\">")
                    .append(t("修复建议", "Fix advice")).append("</th></tr></thead><tbody>");
            for (Map.Entry<String, List<Finding>> e : byRule.entrySet()) {
                Finding first = e.getValue().get(0);
                long pages = e.getValue().stream().map(Finding::page).distinct().count();
                sb.append("<tr><th scope=\"row\">").append(Html.esc(e.getKey() + " (" + first.engine() + ")")).append("</th><td>")
                        .append(Html.esc(String.join(", ", first.sc()))).append("</td><td>").append(e.getValue().size()).append("</td><td>")
                        .append(pages).append("</td><td>").append(Html.esc(zh ? first.fix().zh() : first.fix().en())).append("</td></tr>");
            }
            sb.append("</tbody></table>\n");
            return;
        }
        int i = 0;
        for (Map.Entry<String, List<Finding>> e : byRule.entrySet()) {
            Finding first = e.getValue().get(0);
            sb.append(h(hl, p + "-i" + i++, Html.esc(e.getKey() + "（" + String.join(", ", first.sc()) + "）").replace("（）", "")));
            sb.append("<p>").append(Html.esc(zh ? first.fix().zh() : first.fix().en())).append("</p>\n");
            sb.append("<table><caption>").append(t("不通过的元素", "Failing elements")).append("</caption><thead><tr><th scope=\"col\">")
                    .append(t("页面", "Page")).append("</th><th scope=\"col\">").append(t("元素", "Element")).append("</th><th scope=\"col\">")
                    .append(t("说明", "Message")).append("</th><th scope=\"col\">").append(t("来源", "Found by")).append("</th><th scope=\"col\">")
                    .append(t("截图", "Screenshot")).append("</th></tr></thead><tbody>");
            int n = 0;
            for (Finding f : e.getValue()) {
                if (n++ >= 50) {
                    sb.append("<tr><td colspan=\"5\">").append(t("其余 ", "and ")).append(e.getValue().size() - 50)
                            .append(t(" 处见 JSON/CSV 报告", " more in the JSON/CSV report")).append("</td></tr>");
                    break;
                }
                String engines = f.engine() + (f.alsoFoundBy().isEmpty() ? "" : " + " + String.join(" + ", f.alsoFoundBy()));
                sb.append("<tr><td><code>").append(Html.esc(shortUrl(f.page()))).append("</code></td><td><code>").append(Html.esc(f.target()))
                        .append("</code><br><code>").append(Html.esc(f.snippet())).append("</code></td><td>")
                        .append(Html.esc(zh ? f.message().zh() : f.message().en())).append("</td><td>").append(Html.esc(engines))
                        .append("</td><td>").append(shot(f)).append("</td></tr>");
            }
            sb.append("</tbody></table>\n");
        }
    }

    private String shot(Finding f) {
        if (f.screenshot() == null || base == null) {
            return "—";
        }
        try {
            byte[] png = Files.readAllBytes(base.resolve(f.screenshot()));
            if (png.length > 400_000) {
                return Html.esc(f.screenshot());
            }
            return "<img class=\"shot\" src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\" alt=\""
                    + t("不通过元素的截图：", "Screenshot of the failing element: ") + Html.esc(f.target()) + "\">";
        } catch (IOException e) {
            return "—";
        }
    }

    private String stdName(String std) {
        return switch (std) {
            case "wcag22-aa" -> t("WCAG 2.2 AA 级（55 条成功准则）", "WCAG 2.2 level AA (55 success criteria)");
            case "gbt37668-2" -> t("GB/T 37668-2019 一级 + 二级（经 WCAG 映射，映射为本工具所作）", "GB/T 37668-2019 levels 1 + 2 (via WCAG; our mapping)");
            case "elder" -> t("工信部《互联网网站适老化通用设计规范》（附件 1）", "MIIT website 适老化 design specification (Annex 1)");
            default -> Html.esc(std);
        };
    }

    /** Which engine decided each ACT rule, from the measured consistency of both on W3C's test cases. */
    private void engineMerge(StringBuilder sb, List<EngineDecision> decisions) {
        if (decisions.isEmpty()) {
            return;
        }
        sb.append("<p class=\"note\">").append(t(
                "两个检测引擎按 ACT 规则合并，依据各自在 W3C 官方测试用例上实测的一致性：本工具规则完全一致（complete）时由本工具判定；"
                        + "否则 axe-core 规则完全一致时由 axe-core 判定；都不完全一致时两者都报告。在某条规则上不一致的引擎，其“不通过”只作为“无法判断”报告，需测评人员确认。"
                        + "axe-core 中所涉 ACT 规则全部由本工具判定的规则不再运行（其结果本就全部不采用）。",
                "The two engines are merged per ACT rule by their consistency measured on W3C's own test cases: where our rule is "
                        + "complete, ours decides; else where axe-core's is, axe-core decides; else both report. An engine inconsistent "
                        + "for a rule never reports a failure for it: its failures are reported as cannot-tell for an evaluator. "
                        + "axe-core rules whose every ACT rule ours decides are not run (all their results were left out anyway)."))
                .append("</p>\n<table><caption>").append(t("按 ACT 规则的引擎判定", "Deciding engine per ACT rule"))
                .append("</caption><thead><tr>");
        for (String col : List.of(t("ACT 规则", "ACT rule"), t("本工具（一致性）", "Yiyue (consistency)"),
                t("axe-core（一致性）", "axe-core (consistency)"), t("判定引擎", "Decided by"),
                t("不计为不通过的规则", "Failures not counted from"), t("未采用 / 降为无法判断", "Left out / demoted"))) {
            sb.append("<th scope=\"col\">").append(col).append("</th>");
        }
        sb.append("</tr></thead><tbody>");
        for (EngineDecision d : decisions) {
            String by = switch (d.decidedBy()) {
                case "yiyue" -> t("本工具", "Yiyue");
                case "axe-core" -> "axe-core";
                default -> t("两者", "both");
            };
            sb.append("<tr><td><a href=\"https://www.w3.org/WAI/standards-guidelines/act/rules/").append(Html.esc(d.actRule()))
                    .append("/\">").append(Html.esc(d.actRule())).append("</a></td><td>").append(Html.esc(d.yiyue()))
                    .append(d.yiyueRules().isEmpty() ? "" : " <code>" + Html.esc(String.join(", ", d.yiyueRules())) + "</code>")
                    .append("</td><td>").append(Html.esc(d.axe()))
                    .append(d.axeRules().isEmpty() ? "" : " <code>" + Html.esc(String.join(", ", d.axeRules())) + "</code>")
                    .append("</td><td>").append(by).append("</td><td>").append(Html.esc(String.join(", ", d.untrusted())))
                    .append("</td><td>").append(d.superseded()).append(" / ").append(d.demoted()).append("</td></tr>");
        }
        sb.append("</tbody></table>\n");
    }

    private static void kv(StringBuilder sb, String k, String v) {
        sb.append("<tr><th scope=\"row\">").append(k).append("</th><td>").append(v).append("</td></tr>");
    }

    static String shortUrl(String url) {
        int i = url.indexOf("://");
        int j = i < 0 ? -1 : url.indexOf('/', i + 3);
        return j < 0 ? url : url.substring(j);
    }

    static int compareSc(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    public void write(AuditReport r, Path file) throws IOException {
        Files.writeString(file, render(r), StandardCharsets.UTF_8);
    }
}
