package org.yiyue.rules.dom;

import java.util.Locale;
import java.util.Set;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.yiyue.rules.page.Page;

/**
 * What the serialised DOM cannot show: behaviour a script may add at any time, and content held in other documents
 * (frames, embedded objects) or in shadow trees of custom elements. Rules that fail only when a page offers
 * "nothing at all" ask these first and answer cantTell when they are true.
 */
public final class BeyondMarkup {

    private static final Set<String> EMBEDDING = Set.of("iframe", "frame", "frameset", "object", "embed", "portal",
            "applet");

    private BeyondMarkup() {
    }

    /** Nested documents, or elements that may carry a shadow tree (custom elements, declarative shadow roots). */
    public static boolean hasContentOutsideTheDom(Page page) {
        return page.memo("beyond-markup-content", page.document(), () -> {
            for (Element e : page.document().getAllElements()) {
                String n = e.normalName();
                if (EMBEDDING.contains(n) || n.contains("-")
                        || (n.equals("template") && (e.hasAttr("shadowrootmode") || e.hasAttr("shadowroot")))) {
                    return true;
                }
            }
            return false;
        });
    }

    /**
     * The page can run script, which may change anything later: a script element of a script type, an event handler
     * attribute, a javascript: URL, a meta refresh (it leaves the page), or nested documents.
     */
    public static boolean mayRunScript(Page page) {
        return page.memo("beyond-markup-script", page.document(), () -> {
            for (Element e : page.document().getAllElements()) {
                if (e.normalName().equals("script") && isScriptType(Dom.attrLower(e, "type"))) {
                    return true;
                }
                if (e.normalName().equals("meta") && Dom.attrLower(e, "http-equiv").equals("refresh")) {
                    return true;
                }
                for (Attribute a : e.attributes()) {
                    if (a.getKey().toLowerCase(Locale.ROOT).startsWith("on")
                            || a.getValue().strip().toLowerCase(Locale.ROOT).startsWith("javascript:")) {
                        return true;
                    }
                }
            }
            return hasContentOutsideTheDom(page);
        });
    }

    private static boolean isScriptType(String type) {
        return type.isEmpty() || type.equals("module") || type.contains("javascript") || type.contains("ecmascript")
                || type.equals("text/jscript") || type.equals("text/livescript");
    }
}
