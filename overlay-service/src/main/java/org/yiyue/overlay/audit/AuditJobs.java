package org.yiyue.overlay.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.yiyue.audit.browser.FactsCollector;
import org.yiyue.audit.core.AuditConfig;
import org.yiyue.audit.core.AuditRunner;
import org.yiyue.audit.core.ProgressListener;
import org.yiyue.audit.core.RenderedCapture;
import org.yiyue.audit.core.ResultStore;
import org.yiyue.audit.crawl.CrawlOptions;
import org.yiyue.audit.report.AuditReport;
import org.yiyue.audit.report.JsonReport;
import org.yiyue.audit.report.PageReport;
import org.yiyue.overlay.site.Site;
import org.yiyue.overlay.site.SiteRegistry;

/**
 * Runs audits on the container's managed executor. The queue is the database: every instance claims queued runs
 * ({@link JobClaims}) while it has a free audit slot and a free browser, at most {@code maxParallel} at once, and
 * renews a lease on the runs it owns; a run whose owner died (lease ran out) is claimed by another instance and
 * resumed. Every finished page is stored at once, so a resumed run does not audit those pages again.
 */
@ApplicationScoped
public class AuditJobs {

    private static final Logger LOG = Logger.getLogger(AuditJobs.class.getName());
    private final RepeatedFailureLog claimFailures = new RepeatedFailureLog(LOG, Level.WARNING,
            "audit jobs: claiming failed (database?); retrying");

    @Resource
    ManagedExecutorService executor;
    @Resource
    ManagedScheduledExecutorService ticker;
    @Inject
    AuditStore store;
    @Inject
    AuditDatabase db;
    @Inject
    SiteRegistry sites;

    private Limits limits;
    private Semaphore browsers;
    private Path dataDir;
    private String instance;
    private long leaseMs;
    private final Map<String, JobProgress> progress = new ConcurrentHashMap<>();
    private final Map<String, Future<?>> running = new ConcurrentHashMap<>();
    private final Map<String, AtomicBoolean> stop = new ConcurrentHashMap<>();
    /** Runs another instance has taken over: this one stops them and writes nothing more about them. */
    private final java.util.Set<String> lost = ConcurrentHashMap.newKeySet();
    private int active;
    private volatile boolean stopping;
    private ScheduledFuture<?> tick;

    @jakarta.annotation.PostConstruct
    void init() {
        limits = Limits.fromConfig();
        browsers = new Semaphore(limits.browsers(), true);
        var config = ConfigProvider.getConfig();
        dataDir = Path.of(config.getOptionalValue("yiyue.data.dir", String.class)
                .orElse(System.getProperty("user.home") + "/.yiyue")).toAbsolutePath();
        instance = config.getOptionalValue("yiyue.instance.id", String.class)
                .orElseGet(() -> defaultInstanceId(config.getOptionalValue("yiyue.node.id", String.class)));
        leaseMs = Duration.parse(config.getOptionalValue("yiyue.audit.lease", String.class).orElse("PT30S")).toMillis();
    }

    /** The cluster node's name (else the host's), made unique per process: a node restarted under the same name
     * must not take the leases of its former life for its own. */
    private static String defaultInstanceId(Optional<String> nodeId) {
        String name = nodeId.orElseGet(() -> {
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                return "host";
            }
        });
        return name + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Starts claiming: now, then every third of a lease (renewals, cancels from other instances, new work). */
    synchronized void startClaiming() {
        if (tick == null) {
            long every = Math.max(200, leaseMs / 3);
            tick = ticker.scheduleWithFixedDelay(this::tick, 0, every, TimeUnit.MILLISECONDS);
            LOG.info(() -> "audit jobs: instance " + instance + " claims runs from the database (lease " + leaseMs + " ms)");
        }
    }

    public Limits limits() {
        return limits;
    }

    String instance() {
        return instance;
    }

    /** Stores a new run as queued; this or another instance claims it. Returns the stored run. */
    public AuditRun submit(AuditRequest request, String by) {
        AuditRun run = store.create(request.site(), request.toJson().toString(), by);
        progress.put(run.id(), new JobProgress());
        kick();
        return run;
    }

    /** Resumes an interrupted, failed or cancelled run: pages already stored are not audited again. */
    public boolean resume(String runId) {
        if (running.containsKey(runId) || !db.jdbc(c -> db.claims().requeue(c, runId))) {
            return false;
        }
        progress.put(runId, new JobProgress());
        kick();
        return true;
    }

    /** Cancels a queued or running run, wherever it runs; false when it had already finished. */
    public boolean cancel(String runId) {
        if (!db.jdbc(c -> db.claims().requestCancel(c, runId, System.currentTimeMillis()))) {
            return false;
        }
        JobProgress p = progress.get(runId);
        if (p != null) {
            p.phase("cancelling");
        }
        stopLocal(runId);
        return true;
    }

    /** The run ends as cancelled by its own execution once it has really stopped (browsers closed). */
    private void stopLocal(String runId) {
        Future<?> f = running.get(runId);
        if (f == null) {
            return;
        }
        AtomicBoolean stopped = stop.get(runId);
        if (stopped != null) {
            stopped.set(true); // auditing: stop between pages
        } else {
            f.cancel(true); // still waiting for browsers
        }
    }

    public Optional<JobProgress> progress(String runId) {
        return Optional.ofNullable(progress.get(runId));
    }

    Path runDir(String runId) {
        return dataDir.resolve("runs").resolve(runId);
    }

    private void kick() {
        if (!stopping) {
            ticker.execute(this::tick);
        }
    }

    /** Renews leases, honours cancels asked through other instances, claims work while there is room. */
    private synchronized void tick() {
        if (stopping) {
            return;
        }
        try {
            long now = System.currentTimeMillis();
            List<String> mine = List.copyOf(running.keySet());
            if (!mine.isEmpty()) {
                List<String> kept = db.jdbc(c -> db.claims().renew(c, instance, mine, now, leaseMs));
                for (String id : mine) {
                    if (!kept.contains(id) && running.containsKey(id)) {
                        LOG.warning(() -> "audit " + id + " is no longer ours (lease lost); stopping it here");
                        lost.add(id);
                        stopLocal(id);
                    }
                }
                db.jdbc(c -> db.claims().cancelRequested(c, mine)).forEach(this::stopLocal);
            }
            while (active < limits.maxParallel() && browsers.availablePermits() > 0) {
                Optional<JobClaims.Claim> claim = db.jdbc(c -> db.claims().claimNext(c, instance,
                        System.currentTimeMillis(), leaseMs));
                if (claim.isEmpty()) {
                    break;
                }
                start(claim.get());
            }
            claimFailures.succeeded();
        } catch (RuntimeException e) {
            claimFailures.failed(e);
        }
    }

    private void start(JobClaims.Claim claim) {
        String runId = claim.runId();
        if (claim.takenOver()) {
            LOG.warning(() -> "audit " + runId + " taken over from an instance whose lease ran out; resuming");
        }
        active++;
        progress.computeIfAbsent(runId, k -> new JobProgress());
        running.put(runId, executor.submit(() -> {
            try {
                execute(runId, claim.takenOver() || !store.pages(runId).isEmpty());
            } finally {
                running.remove(runId);
                synchronized (AuditJobs.this) {
                    active--;
                }
                kick();
            }
        }));
    }

    private void execute(String runId, boolean resume) {
        JobProgress p = progress.computeIfAbsent(runId, k -> new JobProgress());
        AuditRun run = store.find(runId).orElse(null);
        if (run == null || run.status() != RunStatus.RUNNING) {
            return;
        }
        AuditRequest request = AuditRequest.fromStored(run.requestJson());
        Optional<Site> site = sites.byId(request.site());
        if (site.isEmpty()) {
            finish(runId, RunStatus.FAILED, "site " + request.site() + " is no longer configured");
            return;
        }
        int permits = request.staticOnly() ? 0 : Math.min(request.workers(), limits.browsers());
        try {
            p.phase("waiting-for-browser");
            browsers.acquire(permits);
        } catch (InterruptedException e) {
            finish(runId, RunStatus.CANCELLED, null);
            return;
        }
        // from here on a cancel is cooperative (see stopIfAsked): interrupting would leave browsers unclosed
        AtomicBoolean stopped = new AtomicBoolean();
        stop.put(runId, stopped);
        try {
            store.update(runId, r -> {
                r.status(RunStatus.RUNNING);
                r.started(System.currentTimeMillis());
            });
            p.phase("crawling");
            Path dir = runDir(runId);
            int alreadyStored = resume ? prepareResume(runId, dir) : 0;
            AuditConfig config = config(site.get(), request, dir, Math.max(1, permits));
            int[] seq = {alreadyStored};
            ProgressListener listener = new ProgressListener() {
                @Override
                public void crawled(int pages) {
                    stopIfAsked(stopped);
                    p.crawled(pages);
                }

                @Override
                public void started(int total, int alreadyDone) {
                    stopIfAsked(stopped);
                    p.phase("auditing");
                    p.pages(alreadyDone, total);
                    store.update(runId, r -> r.progress(alreadyDone, total));
                }

                @Override
                public void pageDone(PageReport page, int done, int total) {
                    stopIfAsked(stopped); // the page is not stored: on resume it is audited again
                    int s;
                    synchronized (seq) {
                        s = ++seq[0];
                    }
                    store.addPage(runId, s, page.url(), page.status(), (int) page.failures(), json(page));
                    store.update(runId, r -> r.progress(done, total));
                    p.pages(done, total);
                }
            };
            RenderedCapture capture = request.staticOnly() ? RenderedCapture.DOM_ONLY : FactsCollector::capture;
            AuditReport report = new AuditRunner(config, listener, capture, resume).run();
            if (stopped.get() || Thread.currentThread().isInterrupted()) {
                finish(runId, RunStatus.CANCELLED, null);
                return;
            }
            String reportJson = json(report);
            store.update(runId, r -> {
                r.finished(System.currentTimeMillis(), report.failures(), reportJson);
                r.progress(report.pages().size(), report.pages().size());
                r.status(RunStatus.SUCCEEDED);
            });
            p.phase("done");
        } catch (RunStopped e) {
            finish(runId, RunStatus.CANCELLED, null);
        } catch (InterruptedException e) {
            finish(runId, RunStatus.CANCELLED, null);
            Thread.currentThread().interrupt();
        } catch (Exception | LinkageError e) {
            LOG.log(Level.WARNING, "audit " + runId + " failed", e);
            finish(runId, stopped.get() ? RunStatus.CANCELLED : RunStatus.FAILED,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            stop.remove(runId, stopped);
            browsers.release(permits);
        }
    }

    /** Thrown from the progress callbacks into the audit core: its workers end after their page and close
     * their browsers, the crawl stops at once. */
    static final class RunStopped extends RuntimeException {
        RunStopped() {
            super("audit stopped", null, false, false);
        }
    }

    private static void stopIfAsked(AtomicBoolean stopped) {
        if (stopped.get()) {
            throw new RunStopped();
        }
    }

    private void finish(String runId, RunStatus requested, String message) {
        if (lost.remove(runId)) {
            return;
        }
        // a stop of the service is not the evaluator's cancel: the run can be resumed
        RunStatus status = stopping && requested == RunStatus.CANCELLED ? RunStatus.INTERRUPTED : requested;
        store.update(runId, r -> {
            r.status(status);
            r.failed(System.currentTimeMillis(), message);
        });
        JobProgress p = progress.get(runId);
        if (p != null) {
            p.phase(status.wire());
        }
    }

    /** The audit core resumes from pages.jsonl: rebuild it from the database, which is the record. */
    private int prepareResume(String runId, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<PageResult> stored = store.pages(runId);
        StringBuilder lines = new StringBuilder();
        for (PageResult r : stored) {
            lines.append(r.pageJson().replace('\n', ' ')).append('\n');
        }
        Files.writeString(dir.resolve(ResultStore.FILE), lines.toString(), StandardCharsets.UTF_8);
        return stored.stream().mapToInt(PageResult::seq).max().orElse(0);
    }

    private AuditConfig config(Site site, AuditRequest request, Path dir, int workers) {
        List<URI> seeds = request.urls().isEmpty() ? List.of(site.upstream().resolve("/")) : request.urls();
        if (request.urls().isEmpty() && site.upstream().getRawPath() != null && !site.upstream().getRawPath().isEmpty()) {
            seeds = List.of(site.upstream());
        }
        CrawlOptions crawl = new CrawlOptions(request.maxPages(), request.maxDepth(), true, List.of(), List.of(),
                Duration.ofMillis(limits.crawlDelayMs()), 2, request.urls().isEmpty(), true);
        boolean loopback = limits.loopbackBrowsers() || "127.0.0.1".equals(site.upstream().getHost())
                || "localhost".equals(site.upstream().getHost());
        return new AuditConfig(site.id(), site.name(), seeds, crawl, false, 10, 1L, List.of(), request.standards(),
                request.staticOnly(), workers, Duration.ofSeconds(30), null, dir, List.of(), request.locale(), List.of(),
                null, loopback, 300, 4, Map.of());
    }

    static String json(Object o) {
        try {
            return JsonReport.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        synchronized (this) {
            if (tick != null) {
                tick.cancel(false);
            }
        }
        stop.values().forEach(b -> b.set(true));
        // running audits end their page and close their browsers (marked interrupted; a crash leaves them
        // "running" and the next start marks them); what does not end within 15 s is interrupted
        long until = System.currentTimeMillis() + 15_000;
        for (Future<?> f : running.values()) {
            try {
                f.get(Math.max(1, until - System.currentTimeMillis()), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                f.cancel(true);
            }
        }
    }
}
