package org.yiyue.audit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import org.yiyue.audit.core.AuditConfig;
import org.yiyue.audit.core.AuditRunner;
import org.yiyue.audit.core.ProgressListener;
import org.yiyue.audit.core.RenderedCapture;
import org.yiyue.audit.crawl.CrawlOptions;
import org.yiyue.audit.crawl.Sampler;
import org.yiyue.audit.crawl.UrlNormalizer;
import org.yiyue.audit.judge.ManualResults;
import org.yiyue.audit.plan.CertificationPlan;
import org.yiyue.audit.plan.PlanReader;
import org.yiyue.audit.plan.SessionWalker;
import org.yiyue.audit.report.AuditReport;
import org.yiyue.audit.report.PageReport;
import org.yiyue.audit.report.ManualResult;
import org.yiyue.audit.report.ReportWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code yiyue audit <url | site-id>}: crawl, analyse, judge and report one site. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"审计一个网站 Audit one site: crawl, analyse (static + Chromium), judge (WCAG 2.2 AA, GB/T 37668, 适老化), report.",
                "Exit codes: 0 ok, 1 a --fail-on threshold was crossed, 2 bad command line, 3 could not run, 130 interrupted."})
public final class AuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL|SITE-ID", description = "start URL, or with --plan the id of a site in the plan")
    String target;

    @Option(names = "--plan", paramLabel = "FILE", description = "certification plan: audit its site TARGET with the plan's start URLs, "
            + "crawl limits, sample, mobile section, sign-in and processes (crawl and sample options here are then ignored)")
    Path plan;

    @Option(names = "--origin", paramLabel = "URL", description = "with --plan: the site runs at this origin instead of its baseUrl")
    String origin;

    @Option(names = {"-n", "--max-pages"}, paramLabel = "N", description = "page limit (default: ${DEFAULT-VALUE})")
    int maxPages = 50;

    @Option(names = {"-d", "--depth"}, paramLabel = "N", description = "link depth from the start URL (default: ${DEFAULT-VALUE})")
    int depth = 3;

    @Option(names = "--same-site", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "follow only links on the start URL's scheme, host and port (default: on)")
    boolean sameSite = true;

    @Option(names = "--include", paramLabel = "REGEX", description = "only URLs matching (repeatable)")
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "REGEX", description = "skip URLs matching (repeatable)")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--sample", description = "WCAG-EM sample: one page per page type + random share + complete processes")
    boolean sample;

    @Option(names = "--random-percent", paramLabel = "P", description = "random sample as %% of the structured one, ≥ 10 (default: ${DEFAULT-VALUE})")
    int randomPercent = 10;

    @Option(names = "--seed", paramLabel = "N", description = "random sample seed (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--process", paramLabel = "NAME=URL,URL,…", description = "a complete process: every step is audited (repeatable)")
    List<String> processes = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "output folder (default: yiyue-report/<site>)")
    Path out;

    @Option(names = "--delay", paramLabel = "MS", description = "politeness delay between requests to the site (default: ${DEFAULT-VALUE})")
    long delayMs = 200;

    @Option(names = "--concurrency", paramLabel = "N", description = "fetches in flight at once while crawling (default: ${DEFAULT-VALUE})")
    int concurrency = 2;

    @Option(names = "--no-robots", description = "ignore robots.txt (only for sites you own)")
    boolean noRobots;

    @Option(names = "--no-sitemap", description = "do not read sitemap.xml")
    boolean noSitemap;

    @Option(names = "--mobile-prefix", paramLabel = "PATH", description = "audit pages under this path in a phone viewport, e.g. /m/")
    String mobilePrefix;

    @Option(names = "--cookie", paramLabel = "NAME=VALUE", description = "session cookie for pages behind a login (sent to this site only)")
    List<String> cookies = new ArrayList<>();

    @Option(names = "--resume", description = "keep pages already in the output folder's pages.jsonl")
    boolean resume;

    @Option(names = "--keyboard-steps", paramLabel = "N", description = "most Tab presses per page (default: ${DEFAULT-VALUE})")
    int keyboardSteps = 300;

    @Option(names = "--screenshots", paramLabel = "N", description = "cropped screenshots of failing elements per page (default: ${DEFAULT-VALUE})")
    int screenshots = 8;

    @Mixin
    CommonOptions common;

    /** For tests: the rendered-facts collector to use (default: the serialised DOM without facts). */
    RenderedCapture capture = Captures.best();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            List<FailOn> thresholds = common.failOn(); // refuse a bad threshold before spending time on the audit
            AuditConfig config = plan != null ? planConfig() : config();
            ProgressListener progress = Optional.<ProgressListener>ofNullable(common.progressBar(spec.commandLine().getErr())).orElse(ProgressListener.NONE);
            AuditReport report = new AuditRunner(config, progress, capture, resume).run();
            List<Path> files = ReportWriter.write(report, config.outDir(), config.formats(), config.chinese());
            return finish(report, files, thresholds, out);
        } catch (IllegalArgumentException e) {
            err.println("错误 error: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("已中断 interrupted: finished pages are in pages.jsonl; rerun with --resume");
            return ExitCodes.INTERRUPTED;
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            err.println("无法完成审计 the audit could not run: " + e.getMessage());
            return ExitCodes.CANNOT_RUN;
        }
    }

    static int finish(AuditReport report, List<Path> files, List<FailOn> thresholds, PrintWriter out) {
        long audited = report.pages().stream().filter(p -> p.audited()).count();
        out.println("站点 site " + report.siteId() + ": " + audited + "/" + report.pages().size() + " pages audited, "
                + report.failures() + " failed elements");
        for (PageReport p : report.incompletePages()) {
            out.println("  " + (p.audited() ? "浏览器检查未完成，仅有静态结果 browser checks failed, static results only: "
                    : "未审计 not audited: ") + p.url() + " (" + p.status() + (p.detail().isEmpty() ? "" : ", " + p.detail()) + ")");
        }
        report.scores().forEach(s -> out.println("  score " + s.standard() + " = " + (s.value() < 0 ? "n/a" : s.value())
                + " (decided " + s.decided() + "/" + s.total() + ", our formula)" + (s.vetoFailed() ? " VETO ITEM FAILED" : "")));
        files.forEach(f -> out.println("  wrote " + f));
        int code = ExitCodes.OK;
        for (FailOn f : thresholds) {
            Optional<String> why = f.crossedBy(report);
            if (why.isPresent()) {
                out.println("  --fail-on " + f.kind() + (f.value().isEmpty() ? "" : ":" + f.value()) + " crossed: " + why.get());
                code = ExitCodes.THRESHOLD;
            }
        }
        out.flush();
        return code;
    }

    private AuditConfig planConfig() throws IOException {
        CertificationPlan p = new PlanReader().read(plan);
        if (origin != null) {
            p = p.withOrigin(target, URI.create(origin));
        }
        CertificationPlan.Site site = p.site(target);
        Path dir = out != null ? out : Path.of("yiyue-report", site.id());
        Map<String, String> session = new SessionWalker(p.loopbackOnly() || common.loopbackOnly,
                Duration.ofSeconds(common.timeoutSeconds)).cookies(site);
        return PlanConfig.of(p, site, common, dir, common.formats(List.of("html", "json", "earl", "csv", "junit")), null, null, session);
    }

    AuditConfig config() throws IOException, InterruptedException {
        URI start;
        String siteId;
        String siteName;
        Map<String, String> cookieMap = new LinkedHashMap<>();
        for (String c : cookies) {
            int eq = c.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--cookie needs NAME=VALUE, got '" + c + "'");
            }
            cookieMap.put(c.substring(0, eq), c.substring(eq + 1));
        }
        start = UrlNormalizer.normalize(null, target)
                .orElseThrow(() -> new IllegalArgumentException("not an http(s) URL: " + target + " (a site id needs --plan)"));
        siteId = start.getHost() + (start.getPort() > 0 ? "_" + start.getPort() : "");
        siteName = start.getHost();
        List<Sampler.Process> procs = new ArrayList<>();
        for (String p : processes) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--process needs NAME=URL,URL,…, got '" + p + "'");
            }
            List<URI> steps = new ArrayList<>();
            for (String u : p.substring(eq + 1).split(",")) {
                steps.add(UrlNormalizer.normalize(start, u.strip())
                        .orElseThrow(() -> new IllegalArgumentException("bad step URL '" + u + "' in --process")));
            }
            procs.add(new Sampler.Process(p.substring(0, eq), steps));
        }
        if (randomPercent < 10) {
            throw new IllegalArgumentException("--random-percent must be at least 10 (WCAG-EM)");
        }
        List<ManualResult> manual = common.manual == null ? List.of() : ManualResults.read(common.manual);
        CrawlOptions crawl = new CrawlOptions(maxPages, depth, sameSite, patterns(include), patterns(exclude),
                Duration.ofMillis(delayMs), concurrency, !noSitemap, !noRobots);
        Path dir = out != null ? out : Path.of("yiyue-report", siteId.replaceAll("[^A-Za-z0-9._-]", "_"));
        return new AuditConfig(siteId, siteName, List.of(start), crawl, sample, randomPercent, seed, procs,
                common.standards(), common.staticOnly, common.workers, Duration.ofSeconds(common.timeoutSeconds), mobilePrefix,
                dir, common.formats(List.of("html", "json", "earl", "csv", "junit")), common.chinese() ? "zh-CN" : "en", manual, common.axeScript(), common.loopbackOnly,
                keyboardSteps, screenshots, cookieMap);
    }

    private static List<Pattern> patterns(List<String> regexes) {
        List<Pattern> out = new ArrayList<>();
        for (String r : regexes) {
            try {
                out.add(Pattern.compile(r));
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new IllegalArgumentException("bad pattern '" + r + "': " + e.getDescription());
            }
        }
        return out;
    }
}
