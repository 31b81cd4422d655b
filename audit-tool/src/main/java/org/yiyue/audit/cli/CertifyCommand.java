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
import org.yiyue.audit.core.AuditConfig;
import org.yiyue.audit.core.AuditRunner;
import org.yiyue.audit.core.ProgressListener;
import org.yiyue.audit.core.RenderedCapture;
import org.yiyue.audit.crawl.CrawlOptions;
import org.yiyue.audit.crawl.Fetcher;
import org.yiyue.audit.crawl.Sampler;
import org.yiyue.audit.judge.ManualResults;
import org.yiyue.audit.report.AuditReport;
import org.yiyue.audit.report.Finding;
import org.yiyue.audit.report.HtmlReport;
import org.yiyue.audit.report.JsonReport;
import org.yiyue.audit.report.PageReport;
import org.yiyue.audit.report.PdfReport;
import org.yiyue.audit.report.ReportWriter;
import org.yiyue.audit.report.Score;
import org.yiyue.demo.ReplicaCatalog;
import org.yiyue.demo.ReplicaSites;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code yiyue certify}: audits the four replica sites (desktop pages, and the portal's mobile pages in a phone
 * viewport; yth's application flow as a complete process behind its demo login), writes one report folder per site,
 * a combined certification.html/.pdf with one section per site, and summary.json: per site the pages audited,
 * failures by SC, scores, and for every defects.json entry whether it was found.
 */
@Command(name = "certify", mixinStandardHelpOptions = true,
        description = {"审计四个仿真网站并生成报告 Audit the four replica sites and write their reports and summary.json.",
                "Starts the replica sites in this process unless they answer on their default ports (or --origin is given)."})
public final class CertifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out = Path.of("yiyue-certify");

    @Option(names = "--origin", paramLabel = "ID=URL", description = "where a site runs, e.g. zwfw=http://127.0.0.1:8101 (repeatable)")
    Map<String, String> origins = new LinkedHashMap<>();

    @Option(names = "--site", split = ",", paramLabel = "ID", description = "only these sites (default: all four)")
    List<String> sites = new ArrayList<>(ReplicaSites.SITE_IDS);

    @Option(names = {"-n", "--max-pages"}, paramLabel = "N", description = "page limit per site (default: ${DEFAULT-VALUE})")
    int maxPages = 40;

    @Option(names = "--delay", paramLabel = "MS", description = "politeness delay (default: ${DEFAULT-VALUE})")
    long delayMs = 0;

    @Mixin
    CommonOptions common;

    RenderedCapture capture = Captures.best();

    public CertifyCommand() {
        // certification writes every format unless told otherwise
    }

    @Override
    public Integer call() {
        PrintWriter pw = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AuditBrowser printer = null;
        try (ReplicaTargets replicas = new ReplicaTargets()) {
            List<FailOn> thresholds = common.failOn();
            ReplicaCatalog catalog = replicas.catalog();
            List<String> formats = common.formats(List.of("all"));
            boolean zh = common.chinese();
            ObjectNode summary = JsonReport.MAPPER.createObjectNode();
            summary.put("tool", AuditRunner.TOOL + " " + AuditRunner.VERSION);
            summary.put("mode", common.staticOnly ? "static-only" : "static + Chromium");
            summary.put("note", "Automated results only; requirements not tested automatically need an evaluator. Scores use our own formula.");
            ArrayNode siteNodes = summary.putArray("sites");
            List<AuditReport> reports = new ArrayList<>();
            int code = ExitCodes.OK;
            for (String id : sites) {
                ReplicaCatalog.Site site = catalog.site(id);
                URI origin = origins.containsKey(id) ? URI.create(origins.get(id)) : replicas.origin(id);
                AuditConfig config = config(site, origin);
                ProgressListener progress = Optional.<ProgressListener>ofNullable(common.progressBar(spec.commandLine().getErr())).orElse(ProgressListener.NONE);
                progress.message("== " + id + " " + site.name() + " @ " + origin);
                AuditReport report = new AuditRunner(config, progress, capture, false).run();
                if (formats.contains("pdf") && printer == null) {
                    printer = AuditBrowser.start(true, Duration.ofSeconds(60)); // one browser prints every PDF
                }
                List<Path> files = ReportWriter.write(report, config.outDir(), formats, zh, printer);
                reports.add(report);
                Fetcher fetcher = new Fetcher(Duration.ofSeconds(common.timeoutSeconds), 8L * 1024 * 1024, config.cookies(),
                        java.util.Set.of(Fetcher.hostKey(origin)));
                List<DefectMatcher.Match> matches = new DefectMatcher(fetcher).match(report, origin, catalog.defects(id));
                siteNodes.add(siteSummary(report, matches, catalog.controlPages(id), origin, pw));
                if (AuditCommand.finish(report, files, thresholds, pw) != ExitCodes.OK) {
                    code = ExitCodes.THRESHOLD;
                }
            }
            Files.createDirectories(out);
            Path combined = out.resolve("certification.html");
            Files.writeString(combined, new HtmlReport(zh, null).renderAll(
                    zh ? "易阅 四个网站无障碍与适老化自动检测报告" : "Yiyue automated accessibility and 适老化 audit of four sites", reports),
                    StandardCharsets.UTF_8);
            pw.println("wrote " + combined);
            if (printer != null) {
                PdfReport.print(printer.driver(), combined, out.resolve("certification.pdf"));
                pw.println("wrote " + out.resolve("certification.pdf"));
            }
            JsonReport.MAPPER.writeValue(out.resolve("summary.json").toFile(), summary);
            pw.println("wrote " + out.resolve("summary.json"));
            pw.flush();
            return code;
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
            if (printer != null) {
                printer.close();
            }
        }
    }

    private AuditConfig config(ReplicaCatalog.Site site, URI origin) throws IOException, InterruptedException {
        List<URI> seeds = new ArrayList<>();
        seeds.add(origin.resolve("/index.html"));
        List<URI> flow = new ArrayList<>();
        for (ReplicaCatalog.Page p : site.pages()) {
            URI u = origin.resolve(p.path());
            if (p.flowStep() > 0) {
                flow.add(u);
            } else if (!seeds.contains(u)) {
                seeds.add(u); // the catalogue is the site's page list (like a sitemap): structured sample by type
            }
        }
        Map<String, String> cookies = new LinkedHashMap<>();
        List<Sampler.Process> processes = new ArrayList<>();
        if (!flow.isEmpty() && site.login().isPresent()) {
            Map.Entry<String, String> c = YthSession.completedFlow(origin, site.login().get());
            cookies.put(c.getKey(), c.getValue());
            processes.add(new Sampler.Process("申办流程 application", flow));
        }
        CrawlOptions crawl = new CrawlOptions(maxPages, 2, true, List.of(), List.of(java.util.regex.Pattern.compile("/logout")), Duration.ofMillis(delayMs), 2, true, true);
        return new AuditConfig(site.id(), site.name(), seeds, crawl, true, 10, 1, processes, common.standards(),
                common.staticOnly, common.workers, Duration.ofSeconds(common.timeoutSeconds),
                site.id().equals("portal") ? "/m/" : null, out.resolve(site.id()), common.formats(List.of("all")),
                common.chinese() ? "zh-CN" : "en", common.manual == null ? List.of() : ManualResults.read(common.manual),
                common.axeScript(), true, 300, 6, cookies);
    }

    private static ObjectNode siteSummary(AuditReport r, List<DefectMatcher.Match> matches, List<ReplicaCatalog.ControlPage> controls,
                                          URI origin, PrintWriter pw) {
        ObjectNode n = JsonReport.MAPPER.createObjectNode();
        n.put("site", r.siteId());
        n.put("name", r.siteName());
        n.put("origin", origin.toString());
        n.put("pagesAudited", r.pages().stream().filter(PageReport::audited).count());
        n.put("pagesNotAudited", r.pages().stream().filter(p -> !p.audited()).count());
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
        ArrayNode ds = n.putArray("defects");
        int auto = 0;
        int found = 0;
        for (DefectMatcher.Match m : matches) {
            ds.add(JsonReport.MAPPER.valueToTree(m));
            if (!m.detectable().equals("manual")) {
                auto++;
                if (m.found()) {
                    found++;
                }
            }
        }
        n.put("automatableDefects", auto);
        n.put("automatableFound", found);
        n.put("recall", auto == 0 ? 1.0 : Math.round(1000.0 * found / auto) / 1000.0);
        n.put("manualDefectsFoundAnyway", matches.stream().filter(m -> m.detectable().equals("manual") && m.found()).count());
        ArrayNode cs = n.putArray("controlPages");
        for (ReplicaCatalog.ControlPage c : controls) {
            ObjectNode x = cs.addObject();
            x.put("page", c.page());
            PageReport p = r.pages().stream().filter(pg -> DefectMatcher.samePage(pg.url(), origin.resolve(c.page()))).findFirst().orElse(null);
            x.put("audited", p != null && p.audited());
            x.put("failures", p == null ? -1 : p.failures());
            ArrayNode rules = x.putArray("failedRules");
            if (p != null) {
                p.findings().stream().filter(Finding::failed).map(f -> f.engine() + ":" + f.ruleId() + " " + f.target()).distinct().forEach(rules::add);
            }
        }
        pw.println("recall " + r.siteId() + ": " + found + "/" + auto + " automatable defects found");
        return n;
    }
}
