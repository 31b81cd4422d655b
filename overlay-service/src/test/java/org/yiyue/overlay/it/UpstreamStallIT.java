package org.yiyue.overlay.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An upstream that sends its headers and then stops must cost the proxy one idle timeout (1500 ms in
 * arquillian.xml), not a worker thread forever: a buffered page becomes the Chinese 504 page, a stream already
 * under way is aborted so the client sees a failed transfer, the upstream connection is dropped, nothing is cached.
 * A slow but steady upstream still passes complete. Every wait here has its own bound, so a proxy that hangs makes
 * these tests fail rather than hang.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UpstreamStallIT {

    private static final Pattern TAG = Pattern.compile("<script src=\"/a11y/toolbar\\.js\\?v=[0-9a-f]+\"[^>]*></script>");
    /** Far above the 1500 ms idle timeout, far below "forever". */
    private static final long BOUND_SECONDS = 10;

    private static StallingOrigin origin;

    @ArquillianResource
    URL base;
    private Http http;

    @Deployment(testable = false)
    static WebArchive war() throws Exception {
        origin = new StallingOrigin();
        ItSites.write("""
                {"sites": [
                  {"id": "stall", "name": "中途停顿的站点", "upstream": "%s"}
                ]}
                """.formatted(origin.origin()));
        return ItSites.rootWar();
    }

    @AfterAll
    static void stopOrigin() {
        origin.close();
    }

    @BeforeEach
    void client() {
        http = new Http(base.getPort());
    }

    @Test
    void pageStalledWhileBufferedGivesTheChinese504AndIsNotCached() throws Exception {
        long errorsBefore = upstreamErrors();
        HttpResponse<byte[]> r = http.send(http.request("/s/stall/half.html")
                .timeout(Duration.ofSeconds(BOUND_SECONDS)).GET());
        String page = new String(r.body(), StandardCharsets.UTF_8);
        assertEquals(504, r.statusCode(), page);
        assertTrue(page.contains("上游网站响应超时") && page.contains("<a href=\"/s/stall/half.html\">重试"), page);
        assertFalse(page.contains("上半部分"), "no part of the stalled page is passed on: " + page);
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(String.valueOf(r.body().length), r.headers().firstValue("Content-Length").orElse(""));

        long releasedAfterMs = origin.released("/half.html").get(BOUND_SECONDS, TimeUnit.SECONDS);
        System.out.println("[stall] /half.html: upstream connection closed by the proxy " + releasedAfterMs
                + " ms after the upstream went quiet");
        assertEquals(errorsBefore + 1, upstreamErrors(), "counted as an upstream error");

        HttpResponse<byte[]> again = http.send(http.request("/s/stall/half.html")
                .timeout(Duration.ofSeconds(BOUND_SECONDS)).GET());
        assertEquals(504, again.statusCode());
        assertEquals(2, origin.requests("/half.html"), "asked the upstream again: nothing was cached");
    }

    @Test
    void chunkedStreamStalledAfterItStartedIsAbortedNotEndedCleanly() throws Exception {
        // raw bytes, keep-alive like a browser: the container must close the connection without the last chunk
        Socket s = new Socket(InetAddress.getLoopbackAddress(), base.getPort());
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        boolean closedByProxy;
        try (s) {
            s.setSoTimeout((int) TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
            s.getOutputStream().write("GET /s/stall/stall.bin HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            byte[] b = new byte[16384];
            int n;
            try {
                while ((n = in.read(b)) >= 0) {
                    got.write(b, 0, n);
                }
                closedByProxy = true;
            } catch (SocketTimeoutException e) {
                closedByProxy = false;
            } catch (java.net.SocketException reset) {
                closedByProxy = true;
            }
        }
        String text = got.toString(StandardCharsets.ISO_8859_1);
        String head = text.substring(0, Math.max(0, text.indexOf("\r\n\r\n")));
        assertTrue(head.startsWith("HTTP/1.1 200"), head);
        assertTrue(head.toLowerCase().contains("transfer-encoding: chunked"), head);
        assertTrue(got.size() > StallingOrigin.STALL_PREFIX, "the first part was streamed: " + got.size() + " bytes");
        assertFalse(text.endsWith("\r\n0\r\n\r\n"), "the chunked body was ended as if complete");
        assertTrue(closedByProxy, "the proxy kept the connection open after the stall");
        origin.released("/stall.bin").get(BOUND_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void streamsStalledAfterTheyStartedFailInAnHttpClient() throws Exception {
        // HTTP/1.1 on purpose: over h2c Payara still ends the stream cleanly (see ResponseAbort)
        HttpClient h1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String path : new String[] {"/stall.bin", "/stall-length.bin"}) {
            int before = origin.requests(path);
            HttpResponse<InputStream> r = h1.send(http.request("/s/stall" + path)
                    .timeout(Duration.ofSeconds(BOUND_SECONDS)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, r.statusCode(), path);
            CompletableFuture<byte[]> body = CompletableFuture.supplyAsync(() -> {
                try (InputStream in = r.body()) {
                    return in.readAllBytes();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> body.get(BOUND_SECONDS, TimeUnit.SECONDS), path + ": the short body passed as complete");
            assertInstanceOf(java.io.UncheckedIOException.class, failed.getCause(), path);
            origin.released(path).get(BOUND_SECONDS, TimeUnit.SECONDS);
            assertEquals(before + 1, origin.requests(path));
        }
        // the stalled streams were cacheable by their headers, but a stalled body is never stored
        HttpResponse<InputStream> again = h1.send(http.request("/s/stall/stall-length.bin")
                .timeout(Duration.ofSeconds(BOUND_SECONDS)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        again.body().close();
        assertFalse("HIT".equals(again.headers().firstValue("X-Yiyue-Cache").orElse("")));
        assertEquals(2, origin.requests("/stall-length.bin"));
    }

    @Test
    void slowButSteadyUpstreamsStillPassComplete() throws Exception {
        long idleTimeoutMs = 1500;
        assertTrue(StallingOrigin.STEADY_STEPS * StallingOrigin.STEADY_STEP_MS > 1.5 * idleTimeoutMs,
                "the trickle lasts well beyond one idle timeout in total");

        long started = System.nanoTime();
        HttpResponse<byte[]> page = http.send(http.request("/s/stall/steady.html")
                .timeout(Duration.ofSeconds(BOUND_SECONDS)).GET());
        long pageMs = (System.nanoTime() - started) / 1_000_000;
        String html = new String(page.body(), StandardCharsets.UTF_8);
        assertEquals(200, page.statusCode(), html);
        Matcher tag = TAG.matcher(html);
        assertTrue(tag.find(), "rewritten with the toolbar: " + html);
        // everything after the head arrives exactly as the upstream trickled it
        String body = String.join("", StallingOrigin.steadyPieces().subList(1, StallingOrigin.STEADY_STEPS));
        assertTrue(html.endsWith(body), html);

        started = System.nanoTime();
        HttpResponse<byte[]> bin = http.send(http.request("/s/stall/steady.bin")
                .timeout(Duration.ofSeconds(BOUND_SECONDS)).GET());
        long binMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(200, bin.statusCode());
        assertArrayEquals(StallingOrigin.steadyBinary(), bin.body());
        System.out.println("[stall] steady upstreams passed complete: page in " + pageMs + " ms, stream in " + binMs
                + " ms (idle timeout " + idleTimeoutMs + " ms)");
    }

    private long upstreamErrors() throws Exception {
        Matcher m = Pattern.compile("\"upstreamErrors\":\\{[^}]*\"stall\":(\\d+)").matcher(http.text("/api/metrics"));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
