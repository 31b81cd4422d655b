package org.yiyue.rules.page;

import java.util.Optional;

import org.jsoup.nodes.Element;

/**
 * Facts a browser measured about a rendered page. Implemented outside this library (audit-tool collects them in
 * Chromium), so rules stay free of Selenium. An element the collector did not measure has no facts: rules needing
 * them answer cantTell.
 */
public interface RenderedFacts {

    Optional<ElementFacts> of(Element element);

    /** Viewport width in CSS pixels. */
    double viewportWidth();

    double viewportHeight();
}
