package org.yiyue.audit.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.yiyue.audit.browser.AxeOnlyScan;
import org.yiyue.audit.browser.BrowserPool;
import org.yiyue.audit.core.AuditConfig;
import org.yiyue.audit.core.AuditRunner;
import org.yiyue.audit.core.ProgressListener;
import org.yiyue.audit.core.StepTimes;
import org.yiyue.audit.crawl.CrawlOptions;
import org.yiyue.audit.report.AuditReport;
import org.yiyue.audit.report.PageReport;
import org.yiyue.demo.ReplicaCatalog;
import org.yiyue.demo.ReplicaSites;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code yiyue benchmark}: pages per second for static-only and for full (Chromium) audits of the four replica
 * sites' catalogue pages, with 1 and 2 browser workers; where a browser audit spends its time (per step); and the
 * per-page time of a full audit against an axe-only scan of the same pages in the same run (the ratio is fairer than
 * pages/s on a shared machine: load slows both sides). Starts its own replica sites on ephemeral loopback ports.
 * A measurement, not a test: it prints numbers and asserts nothing.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Pages/s of static-only and browser audits of the replica sites (1 and 2 browser workers).")
public final class BenchmarkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--workers", split = ",", paramLabel = "N", description = "browser worker counts to measure (default: 1,2)")
    List<Integer> workers = new ArrayList<>(List.of(1, 2));

    @Option(names = "--sites", split = ",", paramLabel = "ID", description = "replica sites to measure (default: all four)")
    List<String> siteIds = new ArrayList<>(ReplicaSites.SITE_IDS);

    @Option(names = "--static-rounds", paramLabel = "N", description = "static-only repetitions, the first one is warm-up (default: ${DEFAULT-VALUE})")
    int staticRounds = 3;

    @Option(names = "--digest", paramLabel = "FILE", description = "write, per audited page of the full audits, its status, rule outcomes, failed findings (engine, rule, target) and whether each has a screenshot (and the PNG's pixel size) - to diff two builds' results")
    private Path digest;

    private final List<String> digestLines = java.util.Collections.synchronizedList(new ArrayList<>());

    @Option(names = "--renderer-profile", paramLabel = "trace|threads", description = "1 worker only: what the renderer spends its CPU on per step (RendererProbe): a DevTools trace per page, or the renderer's threads' CPU from /proc")
    String rendererProfile;

    @Option(names = "--builder", description = "also time axe-only scans through the axe-core/selenium builder (the script sent per call, a blank window per page), as the audit ran axe-core before")
    boolean builder;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ReplicaCatalog catalog = ReplicaCatalog.load();
        Path tmp = Files.createTempDirectory("yiyue-bench-");
        try (ReplicaSites sites = ReplicaSites.start()) {
            out.println("cores " + Runtime.getRuntime().availableProcessors() + ", Java " + System.getProperty("java.version")
                    + ", " + loadAverage());
            for (int round = 1; round <= staticRounds; round++) {
                report(out, "static-only" + (round == 1 ? " (warm-up)" : ""), run(catalog, sites, true, 1, tmp, StepTimes.NONE));
            }
            List<URI> pages = new ArrayList<>();
            for (String id : siteIds) {
                pages.addAll(seeds(catalog, sites, id));
            }
            // axe-only before and after the full audits: the ratio uses their mean, so a change of load mid-run is shared
            AxeOnlyScan.Timing axeBefore = AxeOnlyScan.time(pages, u -> u.getPath().startsWith("/m/"), Duration.ofSeconds(30));
            report(out, "axe-only, 1 browser" + failedNote(axeBefore), new Result(axeBefore.pages(), axeBefore.millis() / 1e3, axeBefore.perPageMillis()));
            if (builder) {
                AxeOnlyScan.Timing b = AxeOnlyScan.time(pages, u -> u.getPath().startsWith("/m/"), Duration.ofSeconds(30), true);
                report(out, "axe-only, builder" + failedNote(b), new Result(b.pages(), b.millis() / 1e3, b.perPageMillis()));
            }
            Result full1 = null;
            for (int w : workers) {
                RendererProbe probe = rendererProfile == null || w != 1 ? null : new RendererProbe(rendererProfile.equals("trace"));
                StepTimes steps = probe == null ? StepTimes.recording() : StepTimes.recording(probe);
                Map<String, Long> focus0 = focusCounters();
                Result r = run(catalog, sites, false, w, tmp, steps);
                Map<String, Long> focus1 = focusCounters();
                report(out, "browser, " + w + " worker" + (w > 1 ? "s" : ""), r);
                if (probe != null) {
                    probe.finish();
                    probe.print(out);
                }
                // the rest is time a worker had no page: waiting for a browser, the crawl, the end of a site
                out.printf(java.util.Locale.ROOT, "  workers inside a page: %.1f %% of %d workers x %.1f s%n",
                        100.0 * r.pages() * r.perPageMillis() / 1000 / (w * r.seconds()), w, r.seconds());
                out.println("  " + idle);
                out.println("  time per step, summed over pages (ms): " + steps.millis());
                out.println("  calls per step: " + steps.millis().keySet().stream().collect(java.util.stream.Collectors.toMap(k -> k, steps::calls, (a, b) -> a, java.util.LinkedHashMap::new)));
                out.println("  time per step, mean per page (ms):     " + perPage(steps, r.pages()));
                out.println("  CPU per step, mean per page (ms; this JVM + Chromium; with 2 workers both workers' CPU is counted in each): "
                        + perPage(steps.cpuMillis(), r.pages()));
                out.printf("  CPU of the whole run (this JVM + Chromium, crawl and browser starts included): %.0f ms per page, %.2f cores busy%n",
                        (double) r.cpuMillis() / Math.max(1, r.pages()), r.cpuMillis() / 1e3 / r.seconds());
                out.println("  CPU of the whole run by process, ms per page: " + cpuByKind);
                out.println("  browsers started: " + r.browsersStarted() + " for " + siteIds.size() + " site audits (kept warm across sites)");
                StringBuilder fc = new StringBuilder("  focus-pixel probes per page (ACT oj04fd):");
                focus1.forEach((k, v) -> fc.append(String.format(" %s %.2f", k.toLowerCase(java.util.Locale.ROOT),
                        (double) (v - focus0.get(k)) / Math.max(1, r.pages()))));
                out.println(fc);
                out.println("  " + org.yiyue.audit.browser.AxeScan.runnerStats() + "; " + org.yiyue.audit.browser.PageChannel.stats()
                        + "; " + AuditRunner.parkingStats()
                        + "; " + loadAverage());
                if (w == 1) {
                    full1 = r;
                }
            }
            AxeOnlyScan.Timing axeAfter = AxeOnlyScan.time(pages, u -> u.getPath().startsWith("/m/"), Duration.ofSeconds(30));
            report(out, "axe-only, 1 browser (again)" + failedNote(axeAfter), new Result(axeAfter.pages(), axeAfter.millis() / 1e3, axeAfter.perPageMillis()));
            if (full1 != null) {
                double axe = (axeBefore.perPageMillis() + axeAfter.perPageMillis()) / 2;
                out.printf("full audit / axe-only, per page, 1 worker: %.0f ms / %.0f ms = %.2f (target <= 3)%n",
                        full1.perPageMillis(), axe, full1.perPageMillis() / axe);
            }
            out.println(loadAverage());
            if (digest != null) {
                List<String> lines = new ArrayList<>(digestLines);
                java.util.Collections.sort(lines);
                Files.write(digest, lines);
                out.println("digest: " + digest + " (" + lines.size() + " pages)");
            }
        } finally {
            try (var walk = Files.walk(tmp)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return ExitCodes.OK;
    }

    /** @param perPageMillis mean time of one page's audit (its own clock, crawl and browser start excluded) */
    /**
     * FocusPixels' counters (package-private there, read here for the benchmark only): viewport shots, clip passes,
     * elements proven without screenshots; a counter the build does not have is left out.
     */
    private static Map<String, Long> focusCounters() {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        try {
            Class<?> c = Class.forName("org.yiyue.audit.browser.FocusPixels");
            for (String f : List.of("VIEWPORT_SHOTS", "CLIP_PASSES", "PROVEN", "QUICK_SETTLES", "FRAMED_SETTLES")) {
                try {
                    java.lang.reflect.Field x = c.getDeclaredField(f);
                    x.setAccessible(true);
                    out.put(f, ((java.util.concurrent.atomic.LongAdder) x.get(null)).sum());
                } catch (NoSuchFieldException e) {
                    // an older build
                }
            }
        } catch (ReflectiveOperationException e) {
            // no counters
        }
        return out;
    }

    private record Result(int pages, double seconds, double perPageMillis, int browsersStarted, long cpuMillis) {
        Result(int pages, double seconds, double perPageMillis) {
            this(pages, seconds, perPageMillis, 0, 0);
        }
    }

    private static Map<String, Long> perPage(StepTimes steps, int pages) {
        return perPage(steps.millis(), pages);
    }

    private static Map<String, Long> perPage(Map<String, Long> millis, int pages) {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        millis.forEach((k, v) -> out.put(k, pages == 0 ? 0 : Math.round((double) v / pages)));
        return out;
    }

    private static void report(PrintWriter out, String mode, Result r) {
        out.printf("%-28s %3d pages in %6.1f s = %6.2f pages/s, %6.0f ms per page (%s)%n", mode, r.pages(), r.seconds(),
                r.pages() / r.seconds(), r.perPageMillis(), loadAverage());
        out.flush();
    }

    private static String failedNote(AxeOnlyScan.Timing t) {
        return t.failed() == 0 ? "" : " (" + t.failed() + " failed)";
    }

    private static String loadAverage() {
        try {
            return "load average " + Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException | RuntimeException e) {
            return "load average " + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }
    }

    private static List<URI> seeds(ReplicaCatalog catalog, ReplicaSites sites, String id) {
        URI origin = sites.origin(id);
        List<URI> seeds = new ArrayList<>();
        for (ReplicaCatalog.Page p : catalog.site(id).pages()) {
            if (p.flowStep() == 0) {
                seeds.add(origin.resolve(p.path()));
            }
        }
        return seeds;
    }

    /** CPU per page by kind of process in the last run (see ProcessTreeCpu.byKind). */
    private Map<String, Long> cpuByKind = Map.of();

    private Result run(ReplicaCatalog catalog, ReplicaSites sites, boolean staticOnly, int workers, Path tmp,
                       StepTimes steps) throws Exception {
        int pages = 0;
        long pageMillis = 0;
        long start = System.nanoTime();
        long cpuStart = org.yiyue.audit.core.ProcessTreeCpu.millis();
        Map<String, Long> kindsStart = org.yiyue.audit.core.ProcessTreeCpu.byKind();
        // one pool for the four site audits, as certify has: browsers start once per worker, not once per site, and
        // each site starts when the one before has handed out its last page (ChainedAudits)
        BrowserPool browsers = new BrowserPool(workers);
        if (!staticOnly) {
            browsers.warm(workers, true, Duration.ofSeconds(30)); // as certify: started during the first crawl
        }
        long cpu = 0;
        timeline.clear();
        try {
            List<org.yiyue.audit.core.ChainedAudits.SiteAudit<AuditReport>> audits = new ArrayList<>();
            List<AuditConfig> configs = new ArrayList<>();
            for (String id : siteIds) {
                List<URI> seeds = seeds(catalog, sites, id);
                AuditConfig c = new AuditConfig(id, id, seeds,
                        new CrawlOptions(seeds.size(), 0, true, List.of(), List.of(), Duration.ZERO, 2, false, true),
                        false, 10, 1, List.of(), List.of("wcag22-aa", "gbt37668-2", "elder"), staticOnly, workers,
                        Duration.ofSeconds(30), id.equals("portal") ? "/m/" : null, tmp.resolve(id + System.nanoTime()),
                        List.of(), "zh-CN", List.of(), null, true, 300, 6, Map.of());
                configs.add(c);
                audits.add(drained -> new AuditRunner(c, timeline, Captures.best(), false).timeSteps(steps)
                        .browsers(browsers).onDrained(drained).run());
            }
            int[] counted = new int[1];
            long[] millis = new long[1];
            org.yiyue.audit.core.ChainedAudits.run(audits, (i, r) -> {
                if (!staticOnly && digest != null) {
                    for (PageReport p : r.pages()) {
                        digestLines.add(digestOf(workers, p, configs.get(i).outDir()));
                    }
                }
                counted[0] += (int) r.pages().stream().filter(PageReport::audited).count();
                millis[0] += r.pages().stream().filter(PageReport::audited).mapToLong(PageReport::millis).sum();
            });
            pages = counted[0];
            pageMillis = millis[0];
            cpu = org.yiyue.audit.core.ProcessTreeCpu.millis() - cpuStart; // before the browsers close: their CPU goes with them
            Map<String, Long> kinds = new java.util.TreeMap<>();
            int n = Math.max(1, pages);
            org.yiyue.audit.core.ProcessTreeCpu.byKind().forEach((k, v) -> kinds.put(k, (v - kindsStart.getOrDefault(k, 0L)) / n));
            cpuByKind = kinds;
        } finally {
            browsers.close();
        }
        long end = System.nanoTime();
        idle = timeline.idle(start, end, workers);
        return new Result(pages, (end - start) / 1e9, pages == 0 ? 0 : (double) pageMillis / pages,
                browsers.started(), cpu);
    }

    private final Timeline timeline = new Timeline();
    private String idle = "";

    /** When each page was audited (from its end and duration), to tell where workers had no page. */
    private static final class Timeline implements ProgressListener {
        private final List<long[]> spans = java.util.Collections.synchronizedList(new ArrayList<>());

        void clear() {
            spans.clear();
        }

        @Override
        public void pageDone(PageReport page, int done, int total) {
            long end = System.nanoTime();
            spans.add(new long[] {end - page.millis() * 1_000_000, end});
        }

        /** Worker-seconds with no page: before the first page started, while pages ran, after the last one started. */
        String idle(long start, long end, int workers) {
            List<long[]> all;
            synchronized (spans) {
                all = new ArrayList<>(spans);
            }
            if (all.isEmpty()) {
                return "";
            }
            long first = all.stream().mapToLong(x -> x[0]).min().getAsLong();
            long lastStart = all.stream().mapToLong(x -> x[0]).max().getAsLong();
            // sweep: slots free = workers - pages running, integrated per phase
            java.util.TreeMap<Long, Integer> delta = new java.util.TreeMap<>();
            delta.merge(start, 0, Integer::sum);
            delta.merge(end, 0, Integer::sum);
            delta.merge(lastStart, 0, Integer::sum);
            for (long[] x : all) {
                delta.merge(x[0], 1, Integer::sum);
                delta.merge(x[1], -1, Integer::sum);
            }
            double before = 0, during = 0, after = 0;
            int running = 0;
            Long prev = null;
            for (var e : delta.entrySet()) {
                if (prev != null) {
                    double freeSeconds = Math.max(0, workers - running) * (e.getKey() - prev) / 1e9;
                    if (e.getKey() <= first) {
                        before += freeSeconds;
                    } else if (e.getKey() <= lastStart) {
                        during += freeSeconds;
                    } else {
                        after += freeSeconds;
                    }
                }
                running += e.getValue();
                prev = e.getKey();
            }
            return String.format(java.util.Locale.ROOT,
                    "worker-seconds without a page: %.1f before the first page, %.1f between pages, %.1f after the last page started",
                    before, during, after);
        }
    }

    /** One line per page: what must not change between two builds of the same audit (no timings). */
    private static String digestOf(int workers, PageReport p, Path outDir) {
        StringBuilder b = new StringBuilder();
        b.append(workers).append("w ").append(p.url()).append(" status=").append(p.status()).append(" detail=").append(p.detail());
        new java.util.TreeMap<>(p.ruleOutcomes() == null ? Map.<String, String>of() : p.ruleOutcomes())
                .forEach((k, v) -> b.append("\n    outcome ").append(k).append('=').append(v));
        List<String> failed = new ArrayList<>();
        for (org.yiyue.audit.report.Finding f : p.findings()) {
            if (f.failed()) {
                String shot = "-";
                if (f.screenshot() != null) {
                    shot = "shot";
                    try {
                        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(outDir.resolve(f.screenshot()).toFile());
                        shot += img == null ? "(unreadable)" : "(" + img.getWidth() + "x" + img.getHeight() + " pixels "
                                + Integer.toHexString(java.util.Arrays.hashCode(img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth()))) + ")";
                    } catch (java.io.IOException e) {
                        shot += "(missing)";
                    }
                }
                failed.add("    failed " + f.engine() + " " + f.ruleId() + " " + f.target() + " " + shot);
            }
        }
        java.util.Collections.sort(failed);
        failed.forEach(l -> b.append('\n').append(l));
        return b.toString();
    }
}
