package org.yiyue.toolbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.yiyue.demo.ReplicaCatalog;
import org.yiyue.demo.ReplicaSites;
import org.yiyue.testkit.EmbeddedToolbar;
import org.yiyue.testkit.ReplicaSitesExtension;
import org.yiyue.testkit.YthFlow;

import com.deque.html.axecore.results.Results;

/**
 * spec "Never" 2: with the toolbar loaded but closed, every replica page (and our own test page) has the same DOM
 * outside the launcher's host, the same tab order after the launcher, and the same axe-core violations as the page
 * without the script. Pages that vary between loads are judged against a second plain load (control).
 * With the toolbar open, axe-core reports nothing inside the toolbar.
 */
@ExtendWith(ReplicaSitesExtension.class)
class DoNoHarmTest {

    static final int TAB_STOPS = 4;

    /** DOM outside the toolbar host and its script tag, origins normalised; plus the computed tab sequence. */
    static final String SNAPSHOT = """
            const clone = document.documentElement.cloneNode(true);
            clone.querySelectorAll('yiyue-a11y, script[src*="/a11y/toolbar.js"]').forEach(e => e.remove());
            const path = e => { const p = []; for (; e && e.nodeType === 1 && p.length < 6; e = e.parentElement) {
                p.unshift(e.nodeName.toLowerCase() + (e.id ? '#' + e.id : '') + ':' + [...(e.parentElement ? e.parentElement.children : [])].filter(c => c.nodeName !== 'YIYUE-A11Y').indexOf(e)); }
              return p.join('>'); };
            const tabbable = [...document.querySelectorAll('a[href], area[href], button, input, select, textarea, iframe, summary, [tabindex], [contenteditable]')]
              .filter(e => !e.closest('yiyue-a11y') && e.tabIndex >= 0 && !e.disabled && (!e.checkVisibility || e.checkVisibility({visibilityProperty: true})))
              .map(path);
            return JSON.stringify({ dom: clone.outerHTML.replace(/127\\.0\\.0\\.1:\\d+/g, 'ORIGIN').replace(/style="[^"]*"/g, m => m.replace(/-?[\\d.]+px/g, 'Npx')), tabbable,
              active: document.activeElement === document.body || document.activeElement === null,
              rootAttrs: [...document.documentElement.attributes].map(a => a.name).filter(n => n.startsWith('data-yiyue')),
              foreign: performance.getEntriesByType('resource').map(r => r.name).filter(n => !n.startsWith(location.origin)),
              adopted: document.adoptedStyleSheets.length });
            """;

    static final String ACTIVE_PATH = """
            let e = document.activeElement;
            if (e && e.shadowRoot) return 'toolbar:' + (e.shadowRoot.activeElement ? e.shadowRoot.activeElement.className : '');
            const p = []; for (; e && e.nodeType === 1 && p.length < 6; e = e.parentElement) {
              p.unshift(e.nodeName.toLowerCase() + (e.id ? '#' + e.id : '') + ':' + [...(e.parentElement ? e.parentElement.children : [])].filter(c => c.nodeName !== 'YIYUE-A11Y').indexOf(e)); }
            return p.join('>');
            """;

    record Snapshot(String json, List<String> tabs, Set<String> axe, String axeVersion) {
    }

    /**
     * Cases run two at a time (@Execution(CONCURRENT) on the test methods, not the class: the class still runs alone,
     * as every class does; surefire sets JUnit's parallelism to 2), each case in a browser of its own for all its
     * loads, so a case sees one browser as before; the other browser loads and scans meanwhile (page loads, tab walks
     * and axe round trips leave much of a core idle).
     */
    static final int BROWSERS = 2;

    static final Slots<ToolbarBrowser> SLOTS = new Slots<>();
    static ReplicaSites plain;
    static ReplicaSites withToolbar;
    static ToolbarServer own;

    @BeforeAll
    static void start(ReplicaSites plainSites, @EmbeddedToolbar ReplicaSites toolbarSites) {
        plain = plainSites;
        withToolbar = toolbarSites;
        own = ToolbarServer.start();
        for (int i = 0; i < BROWSERS; i++) {
            SLOTS.add(browser());
        }
    }

    /** A browser as every case of this class uses it. */
    private static ToolbarBrowser browser() {
        ToolbarBrowser b = new ToolbarBrowser();
        // The page's own repeating timers (zwfw's carousel) are held in both loads alike: otherwise which slide is
        // current when axe reaches it depends on how long the load took, and the two loads differ for that reason
        // alone (seen red at load 20-60). The toolbar uses no setInterval; its setTimeout calls are untouched.
        b.d.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.setInterval = function () { return 0; };"));
        Axe.install(b.d); // axe-core in every document from now on, in a world of its own (see Axe)
        return b;
    }

    @AfterAll
    static void stop() {
        System.out.println("[do-no-harm] axe-core runs in the page's world " + Axe.IN_PAGE + " (script sent to " + Axe.SENT
                + " documents), by the builder " + Axe.BUILDER);
        SLOTS.all().forEach(ToolbarBrowser::close);
        SLOTS.clear();
        own.close();
    }

    static Stream<String> replicaPages() {
        List<String> out = new ArrayList<>();
        for (ReplicaCatalog.Site site : ReplicaCatalog.load().sites()) {
            for (ReplicaCatalog.Page page : site.pages()) {
                out.add(site.id() + " " + page.path() + (page.requiresLogin() ? " " + page.flowStep() : ""));
            }
        }
        return out.stream();
    }

    private Snapshot snapshot(ToolbarBrowser b, URI url, String site, int flowStep, ReplicaSites sites) {
        if (flowStep > 0) {
            // as deleteAllCookies + addCookie on a page of the site would, without loading one: the site's cookies
            // (all of 127.0.0.1: cookies have no port) replaced by the flow's session
            String origin = url.resolve("/").toString();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> cookies = (List<Map<String, Object>>) b.d.executeCdpCommand("Network.getCookies",
                    Map.of("urls", List.of(origin))).get("cookies");
            for (Map<String, Object> c : cookies) {
                b.d.executeCdpCommand("Network.deleteCookies", Map.of("name", c.get("name"), "domain", c.get("domain"), "path", c.get("path")));
            }
            b.d.executeCdpCommand("Network.setCookie", Map.of("name", YthFlow.COOKIE, "value",
                    YthFlow.readyFor(sites, flowStep).sessionId(), "url", origin, "path", "/"));
        }
        b.open(url.toString());
        if (sites != null && sites.embedsToolbar() || url.getPath().startsWith("/p/")) {
            b.waitUntil(() -> Boolean.TRUE.equals(b.js("return !!document.querySelector('yiyue-a11y')")), "toolbar host on " + url);
        }
        String json = b.str(SNAPSHOT);
        List<String> tabs = new ArrayList<>();
        b.js("if (document.activeElement) document.activeElement.blur(); window.scrollTo(0, 0);");
        for (int i = 0; i < TAB_STOPS; i++) {
            new Actions(b.d).sendKeys(Keys.TAB).perform();
            tabs.add(b.str(ACTIVE_PATH));
        }
        b.js("if (document.activeElement) document.activeElement.blur(); window.scrollTo(0, 0);"); // same focus state for axe
        Results axe = Axe.run(b.d);
        return new Snapshot(json, tabs, Axe.violations(axe, false), Axe.version(axe));
    }

    private static String field(String json, String name) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get(name).toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void compare(String label, java.util.function.Supplier<Snapshot> plainLoad, Snapshot with) {
        Snapshot a = plainLoad.get();
        assertEquals("true", field(with.json(), "active"), label + ": focus not moved on load");
        assertEquals("[]", field(with.json(), "rootAttrs"), label + ": no attribute on <html> while closed");
        assertEquals("[]", field(with.json(), "foreign"), label + ": nothing loaded from another origin");
        assertEquals("0", field(with.json(), "adopted"), label + ": no page stylesheet while every setting is off");
        assertTrue(with.tabs().contains("toolbar:launcher"), label + ": launcher reachable by Tab " + with.tabs());
        List<String> withTabs = with.tabs().stream().filter(t -> !t.equals("toolbar:launcher")).toList();
        boolean same = field(a.json(), "dom").equals(field(with.json(), "dom"))
                && field(a.json(), "tabbable").equals(field(with.json(), "tabbable"))
                && a.tabs().subList(0, withTabs.size()).equals(withTabs)
                && a.axe().equals(with.axe());
        if (same) return;
        Snapshot control = plainLoad.get(); // the page itself varies between loads? judge against either load
        for (String f : List.of("dom", "tabbable")) {
            String w = field(with.json(), f);
            assertTrue(w.equals(field(a.json(), f)) || w.equals(field(control.json(), f)),
                    label + ": " + f + " differs from both plain loads: " + diff(w, field(a.json(), f)));
        }
        assertTrue(withTabs.equals(a.tabs().subList(0, withTabs.size())) || withTabs.equals(control.tabs().subList(0, withTabs.size())),
                label + ": tab order " + withTabs + " vs " + a.tabs());
        assertTrue(with.axe().equals(a.axe()) || with.axe().equals(control.axe()), label + ": axe differs; only with toolbar: "
                + minus(with.axe(), a.axe()) + "; only without: " + minus(a.axe(), with.axe()));
    }

    private static Set<String> minus(Set<String> x, Set<String> y) {
        Set<String> out = new java.util.TreeSet<>(x);
        out.removeAll(y);
        return out;
    }

    private static String diff(String x, String y) {
        int i = 0;
        while (i < Math.min(x.length(), y.length()) && x.charAt(i) == y.charAt(i)) i++;
        return "at " + i + ": [" + x.substring(Math.max(0, i - 60), Math.min(x.length(), i + 120)) + "] vs ["
                + y.substring(Math.max(0, i - 60), Math.min(y.length(), i + 120)) + "]";
    }

    @Execution(ExecutionMode.CONCURRENT)
    @ParameterizedTest(name = "{0}")
    @MethodSource("replicaPages")
    void closedToolbarChangesNothingOnReplicaPage(String page) throws InterruptedException {
        String[] p = page.split(" ");
        int step = p.length > 2 ? Integer.parseInt(p[2]) : 0;
        SLOTS.use(b -> {
            Snapshot with = snapshot(b, URI.create(withToolbar.origin(p[0]) + p[1]), p[0], step, withToolbar);
            compare(page, () -> snapshot(b, URI.create(plain.origin(p[0]) + p[1]), p[0], step, plain), with);
            assertFalse(with.axeVersion().isEmpty());
        });
    }

    @Execution(ExecutionMode.CONCURRENT)
    @Test
    void closedToolbarChangesNothingOnOwnTestPage() throws InterruptedException {
        SLOTS.use(b -> {
            Snapshot with = snapshot(b, URI.create(own.url("/p/article.html")), "test", 0, null);
            compare("article", () -> snapshot(b, URI.create(own.url("/plain/article.html")), "test", 0, null), with);
            if (java.nio.file.Files.isRegularFile(Axe.npmScript())) {
                assertTrue(with.axeVersion().startsWith("4.") && !with.axeVersion().equals("4.11.1"),
                        "the npm axe-core ran, not the embedded one: " + with.axeVersion());
            }
            System.out.println("[do-no-harm] axe-core " + with.axeVersion());
        });
    }

    @Execution(ExecutionMode.CONCURRENT)
    @Test
    void openToolbarAndItsPanelsHaveNoAxeViolations() {
        // a browser of its own: it leaves the bar open on the replica sites (stored per origin), which the closed-
        // toolbar cases must never see, and those now run beside it, not before it
        try (ToolbarBrowser b = browser()) {
            openToolbarHasNoViolations(b);
        }
    }

    private static void openToolbarHasNoViolations(ToolbarBrowser b) {
        List<String> urls = new ArrayList<>();
        for (String site : ReplicaSites.SITE_IDS) urls.add(withToolbar.origin(site) + "/index.html");
        urls.add(own.url("/p/article.html"));
        for (String url : urls) {
            b.open(url);
            b.clearStorage();
            b.openWithToolbar(url);
            b.openBar();
            Set<String> found = Axe.violations(Axe.run(b.d), true);
            assertEquals(Set.of(), found, url + ": toolbar open");
        }
        // every panel and the large 适老 layout, on our own page
        b.click("elder");
        b.click("speech"); // keep the run quiet
        b.click("help");
        b.click("caption");
        b.click("guide");
        b.click("gray");
        assertEquals(Set.of(), Axe.violations(Axe.run(b.d), true), "elder mode, help, caption, guide, gray");
        b.click("help");
        b.openReader();
        assertEquals(Set.of(), Axe.violations(Axe.run(b.d), true), "reader view");
        b.click("reader");
        b.click("exit"); // leave no settings behind for the other tests of this class
    }
}
