package org.yiyue.rules.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The browser's media state as the collector writes it (audit-tool media-facts.js), read back by the rules. */
class MediaFactsTest {

    @Test
    void readsWhatTheCollectorWrites() {
        MediaFacts f = MediaFacts.parse("duration=95.25;paused=0;muted=0;time=0.4;ready=4;error=0;audio=1;"
                + "src=https%3A%2F%2Fexample.gov.cn%2Fa.webm%23t%3D8%2C10").orElseThrow();
        assertEquals(95.25, f.duration());
        assertFalse(f.paused());
        assertEquals("1", f.audio());
        assertEquals("https://example.gov.cn/a.webm#t=8,10", f.currentSrc());
        assertTrue(f.loaded());
    }

    @Test
    void aResourceTheBrowserCouldNotReadIsNotLoaded() {
        MediaFacts f = MediaFacts.parse("duration=nan;paused=1;muted=0;time=0;ready=0;error=4;audio=?").orElseThrow();
        assertTrue(Double.isNaN(f.duration()));
        assertFalse(f.loaded());
        assertEquals(Double.POSITIVE_INFINITY, MediaFacts.parse("duration=inf;ready=1;error=0").orElseThrow().duration());
    }

    @Test
    void onlyARenderedPageHasMediaFacts() {
        String html = "<audio src=a.mp3 " + MediaFacts.ATTRIBUTE + "=\"duration=8;paused=0;ready=4;error=0\"></audio>";
        Page statik = Page.parse(html, "https://example.gov.cn/");
        assertTrue(MediaFacts.of(statik.document().selectFirst("audio"), statik).isEmpty(),
                "an attribute in the served markup is not a browser fact");
        Page rendered = Page.of(Jsoup.parse(html), "https://example.gov.cn/", new IndexedFacts(java.util.Map.of(), 1280, 900));
        assertEquals(8.0, MediaFacts.of(rendered.document().selectFirst("audio"), rendered).orElseThrow().duration());
    }
}
