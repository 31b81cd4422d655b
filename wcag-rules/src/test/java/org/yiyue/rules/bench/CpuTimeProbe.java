package org.yiyue.rules.bench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.yiyue.rules.engine.RuleEngine;
import org.yiyue.rules.page.Page;
import org.yiyue.testkit.SharedFolder;

/**
 * Companion to {@link EngineBenchmark} for a shared, overloaded machine: measures the static engine's CPU time
 * per page (thread CPU time, so other processes do not count) after a warm-up, and prints pages per CPU-second.
 * Run: {@code mvn -q -pl wcag-rules test-compile exec:exec@cputime}.
 */
public final class CpuTimeProbe {

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("yiyue.root", "."));
        Path corpus = SharedFolder.requireForTool("corpus/real-pages");
        List<Path> replicas;
        try (Stream<Path> s = Files.walk(root.resolve("../demo-sites/src/main/resources/sites"))) {
            replicas = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        report("largest (nfra-xzcf-2024)", List.of(corpus.resolve("nfra-xzcf-2024.html")));
        report("mid (bad-before-home)", List.of(corpus.resolve("bad-before-home.html")));
        report("replicas (" + replicas.size() + " pages)", replicas);
    }

    private static void report(String label, List<Path> files) throws Exception {
        List<Document> docs = new java.util.ArrayList<>();
        for (Path f : files) {
            docs.add(Jsoup.parse(new File(f.toString()), null, "https://example.gov.cn/"));
        }
        RuleEngine engine = RuleEngine.all();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int warm = Math.max(20, 200 / docs.size());
        for (int i = 0; i < warm; i++) {
            docs.forEach(d -> engine.run(Page.of(d, "https://example.gov.cn/")));
        }
        int rounds = Math.max(30, 300 / docs.size());
        long cpu = mx.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            docs.forEach(d -> engine.run(Page.of(d, "https://example.gov.cn/")));
        }
        double cpuS = (mx.getCurrentThreadCpuTime() - cpu) / 1e9;
        double wallS = (System.nanoTime() - wall) / 1e9;
        int pages = rounds * docs.size();
        System.out.printf("%-28s %6d pages  %8.1f pages/CPU-s  %8.1f pages/wall-s  (%.2f ms CPU per page)%n",
                label, pages, pages / cpuS, pages / wallS, cpuS * 1000 / pages);
    }
}
