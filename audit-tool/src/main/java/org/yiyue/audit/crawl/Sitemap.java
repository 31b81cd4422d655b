package org.yiyue.audit.crawl;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/** Reads sitemap.xml (urlset or sitemapindex) leniently with Jsoup's XML parser. */
public final class Sitemap {

    /** locs: page URLs; children: nested sitemaps of a sitemapindex. */
    public record Parsed(List<URI> locs, List<URI> children) {
    }

    private Sitemap() {
    }

    public static Parsed parse(URI base, String xml) {
        Document doc = Jsoup.parse(xml, base.toString(), Parser.xmlParser());
        List<URI> locs = new ArrayList<>();
        List<URI> children = new ArrayList<>();
        for (Element loc : doc.select("url > loc")) {
            UrlNormalizer.normalize(base, loc.text()).ifPresent(locs::add);
        }
        for (Element loc : doc.select("sitemap > loc")) {
            UrlNormalizer.normalize(base, loc.text()).ifPresent(children::add);
        }
        return new Parsed(locs, children);
    }

    /** All page URLs of a site's sitemap(s), following one level of sitemapindex. */
    public static List<URI> discover(Fetcher fetcher, URI origin, List<String> fromRobots) {
        List<URI> roots = new ArrayList<>();
        for (String s : fromRobots) {
            UrlNormalizer.normalize(origin, s).ifPresent(roots::add);
        }
        if (roots.isEmpty()) {
            roots.add(origin.resolve("/sitemap.xml"));
        }
        List<URI> out = new ArrayList<>();
        for (URI root : roots) {
            Optional<String> xml = fetcher.fetchText(root);
            if (xml.isEmpty()) {
                continue;
            }
            Parsed p = parse(root, xml.get());
            out.addAll(p.locs());
            for (URI child : p.children().subList(0, Math.min(p.children().size(), 20))) {
                fetcher.fetchText(child).ifPresent(x -> out.addAll(parse(child, x).locs()));
            }
        }
        return out;
    }
}
