package org.yiyue.overlay.rewrite;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.select.Elements;
import org.yiyue.overlay.site.DeclaredFix;

/**
 * Applies a site's declared fixes to one page with Jsoup: decode in the page's charset (gb2312/gbk as GB18030),
 * change exactly what each fix names, re-serialize in that same charset without pretty-printing. Reports how many
 * elements each fix changed; a fix that finds nothing to change is reported with 0 and changes nothing.
 */
public final class FixApplier {

    /** One fix as applied to one page. */
    public record Applied(String fixId, String type, String description, int elements) {
    }

    public record Result(byte[] page, List<Applied> applied) {
        public boolean changed() {
            return applied.stream().anyMatch(a -> a.elements() > 0);
        }
    }

    private FixApplier() {
    }

    public static Result apply(byte[] page, Charset charset, List<DeclaredFix> fixes, String baseUri) {
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(page), charset.name(), baseUri);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        doc.outputSettings().charset(charset).prettyPrint(false).escapeMode(Entities.EscapeMode.base);
        List<Applied> applied = new ArrayList<>();
        for (DeclaredFix fix : fixes) {
            int n;
            if (fix instanceof DeclaredFix.SetLang f) {
                n = setLang(doc, f);
            } else if (fix instanceof DeclaredFix.AllowZoom) {
                n = allowZoom(doc);
            } else if (fix instanceof DeclaredFix.SetAttribute f) {
                n = setAttribute(doc, f);
            } else if (fix instanceof DeclaredFix.SkipLink f) {
                n = skipLink(doc, f);
            } else {
                n = layoutTable(doc, (DeclaredFix.LayoutTable) fix);
            }
            applied.add(new Applied(fix.id(), typeOf(fix), fix.describe(), n));
        }
        if (applied.stream().noneMatch(a -> a.elements() > 0)) {
            return new Result(page, applied);
        }
        Optional<String> declared = PageCharset.fromMeta(page);
        if (declared.isPresent() && !Charset.forName(PageCharset.normalize(declared.get())).equals(charset)) {
            // the page is re-serialised anyway: its own declaration now names the bytes it really has
            doc.charset(charset);
            doc.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base);
        }
        // a BOM stays first and keeps its byte order (UTF-16LE/BE charsets write none of their own)
        int bom = PageCharset.bomLength(page);
        byte[] body = doc.outerHtml().getBytes(charset);
        byte[] out = new byte[bom + body.length];
        System.arraycopy(page, 0, out, 0, bom);
        System.arraycopy(body, 0, out, bom, body.length);
        return new Result(out, applied);
    }

    static String typeOf(DeclaredFix fix) {
        return fix.id().substring(0, fix.id().indexOf('#'));
    }

    private static int setLang(Document doc, DeclaredFix.SetLang f) {
        Element html = doc.selectFirst("html");
        if (html == null || f.lang().equals(html.attr("lang"))) {
            return 0;
        }
        html.attr("lang", f.lang());
        return 1;
    }

    private static int allowZoom(Document doc) {
        int n = 0;
        for (Element meta : doc.select("meta[name=viewport i]")) {
            String content = meta.attr("content");
            Map<String, String> kept = new LinkedHashMap<>();
            for (String part : content.split("[,;]")) {
                String p = part.trim();
                if (p.isEmpty()) {
                    continue;
                }
                String key = p.contains("=") ? p.substring(0, p.indexOf('=')).trim().toLowerCase() : p.toLowerCase();
                String value = p.contains("=") ? p.substring(p.indexOf('=') + 1).trim() : "";
                if (key.equals("maximum-scale")
                        || key.equals("user-scalable") && (value.equalsIgnoreCase("no") || value.equals("0"))) {
                    continue;
                }
                kept.put(key, p);
            }
            String fixed = String.join(", ", kept.values());
            if (!fixed.equals(content.trim())
                    && kept.size() < content.split("[,;]").length) {
                meta.attr("content", fixed);
                n++;
            }
        }
        return n;
    }

    private static int setAttribute(Document doc, DeclaredFix.SetAttribute f) {
        int n = 0;
        for (Element e : doc.select(f.selector())) {
            if (!f.value().equals(e.attr(f.attribute())) || !e.hasAttr(f.attribute())) {
                e.attr(f.attribute(), f.value());
                n++;
            }
        }
        return n;
    }

    private static int skipLink(Document doc, DeclaredFix.SkipLink f) {
        String id = f.target().substring(1);
        if (doc.getElementById(id) == null || !doc.select("a.yiyue-skip-link[href=" + f.target() + "]").isEmpty()) {
            return 0;
        }
        Element link = new Element("a").attr("href", f.target()).addClass("yiyue-skip-link").text(f.label());
        doc.body().prependChild(link);
        return 1;
    }

    private static int layoutTable(Document doc, DeclaredFix.LayoutTable f) {
        Elements tables = doc.select(f.selector());
        int n = 0;
        for (Element t : tables) {
            if (t.tagName().equals("table") && !"presentation".equals(t.attr("role"))) {
                t.attr("role", "presentation");
                n++;
            }
        }
        return n;
    }
}
