package org.yiyue.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yiyue.demo.ReplicaCatalog;
import org.yiyue.demo.ReplicaSites;

/** defects.json against the served pages (Jsoup; GBK pages decoded as GB18030), and the control pages' cleanliness. */
@ExtendWith(ReplicaSitesExtension.class)
class DefectCatalogTest {

    private final Map<String, Document> pages = new HashMap<>();

    private Document page(ReplicaSites sites, ReplicaCatalog catalog, String site, String path) {
        return pages.computeIfAbsent(site + path, key -> {
            ReplicaCatalog.Page page = catalog.site(site).page(path)
                    .orElseThrow(() -> new AssertionError(site + path + " is not in sites.json"));
            FetchedPage fetched = page.flowStep() > 0
                    ? FetchedPage.get(YthFlow.readyFor(sites, page.flowStep()).client(), java.net.URI.create(sites.origin(site) + path))
                    : FetchedPage.get(java.net.URI.create(sites.origin(site) + path));
            assertEquals(200, fetched.status(), site + path);
            if (page.charset().equals("gb2312")) {
                assertEquals(FetchedPage.GB18030, fetched.charset(), site + path);
            }
            return Jsoup.parse(fetched.text(), fetched.uri().toString());
        });
    }

    @Test
    void everyDefectSelectorMatchesOnItsPage(ReplicaSites sites, ReplicaCatalog catalog) {
        List<String> misses = new ArrayList<>();
        for (ReplicaCatalog.Defect d : catalog.defects()) {
            Elements found = page(sites, catalog, d.site(), d.page()).select(d.selector());
            if (found.isEmpty()) {
                misses.add(d.id() + " " + d.page() + " " + d.selector());
            }
        }
        assertTrue(misses.isEmpty(), "selectors matching nothing:\n" + String.join("\n", misses));
    }

    @Test
    void atLeastFortyDefectsSpreadOverAllSites(ReplicaCatalog catalog) {
        assertTrue(catalog.defects().size() >= 40, "defects: " + catalog.defects().size());
        for (String site : ReplicaSites.SITE_IDS) {
            assertTrue(catalog.defects(site).size() >= 10, site);
            assertTrue(catalog.defects(site).stream().anyMatch(d -> d.detectable().equals("static")), site);
            assertTrue(catalog.defects(site).stream().anyMatch(d -> d.detectable().equals("rendered")), site);
            assertTrue(catalog.defects(site).stream().anyMatch(d -> d.detectable().equals("manual")), site);
        }
    }

    @Test
    void guideSelectorsResolveOnlyWhenDecodedAsGb18030(ReplicaSites sites) {
        FetchedPage guide = FetchedPage.get(java.net.URI.create(sites.origin("zwfw") + "/guide/g001.html"));
        Document right = Jsoup.parse(guide.text());
        assertEquals("居住证签注（源城区堃华社区服务站）_办事指南_广东政务服务网", right.title());
        Document wrong = Jsoup.parse(new String(guide.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertFalse(wrong.title().contains("居住证"), "UTF-8 decoding garbles the GBK page");
    }

    @Test
    void controlPagesExistAndPassEveryStaticCheck(ReplicaSites sites, ReplicaCatalog catalog) {
        assertEquals(ReplicaSites.SITE_IDS.size(), catalog.controlPages().stream().map(ReplicaCatalog.ControlPage::site).distinct().count());
        for (ReplicaCatalog.ControlPage c : catalog.controlPages()) {
            Document doc = page(sites, catalog, c.site(), c.page());
            assertEquals(c.title(), doc.title());
            assertEquals(List.of(), StaticChecks.problems(doc), c.site() + c.page());
        }
    }

    @Test
    void theStaticChecksDoFailOnDefectPages(ReplicaSites sites, ReplicaCatalog catalog) {
        for (ReplicaCatalog.Site site : catalog.sites()) {
            for (ReplicaCatalog.Page p : site.pages()) {
                if (!p.type().equals("control")) {
                    List<String> problems = StaticChecks.problems(page(sites, catalog, site.id(), p.path()));
                    assertFalse(problems.isEmpty(), site.id() + p.path() + " should show problems");
                }
            }
        }
    }
}
