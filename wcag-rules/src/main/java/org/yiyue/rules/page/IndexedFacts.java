package org.yiyue.rules.page;

import java.util.Map;
import java.util.Optional;

import org.jsoup.nodes.Element;

/**
 * Facts keyed by an index attribute the collector wrote on each element before serialising the DOM
 * (the same attribute is then found on the Jsoup elements parsed from that serialisation).
 */
public final class IndexedFacts implements RenderedFacts {

    public static final String INDEX_ATTRIBUTE = "data-yiyue-i";
    /**
     * Marks the elements of a shadow tree in the flat tree the collector hands over: they render and are in the
     * accessibility tree, but are not in the document tree (a title there is no document title).
     */
    public static final String SHADOW_ATTRIBUTE = "data-yiyue-shadow";

    private final Map<Integer, ElementFacts> facts;
    private final double viewportWidth;
    private final double viewportHeight;

    public IndexedFacts(Map<Integer, ElementFacts> facts, double viewportWidth, double viewportHeight) {
        this.facts = Map.copyOf(facts);
        this.viewportWidth = viewportWidth;
        this.viewportHeight = viewportHeight;
    }

    @Override
    public Optional<ElementFacts> of(Element element) {
        String index = element.attr(INDEX_ATTRIBUTE);
        if (index.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(facts.get(Integer.parseInt(index)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public double viewportWidth() {
        return viewportWidth;
    }

    @Override
    public double viewportHeight() {
        return viewportHeight;
    }
}
