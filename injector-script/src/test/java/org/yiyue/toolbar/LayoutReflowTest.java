package org.yiyue.toolbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.Cookie;
import org.yiyue.demo.ReplicaSites;
import org.yiyue.testkit.EmbeddedToolbar;
import org.yiyue.testkit.ReplicaSitesExtension;
import org.yiyue.testkit.SharedFolder;
import org.yiyue.testkit.YthFlow;

/**
 * WCAG 1.4.4 with the toolbar's text size: on every replica page (desktop at 1280×900, {@code /m/} pages at 375×812)
 * and every real corpus page, text at 150 %, 200 % and in 适老模式 must not be clipped by an ancestor, pushed outside
 * the viewport sideways (pages that do not scroll sideways at 100 %) or laid over other text more often than at
 * 100 %. Counts are text nodes, measured by {@code probes/layout.js}; the whole table is printed at the end.
 */
@ExtendWith(ReplicaSitesExtension.class)
class LayoutReflowTest {

    static final String PROBE = resource("probes/layout.js");
    static final String APP = "const app = window[Symbol.for('yiyue.a11y')];";
    static final List<String> STATES = List.of("100%", "150%", "200%", "适老");

    /** Counts at one setting: text nodes, clipped, outside the viewport sideways, overlapping. */
    record Counts(long texts, long clipped, long spilled, long offscreen, long overlap, long launcher, List<?> examples) {
        String cell() {
            return clipped + "/" + spilled + "/" + offscreen + "/" + overlap + (launcher > 0 ? " L" + launcher : "");
        }
    }

    /**
     * Pages where a larger size still loses text, with what is known; reported in the table, not hidden: the test
     * fails when such a page starts to pass (take it off the list) or loses text anywhere else.
     */
    static final Map<String, String> KNOWN = Map.of();

    /**
     * Cases run two at a time (@Execution(CONCURRENT) on the test methods, not the class: the class still runs alone,
     * as every class does; surefire sets JUnit's parallelism to 2), each in a browser of its own: most of a case's time
     * is the settle before each measurement (frames and a timeout), when the browser is idle, so the other browser
     * measures meanwhile. A case takes a slot and gives it back after.
     */
    static final int BROWSERS = 2;

    /** One browser and the corpus server only it uses (the server serves one page at a time), started when needed. */
    static final class Slot {
        final ToolbarBrowser b = new ToolbarBrowser();
        CorpusSite corpus;
        /** Whether the page scrolled sideways at its last measurement. */
        Boolean lastHscroll;
    }

    static ReplicaSites sites;
    static final Slots<Slot> SLOTS = new Slots<>();
    static final Map<String, Map<String, Counts>> TABLE = new ConcurrentSkipListMap<>();

    @BeforeAll
    static void start(@EmbeddedToolbar ReplicaSites toolbarSites) {
        sites = toolbarSites;
        for (int i = 0; i < BROWSERS; i++) {
            SLOTS.add(new Slot());
        }
    }

    @AfterAll
    static void stop() {
        for (Slot slot : SLOTS.all()) {
            slot.b.close();
            if (slot.corpus != null) slot.corpus.close();
        }
        SLOTS.clear();
        StringBuilder out = new StringBuilder("\n[layout] texts clipped/spilled out of their background box/outside the viewport/overlapping, per setting (✗ = more than at 100 %; Ln = n texts or controls under the closed launcher)\n");
        out.append(String.format("%-44s %6s  %-12s %-12s %-12s %-12s%n", "page", "texts", STATES.get(0), STATES.get(1), STATES.get(2), STATES.get(3)));
        TABLE.forEach((page, row) -> {
            out.append(String.format("%-44s %6d ", page, row.get("100%").texts()));
            for (String s : STATES) {
                Counts c = row.get(s);
                out.append(String.format(" %-12s", c == null ? "-" : c.cell() + (worse(c, row.get("100%")) ? "✗" : "")));
            }
            out.append('\n');
        });
        System.out.println(out);
    }

    static boolean worse(Counts c, Counts base) {
        return c.clipped() > base.clipped() || c.spilled() > base.spilled() || c.offscreen() > base.offscreen() || c.overlap() > base.overlap();
    }

    /** -Dyiyue.layout.only=TEXT narrows the run to pages whose name contains TEXT (while working on one page). */
    static final String ONLY = System.getProperty("yiyue.layout.only", "");

    static Stream<String> replicaPages() {
        return DoNoHarmTest.replicaPages().filter(p -> p.contains(ONLY));
    }

    static Stream<String> corpusPages() {
        Path root = SharedFolder.require("corpus/real-pages");
        return CorpusSite.pages(root).stream().map(CorpusSite.Page::id).filter(p -> p.contains(ONLY));
    }

    @Execution(ExecutionMode.CONCURRENT)
    @ParameterizedTest(name = "{0}")
    @MethodSource("replicaPages")
    void replicaPageKeepsItsTextAtEveryTextSize(String page) throws InterruptedException {
        String[] p = page.split(" ");
        String url = sites.origin(p[0]) + p[1];
        SLOTS.use(slot -> {
            ToolbarBrowser b = slot.b;
            if (p.length > 2) {
                b.open(sites.origin(p[0]) + "/index.html");
                b.d.manage().deleteAllCookies();
                b.d.manage().addCookie(new Cookie(YthFlow.COOKIE, YthFlow.readyFor(sites, Integer.parseInt(p[2])).sessionId(), "/"));
            }
            check(slot, p[0] + " " + p[1], url, p[1].startsWith("/m/"));
        });
    }

    @Execution(ExecutionMode.CONCURRENT)
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusPages")
    void corpusPageKeepsItsTextAtEveryTextSize(String id) throws InterruptedException {
        Path root = SharedFolder.require("corpus/real-pages");
        CorpusSite.Page page = CorpusSite.pages(root).stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        SLOTS.use(slot -> {
            if (slot.corpus == null) slot.corpus = new CorpusSite(root);
            check(slot, "corpus " + id, slot.corpus.use(page), page.mobile());
        });
    }

    private void check(Slot slot, String label, String url, boolean phone) {
        ToolbarBrowser b = slot.b;
        phone(b, phone);
        try {
            b.openWithToolbar(url);
            if (!b.strings("return [...document.documentElement.attributes].map(a => a.name).filter(n => n.startsWith('data-yiyue'))").isEmpty()) {
                b.js(APP + "app.exit();");
                b.openWithToolbar(url);
            }
            Map<String, Counts> row = new LinkedHashMap<>();
            Counts base = measure(slot, "", true);
            boolean offscreen = !Boolean.TRUE.equals(slot.lastHscroll);
            if (!offscreen) base = new Counts(base.texts(), base.clipped(), base.spilled(), 0, base.overlap(), base.launcher(), base.examples());
            row.put("100%", base);
            row.put("150%", measure(slot, "app.set({ text: 150 });", offscreen));
            row.put("200%", measure(slot, "app.set({ text: 200 });", offscreen));
            shot(b, label + " 200");
            row.put("适老", measure(slot, "app.set({ text: 100 }); app.run('elder');", offscreen));
            b.js(APP + "app.exit();");
            TABLE.put(label + (phone ? " (375)" : ""), row);
            List<String> worse = new ArrayList<>();
            for (String s : STATES) {
                if (worse(row.get(s), base)) worse.add(s + " " + row.get(s).cell() + " vs 100% " + base.cell() + " e.g. " + row.get(s).examples());
            }
            if (KNOWN.containsKey(label)) {
                System.out.println("[layout] known gap, " + label + ": " + KNOWN.get(label) + " — now " + worse);
                assertTrue(!worse.isEmpty(), label + " passes now: take it off LayoutReflowTest.KNOWN");
                return;
            }
            assertTrue(worse.isEmpty(), label + ": text lost at a larger size: " + worse);
            if (!label.startsWith("corpus")) {
                for (String st : List.of("100%", "适老")) {
                    assertEquals(0, row.get(st).launcher(), label + " " + st + ": the launcher covers " + row.get(st).examples());
                }
            }
        } finally {
            phone(b, false);
        }
    }

    /** Applies a change through the toolbar, lets it finish (a few frames), then runs the probe: one round trip. */
    @SuppressWarnings("unchecked")
    private Counts measure(Slot slot, String change, boolean countOffscreen) {
        Map<String, Object> m = (Map<String, Object>) slot.b.d.executeAsyncScript(APP + change
                + "const done = arguments[arguments.length - 1], flag = arguments[0]; let n = 0;"
                + "const f = () => (++n < 5 ? requestAnimationFrame(f) : setTimeout(() => done((" + PROBE + ")(flag)), 120));"
                + "requestAnimationFrame(f);", countOffscreen);
        slot.lastHscroll = (Boolean) m.get("hscroll");
        Map<String, Object> ex = (Map<String, Object>) m.get("examples");
        List<Object> examples = new ArrayList<>();
        for (String k : List.of("clipped", "spilled", "offscreen", "overlap")) {
            if (!((List<?>) ex.get(k)).isEmpty()) examples.add(k + "=" + ex.get(k));
        }
        if (!((List<?>) m.get("underLauncher")).isEmpty()) examples.add("under the launcher=" + m.get("underLauncher"));
        return new Counts(((Number) m.get("texts")).longValue(), ((Number) m.get("clipped")).longValue(), ((Number) m.get("spilled")).longValue(),
                ((Number) m.get("offscreen")).longValue(), ((Number) m.get("overlap")).longValue(), ((Number) m.get("launcher")).longValue(), examples);
    }

    /** -Dyiyue.layout.shots=DIR keeps a screenshot of each page at its last setting (for looking, not for judging). */
    private void shot(ToolbarBrowser b, String label) {
        String dir = System.getProperty("yiyue.layout.shots");
        if (dir == null) return;
        try {
            java.nio.file.Files.createDirectories(Path.of(dir));
            byte[] png = b.d.getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            java.nio.file.Files.write(Path.of(dir, label.replaceAll("[^A-Za-z0-9]+", "_") + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void phone(ToolbarBrowser b, boolean on) {
        if (on) {
            b.d.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true));
        } else {
            b.d.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    static String resource(String name) {
        try (InputStream in = LayoutReflowTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
