package org.yiyue.overlay.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A page's WebSocket (e.g. an online consultation chat) works through the overlay as on the original site: the
 * JDK WebSocket client talks through Payara Micro to a hand-written RFC 6455 origin on loopback. Refusals, hostile
 * paths and dead upstreams end as HTTP answers, never as a hang. Every wait is bounded.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebSocketProxyIT {

    private static final long BOUND_SECONDS = 10;

    private static WebSocketOrigin origin;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive war() throws Exception {
        origin = new WebSocketOrigin();
        ItSites.write("""
                {"sites": [
                  {"id": "ws", "name": "政民互动在线咨询", "upstream": "%s"},
                  {"id": "dead", "name": "不可达的站点", "upstream": "http://127.0.0.1:%d"}
                ]}
                """.formatted(origin.origin(), ItSites.deadPort()));
        return ItSites.rootWar();
    }

    @AfterAll
    static void stopOrigin() {
        origin.close();
    }

    @Test
    void textMessagesRoundTripThroughTheOverlay() throws Exception {
        Listener listener = new Listener();
        WebSocket ws = connect("/s/ws/chat?room=12", listener);
        try {
            for (String text : new String[] {"hello", "您好，我想咨询社保转移手续", "长".repeat(30000) + "x".repeat(10000)}) {
                ws.sendText(text, true).get(BOUND_SECONDS, TimeUnit.SECONDS);
                String answer = listener.messages.poll(BOUND_SECONDS, TimeUnit.SECONDS);
                assertNotNull(answer, "no answer within " + BOUND_SECONDS + " s to a message of " + text.length() + " chars");
                assertEquals(WebSocketOrigin.PREFIX + text, answer);
            }
        } finally {
            ws.abort();
        }
        // the upstream saw a real handshake on the mapped path, with our forwarding headers
        String head = origin.heads.get("/chat");
        assertTrue(head.startsWith("GET /chat?room=12 HTTP/1.1\r\n"), head);
        assertEquals("websocket", WebSocketOrigin.header(head, "upgrade").toLowerCase());
        assertEquals("/s/ws", WebSocketOrigin.header(head, "x-forwarded-prefix"), head);
        assertNotNull(WebSocketOrigin.header(head, "sec-websocket-key"), head);
        assertEquals("13", WebSocketOrigin.header(head, "sec-websocket-version"), head);
        // the page's own Origin (the overlay) is mapped to the upstream's, so its same-origin check still passes
        assertEquals(origin.origin(), WebSocketOrigin.header(head, "origin"), head);
    }

    @Test
    void theOriginClosingClosesTheClient() throws Exception {
        Listener listener = new Listener();
        WebSocket ws = connect("/s/ws/chat", listener);
        try {
            ws.sendText(WebSocketOrigin.CLOSE_ME, true).get(BOUND_SECONDS, TimeUnit.SECONDS);
            Object end = listener.ended.get(BOUND_SECONDS, TimeUnit.SECONDS);
            assertTrue(end.equals(1000) || end instanceof Throwable, "closed: " + end);
        } finally {
            ws.abort();
        }
    }

    @Test
    void hostilePathsAndUnknownSitesAreRefusedAsForOtherRequests() throws Exception {
        assertEquals(400, refusedStatus("/s/ws/a/%2e%2e/chat"));
        assertEquals(400, refusedStatus("/s/ws/chat%40evil.example"));
        assertEquals(404, refusedStatus("/s/nosuch/chat"));
        RawAnswer raw = rawHandshake("/s/ws/%2e%2e/chat");
        assertEquals(400, raw.status(), raw.text());
        assertTrue(raw.text().contains("请求地址无效"), raw.text());
    }

    @Test
    void anUpstreamThatRefusesTheUpgradeReachesTheClientAsThatStatus() throws Exception {
        assertEquals(400, refusedStatus("/s/ws/refuse"));
        assertEquals(200, refusedStatus("/s/ws/plain"));
        RawAnswer raw = rawHandshake("/s/ws/refuse");
        assertEquals(400, raw.status(), raw.text());
        assertTrue(raw.text().endsWith(WebSocketOrigin.REFUSAL), raw.text());
        // and it was refusing a real WebSocket handshake, not a plain GET with the Upgrade stripped
        String head = origin.heads.get("/refuse");
        assertEquals("websocket", String.valueOf(WebSocketOrigin.header(head, "upgrade")).toLowerCase(), head);
    }

    @Test
    void aDeadUpstreamGivesTheChinese502() throws Exception {
        assertEquals(502, refusedStatus("/s/dead/chat"));
        RawAnswer raw = rawHandshake("/s/dead/chat");
        assertEquals(502, raw.status(), raw.text());
        assertTrue(raw.text().contains("上游网站暂时无法访问"), raw.text());
    }

    @Test
    void anUpstreamThatNeverAnswersTheHandshakeGivesTheChinese504() throws Exception {
        // 3000 ms time-to-headers in arquillian.xml
        RawAnswer raw = rawHandshake("/s/ws/silent");
        assertEquals(504, raw.status(), raw.text());
        assertTrue(raw.text().contains("上游网站响应超时"), raw.text());
    }

    private WebSocket connect(String path, Listener listener) throws Exception {
        return HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(BOUND_SECONDS))
                .header("Origin", "http://127.0.0.1:" + base.getPort())
                .buildAsync(URI.create("ws://127.0.0.1:" + base.getPort() + path), listener)
                .get(BOUND_SECONDS, TimeUnit.SECONDS);
    }

    /** The HTTP status the JDK client got when the handshake was not accepted. */
    private int refusedStatus(String path) throws Exception {
        ExecutionException e = assertThrows(ExecutionException.class, () -> connect(path, new Listener()), path);
        WebSocketHandshakeException refused = assertInstanceOf(WebSocketHandshakeException.class, e.getCause(), path);
        return refused.getResponse().statusCode();
    }

    private record RawAnswer(int status, String text) {
    }

    /** A handshake by hand, to read the body of a refusal (the JDK client drops it). */
    private RawAnswer rawHandshake(String path) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), base.getPort())) {
            s.setSoTimeout((int) TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + base.getPort()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] b = new byte[8192];
            try {
                int n;
                while ((n = in.read(b)) >= 0) {
                    got.write(b, 0, n);
                    String text = got.toString(StandardCharsets.UTF_8);
                    if (complete(text)) {
                        break;
                    }
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no complete answer within " + BOUND_SECONDS + " s: " + got, e);
            }
            String text = got.toString(StandardCharsets.UTF_8);
            return new RawAnswer(Integer.parseInt(text.substring(9, 12)), text);
        }
    }

    /** Head and a Content-Length body fully arrived. */
    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String length = WebSocketOrigin.header(text.substring(0, end), "content-length");
        return length != null && text.substring(end + 4).getBytes(StandardCharsets.UTF_8).length >= Integer.parseInt(length);
    }

    /** Collects whole text messages; completes {@link #ended} with the close code or the error. */
    private static final class Listener implements WebSocket.Listener {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Object> ended = new CompletableFuture<>();
        private final StringBuilder part = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            part.append(data);
            if (last) {
                messages.add(part.toString());
                part.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            ended.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            ended.complete(error);
        }
    }
}
