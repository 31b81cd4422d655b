package org.yiyue.overlay.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WebSocketHandshakeTest {

    @Test
    void recognisesAHandshakeWhateverTheCaseAndTheOtherConnectionTokens() {
        assertTrue(WebSocketHandshake.requested("GET", Map.of("upgrade", List.of("websocket"),
                "connection", List.of("Upgrade"))));
        // Firefox sends "keep-alive, Upgrade"
        assertTrue(WebSocketHandshake.requested("GET", Map.of("upgrade", List.of("WebSocket"),
                "connection", List.of("keep-alive, Upgrade"))));
    }

    @Test
    void anythingElseIsAnOrdinaryRequest() {
        assertFalse(WebSocketHandshake.requested("POST", Map.of("upgrade", List.of("websocket"),
                "connection", List.of("upgrade"))), "only GET opens a WebSocket");
        assertFalse(WebSocketHandshake.requested("GET", Map.of("upgrade", List.of("websocket"))),
                "Upgrade without Connection: upgrade is not a handshake");
        assertFalse(WebSocketHandshake.requested("GET", Map.of("upgrade", List.of("h2c"),
                "connection", List.of("Upgrade, HTTP2-Settings"))), "h2c is not ours to pass");
        assertFalse(WebSocketHandshake.requested("GET", Map.of("connection", List.of("keep-alive"))));
    }

    @Test
    void requestHeadCarriesTheMappedPathHostAndHopByHopHeadersOfOurOwn() {
        byte[] head = WebSocketHandshake.requestHead(URI.create("http://127.0.0.1:8101/base/chat?room=%E4%B8%80"),
                List.of(Map.entry("sec-websocket-key", "abc=="), Map.entry("cookie", "JSESSIONID=1"),
                        Map.entry("X-Forwarded-Prefix", "/s/ws")));
        assertEquals("GET /base/chat?room=%E4%B8%80 HTTP/1.1\r\nHost: 127.0.0.1:8101\r\nsec-websocket-key: abc==\r\n"
                + "cookie: JSESSIONID=1\r\nX-Forwarded-Prefix: /s/ws\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n",
                new String(head, StandardCharsets.ISO_8859_1));
    }

    @Test
    void aConfiguredHostHeaderReplacesTheUpstreamAuthorityOnce() {
        String head = new String(WebSocketHandshake.requestHead(URI.create("http://10.1.2.3/ws"),
                List.of(Map.entry("Host", "www.heyuan.gov.cn"))), StandardCharsets.ISO_8859_1);
        assertTrue(head.startsWith("GET /ws HTTP/1.1\r\nHost: www.heyuan.gov.cn\r\nUpgrade"), head);
        assertEquals(1, head.split("Host:", -1).length - 1, head);
    }

    @Test
    void onlyTheHandshakeAnswerHeadersOfThe101GoBack() {
        HttpHeaders upstream = HttpHeaders.of(Map.of("Upgrade", List.of("websocket"),
                "Sec-WebSocket-Accept", List.of("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="),
                "Sec-WebSocket-Protocol", List.of("chat"), "Set-Cookie", List.of("a=b"), "Server", List.of("nginx")),
                (k, v) -> true);
        assertTrue(WebSocketHandshake.accepted(101, upstream));
        assertEquals(List.of(Map.entry("Sec-WebSocket-Accept", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="),
                Map.entry("Sec-WebSocket-Protocol", "chat")), WebSocketHandshake.acceptHeaders(upstream));
    }

    @Test
    void a101ToSomethingElseIsNotTunnelled() {
        HttpHeaders h2c = HttpHeaders.of(Map.of("Upgrade", List.of("h2c")), (k, v) -> true);
        assertFalse(WebSocketHandshake.accepted(101, h2c));
        HttpHeaders ws = HttpHeaders.of(Map.of("Upgrade", List.of("websocket")), (k, v) -> true);
        assertFalse(WebSocketHandshake.accepted(200, ws));
    }
}
