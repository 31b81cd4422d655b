package org.yiyue.audit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.yiyue.audit.browser.AuditBrowser;
import org.yiyue.audit.browser.BrowserPool;
import org.yiyue.audit.core.AuditConfig;
import org.yiyue.audit.core.AuditRunner;
import org.yiyue.audit.core.ChainedAudits;
import org.yiyue.audit.core.ProgressListener;
import org.yiyue.audit.core.RenderedCapture;
import org.yiyue.audit.plan.CertificationPlan;
import org.yiyue.audit.plan.PlanReader;
import org.yiyue.audit.plan.SessionWalker;
import org.yiyue.audit.report.AuditReport;
import org.yiyue.audit.report.Finding;
import org.yiyue.audit.report.HtmlReport;
import org.yiyue.audit.report.JsonReport;
import org.yiyue.audit.report.PageReport;
import org.yiyue.audit.report.PdfReport;
import org.yiyue.audit.report.ReportWriter;
import org.yiyue.audit.report.Score;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code yiyue certify --plan FILE}: audits every site of a certification plan (its start URLs, sample, mobile
 * section; its sign-in and processes walked once in Chromium so the step pages can be audited), writes one report
 * folder per site, a combined certification.html/.pdf that opens with a one-page summary of all sites, and
 * summary.json (per site: pages, failures by SC, scores, veto items). The replica sites' plan is
 * demo-sites/src/main/resources/plans/replica-plan.json; {@code ./yiyue certify} without a plan starts them and uses it.
 */
@Command(name = "certify", mixinStandardHelpOptions = true,
        description = {"按测评计划审计网站并生成报告 Audit the sites of a certification plan and write their reports and summary.json.",
                "The plan (JSON, schema: certification-plan.schema.json) lists per site start URLs, crawl limits, sample,",
                "mobile section, sign-in steps or cookie, and processes. No code per site."})
public final class CertifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--plan", required = true, paramLabel = "FILE", description = "certification plan (JSON)")
    Path planFile;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out = Path.of("yiyue-certify");

    @Option(names = "--origin", paramLabel = "ID=URL", description = "run a plan site at another origin, e.g. zwfw=http://127.0.0.1:18101 (repeatable)")
    Map<String, String> origins = new LinkedHashMap<>();

    @Option(names = "--site", split = ",", paramLabel = "ID", description = "only these sites of the plan (default: all)")
    List<String> sites;

    @Option(names = {"-n", "--max-pages"}, paramLabel = "N", description = "page limit per site (default: the plan's)")
    Integer maxPages;

    @Option(names = "--delay", paramLabel = "MS", description = "politeness delay (default: the plan's)")
    Long delayMs;

    @Mixin
    CommonOptions common;

    RenderedCapture capture = Captures.best();

    @Override
    public Integer call() {
        PrintWriter pw = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AuditBrowser printer = null;
        // the sites' audits share the workers' warm browsers: never more browsers than workers, also while the next
        // site's audit starts during the last pages of the one before
        BrowserPool browsers = new BrowserPool(Math.max(1, common.workers));
        try {
            List<FailOn> thresholds = common.failOn();
            CertificationPlan plan = plan();
            if (!common.staticOnly) {
                // the workers' browsers start while the first site signs in and is crawled
                browsers.warm(common.workers, plan.loopbackOnly() || common.loopbackOnly, Duration.ofSeconds(common.timeoutSeconds));
            }
            List<String> formats = common.formats(List.of("all"));
            boolean zh = common.chinese();
            ObjectNode summary = JsonReport.MAPPER.createObjectNode();
            summary.put("tool", AuditRunner.TOOL + " " + AuditRunner.VERSION);
            summary.put("plan", planFile.toString());
            summary.put("mode", common.staticOnly ? "static-only" : "static + Chromium");
            summary.put("note", "Automated results only; requirements not tested automatically need an evaluator. Scores use our own formula.");
            ArrayNode siteNodes = summary.putArray("sites");
            List<AuditReport> reports = new ArrayList<>();
            SessionWalker walker = new SessionWalker(plan.loopbackOnly() || common.loopbackOnly, Duration.ofSeconds(common.timeoutSeconds));
            List<AuditConfig> configs = new ArrayList<>(java.util.Collections.nCopies(plan.sites().size(), null));
            List<ChainedAudits.SiteAudit<AuditReport>> audits = new ArrayList<>();
            for (int i = 0; i < plan.sites().size(); i++) {
                CertificationPlan.Site site = plan.sites().get(i);
                int k = i;
                audits.add(drained -> {
                    ProgressListener progress = Optional.<ProgressListener>ofNullable(common.progressBar(err)).orElse(ProgressListener.NONE);
                    progress.message("== " + site.id() + " " + site.name() + " @ " + site.baseUrl());
                    AuditConfig config = PlanConfig.of(plan, site, common, out.resolve(site.id()), formats, maxPages, delayMs,
                            walker.cookies(site));
                    configs.set(k, config);
                    return new AuditRunner(config, progress, capture, false).browsers(browsers).onDrained(drained).run();
                });
            }
            int[] code = {ExitCodes.OK};
            AuditBrowser[] pdf = {null};
            try {
                ChainedAudits.run(audits, (i, report) -> {
                    CertificationPlan.Site site = plan.sites().get(i);
                    if (formats.contains("pdf") && pdf[0] == null) {
                        pdf[0] = AuditBrowser.start(true, Duration.ofSeconds(60)); // one browser prints every PDF
                    }
                    List<Path> files = ReportWriter.write(report, configs.get(i).outDir(), formats, zh, pdf[0]);
                    reports.add(report);
                    siteNodes.add(siteSummary(report, site));
                    if (AuditCommand.finish(report, files, thresholds, pw) != ExitCodes.OK) {
                        code[0] = ExitCodes.THRESHOLD;
                    }
                });
            } finally {
                printer = pdf[0];
            }
            Files.createDirectories(out);
            Path combined = out.resolve("certification.html");
            Files.writeString(combined, new HtmlReport(zh, null).renderAll(zh ? plan.title() : plan.titleEn(), reports),
                    StandardCharsets.UTF_8);
            pw.println("wrote " + combined);
            if (printer != null) {
                PdfReport.print(printer.driver(), combined, out.resolve("certification.pdf"));
                pw.println("wrote " + out.resolve("certification.pdf"));
            }
            JsonReport.MAPPER.writeValue(out.resolve("summary.json").toFile(), summary);
            pw.println("wrote " + out.resolve("summary.json"));
            pw.flush();
            return code[0];
        } catch (IllegalArgumentException e) {
            err.println("错误 error: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.INTERRUPTED;
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            err.println("无法完成认证审计 certification could not run: " + e.getMessage());
            return ExitCodes.CANNOT_RUN;
        } finally {
            browsers.close();
            if (printer != null) {
                printer.close();
            }
        }
    }

    /** The plan, with --origin moves applied and only the --site sites. */
    CertificationPlan plan() {
        CertificationPlan plan = new PlanReader().read(planFile);
        for (Map.Entry<String, String> o : origins.entrySet()) {
            URI origin = URI.create(o.getValue());
            if (origin.getScheme() == null || origin.getHost() == null) {
                throw new IllegalArgumentException("--origin needs ID=http(s)://host:port, got " + o.getKey() + "=" + o.getValue());
            }
            plan = plan.withOrigin(o.getKey(), origin);
        }
        if (sites != null) {
            List<CertificationPlan.Site> chosen = new ArrayList<>();
            for (String id : sites) {
                chosen.add(plan.site(id.strip()));
            }
            plan = new CertificationPlan(plan.title(), plan.titleEn(), plan.loopbackOnly(), chosen, plan.directory());
        }
        return plan;
    }

    private static ObjectNode siteSummary(AuditReport r, CertificationPlan.Site site) {
        ObjectNode n = JsonReport.MAPPER.createObjectNode();
        n.put("site", r.siteId());
        n.put("name", r.siteName());
        n.put("origin", site.baseUrl().toString());
        n.put("pagesAudited", r.pages().stream().filter(PageReport::audited).count());
        n.put("pagesNotAudited", r.pages().stream().filter(p -> !p.audited()).count());
        // pages not audited in full, by name: never only a count (browser part failed: static results only)
        ArrayNode incomplete = n.putArray("pagesIncomplete");
        for (PageReport p : r.incompletePages()) {
            ObjectNode x = incomplete.addObject();
            x.put("url", p.url());
            x.put("status", p.status());
            x.put("detail", p.detail());
        }
        n.put("failedElements", r.failures());
        Map<String, Integer> bySc = new TreeMap<>();
        for (Finding f : r.findings()) {
            if (f.failed()) {
                f.sc().forEach(sc -> bySc.merge(sc, 1, Integer::sum));
            }
        }
        n.set("failuresBySc", JsonReport.MAPPER.valueToTree(bySc));
        ObjectNode scores = n.putObject("scores");
        for (Score s : r.scores()) {
            ObjectNode x = scores.putObject(s.standard());
            x.put("value", s.value());
            x.put("decided", s.decided());
            x.put("total", s.total());
            x.put("vetoFailed", s.vetoFailed());
        }
        n.put("scoreFormula", "ours: see report section 8");
        return n;
    }
}
