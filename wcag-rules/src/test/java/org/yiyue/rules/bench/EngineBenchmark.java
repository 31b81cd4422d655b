package org.yiyue.rules.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.yiyue.rules.engine.RuleEngine;
import org.yiyue.rules.page.Page;
import org.yiyue.testkit.SharedFolder;

/**
 * Static-engine throughput in pages per second (all rules, no browser). Documents are parsed once in setup; the
 * "replicas" case runs every demo-sites replica page once per operation, so its score is divided by the page count
 * printed at setup. Run: {@code mvn -q -pl wcag-rules test-compile exec:exec@bench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineBenchmark {

    /** largest = nfra-xzcf-2024 (383 KB, largest real page); mid = bad-before-home (24 KB); replicas = all replica pages. */
    @Param({"largest", "mid", "replicas"})
    public String pages;

    private final List<Document> parsed = new ArrayList<>();
    private final RuleEngine engine = RuleEngine.all();

    @Setup(Level.Trial)
    public void load() throws IOException {
        Path root = Path.of(System.getProperty("yiyue.root", "."));
        Path corpus = SharedFolder.requireForTool("corpus/real-pages");
        List<Path> files = switch (pages) {
            case "largest" -> List.of(corpus.resolve("nfra-xzcf-2024.html"));
            case "mid" -> List.of(corpus.resolve("bad-before-home.html"));
            default -> {
                try (Stream<Path> s = Files.walk(root.resolve("../demo-sites/src/main/resources/sites"))) {
                    yield s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
                }
            }
        };
        for (Path f : files) {
            Document doc = Jsoup.parse(new File(f.toString()), null, "https://example.gov.cn/");
            parsed.add(doc);
        }
        System.out.println("\n[yiyue] " + pages + ": " + parsed.size() + " page(s), "
                + parsed.stream().mapToInt(d -> d.getAllElements().size()).sum() + " elements");
    }

    @Benchmark
    public void staticEngine(Blackhole bh) {
        // a fresh Page per run: the page memo (roles, hidden state) must not carry over between operations
        for (Document d : parsed) {
            bh.consume(engine.run(Page.of(d, "https://example.gov.cn/")));
        }
    }
}
