package org.yiyue.overlay.rewrite;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;

import org.yiyue.overlay.site.DeclaredFix;
import org.yiyue.overlay.site.Site;

/**
 * The rewrite of one decoded HTML response, in order: sniff what the body is (only documents are touched: JSON,
 * JSONP, scripts and fragments under text/html come back unchanged), declared fixes (only if the page has any;
 * Jsoup, page charset), links to the mount, CSP (header and meta), then the toolbar tag after the real
 * {@code <head>}. Link and meta rewriting work on ASCII-compatible bytes only; a UTF-16 page gets the tag alone.
 * Pure: no I/O, no state.
 */
public final class HtmlRewriter {

    /** What the proxy needs to know about the toolbar asset to write the tag. */
    public record Toolbar(String url, Optional<String> integrity) {
    }

    public record Input(Site site, String path, String contentType, byte[] page, List<String> cspHeaders,
                        List<LinkRewriter.OriginMapping> origins, Toolbar toolbar, String freshNonce) {
    }

    /**
     * @param decision  what the sniffer found ({@link BodySniffer.Kind#reason}); only "document" is rewritten
     * @param charset   set when fixes re-serialised a page that declared no charset: the one it is written in
     */
    public record Output(byte[] page, List<String> cspHeaders, List<FixApplier.Applied> applied, String decision,
                         Optional<Charset> charset) {
        public boolean injected() {
            return decision.equals(BodySniffer.Kind.DOCUMENT.reason);
        }
    }

    private HtmlRewriter() {
    }

    public static Output rewrite(Input in) {
        byte[] page = in.page();
        PageUnits units = PageUnits.of(page, in.contentType());
        BodySniffer.Verdict verdict = BodySniffer.sniff(units);
        if (verdict.kind() != BodySniffer.Kind.DOCUMENT) {
            return new Output(page, in.cspHeaders(), List.of(), verdict.kind().reason, Optional.empty());
        }
        List<FixApplier.Applied> applied = List.of();
        Optional<Charset> declare = Optional.empty();
        List<DeclaredFix> fixes = in.site().fixesFor(in.path());
        if (!fixes.isEmpty()) {
            Charset charset = PageCharset.of(in.contentType(), page);
            FixApplier.Result r = FixApplier.apply(page, charset, fixes, in.site().upstreamOrigin() + in.path());
            if (r.page() != page && PageCharset.undeclared(in.contentType(), page)) {
                declare = Optional.of(charset);
            }
            page = r.page();
            applied = r.applied();
        }
        boolean asciiCompatible = units.family() == PageUnits.Family.ASCII_COMPATIBLE;
        if (asciiCompatible) {
            page = LinkRewriter.html(page, in.site().mount(), in.origins());
        }
        List<String> csp = in.cspHeaders();
        Optional<String> nonce = Optional.empty();
        if (!csp.isEmpty()) {
            CspAdjuster.Result r = CspAdjuster.adjust(csp, in.freshNonce());
            csp = r.policies();
            nonce = r.nonce();
        }
        if (asciiCompatible && MetaCsp.present(page)) {
            page = MetaCsp.adjust(page, nonce.orElse(in.freshNonce()));
        }
        String tag = ToolbarTag.render(in.site(), in.toolbar().url(), in.toolbar().integrity(), nonce);
        // the bytes before the head may have moved (fixes, links): find the start again
        PageUnits finalUnits = page == in.page() ? units : PageUnits.of(page, in.contentType());
        DocumentStart.Result start = page == in.page() ? verdict.start() : DocumentStart.find(finalUnits);
        return new Output(ScriptTagInjector.inject(finalUnits, start, page, tag), csp, applied,
                verdict.kind().reason, declare);
    }
}
