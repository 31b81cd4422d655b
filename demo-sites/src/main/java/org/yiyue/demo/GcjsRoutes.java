package org.yiyue.demo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * gcjs: {@code /} redirects to the home page; {@code /query?code=} answers the progress query with a table;
 * {@code POST /register} validates a project registration and redirects (303) to its confirmation.
 */
final class GcjsRoutes implements Routes {

    /** One row of the approval progress table. */
    record Step(String stage, String matter, String dept, String status, String date) {
    }

    private static final Pattern CODE = Pattern.compile("\\d{4}-441600-\\d{2}-\\d{2}-\\d{6}");
    private static final Pattern CREDIT = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}");
    private static final Map<String, List<Step>> PROGRESS = Map.of(
            "2026-441600-48-01-302517", List.of(
                    new Step("立项用地规划", "企业投资项目备案", "河源市发展和改革局", "已办结", "2026-03-02"),
                    new Step("立项用地规划", "建设用地规划许可证核发", "河源市自然资源局", "已办结", "2026-03-20"),
                    new Step("工程建设许可", "建设工程规划许可证核发", "河源市自然资源局", "已办结", "2026-04-28"),
                    new Step("施工许可", "建筑工程施工许可证核发", "河源市住房和城乡建设局", "办理中", "2026-06-11"),
                    new Step("竣工验收", "联合验收", "河源市住房和城乡建设局", "未开始", "—")),
            "2025-441600-47-03-118840", List.of(
                    new Step("立项用地规划", "政府投资项目可行性研究报告审批", "河源市发展和改革局", "已办结", "2025-08-15"),
                    new Step("工程建设许可", "建设工程规划许可证核发", "河源市自然资源局", "已办结", "2025-10-09"),
                    new Step("施工许可", "建筑工程施工许可证核发", "河源市住房和城乡建设局", "已办结", "2025-12-01"),
                    new Step("竣工验收", "联合验收", "河源市住房和城乡建设局", "已办结", "2026-09-30")));

    private final Map<String, Map<String, String>> registrations = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger(600100);

    @Override
    public Optional<Reply> route(Request request, SiteResources site) throws IOException {
        String path = request.path();
        if (path.equals("/") && request.isGet()) {
            return Optional.of(Reply.redirect(302, "/index.html"));
        }
        if (path.equals("/query") && request.isGet()) {
            return Optional.of(query(request.query().getOrDefault("code", "").strip(), site));
        }
        if (path.equals("/register.html") && request.isGet()) {
            return Optional.of(registerForm(site, Map.of(), List.of()));
        }
        if (path.equals("/register") && request.isPost()) {
            return Optional.of(register(request.form(), site));
        }
        if (path.equals("/register/done") && request.isGet()) {
            Map<String, String> r = registrations.get(request.query().getOrDefault("no", ""));
            if (r == null) {
                return Optional.of(site.notFound());
            }
            Map<String, String> v = new LinkedHashMap<>();
            r.forEach((k, val) -> v.put(k, SiteResources.escape(val)));
            return Optional.of(site.page(200, "/_tpl/register-done.html", v));
        }
        return Optional.empty();
    }

    private Reply query(String code, SiteResources site) {
        String message;
        StringBuilder rows = new StringBuilder();
        if (code.isEmpty()) {
            message = "请输入项目代码后查询。";
        } else if (!CODE.matcher(code).matches()) {
            message = "项目代码格式不正确，应为“年份-441600-行业代码-类别-序号”，例如 2026-441600-48-01-302517。";
        } else if (!PROGRESS.containsKey(code)) {
            message = "未查询到项目代码为 " + code + " 的项目。";
        } else {
            message = "项目代码 " + code + " 的审批进度如下：";
            for (Step s : PROGRESS.get(code)) {
                rows.append("<tr><td>").append(s.stage()).append("</td><td>").append(s.matter())
                        .append("</td><td>").append(s.dept()).append("</td><td><span class=\"st st-")
                        .append(statusClass(s.status())).append("\"></span>").append(s.status())
                        .append("</td><td>").append(s.date()).append("</td></tr>\n");
            }
        }
        return site.page(200, "/_tpl/query.html", Map.of("code", SiteResources.escape(code),
                "message", SiteResources.escape(message), "rows", rows.toString(),
                "tableClass", rows.length() == 0 ? "hidden" : "result"));
    }

    private static String statusClass(String status) {
        return switch (status) {
            case "已办结" -> "done";
            case "办理中" -> "doing";
            default -> "todo";
        };
    }

    private Reply register(Map<String, String> f, SiteResources site) {
        List<String> errors = new ArrayList<>();
        String name = f.getOrDefault("projectName", "").strip();
        String company = f.getOrDefault("company", "").strip();
        String credit = f.getOrDefault("creditCode", "").strip().toUpperCase(java.util.Locale.ROOT);
        String county = f.getOrDefault("county", "");
        String investment = f.getOrDefault("investment", "").strip();
        if (name.length() < 4 || name.length() > 60) {
            errors.add("项目名称应为4至60个字");
        }
        if (company.isEmpty()) {
            errors.add("请填写建设单位名称");
        }
        if (!CREDIT.matcher(credit).matches()) {
            errors.add("统一社会信用代码应为18位");
        }
        if (!List.of("源城区", "东源县", "和平县", "龙川县", "紫金县", "连平县", "江东新区").contains(county)) {
            errors.add("请选择建设地点所在县区");
        }
        if (!investment.matches("\\d{1,7}(\\.\\d{1,2})?")) {
            errors.add("总投资（万元）须为数字");
        }
        if (!errors.isEmpty()) {
            return registerForm(site, f, errors);
        }
        String no = "GCJS" + sequence.incrementAndGet();
        registrations.put(no, Map.of("no", no, "projectName", name, "company", company, "county", county,
                "investment", investment));
        return Reply.redirect(303, "/register/done?no=" + no);
    }

    private Reply registerForm(SiteResources site, Map<String, String> f, List<String> errors) {
        Map<String, String> v = new LinkedHashMap<>();
        for (String k : List.of("projectName", "company", "creditCode", "investment", "contact")) {
            v.put(k, SiteResources.escape(f.getOrDefault(k, "")));
        }
        List<String> counties = List.of("源城区", "东源县", "和平县", "龙川县", "紫金县", "连平县", "江东新区");
        StringBuilder options = new StringBuilder("<option value=\"\">--请选择--</option>");
        for (String c : counties) {
            options.append("<option value=\"").append(c).append('"')
                    .append(c.equals(f.get("county")) ? " selected" : "").append('>').append(c).append("</option>");
        }
        v.put("countyOptions", options.toString());
        StringBuilder err = new StringBuilder();
        errors.forEach(e -> err.append("<li>").append(SiteResources.escape(e)).append("</li>"));
        v.put("errors", errors.isEmpty() ? "" : "<ul class=\"errors\">" + err + "</ul>");
        return site.page(200, "/_tpl/register.html", v);
    }
}
