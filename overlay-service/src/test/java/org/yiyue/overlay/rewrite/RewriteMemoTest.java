package org.yiyue.overlay.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.yiyue.overlay.site.Site;
import org.yiyue.overlay.site.ToolbarDefaults;

class RewriteMemoTest {

    private static final Site SITE = new Site("portal", "门户", URI.create("http://127.0.0.1:8104"), null,
            Optional.empty(), Optional.empty(), new ToolbarDefaults("zh-CN", "top-right", Map.of(), false), List.of(),
            List.of());
    private static final HtmlRewriter.Toolbar TOOLBAR = new HtmlRewriter.Toolbar("/a11y/toolbar.js?v=1",
            Optional.of("sha384-x"));
    private static final byte[] PAGE = "<html><head><title>首页</title></head><body>正文</body></html>"
            .getBytes(StandardCharsets.UTF_8);

    private static HtmlRewriter.Input input(List<String> csp) {
        return new HtmlRewriter.Input(SITE, "/index.html", "text/html; charset=utf-8", PAGE, csp, List.of(), TOOLBAR,
                "FreshNonce0123456789");
    }

    private static ByteBuffer key(HtmlRewriter.Input in, String fingerprint, String coding) {
        return RewriteMemo.key(fingerprint, in, coding);
    }

    @Test
    void theKeyChangesWithEveryInputTheRewriteDependsOn() {
        HtmlRewriter.Input in = input(List.of());
        ByteBuffer base = key(in, "fp1", "");
        assertEquals(base, key(input(List.of()), "fp1", ""), "same inputs, same key");
        List<UnaryOperator<HtmlRewriter.Input>> changes = List.of(
                i -> new HtmlRewriter.Input(i.site(), "/other.html", i.contentType(), i.page(), i.cspHeaders(),
                        i.origins(), i.toolbar(), i.freshNonce()),
                i -> new HtmlRewriter.Input(i.site(), i.path(), "text/html; charset=gbk", i.page(), i.cspHeaders(),
                        i.origins(), i.toolbar(), i.freshNonce()),
                i -> new HtmlRewriter.Input(i.site(), i.path(), i.contentType(), i.page(), List.of("script-src 'self'"),
                        i.origins(), i.toolbar(), i.freshNonce()),
                i -> new HtmlRewriter.Input(i.site(), i.path(), i.contentType(), i.page(), i.cspHeaders(),
                        List.of(new LinkRewriter.OriginMapping("127.0.0.1:8101", "/s/zwfw")), i.toolbar(),
                        i.freshNonce()),
                i -> new HtmlRewriter.Input(i.site(), i.path(), i.contentType(), i.page(), i.cspHeaders(),
                        i.origins(), new HtmlRewriter.Toolbar("/a11y/toolbar.js?v=2", Optional.of("sha384-x")),
                        i.freshNonce()));
        for (UnaryOperator<HtmlRewriter.Input> change : changes) {
            assertNotEquals(base, key(change.apply(in), "fp1", ""));
        }
        assertNotEquals(base, key(in, "fp2", ""), "site configuration");
        assertNotEquals(base, key(in, "fp1", "gzip"), "content coding");
        assertEquals(base, key(new HtmlRewriter.Input(SITE, in.path(), in.contentType(), in.page(), in.cspHeaders(),
                in.origins(), in.toolbar(), "AnotherNonce"), "fp1", ""), "the fresh nonce is no input of the key");
    }

    @Test
    void aRewriteIsUsedOnlyForTheVeryBytesItWasMadeFrom() {
        RewriteMemo memo = new RewriteMemo(1 << 20);
        HtmlRewriter.Input in = input(List.of());
        HtmlRewriter.Output out = HtmlRewriter.rewrite(in);
        ByteBuffer k = key(in, "fp", "");
        assertTrue(memo.get(k, PAGE).isEmpty());
        memo.put(k, new RewriteMemo.Rewritten(PAGE, out, Optional.empty()), in.freshNonce());
        assertTrue(memo.get(k, PAGE.clone()).isPresent());
        byte[] oneByteOff = PAGE.clone();
        oneByteOff[PAGE.length - 3]++;
        assertTrue(memo.get(k, oneByteOff).isEmpty(), "one byte of the body differs");
        assertTrue(memo.get(k, java.util.Arrays.copyOf(PAGE, PAGE.length - 1)).isEmpty(), "a body that stops short");
    }

    @Test
    void aRewriteThatUsedThisResponsesNonceIsNeverKept() {
        RewriteMemo memo = new RewriteMemo(1 << 20);
        // a policy without 'self' and without a nonce of the page's own: the tag needs our fresh nonce
        HtmlRewriter.Input in = input(List.of("script-src 'strict-dynamic' 'unsafe-inline' https:"));
        HtmlRewriter.Output out = HtmlRewriter.rewrite(in);
        assertTrue(new String(out.page(), StandardCharsets.UTF_8).contains(in.freshNonce()),
                "precondition: the tag carries the fresh nonce");
        ByteBuffer k = key(in, "fp", "");
        memo.put(k, new RewriteMemo.Rewritten(PAGE, out, Optional.empty()), in.freshNonce());
        assertTrue(memo.get(k, PAGE).isEmpty(), "a nonce must not be served twice");
    }

    @Test
    void theMemoIsBoundedByBytes() {
        RewriteMemo memo = new RewriteMemo(4_000);
        HtmlRewriter.Input in = input(List.of());
        HtmlRewriter.Output out = HtmlRewriter.rewrite(in);
        int kept = 0;
        for (int i = 0; i < 100; i++) {
            memo.put(key(in, "fp" + i, ""), new RewriteMemo.Rewritten(PAGE, out, Optional.of(new byte[1000])),
                    in.freshNonce());
        }
        memo.cleanUp();
        for (int i = 0; i < 100; i++) {
            kept += memo.get(key(in, "fp" + i, ""), PAGE).isPresent() ? 1 : 0;
        }
        assertTrue(kept <= 3, "about 1.4 KB each in 4 KB: " + kept + " kept");
    }

    @Test
    void containsFindsANeedleAnywhere() {
        byte[] hay = "abcnonce-xyz".getBytes(StandardCharsets.US_ASCII);
        assertTrue(RewriteMemo.contains(hay, "nonce-xyz".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(RewriteMemo.contains(hay, "abc".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(!RewriteMemo.contains(hay, "nonce-xyzw".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(!RewriteMemo.contains(hay, new byte[0]));
    }
}
