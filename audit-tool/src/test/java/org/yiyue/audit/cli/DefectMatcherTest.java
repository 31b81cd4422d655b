package org.yiyue.audit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Where a finding lands in the served page, and when that is the defect's element. */
class DefectMatcherTest {

    static final Document PAGE = Jsoup.parse("<html><head><title>t</title></head><body>"
            + "<form id=f><label for=keyword>关键词</label> <input id=keyword name=q>"
            + "<label for=keyword>实施部门</label> <input id=keyword name=dept></form>"
            + "<div class=tips><span title=提示>?</span></div></body></html>");

    static List<String> names(List<Element> els) {
        return els.stream().map(e -> e.normalName() + (e.hasAttr("name") ? "[" + e.attr("name") + "]" : "")).toList();
    }

    @Test
    void attributeTargetsLandOnTheElementThatCarriesTheAttribute() {
        // wcag-rules writes an attribute test target as "<element> [attr]"; as CSS it would select nothing here
        assertEquals(List.of(), PAGE.select("#f > label:nth-child(3) [for]"));
        List<Element> label = DefectMatcher.findingElements(PAGE, "#f > label:nth-child(3) [for]");
        assertEquals(1, label.size());
        assertEquals("实施部门", label.get(0).text());
        // an element without that attribute is not what the target means
        assertEquals(List.of(), DefectMatcher.findingElements(PAGE, "#f > input:nth-child(2) [for]"));
        // plain CSS that does select something keeps its CSS meaning (descendants with the attribute)
        assertEquals(List.of("span"), names(DefectMatcher.findingElements(PAGE, "div.tips [title]")));
        assertEquals(List.of(), DefectMatcher.findingElements(PAGE, "div.tips [lang]"));
        assertEquals(List.of(), DefectMatcher.findingElements(PAGE, "div.tips >>> [title"), "bad selectors select nothing");
    }

    @Test
    void aLabelFindingIsNotTheDuplicateIdInputsButTheNamelessSecondInputIs() {
        List<Element> defect = PAGE.select("#f [id=keyword]");
        assertEquals(List.of("input[q]", "input[dept]"), names(defect));
        // the duplicate-reference finding names the label: a different element, honestly not counted for the inputs
        assertFalse(DefectMatcher.sameElement(DefectMatcher.findingElements(PAGE, "#f > label:nth-child(3) [for]"), defect));
        // a finding on the second input (no accessible name: its label points at the first one) is the defect
        assertTrue(DefectMatcher.sameElement(DefectMatcher.findingElements(PAGE, "#f > input:nth-child(4)"), defect));
        // page-level defects match page-level findings, and elements inside the defect's element count
        assertTrue(DefectMatcher.sameElement(PAGE.select("title"), PAGE.select("html")));
        assertTrue(DefectMatcher.sameElement(PAGE.select("span"), PAGE.select("div.tips")));
        assertFalse(DefectMatcher.sameElement(PAGE.select("div.tips"), PAGE.select("span")), "an ancestor is not the element");
    }
}
