package org.yiyue.rules.algorithms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yiyue.rules.dom.Focus;
import org.yiyue.rules.dom.Tri;
import org.yiyue.rules.dom.Visibility;
import org.yiyue.rules.page.Page;

/** ACT glossary "programmatically hidden", "visible", "focusable" and sequential focus navigation (static). */
class VisibilityAndFocusTest {

    private static Element t(Page p) {
        return p.document().getElementById("t");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            <p id=t>x</p> | false | YES
            <p id=t hidden>x</p> | true | NO
            <div style='display:none'><p id=t>x</p></div> | true | NO
            <p id=t hidden style='display:block'>x</p> | false | YES
            <div style='visibility:hidden'><p id=t>x</p></div> | true | NO
            <div style='visibility:hidden'><p id=t style='visibility:visible'>x</p></div> | false | YES
            <div aria-hidden=true><p id=t>x</p></div> | true | YES
            <details><summary>s</summary><p id=t>x</p></details> | true | NO
            <details open><summary>s</summary><p id=t>x</p></details> | false | YES
            <p id=t style='position:absolute; left:-10000px'>x</p> | false | NO
            <p id=t style='opacity:0'>x</p> | false | NO
            <dialog><p id=t>x</p></dialog> | true | NO
            """)
    void hiddenAndVisible(String html, boolean hidden, Tri visible) {
        Page p = Page.parse(html, "");
        assertEquals(hidden, Visibility.programmaticallyHidden(t(p), p), html);
        assertEquals(visible, Visibility.visible(t(p), p), html);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            <a id=t href=/>x</a> | true | true
            <a id=t>x</a> | false | false
            <a id=t tabindex=-1 href=/>x</a> | true | false
            <div id=t tabindex=0>x</div> | true | true
            <div id=t tabindex=' 2x'>x</div> | true | true
            <div id=t tabindex=abc>x</div> | false | false
            <button id=t disabled>x</button> | false | false
            <fieldset disabled><input id=t></fieldset> | false | false
            <fieldset disabled><legend><input id=t></legend></fieldset> | true | true
            <div inert><button id=t>x</button></div> | false | false
            <input id=t type=hidden> | false | false
            <div id=t contenteditable>x</div> | true | true
            <details><summary id=t>s</summary></details> | true | true
            <button id=t style='display:none'>x</button> | false | false
            """)
    void focusable(String html, boolean focusable, boolean sequential) {
        Page p = Page.parse(html, "");
        assertEquals(focusable, Focus.isFocusable(t(p), p), html);
        assertEquals(sequential, Focus.inSequentialNavigation(t(p), p), html);
    }
}
