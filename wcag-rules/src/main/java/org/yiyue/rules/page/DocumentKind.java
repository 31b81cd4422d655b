package org.yiyue.rules.page;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a document is, for ACT applicability (rules written for HTML pages do not apply to an SVG image or a
 * MathML/XML document): decided from the content type, and for XML content types from the root element.
 */
public enum DocumentKind {
    HTML, XHTML, SVG, MATHML, XML;

    /** Markup tags before the root element: XML declaration, processing instructions, comments, doctype. */
    private static final Pattern FIRST_ELEMENT = Pattern.compile(
            "\\A(?:\\s|<\\?.*?\\?>|<!--.*?-->|<!DOCTYPE[^>\\[]*(?:\\[.*?\\])?\\s*>)*<([A-Za-z_][\\w.:-]*)",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    /**
     * @param contentType the media type as served (parameters allowed); null or blank when unknown (then the
     *                    root element decides, HTML when it names nothing else)
     * @param rootName    the document element's name (a prefix is ignored), or null
     */
    public static DocumentKind of(String contentType, String rootName) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        String root = rootName == null ? "" : rootName.substring(rootName.indexOf(':') + 1).toLowerCase(Locale.ROOT);
        if (type.equals("text/html")) {
            return HTML;
        }
        if (type.equals("image/svg+xml")) {
            return SVG;
        }
        if (type.equals("application/mathml+xml")) {
            return MATHML;
        }
        boolean xml = type.endsWith("/xml") || type.endsWith("+xml");
        if (!xml && !type.isEmpty()) {
            return HTML; // text/plain and friends: nothing here decides better than the HTML parser's view
        }
        return switch (root) {
            case "svg" -> SVG;
            case "math" -> MATHML;
            case "html" -> xml ? XHTML : HTML;
            case "" -> xml ? XML : HTML;
            default -> xml ? XML : HTML;
        };
    }

    /** The name of the first element in raw markup (what the document element will be when parsed as XML). */
    public static String rootName(String markup) {
        if (markup == null) {
            return null;
        }
        Matcher m = FIRST_ELEMENT.matcher(markup.length() > 65_536 ? markup.substring(0, 65_536) : markup);
        return m.find() ? m.group(1) : null;
    }

    /** Content type for a local file name, by extension (null when the extension says nothing). */
    public static String contentTypeOfFile(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".svg")) {
            return "image/svg+xml";
        }
        if (n.endsWith(".xhtml") || n.endsWith(".xht")) {
            return "application/xhtml+xml";
        }
        if (n.endsWith(".mml")) {
            return "application/mathml+xml";
        }
        if (n.endsWith(".xml")) {
            return "application/xml";
        }
        if (n.endsWith(".html") || n.endsWith(".htm")) {
            return "text/html";
        }
        return null;
    }

    /** An HTML document, whichever syntax: what "HTML page" in ACT applicability means. */
    public boolean isHtml() {
        return this == HTML || this == XHTML;
    }
}
