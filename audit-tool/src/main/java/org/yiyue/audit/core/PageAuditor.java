package org.yiyue.audit.core;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.yiyue.audit.browser.AuditBrowser;
import org.yiyue.audit.browser.AutoplayAudio;
import org.yiyue.audit.browser.AxeScan;
import org.yiyue.audit.browser.ContextChangeCheck;
import org.yiyue.audit.browser.ElementShots;
import org.yiyue.audit.browser.KeyboardWalk;
import org.yiyue.audit.browser.LayoutChecks;
import org.yiyue.audit.browser.MovingContentCheck;
import org.yiyue.audit.browser.PageRecorder;
import org.yiyue.audit.browser.ScriptedClickCheck;
import org.yiyue.audit.browser.ToolbarChecks;
import org.yiyue.audit.crawl.CrawledPage;
import org.yiyue.audit.crawl.FetchResult;
import org.yiyue.audit.judge.EngineMerge;
import org.yiyue.audit.judge.FindingMerger;
import org.yiyue.audit.report.Finding;
import org.yiyue.audit.report.PageReport;
import org.yiyue.audit.report.RuleInfo;
import org.yiyue.rules.page.Page;

/**
 * Audits one page: our rules on the raw HTML, then (with a browser) our rules on the rendered DOM, axe-core,
 * the keyboard walk, the 200 %/320 px layout checks and the toolbar checks; findings merged by element and SC;
 * screenshots of failing elements. Any failure of a browser step is reported on the page, never thrown.
 */
public final class PageAuditor {

    private final StaticRules rules;
    private final AxeScan axe;
    private final RenderedCapture capture;
    private final List<RuleInfo> catalogue;
    private final AuditConfig config;
    private final EngineMerge merge;
    private volatile String axeVersion = "";
    private volatile StepTimes times = StepTimes.NONE;
    /** The do-no-harm comparison costs three loads: once per device and audit is enough. */
    private final java.util.concurrent.atomic.AtomicBoolean noHarmDesktop = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicBoolean noHarmMobile = new java.util.concurrent.atomic.AtomicBoolean();

    /** @param merge how our findings and axe-core's are merged per ACT rule; null: not merged (static-only) */
    public PageAuditor(StaticRules rules, AxeScan axe, RenderedCapture capture, List<RuleInfo> catalogue, AuditConfig config,
                       EngineMerge merge) {
        this.merge = merge;
        this.rules = rules;
        this.axe = axe;
        this.capture = capture;
        this.catalogue = catalogue;
        this.config = config;
    }

    /** Measures where the browser audit spends its time (the benchmark prints it). */
    public void timeSteps(StepTimes times) {
        this.times = times;
    }

    public String axeVersion() {
        return axeVersion;
    }

    /** @param browser null in static-only mode */
    public PageReport audit(CrawledPage crawled, String sampleReason, AuditBrowser browser, int index) {
        long start = System.currentTimeMillis();
        String url = crawled.url().toString();
        boolean mobile = config.mobilePrefix() != null && crawled.url().getPath().startsWith(config.mobilePrefix());
        String device = mobile ? "mobile" : "desktop";
        FetchResult fetch = crawled.fetch();
        if (!(fetch instanceof FetchResult.Html html)) {
            return new PageReport(url, "", "", sampleReason, device, fetch.kind(), status(fetch), detail(fetch),
                    System.currentTimeMillis() - start, List.of(), Map.of());
        }
        PageFindings out = new PageFindings(url);
        Document raw = Jsoup.parse(html.html(), html.finalUrl().toString());
        rules.run(Page.of(raw, url), out);
        Document dom = raw;
        String status = "audited-static";
        String detail = config.staticOnly() ? "static-only" : "";
        List<Finding> findings;
        Map<String, String> outcomes = null; // null: as collected
        if (browser != null) {
            try {
                WebDriver d = browser.driver();
                if (mobile) {
                    browser.channel().cdp("Emulation.setDeviceMetricsOverride", AuditBrowser.MOBILE_METRICS);
                } else {
                    browser.channel().cdp("Emulation.clearDeviceMetricsOverride", Map.of());
                }
                browser.cookiesFor(crawled.url(), config.cookies());
                PageRecorder.install(d); // timers, DOM changes and listeners from document start, for two checks below
                axe.prepare(d); // axe-core in its own world of every document: not sent again for each page
                StepTimes t = times;
                t.time("load", () -> d.get(url));
                // from here on, what the page starts by itself (a redirect on focus or resize) is cancelled: every check sees this page
                ContextChangeCheck.phase(d, ContextChangeCheck.CHECKS);
                Page rendered = t.time("rendered facts", () -> capture.capture(d, url));
                dom = rendered.document();
                t.time("rules on rendered DOM", () -> rules.run(rendered, out));
                String v = t.time("axe-core", () -> axe.run(d, out, catalogue));
                if (!v.isEmpty()) {
                    axeVersion = v;
                }
                List<String> problems = new java.util.ArrayList<>();
                step(t, "scripted click handlers", problems, () -> ScriptedClickCheck.run(d, out));
                step(t, "keyboard walk", problems, () -> {
                    ContextChangeCheck.phase(d, ContextChangeCheck.FOCUS);
                    try {
                        KeyboardWalk.run(d, out, config.keyboardSteps());
                    } finally {
                        ContextChangeCheck.phase(d, ContextChangeCheck.CHECKS);
                    }
                });
                step(t, "200%/320px layout", problems, () -> LayoutChecks.run(d, out, mobile ? AuditBrowser.MOBILE_METRICS : null));
                // the two checks that watch the page over time come late: the checks above ran while media played
                // and timers fired, so little waiting is left (each waits only for what it has not yet seen)
                step(t, "autoplay media", problems, () -> AutoplayAudio.run(d, out));
                step(t, "moving content", problems, () -> MovingContentCheck.run(d, out));
                // changes settings (values are put back): after the checks that read the page as loaded
                step(t, "context change on focus/input", problems, () -> ContextChangeCheck.run(d, out));
                step(t, "toolbar checks", problems, () -> ToolbarChecks.runIfPresent(d, out, mobile,
                        (mobile ? noHarmMobile : noHarmDesktop).compareAndSet(false, true)));
                if (!problems.isEmpty()) {
                    detail = String.join("; ", problems);
                }
                status = "audited";
                // per ACT rule, the engine whose rule is complete on W3C's cases decides; inconsistent ones never fail
                List<Finding> engines = out.findings();
                if (merge != null) {
                    EngineMerge.Result m = merge.apply(engines, out.outcomes(), !v.isEmpty());
                    engines = m.findings();
                    outcomes = m.outcomes();
                }
                findings = FindingMerger.merge(engines, dom);
                List<Finding> merged = findings;
                findings = t.time("screenshots", () -> ElementShots.attach(d, merged, config.outDir().resolve("shots"),
                        String.format("p%04d", index), config.screenshotsPerPage()));
            } catch (TimeoutException e) {
                detail = "browser: page load timed out after " + config.pageTimeout().toSeconds() + " s; static results only";
                findings = FindingMerger.merge(out.findings(), dom);
            } catch (RuntimeException e) {
                detail = "browser step failed: " + firstLine(e.getMessage()) + "; static results only";
                findings = FindingMerger.merge(out.findings(), dom);
            }
        } else {
            findings = FindingMerger.merge(out.findings(), dom);
        }
        return new PageReport(url, raw.title(), crawled.pageType(), sampleReason, device, status, html.status(), detail,
                System.currentTimeMillis() - start, findings, outcomes == null ? out.outcomes() : outcomes);
    }

    /** Runs one browser check; its failure is noted on the page (the other checks and results stay). */
    private static void step(StepTimes t, String name, List<String> problems, Runnable check) {
        try {
            t.time(name, check);
        } catch (TimeoutException e) {
            throw e;
        } catch (RuntimeException e) {
            problems.add(name + " could not run: " + e.getClass().getSimpleName() + " " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static int status(FetchResult f) {
        return f instanceof FetchResult.HttpError e ? e.status() : 0;
    }

    static String detail(FetchResult f) {
        if (f instanceof FetchResult.HttpError e) {
            return "HTTP " + e.status();
        }
        if (f instanceof FetchResult.NotHtml n) {
            return "not an HTML page (" + n.contentType() + ")";
        }
        if (f instanceof FetchResult.Failure x) {
            return x.detail();
        }
        return "";
    }

}
