package org.yiyue.audit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yiyue.audit.browser.BrowserPool;
import org.yiyue.audit.browser.FactsCollector;
import org.yiyue.audit.crawl.CrawlOptions;
import org.yiyue.audit.crawl.TestServer;
import org.yiyue.audit.report.AuditReport;
import org.yiyue.audit.report.Finding;
import org.yiyue.audit.report.PageReport;
import org.yiyue.demo.ReplicaSites;
import org.yiyue.testkit.ReplicaSitesExtension;

/**
 * A page whose checks must wait for its own timers (a carousel's second turn, media not yet 3 s played) waits
 * "parked" in its window while the worker audits the next page in another window of the same browser, and is finished
 * when due. The results are those of an audit that waits in place (parking off): every page's status, rule outcomes
 * and failed/cantTell findings the same — on replica pages (carousels, autoplaying media, a floating ad, phone pages
 * under device emulation audited while a desktop page waits), and on pages made for it: a page audited meanwhile that
 * opens a pop-up as it loads (its window is closed, the parked page's is not), carousels that stop for good when their
 * page is hidden or its window loses focus (they must keep turning while another window is current).
 */
@ExtendWith(ReplicaSitesExtension.class)
class ParkedPagesTest {

    static TestServer server;

    private static final String HEAD = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>%s</title>"
            + "<style>.s{display:none;width:300px;height:100px}.s.cur{display:block}</style></head><body>";

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer();
        String slides = "<div class=\"s cur\">一</div><div class=\"s\">二</div><div class=\"s\">三</div>";
        // turns every 2.5 s: its second turn comes well after the other checks, so the page waits
        server.html("/carousel.html", HEAD.formatted("轮播") + "<main><h1>轮播</h1><div id=\"c\">" + slides + "</div>"
                + "<p><a href=\"/popup.html\">下一页</a></p></main><script>(function(){var s=document.querySelectorAll('#c .s'),i=0;"
                + "setInterval(function(){s[i].className='s';i=(i+1)%s.length;s[i].className='s cur';},2500);})();</script></body></html>");
        // carousels that stop for good when their page is hidden, or when its window loses focus (a visitor switching away)
        server.html("/hiddenstop.html", HEAD.formatted("隐藏") + "<main><h1>隐藏</h1><div id=\"h\">" + slides + "</div></main>"
                + "<script>(function(){var s=document.querySelectorAll('#h .s'),i=0;var t=setInterval(function(){"
                + "s[i].className='s';i=(i+1)%s.length;s[i].className='s cur';},2500);"
                + "document.addEventListener('visibilitychange',function(){if(document.hidden)clearInterval(t);});})();</script></body></html>");
        server.html("/blurstop.html", HEAD.formatted("失焦") + "<main><h1>失焦</h1><div id=\"b\">" + slides + "</div></main>"
                + "<script>(function(){var s=document.querySelectorAll('#b .s'),i=0;var t=setInterval(function(){"
                + "s[i].className='s';i=(i+1)%s.length;s[i].className='s cur';},2500);"
                + "window.addEventListener('blur',function(){clearInterval(t);});})();</script></body></html>");
        // opens a window as it loads (F52): the check closes that window, never the one where a page waits
        server.html("/popup.html", HEAD.formatted("弹窗") + "<main><h1>弹窗</h1><p><a href=\"/carousel.html\">首页</a></p></main>"
                + "<script>window.open('/plain.html', '_blank');</script></body></html>");
        server.html("/plain.html", HEAD.formatted("普通") + "<main><h1>普通</h1><p><a href=\"/carousel.html\">首页</a>"
                + "<img src=\"/none.png\"></p></main></body></html>");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** One audit's report and how many of its pages waited parked. */
    private record Run(AuditReport report, int parked) {
    }

    private static Run audit(String id, List<URI> seeds, String mobilePrefix, Path out, boolean parking) throws Exception {
        // as the benchmark audits the replica sites
        AuditConfig config = new AuditConfig(id, id, seeds,
                new CrawlOptions(seeds.size(), 0, true, List.of(), List.of(), Duration.ZERO, 2, false, true), false, 10, 1,
                List.of(), List.of("wcag22-aa", "gbt37668-2", "elder"), false, 1, Duration.ofSeconds(30), mobilePrefix, out,
                List.of("json"), "zh-CN", List.of(), null, true, 300, 6, Map.of());
        try (BrowserPool pool = new BrowserPool()) {
            AuditRunner runner = new AuditRunner(config, ProgressListener.NONE, FactsCollector::capture, false)
                    .browsers(pool).parking(parking);
            AuditReport r = runner.run();
            // a page whose browser part failed is audited again in place, and would hide what went wrong
            assertEquals(0, runner.secondAttempts(), "pages audited a second time (parking " + parking + "): " + results(r));
            return new Run(r, runner.parkedPages());
        }
    }

    /**
     * The same pages audited with parking off and on, both runs at once: each has its own browser pool, runner and
     * output folder, so neither sees the other (the waits that decide the results are the pages' own timers, not
     * the machine's speed). Index 0 is the run in place, 1 the parked one.
     */
    private static Run[] inPlaceAndParked(String id, List<URI> seeds, String mobilePrefix, Path out) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Run> inPlace = threads.submit(() -> audit(id, seeds, mobilePrefix, out.resolve(id + "-in-place"), false));
            Future<Run> parked = threads.submit(() -> audit(id, seeds, mobilePrefix, out.resolve(id + "-parked"), true));
            return new Run[] {outcome(inPlace), outcome(parked)};
        } finally {
            threads.shutdownNow();
        }
    }

    /** The run's result, or its own failure (an assertion stays an assertion). */
    private static Run outcome(Future<Run> run) throws Exception {
        try {
            return run.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }

    /** Per page: status and detail, every rule outcome, every failed or cantTell finding (engine, rule, element). */
    static Map<String, Object> results(AuditReport r) {
        return results("", r);
    }

    static Map<String, Object> results(String site, AuditReport r) {
        Map<String, Object> out = new TreeMap<>();
        for (PageReport p : r.pages()) {
            URI u = URI.create(p.url());
            String path = site + u.getPath() + (u.getQuery() == null ? "" : "?" + u.getQuery());
            out.put(path + " status", p.status() + " " + p.device() + " " + p.detail());
            out.put(path + " outcomes", new TreeMap<>(p.ruleOutcomes()));
            TreeSet<String> findings = new TreeSet<>();
            for (Finding f : p.findings()) {
                if (!f.outcome().equals("passed")) {
                    findings.add(f.engine() + " " + f.ruleId() + " " + f.target() + " " + f.outcome()
                            + (f.failed() ? " shot=" + (f.screenshot() != null) : ""));
                }
            }
            out.put(path + " findings", findings);
        }
        return out;
    }

    @Test
    void replicaPagesParkedGiveTheResultsOfPagesAuditedInPlace(ReplicaSites sites, @TempDir Path out) throws Exception {
        // each home page (a carousel; portal's also plays a video and has a floating ad) first: it waits while the
        // pages after it are audited; portal's phone pages are emulated while the desktop home page waits
        URI zwfw = sites.origin("zwfw");
        URI portal = sites.origin("portal");
        List<URI> zwfwPages = List.of(zwfw.resolve("/index.html"), zwfw.resolve("/zone/wza.html"), zwfw.resolve("/control.html"));
        List<URI> portalPages = List.of(portal.resolve("/index.html"), portal.resolve("/m/index.html"),
                portal.resolve("/m/a001.html"), portal.resolve("/control.html"));
        Run[] zwfwRuns = inPlaceAndParked("zwfw", zwfwPages, null, out);
        Run[] portalRuns = inPlaceAndParked("portal", portalPages, "/m/", out);
        assertEquals(0, zwfwRuns[0].parked(), "nothing parked with parking off");
        assertEquals(0, portalRuns[0].parked(), "nothing parked with parking off");
        Map<String, Object> inPlace = new TreeMap<>();
        inPlace.putAll(results("zwfw", zwfwRuns[0].report()));
        inPlace.putAll(results("portal", portalRuns[0].report()));
        Map<String, Object> parked = new TreeMap<>();
        parked.putAll(results("zwfw", zwfwRuns[1].report()));
        int zwfwParked = zwfwRuns[1].parked();
        parked.putAll(results("portal", portalRuns[1].report()));
        int portalParked = portalRuns[1].parked();
        System.out.println("pages parked: zwfw " + zwfwParked + ", portal " + portalParked);
        assertTrue(zwfwParked >= 1 && portalParked >= 1, "the home pages waited parked: zwfw " + zwfwParked + ", portal " + portalParked);
        assertEquals(inPlace, parked);
        // what both must have seen: the carousels turning, the phone pages as phones
        assertEquals("failed", ((Map<?, ?>) inPlace.get("zwfw/index.html outcomes")).get("auto-moving-content"), inPlace.toString());
        assertEquals("failed", ((Map<?, ?>) inPlace.get("portal/index.html outcomes")).get("auto-moving-content"), inPlace.toString());
        assertTrue(inPlace.get("portal/m/index.html status").toString().startsWith("audited mobile"), inPlace.toString());
    }

    @Test
    void aPopUpIsClosedAndCarouselsStopOnlyWhenAVisitorLeaves(@TempDir Path out) throws Exception {
        List<URI> seeds = List.of(server.url("/carousel.html"), server.url("/popup.html"), server.url("/hiddenstop.html"),
                server.url("/plain.html"), server.url("/blurstop.html"), server.url("/plain.html?again"));
        Run[] runs = inPlaceAndParked("t", seeds, null, out);
        assertEquals(0, runs[0].parked());
        Map<String, Object> inPlace = results(runs[0].report());
        Map<String, Object> parked = results(runs[1].report());
        System.out.println("pages parked: " + runs[1].parked());
        assertTrue(runs[1].parked() >= 2, "the carousel pages waited parked: " + runs[1].parked());
        assertEquals(inPlace, parked);
        for (String p : List.of("/carousel.html", "/hiddenstop.html", "/blurstop.html")) {
            assertEquals("failed", ((Map<?, ?>) inPlace.get(p + " outcomes")).get("auto-moving-content"), p + ": " + inPlace);
        }
        assertTrue(inPlace.get("/popup.html findings").toString().contains("context-change-on-focus html failed"), inPlace.toString());
    }
}
