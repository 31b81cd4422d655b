package org.yiyue.rules.bench;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.yiyue.rules.engine.RuleEngine;
import org.yiyue.rules.model.Outcome;
import org.yiyue.rules.page.Page;
import org.yiyue.testkit.SharedFolder;

/**
 * The static engine's failed outcomes on the real-page corpus and the replica pages: a total per source, a count per
 * rule, and one line per failure (page, rule, selector) in the file given as the first argument, so that two
 * versions of the rule library can be compared failure by failure ("no new false failure").
 * Run: {@code mvn -q -o -pl wcag-rules test-compile exec:exec@census} (writes target/static-failures.tsv).
 */
public final class StaticFailureCensus {

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("yiyue.root", "."));
        Path out = Path.of(args.length > 0 ? args[0] : "target/static-failures.tsv");
        List<String> lines = new ArrayList<>();
        Path corpus = SharedFolder.requireForTool("corpus/real-pages");
        List<Path[]> real = new ArrayList<>(); // one page each
        List<String> charsets = new ArrayList<>();
        for (String line : Files.readAllLines(corpus.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8).stream().skip(1).toList()) {
            String[] f = line.split("\t");
            if (f.length < 5) {
                continue;
            }
            String enc = f[4].toUpperCase(Locale.ROOT);
            charsets.add(enc.startsWith("GBK") || enc.startsWith("GB2312") || enc.startsWith("GB18030") ? "GB18030"
                    : enc.startsWith("UTF-8") ? "UTF-8" : null);
            real.add(new Path[] {corpus.resolve(f[0] + ".html")});
        }
        int realFailures = 0;
        Map<String, Integer> realByRule = new TreeMap<>();
        for (int i = 0; i < real.size(); i++) {
            realFailures += census("real", real.get(i)[0], charsets.get(i), realByRule, lines);
        }
        List<Path> replicas;
        try (Stream<Path> s = Files.walk(root.resolve("../demo-sites/src/main/resources/sites"))) {
            replicas = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        int replicaFailures = 0;
        Map<String, Integer> replicaByRule = new TreeMap<>();
        for (Path p : replicas) {
            replicaFailures += census("replica", p, null, replicaByRule, lines);
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, lines, StandardCharsets.UTF_8);
        System.out.printf("static failures: real %d (%d pages), replica %d (%d pages)%n", realFailures, real.size(),
                replicaFailures, replicas.size());
        System.out.println("real by rule: " + realByRule);
        System.out.println("replica by rule: " + replicaByRule);
        System.out.println("each failure: " + out.toAbsolutePath());
    }

    private static int census(String source, Path file, String charset, Map<String, Integer> byRule, List<String> lines)
            throws Exception {
        Document doc = Jsoup.parse(new File(file.toString()), charset, "https://example.gov.cn/");
        int n = 0;
        for (Outcome o : RuleEngine.all().run(Page.of(doc, "https://example.gov.cn/" + file.getFileName()))) {
            if (o instanceof Outcome.Failed f) {
                n++;
                byRule.merge(f.ruleId(), 1, Integer::sum);
                lines.add(source + "\t" + file.getFileName() + "\t" + f.ruleId() + "\t" + f.target());
            }
        }
        return n;
    }
}
