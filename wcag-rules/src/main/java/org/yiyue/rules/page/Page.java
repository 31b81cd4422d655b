package org.yiyue.rules.page;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.jsoup.nodes.Element;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** What a rule reads: the parsed document, where it came from, and (optionally) what a browser measured. */
public final class Page {

    private final Document document;
    private final String url;
    private final RenderedFacts facts;
    private final DocumentKind kind;
    /** Per-page memo of derived facts (roles, hidden state): rules run on one Page, possibly in parallel. */
    // sized for a large page up front: rehashing a growing memo cost the largest real page ~4 % of a run
    private final ConcurrentHashMap<Object, Object> memo = new ConcurrentHashMap<>(1 << 13);

    private record Key(String kind, Element element) {
    }

    private Page(Document document, String url, RenderedFacts facts, DocumentKind kind) {
        this.document = Objects.requireNonNull(document);
        this.url = url == null ? "" : url;
        this.facts = facts;
        this.kind = Objects.requireNonNull(kind);
    }

    public static Page of(Document document, String url) {
        return new Page(document, url, null, DocumentKind.HTML);
    }

    public static Page of(Document document, String url, RenderedFacts facts) {
        return new Page(document, url, facts, DocumentKind.HTML);
    }

    /** Convenience for tests and callers holding a string. */
    public static Page parse(String html, String url) {
        return new Page(Jsoup.parse(html, url == null ? "" : url), url, null, DocumentKind.HTML);
    }

    /** The same page known to be of another document kind (from its content type and root element). */
    public Page withKind(DocumentKind documentKind) {
        return documentKind == kind ? this : new Page(document, url, facts, documentKind);
    }

    /** HTML unless the caller said otherwise ({@link #withKind}). */
    public DocumentKind kind() {
        return kind;
    }

    public Document document() {
        return document;
    }

    public String url() {
        return url;
    }

    public Optional<RenderedFacts> facts() {
        return Optional.ofNullable(facts);
    }

    public boolean rendered() {
        return facts != null;
    }

    /**
     * The elements a CSS query selects, in document order, memoised per page: many rules pre-filter with the same
     * query ("*" above all), and each fresh query walks the whole document.
     */
    public List<Element> select(String css) {
        return memo("select:" + css, document, () -> {
            List<Element> all = memo("select:*", document, () -> List.copyOf(document.getAllElements()));
            if (css.equals("*")) {
                return all;
            }
            // matching the one memoised element list is cheaper than a fresh document walk per query
            org.jsoup.select.Evaluator evaluator = org.jsoup.select.QueryParser.parse(css);
            return all.stream().filter(e -> evaluator.matches(document, e)).toList();
        });
    }

    /** A memoised value, or null when none was computed yet. */
    @SuppressWarnings("unchecked")
    public <T> T known(String kind, Element element) {
        return (T) memo.get(new Key(kind, element));
    }

    /** Computes once per page and element; the value must depend only on the page. Null values are not cached. */
    @SuppressWarnings("unchecked")
    public <T> T memo(String kind, Element element, Supplier<T> compute) {
        Key key = new Key(kind, element);
        Object v = memo.get(key);
        if (v == null) {
            v = compute.get();
            if (v != null) {
                memo.putIfAbsent(key, v);
            }
        }
        return (T) v;
    }
}
