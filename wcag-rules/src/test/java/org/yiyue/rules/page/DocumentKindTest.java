package org.yiyue.rules.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yiyue.rules.engine.RuleEngine;
import org.yiyue.rules.model.Outcome;

/** Document kinds from content type and root element; rules for HTML pages do not apply to SVG or MathML. */
class DocumentKindTest {

    @Test
    void contentTypeDecidesAndXmlLooksAtTheRoot() {
        assertEquals(DocumentKind.HTML, DocumentKind.of("text/html; charset=utf-8", "svg"));
        assertEquals(DocumentKind.SVG, DocumentKind.of("image/svg+xml", "svg"));
        assertEquals(DocumentKind.MATHML, DocumentKind.of("application/xml", "math"));
        assertEquals(DocumentKind.XHTML, DocumentKind.of("application/xhtml+xml", "html"));
        assertEquals(DocumentKind.XHTML, DocumentKind.of("application/xml", "html"));
        assertEquals(DocumentKind.SVG, DocumentKind.of("text/xml", "svg:svg"));
        assertEquals(DocumentKind.XML, DocumentKind.of("application/xml", "feed"));
        assertEquals(DocumentKind.HTML, DocumentKind.of(null, "html"));
        assertEquals(DocumentKind.SVG, DocumentKind.of(null, "svg"));
    }

    @Test
    void rootNameSkipsPrologue() {
        assertEquals("math", DocumentKind.rootName("<?xml version=\"1.0\"?>\n<!-- c -->\n<math lang=\"en\">x</math>"));
        assertEquals("html", DocumentKind.rootName("<!DOCTYPE html>\n<html lang=en>"));
        assertEquals("svg", DocumentKind.rootName("<svg xmlns=\"http://www.w3.org/2000/svg\"><title>t</title></svg>"));
    }

    @Test
    void htmlPageRulesAreInapplicableToSvgAndMathMl() {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>An SVG</title>"
                + "<text y=\"20\" style=\"letter-spacing: 0.01em !important\">ACT</text>"
                + "<circle role=\"img\" r=\"5\"/></svg>";
        Page page = Page.parse(svg, "http://127.0.0.1/a.svg");
        List<Outcome> asHtml = RuleEngine.all().run(page);
        List<Outcome> asSvg = RuleEngine.all().run(page.withKind(DocumentKind.SVG));
        assertTrue(asHtml.stream().anyMatch(o -> o.ruleId().equals("page-title") && o instanceof Outcome.Failed), "as HTML the title is missing");
        // rules whose ACT applicability is any (HTML or SVG) element with a role, whatever the document: svg-name,
        // 307n5z (presentational children: a role="img" circle has them), 674b10 (its role attribute) and 4e8ab6 (an
        // explicit role) - the others have no target here or are for HTML pages only
        Set<String> anyDocument = Set.of("svg-name", "presentational-children-no-focusable", "role-valid",
                "aria-required-states");
        assertTrue(asSvg.stream().filter(o -> !anyDocument.contains(o.ruleId())).allMatch(o -> o instanceof Outcome.Inapplicable),
                asSvg.stream().filter(o -> !(o instanceof Outcome.Inapplicable)).toList().toString());
        assertTrue(asSvg.stream().anyMatch(o -> o.ruleId().equals("svg-name") && o instanceof Outcome.Failed),
                "SVG elements in an SVG image are still checked");
        // an SVG image's own elements: an invalid role, an undefined aria-* attribute, focusable aria-hidden content
        Page bad = Page.parse("<svg xmlns=\"http://www.w3.org/2000/svg\"><circle role=\"imgx\" aria-labeledby=\"t\" r=\"5\"/>"
                + "<g aria-hidden=\"true\"><a href=\"/x\"><text>link</text></a></g></svg>", "http://127.0.0.1/b.svg")
                .withKind(DocumentKind.SVG);
        List<Outcome> badOut = RuleEngine.all().run(bad);
        for (String rule : List.of("role-valid", "aria-attribute-defined", "aria-hidden-no-focusable")) {
            assertTrue(badOut.stream().anyMatch(o -> o.ruleId().equals(rule) && o instanceof Outcome.Failed),
                    rule + " in an SVG document: " + badOut.stream().filter(o -> o.ruleId().equals(rule)).toList());
        }
        Page math = Page.parse("<math lang=\"en\">The quick brown fox</math>", "http://127.0.0.1/m.xml")
                .withKind(DocumentKind.of("application/xml", "math"));
        assertTrue(RuleEngine.all().run(math).stream().allMatch(o -> o instanceof Outcome.Inapplicable));
    }
}
