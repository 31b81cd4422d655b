package org.yiyue.toolbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import org.junit.jupiter.api.Test;

/** The sample page in the jar works straight from disk (file://), without any server of ours. */
class SamplePageTest {

    @Test
    void sampleWorksFromFileUrl() throws Exception {
        URL sample = getClass().getClassLoader().getResource("META-INF/resources/a11y/sample.html");
        assertEquals("file", sample.getProtocol(), "run from target/classes");
        try (ToolbarBrowser b = new ToolbarBrowser()) {
            b.openWithToolbar(sample.toString());
            b.click("textUp");
            assertEquals("115", b.rootAttr("data-yiyue-text"));
            b.click("caption");
            b.click("trad");
            b.click("care");
            assertEquals("none", b.str("return getComputedStyle(document.querySelector('.float-ad')).display"));
            b.d.navigate().refresh();
            b.openWithToolbar(sample.toString());
            assertEquals("150", b.rootAttr("data-yiyue-text"), "kept across loads (care = elder bundle, 150 %)");
            assertTrue(b.num("return performance.getEntriesByType('resource').filter(r => !r.name.startsWith('file:')).length") == 0,
                    "nothing but local files loaded");
            b.click("exit");
        }
    }
}
