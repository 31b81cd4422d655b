package org.yiyue.rules.algorithms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yiyue.rules.aria.AriaAttributes;
import org.yiyue.rules.aria.AriaRoles;
import org.yiyue.rules.aria.Roles;
import org.yiyue.rules.page.Page;

/** Implicit roles from HTML-AAM, explicit role fallback from WAI-ARIA, and ACT's semantic-role conflict rule. */
class RolesTest {

    static String role(String html) {
        Page page = Page.parse(html, "");
        return String.valueOf(Roles.semantic(page.document().getElementById("t"), page));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            <a id=t href=/>x</a> | link
            <a id=t>x</a> | generic
            <img id=t src=a alt=x> | img
            <img id=t src=a alt=''> | presentation
            <img id=t src=a alt='' tabindex=0> | img
            <input id=t type=checkbox> | checkbox
            <input id=t type=range> | slider
            <input id=t type=email> | textbox
            <input id=t type=text list=l> | combobox
            <input id=t type=password> | null
            <input id=t type=submit> | button
            <select id=t><option>a</select> | combobox
            <select id=t multiple><option>a</select> | listbox
            <table><tr><th id=t scope=row>h</th><td>c</td></tr></table> | rowheader
            <table><thead><tr><th id=t>h</th></tr></thead></table> | columnheader
            <header id=t>site</header> | banner
            <article><header id=t>a</header></article> | generic
            <section id=t>x</section> | generic
            <section id=t aria-label=News>x</section> | region
            <ul><li id=t>x</li></ul> | listitem
            <ul role=tablist><li id=t>x</li></ul> | generic
            <div role='foo button' id=t>x</div> | button
            <div role=btn id=t>x</div> | generic
            <nav role=none id=t aria-label=Main>x</nav> | navigation
            <nav role=none id=t>x</nav> | none
            <h3 id=t>x</h3> | heading
            <svg id=t></svg> | graphics-document
            """)
    void semanticRole(String html, String expected) {
        assertEquals(expected, role(html), html);
    }

    @Test
    void abstractRolesAreNotValid() {
        assertFalse(AriaRoles.isValid("widget"));
        assertFalse(AriaRoles.isValid("landmark"));
        assertTrue(AriaRoles.isValid("doc-toc"));
        assertTrue(AriaRoles.isValid("graphics-symbol"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            aria-checked | mixed | true
            aria-pressed | maybe | false
            aria-expanded | undefined | true
            aria-level | 2 | true
            aria-level | 2.5 | false
            aria-valuenow | -1.5e2 | true
            aria-live | polite | true
            aria-relevant | additions text | true
            aria-relevant | additions sometimes | false
            aria-activedescendant | a b | false
            aria-current | PAGE | true
            aria-hidden | TRUE | true
            """)
    void valueTypes(String attribute, String value, boolean valid) {
        assertEquals(valid, AriaAttributes.isValidValue(attribute, value), attribute + "=" + value);
    }
}
