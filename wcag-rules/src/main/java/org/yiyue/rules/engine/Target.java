package org.yiyue.rules.engine;

import org.jsoup.nodes.Element;

/** A test target: an element, optionally narrowed to one of its attributes (e.g. a role or aria-* attribute). */
public record Target(Element element, String attribute) {

    public static Target of(Element element) {
        return new Target(element, null);
    }

    public static Target attribute(Element element, String attribute) {
        return new Target(element, attribute);
    }
}
