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
import org.yiyue.audit.browser.PageWatch;
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
        Audit a = start(crawled, sampleReason, browser, index);
        a.run(() -> false);
        return a.report();
    }

    /** Waits for the page's own timers shorter than this are waited out in place: switching windows costs more. */
    public static final long PARK_MIN_MS = 500;

    /**
     * A page's audit that can stop while its checks that watch the page over time (autoplaying media, moving
     * content) wait for the page's timers and media: the page keeps running in its window, the worker audits another
     * page in another window of the same browser, and {@link #run} goes on when the wait is over. Everything after
     * the waits (context change, toolbar, merge, screenshots) runs then, in the page's own window. Not thread-safe:
     * one worker drives it.
     */
    public Audit start(CrawledPage crawled, String sampleReason, AuditBrowser browser, int index) {
        return new Audit(crawled, sampleReason, browser, index);
    }

    public final class Audit {
        private final CrawledPage crawled;
        private final String sampleReason;
        private final AuditBrowser browser;
        private final int index;
        private final String url;
        private final boolean mobile;
        private final String device;
        private FetchResult.Html html;
        private PageFindings out;
        private Document raw;
        private Document dom;
        private String detail;
        private String axeRan = "";
        private final List<String> problems = new java.util.ArrayList<>();
        private WebDriver d;
        /** The window the page is loaded in (null before the load). */
        private String window;
        private int stage;
        private PageWatch watch;
        private long dueNanos;
        private boolean parked;
        /** Time spent on this page, not counting the time it waited parked while another page was audited. */
        private long activeNanos;
        private PageReport report;

        private Audit(CrawledPage crawled, String sampleReason, AuditBrowser browser, int index) {
            this.crawled = crawled;
            this.sampleReason = sampleReason;
            this.browser = browser;
            this.index = index;
            this.url = crawled.url().toString();
            this.mobile = config.mobilePrefix() != null && crawled.url().getPath().startsWith(config.mobilePrefix());
            this.device = mobile ? "mobile" : "desktop";
        }

        /** The page's report, once {@link #run} returned 0. */
        public PageReport report() {
            if (report == null) {
                throw new IllegalStateException("the audit of " + url + " is not finished");
            }
            return report;
        }

        /** The window the page waits in. */
        public String window() {
            return window;
        }

        /** Whether the wait the page was parked for is over. */
        public boolean due() {
            return System.nanoTime() - dueNanos >= 0;
        }

        /** Nanoseconds ({@link System#nanoTime}) when the wait the page was parked for is over. */
        public long dueNanos() {
            return dueNanos;
        }

        public String url() {
            return url;
        }

        /** The browser the page is audited in. */
        public AuditBrowser browser() {
            return browser;
        }

        /**
         * Audits the page on (after a park, in its own window again: the driver is switched to it). Returns 0 when the
         * audit is finished ({@link #report}), or the milliseconds the page now waits for its own timers when
         * {@code mayPark} allows parking it: the worker then audits another page and calls run again when
         * {@link #due}. A page is parked only when that wait is at least {@value #PARK_MIN_MS} ms, it carries no
         * toolbar (its checks reload the page), and the driver is still in the page's window.
         */
        public long run(java.util.function.BooleanSupplier mayPark) {
            return run(mayPark, w -> { });
        }

        /**
         * As {@link #run(java.util.function.BooleanSupplier)}, and between the steps before the waits (after the load,
         * the rendered facts, the rules, axe-core, the click check, the keyboard walk) gives {@code pause} the page's
         * window: the worker may go on with pages parked meanwhile whose wait is over (in their windows), and must
         * leave the driver in this page's window again. Its time is not counted as this page's.
         */
        public long run(java.util.function.BooleanSupplier mayPark, java.util.function.Consumer<String> pause) {
            this.pause = pause;
            long began = System.nanoTime();
            StepTimes t = times;
            try {
                if (stage == 0) {
                    stage = 1;
                    if (!first(t)) {
                        stage = 4;
                        return 0;
                    }
                } else if (parked) {
                    parked = false;
                    String current = null;
                    try {
                        current = browser.channel().window();
                    } catch (org.openqa.selenium.NoSuchWindowException e) {
                        // the page audited meanwhile closed its own window: switch all the same
                    }
                    if (!window.equals(current)) {
                        d.switchTo().window(window);
                    }
                    PageWatch w = watch;
                    if (!attempt(t, stageName(), () -> w.look())) {
                        watch = null; // the check could not go on (noted on the page): the next one
                        stage++;
                    }
                }
                while (stage < 3) {
                    String name = stageName();
                    // a check that fails at any point is noted once on the page and left, as a check run in one step
                    if (watch == null) {
                        watch = step(t, name, problems, () -> stage == 1 ? AutoplayAudio.watch(d) : MovingContentCheck.watch(d));
                    }
                    PageWatch w = watch;
                    Long park = w == null ? null : step(t, name, problems, () -> waitOrPark(w, mayPark), null);
                    if (park != null && park > 0) {
                        parked = true;
                        dueNanos = System.nanoTime() + park * 1_000_000;
                        return park;
                    }
                    if (park != null) {
                        attempt(t, name, () -> w.report(out));
                    }
                    watch = null;
                    stage++;
                }
                rest(t);
                stage = 4;
                return 0;
            } catch (RuntimeException e) {
                failed(e);
                stage = 4;
                return 0;
            } finally {
                activeNanos += System.nanoTime() - began - pausedNanos;
                pausedNanos = 0;
                this.pause = null;
                if (report != null) {
                    report = new PageReport(report.url(), report.title(), report.pageType(), report.sample(), report.device(),
                            report.status(), report.httpStatus(), report.detail(), activeNanos / 1_000_000, report.findings(),
                            report.ruleOutcomes());
                }
            }
        }

        private String stageName() {
            return stage == 1 ? "autoplay media" : "moving content";
        }

        /** Runs a part of a check; false when it failed (noted on the page). */
        private boolean attempt(StepTimes t, String name, Runnable part) {
            return step(t, name, problems, () -> {
                part.run();
                return Boolean.TRUE;
            }, Boolean.FALSE);
        }

        /**
         * Waits in place while the check's next look is near; returns the milliseconds left when the page may be
         * parked for them instead, 0 when the check has seen enough.
         */
        private long waitOrPark(PageWatch w, java.util.function.BooleanSupplier mayPark) {
            for (long next; (next = w.nextLookIn()) > 0; ) {
                long done = w.doneIn();
                if (done >= PARK_MIN_MS && parkable(mayPark)) {
                    return done;
                }
                sleep(next);
                w.look();
            }
            return 0;
        }

        private Boolean toolbar;
        private java.util.function.Consumer<String> pause;
        private long pausedNanos;

        /** Lets the worker go on with parked pages that are due (see run); never fails this page. */
        private void pause() {
            java.util.function.Consumer<String> p = pause;
            if (p == null) {
                return;
            }
            long t0 = System.nanoTime();
            try {
                p.accept(window);
            } catch (RuntimeException e) {
                // the parked pages' own failures are theirs
            } finally {
                pausedNanos += System.nanoTime() - t0;
            }
        }

        private boolean parkable(java.util.function.BooleanSupplier mayPark) {
            if (!mayPark.getAsBoolean()) {
                return false;
            }
            if (toolbar == null) {
                toolbar = ToolbarChecks.present(d);
            }
            return !toolbar && window != null && window.equals(browser.channel().window());
        }

        /** Up to the checks that watch the page over time; false when the page's report is already made. */
        private boolean first(StepTimes t) {
            FetchResult fetch = crawled.fetch();
            if (!(fetch instanceof FetchResult.Html h)) {
                report = new PageReport(url, "", "", sampleReason, device, fetch.kind(), status(fetch), detail(fetch),
                        0, List.of(), Map.of());
                return false;
            }
            html = h;
            out = new PageFindings(url);
            raw = Jsoup.parse(html.html(), html.finalUrl().toString());
            rules.run(Page.of(raw, url), out);
            dom = raw;
            detail = config.staticOnly() ? "static-only" : "";
            if (browser == null) {
                done("audited-static", FindingMerger.merge(out.findings(), dom), null);
                return false;
            }
            d = browser.driver();
            window = browser.channel().window();
            if (mobile) {
                browser.channel().cdp("Emulation.setDeviceMetricsOverride", AuditBrowser.MOBILE_METRICS);
            } else {
                browser.channel().cdp("Emulation.clearDeviceMetricsOverride", Map.of());
            }
            browser.cookiesFor(crawled.url(), config.cookies());
            PageRecorder.install(d); // timers, DOM changes and listeners from document start, for two checks below
            axe.prepare(d); // axe-core in its own world of every document: not sent again for each page
            t.time("load", () -> d.get(url));
            // from here on, what the page starts by itself (a redirect on focus or resize) is cancelled: every check sees this page
            ContextChangeCheck.phase(d, ContextChangeCheck.CHECKS);
            pause();
            Page rendered = t.time("rendered facts", () -> capture.capture(d, url));
            pause();
            dom = rendered.document();
            t.time("rules on rendered DOM", () -> rules.run(rendered, out));
            axeRan = t.time("axe-core", () -> axe.run(d, out, catalogue));
            pause();
            if (!axeRan.isEmpty()) {
                axeVersion = axeRan;
            }
            step(t, "scripted click handlers", problems, () -> ScriptedClickCheck.run(d, out));
            pause();
            step(t, "keyboard walk", problems, () -> {
                ContextChangeCheck.phase(d, ContextChangeCheck.FOCUS);
                try {
                    KeyboardWalk.run(d, out, config.keyboardSteps());
                } finally {
                    ContextChangeCheck.phase(d, ContextChangeCheck.CHECKS);
                }
            });
            pause();
            step(t, "200%/320px layout", problems, () -> LayoutChecks.run(d, out, mobile ? AuditBrowser.MOBILE_METRICS : null));
            // the two checks that watch the page over time come late: the checks above ran while media played
            // and timers fired, so little waiting is left (each waits only for what it has not yet seen)
            return true;
        }

        /** After the waits: context change, toolbar, merge, screenshots. */
        private void rest(StepTimes t) {
            // changes settings (values are put back): after the checks that read the page as loaded
            step(t, "context change on focus/input", problems, () -> ContextChangeCheck.run(d, out));
            step(t, "toolbar checks", problems, () -> ToolbarChecks.runIfPresent(d, out, mobile,
                    (mobile ? noHarmMobile : noHarmDesktop).compareAndSet(false, true)));
            if (!problems.isEmpty()) {
                detail = String.join("; ", problems);
            }
            // per ACT rule, the engine whose rule is complete on W3C's cases decides; inconsistent ones never fail
            List<Finding> engines = out.findings();
            Map<String, String> outcomes = null; // null: as collected
            if (merge != null) {
                EngineMerge.Result m = merge.apply(engines, out.outcomes(), !axeRan.isEmpty());
                engines = m.findings();
                outcomes = m.outcomes();
            }
            List<Finding> merged = FindingMerger.merge(engines, dom);
            List<Finding> findings = t.time("screenshots", () -> ElementShots.attach(d, merged, config.outDir().resolve("shots"),
                    String.format("p%04d", index), config.screenshotsPerPage()));
            done("audited", findings, outcomes);
        }

        private void failed(RuntimeException e) {
            if (d == null) {
                throw e; // before the browser part: not a browser failure (the worker reports the page as not audited)
            }
            if (e instanceof TimeoutException) {
                detail = "browser: page load timed out after " + config.pageTimeout().toSeconds() + " s; static results only";
            } else {
                detail = "browser step failed: " + firstLine(e.getMessage()) + "; static results only";
            }
            done("audited-static", FindingMerger.merge(out.findings(), dom), null);
        }

        private void done(String status, List<Finding> findings, Map<String, String> outcomes) {
            report = new PageReport(url, raw.title(), crawled.pageType(), sampleReason, device, status, html.status(), detail,
                    0, findings, outcomes == null ? out.outcomes() : outcomes);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    /** Runs one browser check that gives a value; on its failure (noted on the page) gives {@code otherwise}. */
    private static <T> T step(StepTimes t, String name, List<String> problems, java.util.function.Supplier<T> check, T otherwise) {
        try {
            return t.time(name, check);
        } catch (TimeoutException e) {
            throw e;
        } catch (RuntimeException e) {
            problems.add(name + " could not run: " + e.getClass().getSimpleName() + " " + firstLine(e.getMessage()));
            return otherwise;
        }
    }

    private static <T> T step(StepTimes t, String name, List<String> problems, java.util.function.Supplier<T> check) {
        return step(t, name, problems, check, null);
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
