package org.yiyue.overlay.rewrite;

import java.util.List;
import java.util.Optional;

import org.yiyue.overlay.site.DeclaredFix;
import org.yiyue.overlay.site.Site;

/**
 * The rewrite of one decoded HTML page, in order: declared fixes (only if the page has any; Jsoup, page charset),
 * links to the mount, CSP (header and meta), then the toolbar tag after {@code <head>}. Pure: no I/O, no state.
 */
public final class HtmlRewriter {

    /** What the proxy needs to know about the toolbar asset to write the tag. */
    public record Toolbar(String url, Optional<String> integrity) {
    }

    public record Input(Site site, String path, String contentType, byte[] page, List<String> cspHeaders,
                        List<LinkRewriter.OriginMapping> origins, Toolbar toolbar, String freshNonce) {
    }

    public record Output(byte[] page, List<String> cspHeaders, List<FixApplier.Applied> applied) {
    }

    private HtmlRewriter() {
    }

    public static Output rewrite(Input in) {
        byte[] page = in.page();
        List<FixApplier.Applied> applied = List.of();
        List<DeclaredFix> fixes = in.site().fixesFor(in.path());
        if (!fixes.isEmpty()) {
            FixApplier.Result r = FixApplier.apply(page, PageCharset.of(in.contentType(), page), fixes,
                    in.site().upstreamOrigin() + in.path());
            page = r.page();
            applied = r.applied();
        }
        page = LinkRewriter.html(page, in.site().mount(), in.origins());
        List<String> csp = in.cspHeaders();
        Optional<String> nonce = Optional.empty();
        if (!csp.isEmpty()) {
            CspAdjuster.Result r = CspAdjuster.adjust(csp, in.freshNonce());
            csp = r.policies();
            nonce = r.nonce();
        }
        if (MetaCsp.present(page)) {
            page = MetaCsp.adjust(page, nonce.orElse(in.freshNonce()));
        }
        String tag = ToolbarTag.render(in.site(), in.toolbar().url(), in.toolbar().integrity(), nonce);
        return new Output(ScriptTagInjector.inject(page, tag), csp, applied);
    }
}
