package org.yiyue.audit.cli;

import org.yiyue.audit.core.RenderedCapture;

/** Picks the rendered-page capture: the wcag-rules facts collector when present, else the DOM alone. */
final class Captures {

    private Captures() {
    }

    static RenderedCapture best() {
        return RenderedCapture.DOM_ONLY;
    }
}
