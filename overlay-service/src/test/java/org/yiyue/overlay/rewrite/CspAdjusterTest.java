package org.yiyue.overlay.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CspAdjusterTest {

    private static Map<String, List<String>> policy(CspAdjuster.Result r) {
        return CspAdjuster.parse(r.policies().get(0));
    }

    @Test
    void strictSelfPolicyAlreadyAllowsTheToolbarAndGainsOnlyWhatSpeechNeeds() {
        CspAdjuster.Result r = CspAdjuster.adjust(
                List.of("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"), "FRESH");
        Map<String, List<String>> p = policy(r);
        assertEquals(List.of("'self'"), p.get("script-src"), "no unsafe-inline, nothing widened for scripts");
        assertEquals(List.of("'self'"), p.get("style-src"));
        assertEquals(List.of("'self'", "data:"), p.get("img-src"));
        assertEquals(List.of("'self'", "blob:"), p.get("media-src"), "created from default-src + blob: for speech");
        assertEquals(List.of("'self'"), p.get("connect-src"));
        assertEquals(Optional.empty(), r.nonce());
    }

    @Test
    void strictDynamicUsesThePagesOwnNonce() {
        CspAdjuster.Result r = CspAdjuster.adjust(
                List.of("script-src 'nonce-r4nd0m' 'strict-dynamic' https:; object-src 'none'"), "FRESH");
        assertEquals(Optional.of("r4nd0m"), r.nonce());
        assertEquals(List.of("'nonce-r4nd0m'", "'strict-dynamic'", "https:"), policy(r).get("script-src"),
                "the policy is unchanged: our tag simply carries the page's nonce");
        assertEquals(List.of("'none'"), policy(r).get("object-src"));
    }

    @Test
    void strictDynamicWithHashesOnlyGetsOneFreshNonce() {
        CspAdjuster.Result r = CspAdjuster.adjust(List.of("script-src 'sha256-abc=' 'strict-dynamic'"), "FRESH");
        assertEquals(Optional.of("FRESH"), r.nonce());
        assertTrue(policy(r).get("script-src").contains("'nonce-FRESH'"));
        assertFalse(policy(r).get("script-src").contains("'self'"), "'self' would be ignored under strict-dynamic");
    }

    @Test
    void nonceWithoutStrictDynamicGetsSelfAndTheNonce() {
        CspAdjuster.Result r = CspAdjuster.adjust(List.of("script-src 'nonce-abc'"), "FRESH");
        assertEquals(List.of("'nonce-abc'", "'self'"), policy(r).get("script-src"));
        assertEquals(Optional.of("abc"), r.nonce());
    }

    @Test
    void noneIsReplacedAndDefaultSrcKeepsItsMeaningForOtherTypes() {
        CspAdjuster.Result r = CspAdjuster.adjust(List.of("default-src 'none'; frame-ancestors 'none'"), "F");
        Map<String, List<String>> p = policy(r);
        assertEquals(List.of("'none'"), p.get("default-src"));
        assertEquals(List.of("'self'"), p.get("script-src"));
        assertEquals(List.of("'self'"), p.get("style-src"));
        assertEquals(List.of("'none'"), p.get("frame-ancestors"));
    }

    @Test
    void policiesWithoutScriptRestrictionsAreNotTouched() {
        CspAdjuster.Result r = CspAdjuster.adjust(List.of("frame-ancestors 'self'; upgrade-insecure-requests"), "F");
        assertEquals("frame-ancestors 'self'; upgrade-insecure-requests", r.policies().get(0));
    }

    @Test
    void everyPolicyOfSeveralIsAdjusted() {
        CspAdjuster.Result r = CspAdjuster.adjust(List.of("script-src https://cdn.example, img-src 'none'",
                "connect-src https://api.example"), "F");
        assertEquals("script-src https://cdn.example 'self', img-src 'self' data:", r.policies().get(0));
        assertEquals("connect-src https://api.example 'self'", r.policies().get(1));
    }

    @Test
    void metaPolicyInTheBytesIsAdjustedToo() {
        byte[] page = "<head><meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'none'\"></head>"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertTrue(MetaCsp.present(page));
        String out = new String(MetaCsp.adjust(page, "n"), java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals("<head><meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self'\"></head>", out);
    }
}
