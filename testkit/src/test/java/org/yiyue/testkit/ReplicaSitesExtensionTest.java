package org.yiyue.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.yiyue.demo.ReplicaCatalog;
import org.yiyue.demo.ReplicaSites;

/** The extension: injection, sharing within a run, the toolbar variant, and closing when the run ends. */
@ExtendWith(ReplicaSitesExtension.class)
class ReplicaSitesExtensionTest {

    @Test
    void injectsSharedInstances(ReplicaSites plain, ReplicaSites again, @EmbeddedToolbar ReplicaSites toolbar,
                                ReplicaCatalog catalog) {
        assertSame(plain, again);
        assertNotSame(plain, toolbar);
        assertTrue(toolbar.embedsToolbar() && !plain.embedsToolbar());
        assertTrue(FetchedPage.get(URI.create(toolbar.origin("portal") + "/index.html")).text()
                .contains("<script src=\"/a11y/toolbar.js\" data-site=\"portal\"></script>"));
        assertEquals(4, catalog.sites().size());
    }

    /** Runs in its own launcher session below; records what it saw. */
    @ExtendWith(ReplicaSitesExtension.class)
    static class Inner {
        static final List<URI> ORIGINS = new ArrayList<>();

        @Test
        void first(ReplicaSites sites) {
            ORIGINS.add(sites.origin("zwfw"));
        }

        @Test
        void second(ReplicaSites sites) {
            ORIGINS.add(sites.origin("zwfw"));
        }
    }

    @Test
    void oneInstancePerRunClosedAtTheEnd() {
        Inner.ORIGINS.clear();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(Inner.class)).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(request, summary);
        assertEquals(2, summary.getSummary().getTestsSucceededCount());
        assertEquals(2, Inner.ORIGINS.size());
        assertEquals(Inner.ORIGINS.get(0), Inner.ORIGINS.get(1), "both tests got the same instance");
        URI origin = Inner.ORIGINS.get(0);
        assertThrows(IOException.class, () -> new Socket(origin.getHost(), origin.getPort()).close(),
                "the inner run's sites were closed when its root context closed");
    }

    @Test
    void fetchedPageCharsets() {
        assertEquals(FetchedPage.GB18030, FetchedPage.charsetOf("text/html; charset=gb2312"));
        assertEquals(FetchedPage.GB18030, FetchedPage.charsetOf("text/html;charset=\"GBK\""));
        assertEquals(java.nio.charset.StandardCharsets.UTF_8, FetchedPage.charsetOf("text/html"));
        assertEquals(java.nio.charset.StandardCharsets.UTF_8, FetchedPage.charsetOf("text/html; charset=bogus-9"));
    }
}
