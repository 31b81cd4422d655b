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

import org.yiyue.audit.core.AuditConfig;
import org.yiyue.audit.core.AuditRunner;
import org.yiyue.audit.core.ProgressListener;
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
 * sites' catalogue pages, with 1 and 2 browser workers. Starts its own replica sites on ephemeral loopback ports.
 * A measurement, not a test: it prints numbers and asserts nothing.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Pages/s of static-only and browser audits of the replica sites (1 and 2 browser workers).")
public final class BenchmarkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--workers", split = ",", paramLabel = "N", description = "browser worker counts to measure (default: 1,2)")
    List<Integer> workers = new ArrayList<>(List.of(1, 2));

    @Option(names = "--static-rounds", paramLabel = "N", description = "static-only repetitions, the first one is warm-up (default: ${DEFAULT-VALUE})")
    int staticRounds = 3;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ReplicaCatalog catalog = ReplicaCatalog.load();
        Path tmp = Files.createTempDirectory("yiyue-bench-");
        try (ReplicaSites sites = ReplicaSites.start()) {
            out.println("cores " + Runtime.getRuntime().availableProcessors() + ", Java " + System.getProperty("java.version"));
            for (int round = 1; round <= staticRounds; round++) {
                report(out, "static-only" + (round == 1 ? " (warm-up)" : ""), run(catalog, sites, true, 1, tmp));
            }
            for (int w : workers) {
                report(out, "browser, " + w + " worker" + (w > 1 ? "s" : ""), run(catalog, sites, false, w, tmp));
            }
        } finally {
            try (var walk = Files.walk(tmp)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return ExitCodes.OK;
    }

    private record Result(int pages, double seconds) {
    }

    private static void report(PrintWriter out, String mode, Result r) {
        out.printf("%-28s %3d pages in %6.1f s = %6.2f pages/s%n", mode, r.pages(), r.seconds(), r.pages() / r.seconds());
        out.flush();
    }

    private Result run(ReplicaCatalog catalog, ReplicaSites sites, boolean staticOnly, int workers, Path tmp) throws Exception {
        int pages = 0;
        long start = System.nanoTime();
        for (String id : ReplicaSites.SITE_IDS) {
            URI origin = sites.origin(id);
            List<URI> seeds = new ArrayList<>();
            for (ReplicaCatalog.Page p : catalog.site(id).pages()) {
                if (p.flowStep() == 0) {
                    seeds.add(origin.resolve(p.path()));
                }
            }
            AuditConfig c = new AuditConfig(id, id, seeds,
                    new CrawlOptions(seeds.size(), 0, true, List.of(), List.of(), Duration.ZERO, 2, false, true),
                    false, 10, 1, List.of(), List.of("wcag22-aa", "gbt37668-2", "elder"), staticOnly, workers,
                    Duration.ofSeconds(30), id.equals("portal") ? "/m/" : null, tmp.resolve(id + System.nanoTime()),
                    List.of(), "zh-CN", List.of(), null, true, 300, 6, Map.of());
            AuditReport r = new AuditRunner(c, ProgressListener.NONE, Captures.best(), false).run();
            pages += (int) r.pages().stream().filter(PageReport::audited).count();
        }
        return new Result(pages, (System.nanoTime() - start) / 1e9);
    }
}
