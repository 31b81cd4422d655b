package org.yiyue.overlay.console;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.annotation.security.DeclareRoles;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.yiyue.audit.report.AuditReport;
import org.yiyue.audit.report.Finding;
import org.yiyue.audit.report.RequirementResult;
import org.yiyue.audit.report.RuleInfo;
import org.yiyue.audit.report.Verdict;
import org.yiyue.audit.core.BrowserRules;
import org.yiyue.audit.core.StaticRules;
import org.yiyue.overlay.audit.AuditJobs;
import org.yiyue.overlay.audit.AuditRequest;
import org.yiyue.overlay.audit.AuditRequestValidator;
import org.yiyue.overlay.audit.AuditRun;
import org.yiyue.overlay.audit.AuditStore;
import org.yiyue.overlay.audit.ManualEntry;
import org.yiyue.overlay.audit.ManualItems;
import org.yiyue.overlay.audit.Problem;
import org.yiyue.overlay.audit.ProblemException;
import org.yiyue.overlay.audit.ReportFormat;
import org.yiyue.overlay.audit.ReportRenderer;
import org.yiyue.overlay.audit.RunComparison;
import org.yiyue.overlay.audit.RunStatus;
import org.yiyue.overlay.audit.security.Callers;
import org.yiyue.overlay.audit.security.LoginMechanism;
import org.yiyue.overlay.audit.security.Right;
import org.yiyue.overlay.audit.security.Role;
import org.yiyue.overlay.site.Site;
import org.yiyue.overlay.site.SiteRegistry;

/**
 * The evaluators' console at /console: sites and their audits, start an audit, watch it, open and download reports,
 * enter manual results, compare two runs. Server-rendered HTML (one small script follows progress by SSE);
 * anyone not logged in gets 401 with the login form.
 */
@WebServlet(urlPatterns = {"/console", "/console/*"})
@DeclareRoles({"admin", "evaluator", "site-ops", "reader"})
public class ConsoleServlet extends HttpServlet {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    transient SiteRegistry sites;
    @Inject
    transient AuditStore store;
    @Inject
    transient AuditJobs jobs;
    @Inject
    transient ReportRenderer renderer;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException, jakarta.servlet.ServletException {
        String path = path(req);
        if (path.startsWith("/static/")) {
            // the console's stylesheet: public, served by the container's default servlet
            getServletContext().getNamedDispatcher("default").forward(req, resp);
            return;
        }
        boolean en = english(req);
        if (path.equals("/login")) {
            if (loggedIn(req)) {
                resp.sendRedirect("/console");
                return;
            }
            login(req, resp, en, false, HttpServletResponse.SC_OK);
            return;
        }
        if (!loggedIn(req)) {
            login(req, resp, en, false, HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        if (!may(req, Right.READ_REPORTS)) {
            forbidden(req, resp, en, Right.READ_REPORTS);
            return;
        }
        if (path.isEmpty() || path.equals("/")) {
            dashboard(req, resp, en, null);
        } else if (path.startsWith("/runs/")) {
            run(req, resp, en, path.substring("/runs/".length()), null);
        } else if (path.equals("/compare")) {
            compare(req, resp, en);
        } else if (path.equals("/rules")) {
            rules(req, resp, en);
        } else {
            notFound(req, resp, en);
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = path(req);
        boolean en = english(req);
        if (path.equals("/login")) {
            if (loggedIn(req)) {
                req.changeSessionId(); // no session fixation: the pre-login id is worthless now
                csrf(req); // a fresh session gets its token now
                resp.sendRedirect("/console");
            } else {
                login(req, resp, en, req.getAttribute(LoginMechanism.LOGIN_FAILED) != null,
                        HttpServletResponse.SC_UNAUTHORIZED);
            }
            return;
        }
        if (!loggedIn(req)) {
            login(req, resp, en, false, HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        if (!csrfOk(req)) {
            resp.sendError(HttpServletResponse.SC_FORBIDDEN, "stale form; reload the page");
            return;
        }
        if (path.equals("/logout")) {
            try {
                req.logout();
            } catch (jakarta.servlet.ServletException e) {
                // the session goes anyway
            }
            HttpSession s = req.getSession(false);
            if (s != null) {
                s.invalidate();
            }
            resp.sendRedirect("/console/login");
        } else if (!may(req, rightFor(path))) {
            forbidden(req, resp, en, rightFor(path));
        } else if (path.equals("/audits")) {
            startAudit(req, resp, en);
        } else if (path.matches("/runs/[^/]+/manual")) {
            String id = path.substring("/runs/".length(), path.length() - "/manual".length());
            saveManual(req, resp, en, id);
        } else if (path.matches("/runs/[^/]+/cancel")) {
            String id = path.substring("/runs/".length(), path.length() - "/cancel".length());
            jobs.cancel(id);
            resp.sendRedirect("/console/runs/" + id);
        } else if (path.matches("/runs/[^/]+/sign")) {
            String id = path.substring("/runs/".length(), path.length() - "/sign".length());
            if (store.find(id).filter(r -> r.status() == RunStatus.SUCCEEDED).isPresent()) {
                store.sign(id, user(req), System.currentTimeMillis());
            }
            resp.sendRedirect("/console/runs/" + id);
        } else if (path.matches("/runs/[^/]+/resume")) {
            String id = path.substring("/runs/".length(), path.length() - "/resume".length());
            jobs.resume(id);
            resp.sendRedirect("/console/runs/" + id);
        } else {
            notFound(req, resp, en);
        }
    }

    /** The right a console form action needs. */
    private static Right rightFor(String postPath) {
        if (postPath.endsWith("/manual")) {
            return Right.WRITE_MANUAL;
        }
        if (postPath.endsWith("/sign")) {
            return Right.SIGN;
        }
        return Right.RUN_AUDITS;
    }

    // ---- pages -------------------------------------------------------------------------------------------------

    private void login(HttpServletRequest req, HttpServletResponse resp, boolean en, boolean failed, int status)
            throws IOException {
        ConsolePage p = new ConsolePage(en);
        p.raw("<h1>").raw(p.t("评测员登录", "Evaluator login")).raw("</h1>\n");
        if (status == HttpServletResponse.SC_UNAUTHORIZED && !failed) {
            p.raw("<p>").raw(p.t("此页面仅供评测员使用，请先登录。", "This page is for evaluators; please log in.")).raw("</p>\n");
        }
        if (failed) {
            p.raw("<p class=\"error\" role=\"alert\">").raw(p.t("用户名或密码不正确。", "Wrong user name or password.")).raw("</p>\n");
        }
        p.raw("<form method=\"post\" action=\"/console/login\">")
                .raw("<label for=\"username\">").raw(p.t("用户名", "User name")).raw("</label>")
                .raw("<input type=\"text\" id=\"username\" name=\"username\" autocomplete=\"username\" required>")
                .raw("<label for=\"password\">").raw(p.t("密码", "Password")).raw("</label>")
                .raw("<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" required>")
                .raw("<p><button type=\"submit\">").raw(p.t("登录", "Log in")).raw("</button></p></form>\n");
        send(resp, status, p.render("登录", "Log in", null, null, "/console/login"));
    }

    private void dashboard(HttpServletRequest req, HttpServletResponse resp, boolean en, Problem problem) throws IOException {
        ConsolePage p = new ConsolePage(en);
        p.raw("<h1>").raw(p.t("站点与审计", "Sites and audits")).raw("</h1>\n");
        p.raw("<h2 id=\"sites\">").raw(p.t("站点", "Sites")).raw("</h2>\n<table aria-labelledby=\"sites\"><thead><tr>")
                .raw("<th scope=\"col\">").raw(p.t("站点", "Site")).raw("</th><th scope=\"col\">").raw(p.t("上游地址", "Upstream"))
                .raw("</th><th scope=\"col\">").raw(p.t("最近审计", "Latest audit")).raw("</th><th scope=\"col\">")
                .raw(p.t("审计次数", "Audits")).raw("</th></tr></thead><tbody>\n");
        List<Site> all = new ArrayList<>(sites.all());
        all.sort((a, b) -> a.id().compareTo(b.id()));
        for (Site s : all) {
            List<AuditRun> history = store.history(s.id());
            p.raw("<tr><th scope=\"row\">").raw(Html.esc(s.name())).raw(" <span lang=\"en\">(").raw(Html.esc(s.id())).raw(")</span></th><td>")
                    .raw(Html.esc(s.upstream())).raw("</td><td>");
            if (history.isEmpty()) {
                p.raw(p.t("尚无", "none yet"));
            } else {
                AuditRun last = history.get(0);
                p.raw("<a href=\"/console/runs/").raw(Html.esc(last.id())).raw("\">").raw(Html.esc(time(last.createdAt())))
                        .raw("</a> · ").raw(status(p, last.status()));
            }
            p.raw("</td><td>").raw(String.valueOf(history.size())).raw("</td></tr>\n");
        }
        p.raw("</tbody></table>\n");

        if (may(req, Right.RUN_AUDITS)) {
            startForm(req, p, en, problem, all);
        }
        p.raw("<h2 id=\"recent\">").raw(p.t("最近的审计", "Recent audits")).raw("</h2>\n");
        runTable(p, store.recent(20));
        send(resp, problem == null ? 200 : problem.status(), p.render("站点与审计", "Sites and audits", user(req), csrf(req), "/console"));
    }

    private void startForm(HttpServletRequest req, ConsolePage p, boolean en, Problem problem, List<Site> all) {
        p.raw("<h2 id=\"start\">").raw(p.t("开始审计", "Start an audit")).raw("</h2>\n");
        if (problem != null) {
            p.raw("<div class=\"error\" role=\"alert\"><p>").raw(Html.esc(en ? problem.detailEn() : problem.detailZh())).raw("</p><ul>");
            for (Problem.FieldError e : problem.errors()) {
                p.raw("<li>").raw(Html.esc(e.name())).raw(": ").raw(Html.esc(en ? e.reasonEn() : e.reasonZh())).raw("</li>");
            }
            p.raw("</ul></div>\n");
        }
        p.raw("<form method=\"post\" action=\"/console/audits\">").raw(csrfField(req))
                .raw("<label for=\"site\">").raw(p.t("站点", "Site")).raw("</label><select id=\"site\" name=\"site\">");
        for (Site s : all) {
            p.raw("<option value=\"").raw(Html.esc(s.id())).raw("\">").raw(Html.esc(s.name() + " (" + s.id() + ")")).raw("</option>");
        }
        p.raw("</select>")
                .raw("<label for=\"urls\">").raw(p.t("起始网址（可选，每行一个，须属于该站点）", "Start URLs (optional, one per line, inside the site)"))
                .raw("</label><textarea id=\"urls\" name=\"urls\" rows=\"3\" cols=\"60\" aria-describedby=\"urls-hint\"></textarea>")
                .raw("<p class=\"hint\" id=\"urls-hint\">").raw(p.t("留空则从站点首页开始抓取。", "Empty: crawl from the site's home page.")).raw("</p>")
                .raw("<label for=\"maxPages\">").raw(p.t("最多页数", "Page limit")).raw("</label>")
                .raw("<input type=\"number\" id=\"maxPages\" name=\"maxPages\" value=\"10\" min=\"1\" max=\"").raw(String.valueOf(jobs.limits().maxPages())).raw("\">")
                .raw("<label for=\"maxDepth\">").raw(p.t("链接深度", "Link depth")).raw("</label>")
                .raw("<input type=\"number\" id=\"maxDepth\" name=\"maxDepth\" value=\"1\" min=\"0\" max=\"10\">")
                .raw("<p class=\"check\"><input type=\"checkbox\" id=\"staticOnly\" name=\"staticOnly\" value=\"true\"> <label for=\"staticOnly\">")
                .raw(p.t("仅静态检测（不启动浏览器，较快）", "Static checks only (no browser, faster)")).raw("</label></p>")
                .raw("<label for=\"locale\">").raw(p.t("报告语言", "Report language")).raw("</label><select id=\"locale\" name=\"locale\">")
                .raw("<option value=\"zh-CN\"").raw(en ? "" : " selected").raw(">中文</option><option value=\"en\"").raw(en ? " selected" : "")
                .raw(">English</option></select>")
                .raw("<p><button type=\"submit\">").raw(p.t("开始审计", "Start audit")).raw("</button></p></form>\n");
    }

    private void runTable(ConsolePage p, List<AuditRun> runs) {
        if (runs.isEmpty()) {
            p.raw("<p>").raw(p.t("尚无审计。", "No audits yet.")).raw("</p>\n");
            return;
        }
        p.raw("<table><thead><tr><th scope=\"col\">").raw(p.t("开始时间", "Started")).raw("</th><th scope=\"col\">")
                .raw(p.t("站点", "Site")).raw("</th><th scope=\"col\">").raw(p.t("状态", "Status")).raw("</th><th scope=\"col\">")
                .raw(p.t("页数", "Pages")).raw("</th><th scope=\"col\">").raw(p.t("不通过项", "Failures")).raw("</th></tr></thead><tbody>\n");
        for (AuditRun r : runs) {
            p.raw("<tr><td><a href=\"/console/runs/").raw(Html.esc(r.id())).raw("\">").raw(Html.esc(time(r.createdAt())))
                    .raw("</a></td><td>").raw(Html.esc(r.siteId())).raw("</td><td>").raw(status(p, r.status())).raw("</td><td>")
                    .raw(r.pagesDone() + " / " + r.pagesTotal()).raw("</td><td>").raw(String.valueOf(r.failures())).raw("</td></tr>\n");
        }
        p.raw("</tbody></table>\n");
    }

    private void run(HttpServletRequest req, HttpServletResponse resp, boolean en, String id, Problem problem) throws IOException {
        Optional<AuditRun> found = store.find(id);
        if (found.isEmpty()) {
            notFound(req, resp, en);
            return;
        }
        AuditRun run = found.get();
        ConsolePage p = new ConsolePage(en);
        p.raw("<h1>").raw(p.t("审计：", "Audit: ")).raw(Html.esc(run.siteId())).raw(" · ").raw(Html.esc(time(run.createdAt()))).raw("</h1>\n");
        p.raw("<p>").raw(p.t("状态：", "Status: ")).raw("<strong id=\"run-status\">").raw(status(p, run.status())).raw("</strong>");
        if (run.errorMessage() != null) {
            p.raw(" — ").raw(Html.esc(run.errorMessage()));
        }
        p.raw("</p>\n");
        if (!run.status().finished()) {
            p.raw("<p><label for=\"run-progress\">").raw(p.t("进度", "Progress")).raw("</label>")
                    .raw("<progress id=\"run-progress\" max=\"").raw(String.valueOf(Math.max(1, run.pagesTotal()))).raw("\" value=\"")
                    .raw(String.valueOf(run.pagesDone())).raw("\"></progress></p>")
                    .raw("<p id=\"progress-text\" role=\"status\">").raw(p.t("已完成页数：", "Pages done: "))
                    .raw(run.pagesDone() + " / " + run.pagesTotal()).raw("</p>\n")
                    .raw("<p><a href=\"/console/runs/").raw(Html.esc(id)).raw("\">").raw(p.t("刷新", "Refresh")).raw("</a></p>\n")
                    .raw(may(req, Right.RUN_AUDITS) ? "<form method=\"post\" action=\"/console/runs/" + Html.esc(id) + "/cancel\">"
                            + csrfField(req) + "<button type=\"submit\">" + p.t("取消审计", "Cancel audit") + "</button></form>\n" : "")
                    .raw("<script>(function(){var es=new EventSource('/api/audits/").raw(Html.esc(id)).raw("/events');")
                    .raw("var pr=document.getElementById('run-progress'),tx=document.getElementById('progress-text');")
                    .raw("es.addEventListener('progress',function(e){var d=JSON.parse(e.data);var g=d.progress||{};")
                    .raw("var done=g.done!=null?g.done:d.pagesDone,total=g.total!=null?g.total:d.pagesTotal;")
                    .raw("pr.max=Math.max(1,total);pr.value=done;tx.textContent='").raw(p.t("已完成页数：", "Pages done: "))
                    .raw("'+done+' / '+total;});")
                    .raw("es.addEventListener('end',function(){es.close();location.reload();});})();</script>\n");
        } else if (run.status() != RunStatus.SUCCEEDED && may(req, Right.RUN_AUDITS)) {
            p.raw("<form method=\"post\" action=\"/console/runs/").raw(Html.esc(id)).raw("/resume\">").raw(csrfField(req))
                    .raw("<button type=\"submit\">").raw(p.t("继续审计", "Resume audit")).raw("</button></form>\n");
        }
        p.raw("<p>").raw(p.t("已审计页数：", "Pages audited: ")).raw(run.pagesDone() + " / " + run.pagesTotal())
                .raw(" · ").raw(p.t("不通过项：", "Failures: ")).raw(String.valueOf(run.failures())).raw("</p>\n");
        if (run.status() == RunStatus.SUCCEEDED) {
            p.raw("<h2 id=\"reports\">").raw(p.t("报告", "Reports")).raw("</h2>\n<ul aria-labelledby=\"reports\">");
            p.raw("<li><a id=\"open-report\" href=\"/api/audits/").raw(Html.esc(id)).raw("/report.html\">")
                    .raw(p.t("打开 HTML 报告", "Open the HTML report")).raw("</a></li>");
            for (ReportFormat f : ReportFormat.values()) {
                if (f != ReportFormat.HTML) {
                    p.raw("<li><a href=\"/api/audits/").raw(Html.esc(id)).raw("/report.").raw(f.ext()).raw("\" download>")
                            .raw(p.t("下载 ", "Download ")).raw(f.ext().toUpperCase(Locale.ROOT)).raw("</a></li>");
                }
            }
            p.raw("</ul>\n");
            signature(req, p, run);
            manualSection(req, p, run, problem);
            compareForm(req, p, run);
        }
        send(resp, problem == null ? 200 : problem.status(), p.render("审计详情", "Audit", user(req), csrf(req), "/console/runs/" + id));
    }

    private void signature(HttpServletRequest req, ConsolePage p, AuditRun run) {
        p.raw("<h2 id=\"signature\">").raw(p.t("签署", "Signature")).raw("</h2>\n<p>");
        if (run.signedBy() != null) {
            p.raw(p.t("已由 ", "Signed by ")).raw(Html.esc(run.signedBy())).raw(p.t(" 于 ", " on ")).raw(Html.esc(time(run.signedAt())))
                    .raw(p.t(" 签署。", "."));
        } else {
            p.raw(p.t("尚未签署。", "Not signed yet."));
        }
        p.raw("</p>\n");
        if (run.signedBy() == null && may(req, Right.SIGN)) {
            p.raw("<form method=\"post\" action=\"/console/runs/").raw(Html.esc(run.id())).raw("/sign\">").raw(csrfField(req))
                    .raw("<button type=\"submit\">").raw(p.t("签署测评结论", "Sign the evaluation")).raw("</button></form>\n");
        }
    }

    private void manualSection(HttpServletRequest req, ConsolePage p, AuditRun run, Problem problem) {
        boolean en = p.english();
        AuditReport report = renderer.report(run);
        p.raw("<h2 id=\"manual\">").raw(p.t("人工评测结果", "Manual results")).raw("</h2>\n");
        List<ManualEntry> manual = store.manual(run.id());
        if (!manual.isEmpty()) {
            p.raw("<table id=\"manual-results\"><thead><tr><th scope=\"col\">").raw(p.t("要求", "Requirement")).raw("</th><th scope=\"col\">")
                    .raw(p.t("结果", "Outcome")).raw("</th><th scope=\"col\">").raw(p.t("评测员", "Evaluator")).raw("</th><th scope=\"col\">")
                    .raw(p.t("备注", "Note")).raw("</th></tr></thead><tbody>");
            for (ManualEntry m : manual) {
                p.raw("<tr><td>").raw(Html.esc(m.item())).raw("</td><td>").raw(Html.esc(m.outcome())).raw("</td><td>")
                        .raw(Html.esc(m.checkedBy())).raw("</td><td>").raw(Html.esc(m.note())).raw("</td></tr>");
            }
            p.raw("</tbody></table>\n");
        }
        long open = report.requirements().stream()
                .filter(r -> r.verdict() == Verdict.NOT_TESTED || r.verdict() == Verdict.CANNOT_TELL).count();
        p.raw("<p>").raw(p.t("自动检测无法判定、需评测员判断的要求：", "Requirements automation could not decide: "))
                .raw(String.valueOf(open)).raw("</p>\n");
        if (problem != null) {
            p.raw("<div class=\"error\" role=\"alert\"><ul>");
            for (Problem.FieldError e : problem.errors()) {
                p.raw("<li>").raw(Html.esc(en ? e.reasonEn() : e.reasonZh())).raw("</li>");
            }
            p.raw("</ul></div>\n");
        }
        if (!may(req, Right.WRITE_MANUAL)) {
            return;
        }
        p.raw("<form method=\"post\" action=\"/console/runs/").raw(Html.esc(run.id())).raw("/manual\">").raw(csrfField(req))
                .raw("<label for=\"item\">").raw(p.t("要求", "Requirement")).raw("</label><select id=\"item\" name=\"item\">");
        for (RequirementResult r : report.requirements()) {
            if (r.verdict() == Verdict.NOT_TESTED || r.verdict() == Verdict.CANNOT_TELL) {
                p.raw("<option value=\"").raw(Html.esc(r.id())).raw("\">").raw(Html.esc(r.id() + " " + (en ? r.name().en() : r.name().zh())
                        + " — " + r.verdict().label(!en))).raw("</option>");
            }
        }
        p.raw("</select><label for=\"outcome\">").raw(p.t("结果", "Outcome")).raw("</label><select id=\"outcome\" name=\"outcome\">")
                .raw("<option value=\"passed\">").raw(p.t("通过", "passed")).raw("</option>")
                .raw("<option value=\"failed\">").raw(p.t("不通过", "failed")).raw("</option>")
                .raw("<option value=\"cantTell\">").raw(p.t("无法判定", "cannot tell")).raw("</option>")
                .raw("<option value=\"inapplicable\">").raw(p.t("不适用", "not applicable")).raw("</option></select>")
                .raw("<label for=\"note\">").raw(p.t("备注", "Note")).raw("</label><textarea id=\"note\" name=\"note\" rows=\"2\" cols=\"60\"></textarea>")
                .raw("<p><button type=\"submit\">").raw(p.t("保存人工结果", "Save manual result")).raw("</button></p></form>\n");
    }

    private void compareForm(HttpServletRequest req, ConsolePage p, AuditRun run) {
        List<AuditRun> earlier = store.history(run.siteId()).stream()
                .filter(r -> r.status() == RunStatus.SUCCEEDED && !r.id().equals(run.id()) && r.createdAt() < run.createdAt())
                .toList();
        p.raw("<h2 id=\"compare\">").raw(p.t("与之前的审计比较", "Compare with an earlier audit")).raw("</h2>\n");
        if (earlier.isEmpty()) {
            p.raw("<p>").raw(p.t("该站点没有更早的已完成审计。", "This site has no earlier finished audit.")).raw("</p>\n");
            return;
        }
        p.raw("<form method=\"get\" action=\"/console/compare\"><input type=\"hidden\" name=\"run\" value=\"").raw(Html.esc(run.id()))
                .raw("\"><label for=\"previous\">").raw(p.t("之前的审计", "Earlier audit")).raw("</label><select id=\"previous\" name=\"previous\">");
        for (AuditRun r : earlier) {
            p.raw("<option value=\"").raw(Html.esc(r.id())).raw("\">").raw(Html.esc(time(r.createdAt()) + " · " + r.failures()))
                    .raw("</option>");
        }
        p.raw("</select><p><button type=\"submit\">").raw(p.t("比较", "Compare")).raw("</button></p></form>\n");
    }

    private void compare(HttpServletRequest req, HttpServletResponse resp, boolean en) throws IOException {
        Optional<AuditRun> later = Optional.ofNullable(req.getParameter("run")).flatMap(store::find);
        Optional<AuditRun> earlier = Optional.ofNullable(req.getParameter("previous")).flatMap(store::find);
        if (later.isEmpty() || earlier.isEmpty() || later.get().status() != RunStatus.SUCCEEDED
                || earlier.get().status() != RunStatus.SUCCEEDED || !later.get().siteId().equals(earlier.get().siteId())) {
            notFound(req, resp, en);
            return;
        }
        RunComparison c = RunComparison.of(renderer.report(earlier.get()), renderer.report(later.get()));
        ConsolePage p = new ConsolePage(en);
        p.raw("<h1>").raw(p.t("审计比较：", "Audit comparison: ")).raw(Html.esc(later.get().siteId())).raw("</h1>\n<p>")
                .raw(p.t("本次：", "This run: ")).raw("<a href=\"/console/runs/").raw(Html.esc(later.get().id())).raw("\">")
                .raw(Html.esc(time(later.get().createdAt()))).raw("</a> · ").raw(p.t("之前：", "Earlier: "))
                .raw("<a href=\"/console/runs/").raw(Html.esc(earlier.get().id())).raw("\">").raw(Html.esc(time(earlier.get().createdAt())))
                .raw("</a></p>\n<ul id=\"compare-summary\"><li>").raw(p.t("新增不通过：", "New failures: ")).raw(String.valueOf(c.added().size()))
                .raw("</li><li>").raw(p.t("已修复：", "Fixed: ")).raw(String.valueOf(c.fixed().size()))
                .raw("</li><li>").raw(p.t("未变化：", "Unchanged: ")).raw(String.valueOf(c.unchanged().size())).raw("</li></ul>\n");
        findingTable(p, "new", p.t("新增不通过", "New failures"), c.added());
        findingTable(p, "fixed", p.t("已修复", "Fixed"), c.fixed());
        findingTable(p, "unchanged", p.t("未变化", "Unchanged"), c.unchanged());
        send(resp, 200, p.render("审计比较", "Audit comparison", user(req), csrf(req), "/console/compare?run="
                + later.get().id() + "&previous=" + earlier.get().id()));
    }

    private void findingTable(ConsolePage p, String id, String heading, List<Finding> findings) {
        p.raw("<h2 id=\"").raw(id).raw("\">").raw(heading).raw(" (").raw(String.valueOf(findings.size())).raw(")</h2>\n");
        if (findings.isEmpty()) {
            p.raw("<p>").raw(p.t("无。", "None.")).raw("</p>\n");
            return;
        }
        p.raw("<table aria-labelledby=\"").raw(id).raw("\"><thead><tr><th scope=\"col\">").raw(p.t("页面", "Page"))
                .raw("</th><th scope=\"col\">").raw(p.t("规则", "Rule")).raw("</th><th scope=\"col\">").raw(p.t("元素", "Element"))
                .raw("</th><th scope=\"col\">").raw(p.t("说明", "Message")).raw("</th></tr></thead><tbody>");
        int shown = 0;
        for (Finding f : findings) {
            if (shown++ == 300) {
                break;
            }
            p.raw("<tr><td>").raw(Html.esc(pathOf(f.page()))).raw("</td><td>").raw(Html.esc(f.ruleId())).raw("</td><td><code>")
                    .raw(Html.esc(f.target())).raw("</code></td><td>")
                    .raw(Html.esc(f.message() == null ? "" : p.english() ? f.message().en() : f.message().zh())).raw("</td></tr>");
        }
        p.raw("</tbody></table>\n");
    }

    private void rules(HttpServletRequest req, HttpServletResponse resp, boolean en) throws IOException {
        ConsolePage p = new ConsolePage(en);
        List<RuleInfo> all = new ArrayList<>(StaticRules.all().catalogue());
        all.addAll(BrowserRules.catalogue());
        p.raw("<h1>").raw(p.t("规则目录", "Rule catalogue")).raw("</h1>\n<p>").raw(p.t("共 ", "")).raw(String.valueOf(all.size()))
                .raw(p.t(" 条规则。", " rules.")).raw("</p>\n<table><thead><tr><th scope=\"col\">").raw(p.t("规则", "Rule"))
                .raw("</th><th scope=\"col\">").raw(p.t("引擎", "Engine")).raw("</th><th scope=\"col\">").raw(p.t("名称", "Title"))
                .raw("</th><th scope=\"col\">WCAG</th></tr></thead><tbody>");
        for (RuleInfo r : all) {
            p.raw("<tr><td>").raw(Html.esc(r.id())).raw("</td><td>").raw(Html.esc(r.engine())).raw("</td><td>")
                    .raw(Html.esc(r.title() == null ? "" : en ? r.title().en() : r.title().zh())).raw("</td><td>")
                    .raw(Html.esc(String.join(", ", r.sc()))).raw("</td></tr>");
        }
        p.raw("</tbody></table>\n");
        send(resp, 200, p.render("规则目录", "Rule catalogue", user(req), csrf(req), "/console/rules"));
    }

    private void notFound(HttpServletRequest req, HttpServletResponse resp, boolean en) throws IOException {
        ConsolePage p = new ConsolePage(en);
        p.raw("<h1>").raw(p.t("未找到", "Not found")).raw("</h1>\n<p><a href=\"/console\">")
                .raw(p.t("返回站点与审计", "Back to sites and audits")).raw("</a></p>\n");
        send(resp, 404, p.render("未找到", "Not found", user(req), csrf(req), "/console"));
    }

    // ---- actions -----------------------------------------------------------------------------------------------

    private void startAudit(HttpServletRequest req, HttpServletResponse resp, boolean en) throws IOException {
        JsonObjectBuilder b = Json.createObjectBuilder().add("site", nz(req.getParameter("site")));
        JsonArrayBuilder urls = Json.createArrayBuilder();
        for (String line : nz(req.getParameter("urls")).split("\\R")) {
            if (!line.isBlank()) {
                urls.add(line.strip());
            }
        }
        b.add("urls", urls);
        addInt(b, "maxPages", req.getParameter("maxPages"));
        addInt(b, "maxDepth", req.getParameter("maxDepth"));
        b.add("staticOnly", "true".equals(req.getParameter("staticOnly")));
        b.add("locale", "en".equals(req.getParameter("locale")) ? "en" : "zh-CN");
        try {
            AuditRequest request = new AuditRequestValidator(sites, jobs.limits()).parse(b.build().toString());
            AuditRun run = jobs.submit(request, user(req));
            resp.sendRedirect("/console/runs/" + run.id());
        } catch (ProblemException e) {
            dashboard(req, resp, en, e.problem());
        }
    }

    private void saveManual(HttpServletRequest req, HttpServletResponse resp, boolean en, String id) throws IOException {
        Optional<AuditRun> run = store.find(id);
        if (run.isEmpty() || run.get().status() != RunStatus.SUCCEEDED) {
            notFound(req, resp, en);
            return;
        }
        try {
            String note = nz(req.getParameter("note")).strip();
            ManualItems.validate(req.getParameter("item"), req.getParameter("outcome"), note);
            store.putManual(id, req.getParameter("item"), req.getParameter("outcome"), user(req), note);
            resp.sendRedirect("/console/runs/" + id + "#manual");
        } catch (ProblemException e) {
            run(req, resp, en, id, e.problem());
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static void addInt(JsonObjectBuilder b, String key, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            b.add(key, Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            b.add(key, value); // the validator names the field
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String path(HttpServletRequest req) {
        String p = req.getPathInfo();
        return p == null ? "" : p;
    }

    private static boolean loggedIn(HttpServletRequest req) {
        return req.getUserPrincipal() != null && Callers.role(req::isUserInRole).isPresent();
    }

    /** The same policy as the API's: the console shows and accepts only what the caller's role may do. */
    private static boolean may(HttpServletRequest req, Right right) {
        return Callers.role(req::isUserInRole).map(right::grantedTo).orElse(false);
    }

    private void forbidden(HttpServletRequest req, HttpServletResponse resp, boolean en, Right right) throws IOException {
        ConsolePage p = new ConsolePage(en);
        Role role = Callers.role(req::isUserInRole).orElse(null);
        p.raw("<h1>").raw(p.t("无权执行此操作", "Not allowed")).raw("</h1>\n<p role=\"alert\">")
                .raw(p.t("你的角色（" + (role == null ? "?" : role.zh()) + "）不能" + right.zh() + "。",
                        "Your role (" + (role == null ? "?" : role.en()) + ") may not " + right.en() + "."));
        if (right == Right.SIGN && role == Role.ADMIN) {
            p.raw(p.t(" 职责分离：管理员不能签署测评。", " Separation of duties: administrators never sign."));
        }
        p.raw("</p>\n");
        send(resp, HttpServletResponse.SC_FORBIDDEN, p.render("无权执行此操作", "Not allowed", user(req), csrf(req), "/console"));
    }

    private static String user(HttpServletRequest req) {
        return req.getUserPrincipal() == null ? null : req.getUserPrincipal().getName();
    }

    private static String status(ConsolePage p, RunStatus s) {
        return p.english() ? Html.esc(s.wire()) : Html.esc(s.zh());
    }

    private static String time(long millis) {
        return TIME.format(Instant.ofEpochMilli(millis));
    }

    private static String pathOf(String url) {
        try {
            URI u = URI.create(url);
            return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** Language: ?lang= (remembered in the session), else the session's choice, else Accept-Language; Chinese first. */
    private static boolean english(HttpServletRequest req) {
        String asked = req.getParameter("lang");
        if ("en".equals(asked) || "zh-CN".equals(asked)) {
            req.getSession(true).setAttribute("yiyue.console.lang", asked);
            return "en".equals(asked);
        }
        HttpSession s = req.getSession(false);
        if (s != null && s.getAttribute("yiyue.console.lang") != null) {
            return "en".equals(s.getAttribute("yiyue.console.lang"));
        }
        for (var e = req.getLocales(); e.hasMoreElements(); ) {
            String lang = e.nextElement().getLanguage();
            if (lang.equals("zh")) {
                return false;
            }
            if (lang.equals("en")) {
                return true;
            }
        }
        return false;
    }

    private static String csrf(HttpServletRequest req) {
        HttpSession s = req.getSession(true);
        Object t = s.getAttribute("yiyue.csrf");
        if (t == null) {
            byte[] b = new byte[24];
            RANDOM.nextBytes(b);
            t = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            s.setAttribute("yiyue.csrf", t);
        }
        return t.toString();
    }

    private static String csrfField(HttpServletRequest req) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + Html.esc(csrf(req)) + "\">";
    }

    private static boolean csrfOk(HttpServletRequest req) {
        HttpSession s = req.getSession(false);
        String sent = req.getParameter("csrf");
        Object want = s == null ? null : s.getAttribute("yiyue.csrf");
        return sent != null && want != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                want.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpServletResponse resp, int status, String html) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/html;charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Frame-Options", "DENY");
        resp.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }
}
