package org.yiyue.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The catalogue files are consistent with each other (their selectors are checked against pages in testkit). */
class ReplicaCatalogTest {

    final ReplicaCatalog catalog = ReplicaCatalog.load();

    @Test
    void defectsAreWellFormed() {
        assertTrue(catalog.defects().size() >= 40, "defects: " + catalog.defects().size());
        Set<String> ids = new HashSet<>();
        for (ReplicaCatalog.Defect d : catalog.defects()) {
            assertTrue(ids.add(d.id()), "duplicate id " + d.id());
            ReplicaCatalog.Site site = catalog.site(d.site());
            assertTrue(site.page(d.page()).isPresent(), d.id() + ": page " + d.page() + " not in sites.json");
            assertTrue(Set.of("static", "rendered", "manual").contains(d.detectable()), d.id());
            assertTrue(!d.wcag().isEmpty() || !d.miit().isEmpty(), d.id() + " cites nothing");
            d.wcag().forEach(sc -> assertTrue(sc.matches("[1-4]\\.\\d{1,2}\\.\\d{1,2}"), d.id() + " " + sc));
            assertTrue(!d.selector().isBlank() && !d.description().isBlank() && !d.descriptionEn().isBlank(), d.id());
            assertTrue(!catalog.site(d.site()).page(d.page()).orElseThrow().type().equals("control"), d.id() + " on a control page");
        }
        for (String site : ReplicaSites.SITE_IDS) {
            assertTrue(catalog.defects(site).size() >= 10, site);
        }
    }

    @Test
    void everySiteHasAControlPageListedInBothFiles() {
        assertEquals(ReplicaSites.SITE_IDS, catalog.sites().stream().map(ReplicaCatalog.Site::id).toList());
        for (String site : ReplicaSites.SITE_IDS) {
            assertTrue(!catalog.controlPages(site).isEmpty(), site);
            for (ReplicaCatalog.ControlPage c : catalog.controlPages(site)) {
                ReplicaCatalog.Page page = catalog.site(site).page(c.page()).orElseThrow();
                assertEquals("control", page.type());
                assertEquals(page.title(), c.title());
            }
        }
        assertEquals("demo123", catalog.site("yth").login().orElseThrow().password());
        assertTrue(catalog.site("zwfw").login().isEmpty());
    }
}
