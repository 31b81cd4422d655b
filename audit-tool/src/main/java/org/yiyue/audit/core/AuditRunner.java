package org.yiyue.audit.core;

import java.io.IOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.yiyue.audit.browser.AuditBrowser;
import org.yiyue.audit.browser.AxeScan;
import org.yiyue.audit.browser.BrowserPool;
import org.yiyue.audit.judge.EngineMerge;
import org.yiyue.audit.crawl.CrawledPage;
import org.yiyue.audit.crawl.Crawler;
import org.yiyue.audit.crawl.Fetcher;
import org.yiyue.audit.crawl.PageTypes;
import org.yiyue.audit.crawl.Sampler;
import org.yiyue.audit.judge.Judge;
import org.yiyue.audit.judge.Scoring;
import org.yiyue.audit.report.AuditReport;
import org.yiyue.audit.report.PageReport;
import org.yiyue.audit.report.RequirementResult;
import org.yiyue.audit.report.RuleInfo;
import org.yiyue.audit.report.Score;

/**
 * One site audit, start to finish: crawl → sample → analyse (static, then in Chromium with N browser workers)
 * → judge → the result model. Each finished page is written to pages.jsonl at once; with resume, pages already
 * there are not audited again.
 */
public final class AuditRunner {

    public static final String TOOL = "Yiyue audit (易阅审计)";
    public static final String VERSION = "0.1.0";

    private final AuditConfig config;
    private final ProgressListener progress;
    private final RenderedCapture capture;
    private final boolean resume;
    private StepTimes times = StepTimes.NONE;
    private BrowserPool browsers;
    private Runnable drained = () -> { };
    private final java.util.concurrent.atomic.AtomicBoolean drainedSaid = new java.util.concurrent.atomic.AtomicBoolean();

    public AuditRunner(AuditConfig config, ProgressListener progress, RenderedCapture capture, boolean resume) {
        this.config = config;
        this.progress = progress;
        this.capture = capture;
        this.resume = resume;
    }

    /** Records where the browser audit spends its time (for the benchmark). */
    public AuditRunner timeSteps(StepTimes times) {
        this.times = times;
        return this;
    }

    /**
     * Takes the workers' browsers from a pool shared with other site audits of the same run and gives them back
     * (warm) at the end, instead of starting and closing one Chromium per worker and site.
     */
    public AuditRunner browsers(BrowserPool pool) {
        this.browsers = pool;
        return this;
    }

    /**
     * Called once, from a worker, when the last page has been handed to a worker (not when it is done), or when the
     * run ends without that: from then on this audit keeps fewer workers busy, and another site's audit may start
     * (see {@link ChainedAudits}).
     */
    public AuditRunner onDrained(Runnable whenDrained) {
        this.drained = whenDrained;
        return this;
    }

    private void saidDrained() {
        if (drainedSaid.compareAndSet(false, true)) {
            drained.run();
        }
    }

    public AuditReport run() throws IOException, InterruptedException {
        try {
            return audit();
        } finally {
            saidDrained();
        }
    }

    private AuditReport audit() throws IOException, InterruptedException {
        String startedAt = now();
        Set<String> hosts = new HashSet<>();
        config.seeds().forEach(u -> hosts.add(Fetcher.hostKey(u)));
        Fetcher fetcher = new Fetcher(config.pageTimeout(), 8L * 1024 * 1024, config.cookies(), hosts);
        Crawler crawler = new Crawler(fetcher, config.crawl());
        AtomicInteger crawledCount = new AtomicInteger();
        List<CrawledPage> crawled = crawler.crawl(config.seeds(), p -> progress.crawled(crawledCount.incrementAndGet()));
        Map<URI, CrawledPage> byUrl = new LinkedHashMap<>();
        crawled.forEach(p -> byUrl.put(p.url(), p));

        List<Sampler.Entry> sample;
        if (config.sampling()) {
            List<CrawledPage> html = crawled.stream().filter(p -> p.fetch().isHtml()).toList();
            sample = Sampler.sample(html, config.randomPercent(), config.seed(), config.processes());
            // pages that did not fetch as HTML are still reported (WCAG-EM: what could not be audited is said)
            List<Sampler.Entry> all = new ArrayList<>(sample);
            for (CrawledPage p : crawled) {
                if (!p.fetch().isHtml()) {
                    all.add(new Sampler.Entry(p.url(), Sampler.Reason.STRUCTURED, "could not be audited: " + p.fetch().kind()));
                }
            }
            sample = all;
        } else {
            sample = new ArrayList<>();
            for (CrawledPage p : crawled) {
                sample.add(new Sampler.Entry(p.url(), Sampler.Reason.STRUCTURED, "all crawled pages"));
            }
            for (Sampler.Process proc : config.processes()) {
                int i = 1;
                for (URI u : proc.steps()) {
                    sample.add(new Sampler.Entry(u, Sampler.Reason.PROCESS, proc.name() + " step " + i++ + "/" + proc.steps().size()));
                }
            }
        }
        // de-duplicate, keeping the first reason
        Map<URI, Sampler.Entry> unique = new LinkedHashMap<>();
        sample.forEach(e -> unique.putIfAbsent(e.url(), e));
        List<Sampler.Entry> todo = new ArrayList<>(unique.values());

        List<PageReport> done = new ArrayList<>();
        if (resume) {
            Set<String> wanted = new HashSet<>();
            todo.forEach(e -> wanted.add(e.url().toString()));
            for (PageReport p : ResultStore.read(config.outDir())) {
                if (wanted.contains(p.url())) {
                    done.add(p);
                }
            }
        }
        Set<String> finished = new HashSet<>();
        done.forEach(p -> finished.add(p.url()));
        List<Sampler.Entry> remaining = todo.stream().filter(e -> !finished.contains(e.url().toString())).toList();

        StaticRules rules = StaticRules.all();
        List<RuleInfo> catalogue = Collections.synchronizedList(new ArrayList<>(rules.catalogue()));
        catalogue.addAll(BrowserRules.catalogue());
        AxeScan axe = config.staticOnly() ? null : new AxeScan(config.axeScript());
        EngineMerge merge = axe == null ? null : EngineMerge.forAudit(rules.catalogue(), axe);
        if (merge != null && axe.embedded()) {
            // their findings would all be dropped by the merge; only for the embedded axe-core, whose rule ids are
            // known (axe refuses options naming a rule it does not have)
            axe = axe.without(merge.axeRulesOursDecides());
        }
        PageAuditor auditor = new PageAuditor(rules, axe, capture, catalogue, config, merge);
        auditor.timeSteps(times);

        progress.started(todo.size(), done.size());
        List<PageReport> results = Collections.synchronizedList(new ArrayList<>(done));
        AtomicReference<String> browserVersion = new AtomicReference<>("none (static-only)");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ConcurrentLinkedQueue<Sampler.Entry> queue = new ConcurrentLinkedQueue<>(remaining);
        AtomicInteger index = new AtomicInteger(done.size());
        AtomicInteger count = new AtomicInteger(done.size());
        int threads = Math.max(1, Math.min(config.workers(), Math.max(1, remaining.size())));
        try (ResultStore store = new ResultStore(config.outDir(), resume)) {
            List<Thread> workers = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                Thread t = new Thread(() -> work(queue, byUrl, fetcher, auditor, store, results, index, count, todo.size(),
                        browserVersion, failure), "yiyue-audit-" + w);
                workers.add(t);
                t.start();
            }
            try {
                for (Thread t : workers) {
                    t.join();
                }
            } catch (InterruptedException e) {
                workers.forEach(Thread::interrupt);
                throw e;
            }
        }
        // pages no worker took (the workers were interrupted) are reported as not audited, never left out
        for (Sampler.Entry left; (left = queue.poll()) != null; ) {
            CrawledPage page = byUrl.get(left.url());
            results.add(new PageReport(left.url().toString(), "", page == null ? "" : page.pageType(),
                    left.reason().name().toLowerCase(java.util.Locale.ROOT) + ": " + left.detail(), "desktop", "error", 0,
                    "not audited: the audit's workers stopped before this page", 0, List.of(), Map.of()));
        }
        if (failure.get() != null) {
            Throwable t = failure.get();
            if (t instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(t);
        }

        // keep the sample order in the report
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < todo.size(); i++) {
            order.put(todo.get(i).url().toString(), i);
        }
        List<PageReport> pages = new ArrayList<>(results);
        pages.sort(Comparator.comparingInt(p -> order.getOrDefault(p.url(), Integer.MAX_VALUE)));

        // the one site-level check: titles shared by pages of different content (2.4.2, F25)
        pages = SiteTitleCheck.apply(pages, contentKeys(byUrl));
        catalogue.add(SiteTitleCheck.info());

        Judge judge = new Judge(pages, catalogue, config.manual());
        List<RequirementResult> reqs = judge.judge(config.standards());
        int audited = (int) pages.stream().filter(PageReport::audited).count();
        List<Score> scores = Scoring.score(reqs, config.standards(), audited);
        String finishedAt = now();
        long failures = pages.stream().mapToLong(PageReport::failures).sum();
        AuditReport.Trend trend = History.append(config.outDir(), config.siteId(), finishedAt, failures, scores);

        List<String> devices = pages.stream().map(PageReport::device).distinct().toList();
        AuditReport.Scope scope = new AuditReport.Scope(crawled.size(), audited, devices,
                config.processes().stream().map(p -> p.name() + " (" + p.steps().size() + ")").toList(),
                config.crawl().maxPages(), config.crawl().maxDepth(), config.staticOnly(),
                config.sampling() ? "WCAG-EM sample: structured by page type + random " + config.randomPercent()
                        + " % (seed " + config.seed() + ") + complete processes" : "every crawled page");
        AuditReport.Environment env = new AuditReport.Environment(browserVersion.get(),
                config.staticOnly() ? "not run (static-only)" : auditor.axeVersion(), rules.size() + " rules (wcag-rules)",
                "Java " + System.getProperty("java.version"), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                config.staticOnly() ? 0 : config.workers(), "none (automated tool; screen reader testing needs an evaluator)",
                axe == null ? "" : axe.provenance() + (merge.axeMeasured() ? "" : "; its ACT consistency is not measured: "
                        + "it decides no ACT rule (measured: axe-core " + org.yiyue.audit.judge.AxeConsistency.committed().axeVersion() + ")"),
                merge == null ? List.of() : merge.decisions());
        List<AuditReport.SampleEntry> sampleEntries = todo.stream()
                .map(e -> new AuditReport.SampleEntry(e.url().toString(), e.reason().name().toLowerCase(java.util.Locale.ROOT), e.detail()))
                .toList();
        List<RuleInfo> usedRules;
        synchronized (catalogue) {
            usedRules = List.copyOf(catalogue);
        }
        return new AuditReport(TOOL, VERSION, config.siteId(), config.siteName(),
                config.seeds().isEmpty() ? "" : config.seeds().get(0).toString(), startedAt, finishedAt, config.locale(),
                scope, config.standards(), env, sampleEntries, pages, usedRules, reqs, scores, trend, true);
    }

    private void work(ConcurrentLinkedQueue<Sampler.Entry> queue, Map<URI, CrawledPage> byUrl, Fetcher fetcher,
                      PageAuditor auditor, ResultStore store, List<PageReport> results, AtomicInteger index,
                      AtomicInteger count, int total, AtomicReference<String> browserVersion, AtomicReference<Throwable> failure) {
        AuditBrowser browser = null;
        boolean healthy = false;
        try {
            if (!config.staticOnly()) {
                browser = browsers == null ? AuditBrowser.start(config.loopbackOnly(), config.pageTimeout())
                        : browsers.take(config.loopbackOnly(), config.pageTimeout());
                browserVersion.set(browser.version());
            }
            // a page whose checks must wait for its own timers (a carousel's second turn, media playing 3 s) is
            // parked in its window while the worker audits the next page in another window of the same browser; it
            // is finished when its wait is over (between two pages of the worker's, earliest first)
            List<Held> waiting = new ArrayList<>();
            java.util.function.BooleanSupplier mayPark = () -> parking && waiting.size() < MAX_PARKED && !queue.isEmpty();
            // pages whose wait ended while another page was audited go on in a pause of that audit (between two of
            // its steps), so they are not kept waiting, and running, longer than in place; reported between pages
            List<Held> finished = new ArrayList<>();
            java.util.function.Consumer<String> pause = window -> goOn(waiting, finished, mayPark, window);
            // a page taken from the queue is always reported: the checks come before the poll
            while (failure.get() == null && !Thread.currentThread().isInterrupted()) {
                for (Held h : List.copyOf(finished)) {
                    finished.remove(h);
                    browser = report(h, reportOf(h), waiting, browser, auditor, store, results, count, total);
                }
                Held due = waiting.stream().min(Comparator.comparingLong(h -> h.audit().dueNanos())).orElse(null);
                Sampler.Entry e = due != null && due.audit().due() ? null : queue.poll();
                if (e == null) {
                    if (queue.isEmpty()) {
                        saidDrained(); // every page is handed out: the next site may start
                    }
                    if (due == null) {
                        break;
                    }
                    // the earliest parked page is due, or nothing else is left to do: it goes on (waiting in place
                    // for what is left when the queue is empty)
                    waiting.remove(due);
                    browser = finish(due, waiting, mayPark, browser, auditor, store, results, count, total);
                    continue;
                }
                CrawledPage page = byUrl.get(e.url());
                if (page == null) { // a process step the crawl did not reach
                    var f = fetcher.fetch(e.url());
                    page = new CrawledPage(e.url(), 0, "process", f, "",
                            f.isHtml() ? PageTypes.template(e.url()) : "", List.of());
                } else if (transientFailure(page.fetch())) {
                    // a timeout or network error in the crawl (a loaded machine, a busy server): fetched once more
                    var f = fetcher.fetch(e.url());
                    if (f instanceof org.yiyue.audit.crawl.FetchResult.Html h) {
                        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(h.html(), h.finalUrl().toString());
                        page = new CrawledPage(page.url(), page.depth(), page.via(), f, doc.title(), PageTypes.of(e.url(), doc),
                                page.links());
                    }
                }
                String reason = e.reason().name().toLowerCase(java.util.Locale.ROOT) + ": " + e.detail();
                int pageIndex = index.incrementAndGet();
                Held now = new Held(page, reason, pageIndex, null);
                PageReport r;
                try {
                    if (browser != null && !waiting.isEmpty() && page.fetch().isHtml()) {
                        browser.freeWindow(waiting.stream().map(h -> h.audit().window()).toList());
                    }
                    PageAuditor.Audit a = auditor.start(page, reason, browser, pageIndex);
                    if (a.run(mayPark, pause) > 0) {
                        waiting.add(new Held(page, reason, pageIndex, a));
                        parked.incrementAndGet();
                        PARKED.increment();
                        continue;
                    }
                    r = a.report();
                } catch (RuntimeException ex) {
                    r = notAudited(now, ex);
                }
                browser = report(now, r, waiting, browser, auditor, store, results, count, total);
            }
            // the workers were stopped: pages still parked are finished and reported all the same
            for (Held h : finished) {
                browser = report(h, reportOf(h), waiting, browser, auditor, store, results, count, total);
            }
            while (!waiting.isEmpty()) {
                Held h = waiting.remove(0);
                browser = finish(h, waiting, () -> false, browser, auditor, store, results, count, total);
            }
            saidDrained();
            healthy = !Thread.currentThread().isInterrupted();
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        } finally {
            if (browser != null) {
                if (browsers != null && healthy) {
                    browsers.give(browser);
                } else {
                    release(browser);
                }
            }
        }
    }

    /** Closes a browser that must not audit again (its place in the pool, if any, is free for another). */
    private void release(AuditBrowser browser) {
        if (browsers != null) {
            browsers.discard(browser);
        } else {
            browser.close();
        }
    }

    /** A page taken from the queue, and its audit while it is parked. */
    private record Held(CrawledPage page, String reason, int index, PageAuditor.Audit audit) {
    }

    /** Pages one worker may have parked at a time (each in a window of its browser). */
    static final int MAX_PARKED = 2;

    /**
     * Whether pages that wait for their own timers may be parked (the default; off with
     * {@code -Dyiyue.audit.noParking=true} or {@link #parking(boolean)}: each page is audited to its end in place).
     */
    private boolean parking = !Boolean.getBoolean("yiyue.audit.noParking");
    private final AtomicInteger parked = new AtomicInteger();

    public AuditRunner parking(boolean on) {
        this.parking = on;
        return this;
    }

    private static final java.util.concurrent.atomic.LongAdder PARKED = new java.util.concurrent.atomic.LongAdder();
    private static final java.util.concurrent.atomic.LongAdder REPARKED = new java.util.concurrent.atomic.LongAdder();
    private static final java.util.concurrent.atomic.LongAdder IN_PAUSE = new java.util.concurrent.atomic.LongAdder();

    /** For the benchmark: pages parked so far in this JVM (and parked again after a first resume). */
    public static String parkingStats() {
        return "pages parked while another was audited: " + PARKED.sum() + " (parked again: " + REPARKED.sum()
                + "; gone on with in a pause of another page's audit: " + IN_PAUSE.sum() + ")";
    }

    private final AtomicInteger secondAttempts = new AtomicInteger();

    /** How many pages were audited a second time because their browser part failed (tests read it). */
    public int secondAttempts() {
        return secondAttempts.get();
    }

    /** How many pages waited parked while another page was audited (tests read it). */
    public int parkedPages() {
        return parked.get();
    }

    /**
     * Goes on with a parked page in its window: it is reported when finished, or parked again when it must wait
     * once more. Returns the browser the worker goes on with.
     */
    private AuditBrowser finish(Held h, List<Held> waiting, java.util.function.BooleanSupplier mayPark, AuditBrowser browser,
                                PageAuditor auditor, ResultStore store, List<PageReport> results, AtomicInteger count,
                                int total) throws IOException {
        PageReport r;
        try {
            // the window the worker was in: the page last audited there is replaced by the next one, as without parking
            String back = current(browser);
            if (h.audit().run(mayPark) > 0) {
                waiting.add(h);
                REPARKED.increment();
                return browser;
            }
            r = h.audit().report();
            if ("audited".equals(r.status())) {
                try {
                    browser.blank(); // its timers and media stop
                    if (back != null && !back.equals(h.audit().window())
                            && waiting.stream().noneMatch(x -> back.equals(x.audit().window()))) {
                        browser.driver().switchTo().window(back);
                    }
                } catch (RuntimeException ex) {
                    // a window gone meanwhile: the next page finds a free one (AuditBrowser.freeWindow)
                }
            }
        } catch (RuntimeException ex) {
            r = notAudited(h, ex);
        }
        return report(h, r, waiting, browser, auditor, store, results, count, total);
    }

    /**
     * In a pause of another page's audit (in {@code window}): parked pages whose wait is over go on in their windows,
     * earliest first; a finished one is set aside to be reported between pages, its window blanked. The driver is left
     * in {@code window} again.
     */
    private static void goOn(List<Held> waiting, List<Held> finished, java.util.function.BooleanSupplier mayPark,
                             String window) {
        while (true) {
            Held due = waiting.stream().min(Comparator.comparingLong(h -> h.audit().dueNanos())).orElse(null);
            if (due == null || !due.audit().due()) {
                return;
            }
            waiting.remove(due);
            IN_PAUSE.increment();
            AuditBrowser browser = due.audit().browser();
            try {
                if (due.audit().run(mayPark) > 0) {
                    waiting.add(due);
                    REPARKED.increment();
                } else {
                    finished.add(due);
                    if ("audited".equals(due.audit().report().status())) {
                        browser.blank();
                    }
                }
            } catch (RuntimeException e) {
                if (!waiting.contains(due) && !finished.contains(due)) {
                    finished.add(due); // reported as not audited (reportOf)
                }
            } finally {
                browser.driver().switchTo().window(window);
            }
        }
    }

    private static PageReport reportOf(Held h) {
        try {
            return h.audit().report();
        } catch (RuntimeException e) {
            return notAudited(h, e);
        }
    }

    /** The browser's current window, null when it was closed. */
    private static String current(AuditBrowser browser) {
        try {
            return browser.channel().window();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static PageReport notAudited(Held h, RuntimeException ex) {
        // a bug or a dead browser must not lose the run: the page is reported as not audited
        return new PageReport(h.page().url().toString(), "", h.page().pageType(), h.reason(), "desktop", "error", 0,
                ex.getClass().getSimpleName() + ": " + ex.getMessage(), 0, List.of(), Map.of());
    }

    /**
     * Writes a page's report; first, when its browser part failed (a page load timeout, a browser that died), audits
     * it once more (in place) in a browser that answers: a second failure stays in the report as such, never as a
     * full audit. Returns the browser the worker goes on with.
     */
    private AuditBrowser report(Held h, PageReport r, List<Held> waiting, AuditBrowser browser, PageAuditor auditor,
                                ResultStore store, List<PageReport> results, AtomicInteger count, int total) throws IOException {
        try {
            if (browser != null && "audited-static".equals(r.status())) {
                if (!browser.alive()) {
                    release(browser);
                    browser = null;
                    browser = browsers == null ? AuditBrowser.start(config.loopbackOnly(), config.pageTimeout())
                            : browsers.take(config.loopbackOnly(), config.pageTimeout());
                } else if (!waiting.isEmpty()) {
                    browser.freeWindow(waiting.stream().map(x -> x.audit().window()).toList());
                }
                secondAttempts.incrementAndGet();
                PageReport again = auditor.audit(h.page(), h.reason(), browser, h.index());
                r = again.audited() && !"audited-static".equals(again.status()) ? again
                        : withDetail(again, again.detail() + " (second attempt; first: " + r.detail() + ")");
            }
        } catch (RuntimeException ex) {
            r = notAudited(h, ex);
        }
        store.write(r);
        results.add(r);
        progress.pageDone(r, count.incrementAndGet(), total);
        return browser;
    }

    /** Fetch outcomes that another try may change (the crawl's fetch ran out of time or lost its connection). */
    static boolean transientFailure(org.yiyue.audit.crawl.FetchResult f) {
        return f instanceof org.yiyue.audit.crawl.FetchResult.Failure x
                && List.of("timeout", "network-error", "connection-refused", "interrupted").contains(x.kind());
    }

    private static PageReport withDetail(PageReport p, String detail) {
        return new PageReport(p.url(), p.title(), p.pageType(), p.sample(), p.device(), p.status(), p.httpStatus(), detail,
                p.millis(), p.findings(), p.ruleOutcomes());
    }

    /** A key per fetched HTML page that is equal when the pages' text is (one page under two URLs). */
    private static Map<String, String> contentKeys(Map<URI, CrawledPage> byUrl) {
        Map<String, String> out = new HashMap<>();
        for (CrawledPage p : byUrl.values()) {
            if (p.fetch() instanceof org.yiyue.audit.crawl.FetchResult.Html h) {
                String text = org.jsoup.Jsoup.parse(h.html()).text().replaceAll("\\s+", " ").strip();
                out.put(p.url().toString(), Integer.toHexString(text.hashCode()) + ":" + text.length());
            }
        }
        return out;
    }

    static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
