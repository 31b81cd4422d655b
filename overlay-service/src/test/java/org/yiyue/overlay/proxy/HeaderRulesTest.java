package org.yiyue.overlay.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class HeaderRulesTest {

    @Test
    void hopByHopAndConnectionListedHeadersStayBehind() {
        Set<String> listed = HeaderRules.connectionListed(List.of("keep-alive, X-Secret-Hop"));
        assertFalse(HeaderRules.forwardRequestHeader("Connection", listed));
        assertFalse(HeaderRules.forwardRequestHeader("Transfer-Encoding", listed));
        assertFalse(HeaderRules.forwardRequestHeader("x-secret-hop", listed));
        assertFalse(HeaderRules.forwardRequestHeader("Proxy-Authorization", listed));
        assertFalse(HeaderRules.forwardRequestHeader("X-Forwarded-For", listed), "clients cannot spoof our forwarding");
        assertTrue(HeaderRules.forwardRequestHeader("Cookie", listed));
        assertTrue(HeaderRules.forwardRequestHeader("Content-Type", listed));
        assertTrue(HeaderRules.forwardRequestHeader("Accept-Language", listed));
    }

    @Test
    void onlyTheAllowListReachesTheUpstream() {
        Set<String> none = Set.of();
        // headers upstreams trust for routing, access control or logging: all dropped (the old deny-list let them by)
        for (String h : List.of("X-Original-URL", "X-Rewrite-URL", "True-Client-IP", "X-Client-IP", "X-Forwarded-Server",
                "X-Host", "X-Original-Host", "X-Forwarded-Host", "Forwarded", "X-Real-IP", "X-Custom-IP-Authorization")) {
            assertFalse(HeaderRules.forwardRequestHeader(h, none), h);
        }
        for (String h : List.of("Accept", "If-None-Match", "Range", "User-Agent", "X-Requested-With", "Sec-Fetch-Dest",
                "Sec-WebSocket-Key", "Authorization")) {
            assertTrue(HeaderRules.forwardRequestHeader(h, none), h);
        }
        assertTrue(HeaderRules.forwardRequestHeader("X-Api-Token", none, Set.of("x-api-token")), "operator-allowed");
    }

    @Test
    void responseKeepsCookiesAndTypeButNotUpstreamTransportOrHsts() {
        Set<String> none = Set.of();
        assertTrue(HeaderRules.forwardResponseHeader("Set-Cookie", none));
        assertTrue(HeaderRules.forwardResponseHeader("Content-Type", none));
        assertTrue(HeaderRules.forwardResponseHeader("Cache-Control", none));
        assertFalse(HeaderRules.forwardResponseHeader("Transfer-Encoding", none));
        assertFalse(HeaderRules.forwardResponseHeader("Content-Length", none));
        assertFalse(HeaderRules.forwardResponseHeader("Strict-Transport-Security", none));
    }

    @Test
    void onlyDecodableCodingsAreOfferedUpstream() {
        assertEquals("gzip, deflate", HeaderRules.upstreamAcceptEncoding("gzip, deflate, br, zstd"));
        assertEquals("gzip", HeaderRules.upstreamAcceptEncoding("br, gzip"));
        assertEquals("identity", HeaderRules.upstreamAcceptEncoding("br"));
        assertEquals("identity", HeaderRules.upstreamAcceptEncoding(null));
        assertTrue(HeaderRules.acceptsGzip("gzip, deflate, br"));
        assertFalse(HeaderRules.acceptsGzip("gzip;q=0, br"));
        assertFalse(HeaderRules.acceptsGzip(null));
    }

    @Test
    void navigationsAskForIdentityOnlyWhenConfiguredSo() {
        assertEquals("gzip", HeaderRules.upstreamAcceptEncoding("gzip, br", true, false));
        assertEquals("identity", HeaderRules.upstreamAcceptEncoding("gzip, br", true, true));
        assertEquals("gzip", HeaderRules.upstreamAcceptEncoding("gzip, br", false, true), "sub-resources keep gzip");
    }
}
