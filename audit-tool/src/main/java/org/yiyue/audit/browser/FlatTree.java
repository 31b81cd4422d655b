package org.yiyue.audit.browser;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.ParseSettings;
import org.jsoup.parser.Parser;
import org.jsoup.parser.Tag;
import org.yiyue.rules.page.IndexedFacts;

/**
 * Puts open shadow trees into the page the rules read, as the flat tree (CSS Scoping) that rendering and the
 * accessibility tree follow: a host's children become its shadow root's children, a slot's children its assigned
 * nodes, and light children assigned to no slot drop out. outerHTML leaves shadow trees out, so the facts script
 * describes each host's flat children (see rendered-facts.js) and they are grafted onto the parsed document here —
 * built as nodes, not re-parsed, so the HTML parser cannot move them (a div in a p host stays in it).
 */
final class FlatTree {

    private FlatTree() {
    }

    /** @param shadows the script's list of {i: host index, children: [...]}, hosts in the document tree */
    static void graft(Document doc, Object shadows) {
        if (!(shadows instanceof List<?> hosts) || hosts.isEmpty()) {
            return;
        }
        Map<Integer, Element> byIndex = new HashMap<>();
        for (Element e : doc.select("[" + IndexedFacts.INDEX_ATTRIBUTE + "]")) {
            try {
                byIndex.put(Integer.parseInt(e.attr(IndexedFacts.INDEX_ATTRIBUTE)), e);
            } catch (NumberFormatException ignored) {
                // not one of ours
            }
        }
        for (Object h : hosts) {
            if (h instanceof Map<?, ?> m && m.get("i") instanceof Number i && byIndex.get(i.intValue()) != null) {
                Element host = byIndex.get(i.intValue());
                host.empty();
                appendAll(host, m.get("children"), byIndex);
            }
        }
    }

    private static void appendAll(Element parent, Object children, Map<Integer, Element> byIndex) {
        if (!(children instanceof List<?> list)) {
            return;
        }
        for (Object c : list) {
            Node node = build(c, byIndex);
            if (node != null) {
                parent.appendChild(node); // a moved document-tree element leaves its old place (Jsoup reparents)
            }
        }
    }

    private static Node build(Object d, Map<Integer, Element> byIndex) {
        if (d instanceof String text) {
            return new TextNode(text);
        }
        if (d instanceof Map<?, ?> ref && ref.get("i") instanceof Number i) {
            return byIndex.get(i.intValue());
        }
        if (!(d instanceof List<?> l) || l.size() < 4) {
            return null;
        }
        String name = String.valueOf(l.get(0));
        String namespace = switch (String.valueOf(l.get(1))) {
            case "svg" -> Parser.NamespaceSvg;
            case "math" -> Parser.NamespaceMathml;
            default -> Parser.NamespaceHtml;
        };
        Attributes attrs = new Attributes();
        if (l.get(2) instanceof List<?> a) {
            for (int k = 0; k + 1 < a.size(); k += 2) {
                attrs.put(String.valueOf(a.get(k)), String.valueOf(a.get(k + 1)));
            }
        }
        Element e = new Element(Tag.valueOf(name, namespace, ParseSettings.htmlDefault), "", attrs);
        if (name.equals("script") || name.equals("style")) {
            if (l.get(3) instanceof List<?> data && !data.isEmpty()) {
                e.appendChild(new DataNode(String.valueOf(data.get(0))));
            }
        } else {
            appendAll(e, l.get(3), byIndex);
        }
        return e;
    }
}
