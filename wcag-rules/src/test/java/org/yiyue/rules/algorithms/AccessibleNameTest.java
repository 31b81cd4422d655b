package org.yiyue.rules.algorithms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yiyue.rules.accname.AccessibleName;
import org.yiyue.rules.page.Page;

/** Cases drawn from accname 1.2 steps and HTML-AAM naming; the target element has id="t". */
class AccessibleNameTest {

    static String name(String html) {
        Page page = Page.parse(html, "");
        return AccessibleName.of(page.document().getElementById("t"), page);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            2B labelledby joins references in order | <span id=a>Billing</span><span id=b>Name</span><input id=t aria-labelledby='a b'> | Billing Name
            2B labelledby beats aria-label | <span id=a>Visible</span><button id=t aria-labelledby=a aria-label=Other>x</button> | Visible
            2B hidden referenced element still counts | <span id=a hidden>Secret label</span><input id=t aria-labelledby=a> | Secret label
            2B hidden referenced subtree counts whole | <span id=a hidden>Secret <b>label</b></span><input id=t aria-labelledby=a> | Secret label
            2D hidden label for still names the field | <label for=t style='display:none'>Hidden name</label><input id=t> | Hidden name
            2F hidden content of a visible label is skipped | <label for=t>City <span hidden>(secret)</span></label><input id=t> | City
            2B missing ids fall through to aria-label | <input id=t aria-labelledby=nope aria-label=Search> | Search
            2B self reference uses own content once | <button id=t aria-labelledby='t l'>Delete</button><span id=l>file</span> | Delete file
            2C aria-label | <button id=t aria-label=Close>X</button> | Close
            2C whitespace aria-label is ignored | <button id=t aria-label='  '>Save</button> | Save
            2D label for | <label for=t>Name</label><input id=t> | Name
            2D wrapping label | <label>Phone <input id=t type=tel></label> | Phone
            2D two labels concatenate | <label for=t>First</label><label for=t>Second</label><input id=t> | First Second
            2E embedded textbox value in label | <label><input id=t type=checkbox> Flash the screen <input type=text value=3> times</label> | Flash the screen 3 times
            2E embedded select uses selected option | <label><input id=t type=checkbox> Every <select><option>day</option><option selected>week</option></select></label> | Every week
            2D img alt | <img id=t src=a.png alt='Company logo'> | Company logo
            2D empty alt gives empty name | <img id=t src=a.png alt='' title=Tip> | ``
            2D submit default | <input id=t type=submit> | Submit
            2D submit value | <input id=t type=submit value=Send> | Send
            2D image button default | <input id=t type=image src=a.png> | Submit Query
            2D fieldset legend | <fieldset id=t><legend>Address</legend><input></fieldset> | Address
            2D table caption | <table id=t><caption>Rates</caption><tr><td>1</td></tr></table> | Rates
            2D svg title | <svg id=t role=img><title>Chart</title></svg> | Chart
            2F name from content | <a id=t href=/>Read <b>more</b></a> | Read more
            2F hidden content is skipped | <button id=t>Save <span hidden>secret</span><span aria-hidden=true>icon</span></button> | Save
            2F image alt inside link | <a id=t href=/><img src=h.png alt=Home></a> | Home
            2F not for roles without name from content | <div id=t>Just text</div> | ``
            2I title as fallback | <input id=t title=Search> | Search
            placeholder as last resort | <input id=t placeholder=Keyword> | Keyword
            label beats placeholder | <label for=t>City</label><input id=t placeholder=e.g. Heyuan> | City
            whitespace collapses | <button id=t>  Go&#9;&#10;  now </button> | Go now
            """)
    void computesName(String spec, String html, String expected) {
        assertEquals(expected == null ? "" : expected, name(html), spec);
    }

    @org.junit.jupiter.api.Test
    void labelForNamesOnlyTheFirstElementWithTheId() {
        Page page = Page.parse("<label for=k>关键字</label><input id=k><label for=k>办理部门</label><input id=k class=second>", "");
        assertEquals("关键字 办理部门", AccessibleName.of(page.document().selectFirst("input:not(.second)"), page));
        assertEquals("", AccessibleName.of(page.document().selectFirst("input.second"), page),
                "a second element sharing the id is not labelled: getElementById finds the first");
    }
}
