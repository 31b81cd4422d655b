package org.yiyue.overlay.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The blocking upstream client against a loopback server that answers each request head with scripted bytes. */
class BlockingUpstreamTest {

    /** Answers request number n (counted over all connections) with script(n); null closes the connection. */
    private static final class Script implements AutoCloseable {
        final ServerSocket server;
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger connections = new AtomicInteger();
        final List<String> heads = new CopyOnWriteArrayList<>();
        final Thread acceptor;

        Script(Function<Integer, byte[]> script) throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        connections.incrementAndGet();
                        Thread t = new Thread(() -> serve(s, script));
                        t.setDaemon(true);
                        t.start();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private void serve(Socket s, Function<Integer, byte[]> script) {
            try (s) {
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                while (true) {
                    String head = readHead(in);
                    if (head == null) {
                        return;
                    }
                    heads.add(head);
                    byte[] answer = script.apply(requests.incrementAndGet());
                    if (answer == null) {
                        return;
                    }
                    if (answer.length > 0 && answer[0] == 'S') {
                        // "S<ms>|bytes": send the bytes, then go quiet for ms
                        String text = new String(answer, StandardCharsets.ISO_8859_1);
                        int bar = text.indexOf('|');
                        out.write(text.substring(bar + 1).getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                        Thread.sleep(Long.parseLong(text.substring(1, bar)));
                        return;
                    }
                    out.write(answer);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // the client went away
            }
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) >= 0) {
                b.write(c);
                byte[] a = b.toByteArray();
                int n = a.length;
                if (n >= 4 && a[n - 4] == '\r' && a[n - 3] == '\n' && a[n - 2] == '\r' && a[n - 1] == '\n') {
                    return b.toString(StandardCharsets.ISO_8859_1);
                }
            }
            return null;
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    private Script script;
    private final BlockingUpstream client = new BlockingUpstream(Duration.ofSeconds(2), Duration.ofMillis(800),
            Duration.ofMillis(500));

    @AfterEach
    void stop() throws IOException {
        if (script != null) {
            script.close();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String read(BlockingUpstream.Response r) throws IOException {
        try (InputStream in = r.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void keepsTheConnectionForTheNextRequestOnceABodyWasReadToItsEnd() throws Exception {
        script = new Script(n -> bytes("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-N: " + n + "\r\n\r\nhello"));
        for (int i = 1; i <= 3; i++) {
            BlockingUpstream.Response r = client.send(script.uri("/a?b=1"), "GET",
                    List.of(Map.entry("accept", "text/html"), Map.entry("If-None-Match", "\"x\"")));
            assertEquals(200, r.statusCode());
            assertEquals(String.valueOf(i), r.headers().firstValue("x-n").orElseThrow());
            assertEquals("hello", read(r));
        }
        assertEquals(1, script.connections.get(), "one kept-alive connection for three requests");
        String head = script.heads.get(0);
        assertTrue(head.startsWith("GET /a?b=1 HTTP/1.1\r\nHost: 127.0.0.1:" + script.server.getLocalPort() + "\r\n"),
                head);
        assertTrue(head.contains("\r\naccept: text/html\r\n") && head.contains("\r\nIf-None-Match: \"x\"\r\n"), head);
    }

    @Test
    void aConfiguredHostReplacesTheAuthorityAndControlCharactersNeverReachTheWire() throws Exception {
        script = new Script(n -> bytes("HTTP/1.1 204 No Content\r\n\r\n"));
        BlockingUpstream.Response r = client.send(script.uri("/"), "GET", List.of(Map.entry("Host", "www.gov.test"),
                Map.entry("X-Bad", "a\r\nInjected: 1"), Map.entry("Connection", "close")));
        assertEquals(204, r.statusCode());
        assertEquals("", read(r));
        String head = script.heads.get(0);
        assertTrue(head.startsWith("GET / HTTP/1.1\r\nHost: www.gov.test\r\n"), head);
        assertTrue(!head.contains("Injected") && !head.toLowerCase().contains("connection:"), head);
    }

    @Test
    void aNotModifiedAnswerHasNoBodyAndTheConnectionIsReused() throws Exception {
        script = new Script(n -> bytes("HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\nContent-Length: 142011\r\n\r\n"));
        for (int i = 0; i < 2; i++) {
            BlockingUpstream.Response r = client.send(script.uri("/p"), "GET", List.of());
            assertEquals(304, r.statusCode());
            assertEquals("", read(r));
        }
        assertEquals(1, script.connections.get());
    }

    @Test
    void chunkedBodiesAreDecodedAndTheirTrailersDropped() throws Exception {
        script = new Script(n -> bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nX-Trailer: y\r\n\r\n"));
        assertEquals("abcde", read(client.send(script.uri("/c"), "GET", List.of())));
        assertEquals("abcde", read(client.send(script.uri("/c"), "GET", List.of())));
        assertEquals(1, script.connections.get());
    }

    @Test
    void aConnectionTheUpstreamClosedWhileIdleIsReplacedTransparently() throws Exception {
        // every connection carries one answer, then the server closes it without saying so
        script = new Script(n -> n % 2 == 1 ? bytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok") : null);
        assertEquals("ok", read(client.send(script.uri("/"), "GET", List.of())));
        Thread.sleep(100);
        assertEquals("ok", read(client.send(script.uri("/"), "GET", List.of())));
        assertEquals(2, script.connections.get());
    }

    @Test
    void aShortBodyFailsTheReadAndIsCountedAsShort() throws Exception {
        // S0: the server closes the connection right after these bytes
        script = new Script(n -> bytes("S0|HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this"));
        BlockingUpstream.Response r = client.send(script.uri("/"), "GET", List.of());
        IOException e = assertThrows(IOException.class, () -> new UpstreamBody(r.body()).readAllBytes());
        assertTrue(e instanceof UpstreamBrokenException b && b.kind().equals("short-body"), e.toString());
    }

    @Test
    void aMalformedChunkFailsTheReadAsBadChunking() throws Exception {
        script = new Script(n -> bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nabcde\r\nzz\r\n"));
        BlockingUpstream.Response r = client.send(script.uri("/"), "GET", List.of());
        IOException e = assertThrows(IOException.class, () -> new UpstreamBody(r.body()).readAllBytes());
        assertTrue(e instanceof UpstreamBrokenException b && b.kind().equals("bad-chunking"), e.toString());
    }

    @Test
    void aHeadThatNeverCompletesTimesOutAsTheJdkClientDid() throws Exception {
        script = new Script(n -> bytes("S3000|HTTP/1.1 200 OK\r\nX-Slow: 1\r\n"));
        long t0 = System.nanoTime();
        assertThrows(HttpTimeoutException.class, () -> client.send(script.uri("/"), "GET", List.of()));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms >= 700 && ms < 2500, "gave up after " + ms + " ms");
    }

    @Test
    void aBodyThatStopsFailsTheNextReadAfterTheIdleTimeout() throws Exception {
        script = new Script(n -> bytes("S3000|HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"));
        BlockingUpstream.Response r = client.send(script.uri("/"), "GET", List.of());
        byte[] b = new byte[10];
        assertEquals(3, r.body().read(b));
        assertArrayEquals(bytes("abc"), java.util.Arrays.copyOf(b, 3));
        assertThrows(UpstreamStalledException.class, () -> r.body().read(b));
    }

    @Test
    void aBodyUntilCloseAndAnEarlyCloseNeverPutTheConnectionBack() throws Exception {
        script = new Script(n -> n == 1 ? bytes("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nabcdef")
                : bytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
        BlockingUpstream.Response first = client.send(script.uri("/"), "GET", List.of());
        assertEquals('a', first.body().read());
        first.body().close(); // the rest unread: this connection cannot carry another response
        assertEquals("ok", read(client.send(script.uri("/"), "GET", List.of())));
        assertEquals(2, script.connections.get());
    }

    @Test
    void handlesOnlyBodilessGetAndHead() {
        assertTrue(BlockingUpstream.handles("GET", -1, false));
        assertTrue(BlockingUpstream.handles("HEAD", 0, false));
        assertTrue(!BlockingUpstream.handles("POST", -1, false));
        assertTrue(!BlockingUpstream.handles("GET", 10, false));
        assertTrue(!BlockingUpstream.handles("GET", -1, true));
    }
}
