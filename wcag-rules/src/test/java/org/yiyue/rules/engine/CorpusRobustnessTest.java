package org.yiyue.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yiyue.rules.model.Outcome;
import org.yiyue.rules.page.Page;
import org.yiyue.testkit.SharedFolder;

/**
 * The engine completes on every real government page of the shared corpus and every replica page of demo-sites,
 * with every rule answering and none crashing. (Robustness only: outcomes are not tuned to these pages.)
 */
class CorpusRobustnessTest {

    static final Path REPLICAS = Path.of("../demo-sites/src/main/resources/sites");

    record PageFile(Path path, String charset) {
        @Override
        public String toString() {
            return path.getFileName().toString();
        }
    }

    static Stream<PageFile> corpus() throws IOException {
        Path corpus = SharedFolder.require("corpus/real-pages");
        List<PageFile> out = new ArrayList<>();
        for (String line : Files.readAllLines(corpus.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8).stream().skip(1).toList()) {
            String[] f = line.split("\t");
            if (f.length < 5) {
                continue;
            }
            String enc = f[4].toUpperCase(Locale.ROOT);
            String charset = enc.startsWith("GBK") || enc.startsWith("GB2312") || enc.startsWith("GB18030") ? "GB18030"
                    : enc.startsWith("UTF-8") ? "UTF-8" : null;
            out.add(new PageFile(corpus.resolve(f[0] + ".html"), charset));
        }
        assertFalse(out.isEmpty());
        return out.stream();
    }

    static Stream<PageFile> replicas() throws IOException {
        assertTrue(Files.isDirectory(REPLICAS), "demo-sites replica pages missing at " + REPLICAS.toAbsolutePath());
        try (Stream<Path> s = Files.walk(REPLICAS)) {
            List<PageFile> out = s.filter(p -> p.toString().endsWith(".html")).sorted().map(p -> new PageFile(p, null)).toList();
            assertFalse(out.isEmpty());
            return out.stream();
        }
    }

    // two tests, not one with two sources: where ../shared is absent the corpus source skips its test, and the
    // replica pages (always here) must still be checked
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void engineCompletesOnRealPages(PageFile file) throws IOException {
        engineCompletes(file);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replicas")
    void engineCompletesOnReplicaPages(PageFile file) throws IOException {
        engineCompletes(file);
    }

    private static void engineCompletes(PageFile file) throws IOException {
        assertTrue(Files.exists(file.path()), file.path().toString());
        Document doc = Jsoup.parse(file.path().toFile(), file.charset(), "https://example.gov.cn/");
        List<Outcome> out = RuleEngine.all().run(Page.of(doc, "https://example.gov.cn/" + file));
        assertEquals(RuleRegistry.all().size(), out.stream().map(Outcome::ruleId).distinct().count());
        List<Outcome> crashed = out.stream()
                .filter(o -> o instanceof Outcome.CantTell c && c.message().en().startsWith("The rule failed")).toList();
        assertEquals(List.of(), crashed, file.toString());
    }
}
