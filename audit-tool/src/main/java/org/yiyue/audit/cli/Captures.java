package org.yiyue.audit.cli;

import org.yiyue.audit.browser.FactsCollector;
import org.yiyue.audit.core.RenderedCapture;

/** The rendered-page capture the CLI uses: the wcag-rules facts collector (one script call per page). */
final class Captures {

    private Captures() {
    }

    static RenderedCapture best() {
        return FactsCollector::capture;
    }
}
