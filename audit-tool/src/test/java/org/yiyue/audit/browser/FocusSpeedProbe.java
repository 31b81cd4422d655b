package org.yiyue.audit.browser;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.openqa.selenium.chrome.ChromeDriver;
import org.yiyue.demo.ReplicaCatalog;
import org.yiyue.demo.ReplicaSites;

/**
 * A measurement, not a test: the focus-pixel probes (FocusPixels.probe) on the replica sites' desktop catalogue
 * pages, each page probed with the quick settling and with the frames always ({@link FocusPixels#framesAlways}, the
 * old waits), alternating which goes first, in one browser: wall and CPU (this JVM + its Chromium) per page of each,
 * and whether both found the same pixels. {@code java -cp <test classpath> org.yiyue.audit.browser.FocusSpeedProbe [rounds]}
 */
public final class FocusSpeedProbe {

    private FocusSpeedProbe() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        String facts;
        try (InputStream in = FactsCollector.class.getResourceAsStream("rendered-facts.js")) {
            facts = new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
        }
        ReplicaCatalog catalog = ReplicaCatalog.load();
        long[] wall = new long[2], cpu = new long[2];
        int probes = 0, differ = 0;
        try (ReplicaSites sites = ReplicaSites.start();
             AuditBrowser browser = AuditBrowser.start(true, Duration.ofSeconds(30))) {
            List<URI> pages = new ArrayList<>();
            for (String id : ReplicaSites.SITE_IDS) {
                for (ReplicaCatalog.Page p : catalog.site(id).pages()) {
                    if (p.flowStep() == 0 && !p.path().startsWith("/m/")) {
                        pages.add(sites.origin(id).resolve(p.path()));
                    }
                }
            }
            ChromeDriver d = browser.driver();
            PageChannel page = PageChannel.of(d);
            int n = 0;
            for (int r = 0; r < rounds; r++) {
                for (URI u : pages) {
                    d.get(u.toString());
                    Map<?, ?> result = (Map<?, ?>) page.script(facts, FactsCollector.MAX_ELEMENTS, FactsCollector.MAX_FOCUS_PROBES);
                    List<Integer> unchanged = new ArrayList<>(), changed = new ArrayList<>(), proven = new ArrayList<>();
                    for (Object row : (List<?>) result.get("rows")) {
                        List<?> x = (List<?>) row;
                        if (x.size() >= 22 && Boolean.TRUE.equals(x.get(12))) {
                            int i = ((Number) x.get(0)).intValue();
                            (Boolean.TRUE.equals(x.get(21)) ? changed : unchanged).add(i);
                            if (x.size() > 24 && Boolean.FALSE.equals(x.get(21)) && Boolean.TRUE.equals(x.get(24))) {
                                proven.add(i);
                            }
                        }
                    }
                    List<Integer> candidates = new ArrayList<>(unchanged);
                    if (unchanged.size() + changed.size() <= FocusPixels.MAX_PROBES) {
                        candidates.addAll(changed);
                    }
                    List<Integer> all = new ArrayList<>(unchanged);
                    all.addAll(changed);
                    Map<Integer, Boolean> first = null;
                    for (int k = 0; k < 2; k++) {
                        boolean frames = (n + k) % 2 == 1;
                        FocusPixels.framesAlways = frames;
                        long c0 = ShotCostProbe.cpu(), t0 = System.nanoTime();
                        Map<Integer, Boolean> got = FocusPixels.probe(d, candidates, new HashSet<>(changed), proven, all);
                        wall[frames ? 1 : 0] += System.nanoTime() - t0;
                        cpu[frames ? 1 : 0] += ShotCostProbe.cpu() - c0;
                        if (first == null) {
                            first = got;
                        } else if (!first.equals(got)) {
                            differ++;
                            System.out.println("differ " + u.getPath() + ": " + first + " / " + got);
                        }
                    }
                    FocusPixels.framesAlways = false;
                    probes++;
                    n++;
                }
            }
        }
        System.out.printf("%d page probes; quick: wall %.1f ms, cpu %.1f ms per page; frames always: wall %.1f ms, cpu %.1f ms per page; %d differ; %s%n",
                probes, wall[0] / 1e6 / probes, (double) cpu[0] / probes, wall[1] / 1e6 / probes, (double) cpu[1] / probes, differ,
                Files.readString(Path.of("/proc/loadavg")).strip());
    }
}
