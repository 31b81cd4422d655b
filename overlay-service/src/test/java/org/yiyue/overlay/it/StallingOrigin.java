package org.yiyue.overlay.it;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw upstream on 127.0.0.1 (ephemeral port) that writes its responses byte by byte as a test needs them: headers
 * then part of a body then silence, or a body trickled in small steps. Raw sockets, because a real HTTP server
 * would not let us stall mid-body on purpose. After a stall it waits for the proxy to drop the connection and
 * records that, so tests can prove the upstream connection was released.
 */
final class StallingOrigin extends RawSocketOrigin {

    static final int STALL_PREFIX = 65536;
    static final int STEADY_STEPS = 10;
    static final long STEADY_STEP_MS = 300;

    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Long>> released = new ConcurrentHashMap<>();

    StallingOrigin() throws IOException {
        super("stalling-origin");
    }

    int requests(String path) {
        return requests.computeIfAbsent(path, p -> new AtomicInteger()).get();
    }

    /** Completes (with the milliseconds the proxy took to hang up) once the proxy closed a stalled connection. */
    CompletableFuture<Long> released(String path) {
        return released.computeIfAbsent(path, p -> new CompletableFuture<>());
    }

    /** The first half of the page /half.html sends before it stalls (Content-Length promises all of it). */
    static String halfPage() {
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>半截页面</title></head><body>"
                + "<p id=first>河源市人民政府 上半部分</p>".repeat(40);
    }

    /** The pieces /steady.html trickles, one every {@link #STEADY_STEP_MS} ms. */
    static List<String> steadyPieces() {
        List<String> pieces = new java.util.ArrayList<>();
        pieces.add("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>慢而稳</title></head><body>");
        for (int i = 1; i < STEADY_STEPS - 1; i++) {
            pieces.add("<p id=p" + i + ">第" + i + "段 政务公开</p>");
        }
        pieces.add("<p id=end>完</p></body></html>");
        return pieces;
    }

    static byte[] steadyBinary() {
        byte[] all = new byte[STEADY_STEPS * 1000];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) (i * 31 + 7);
        }
        return all;
    }

    @Override
    protected void serve(Socket s) {
        try (s) {
            s.setSoTimeout(60000);
            String path = pathOf(readHead(s.getInputStream()));
            requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            OutputStream out = s.getOutputStream();
            switch (path) {
                case "/half.html" -> {
                    byte[] half = halfPage().getBytes(StandardCharsets.UTF_8);
                    head(out, "text/html; charset=utf-8", "Content-Length: " + half.length * 2);
                    out.write(half);
                    out.flush();
                    stall(s, path);
                }
                case "/stall.bin" -> {
                    head(out, "application/octet-stream", "Transfer-Encoding: chunked");
                    chunk(out, filled(STALL_PREFIX, (byte) 'a'));
                    stall(s, path);
                }
                case "/stall-length.bin" -> {
                    head(out, "application/octet-stream", "Content-Length: " + STALL_PREFIX * 4);
                    out.write(filled(STALL_PREFIX, (byte) 'a'));
                    out.flush();
                    stall(s, path);
                }
                case "/steady.html" -> {
                    head(out, "text/html; charset=utf-8", "Transfer-Encoding: chunked");
                    for (String piece : steadyPieces()) {
                        chunk(out, piece.getBytes(StandardCharsets.UTF_8));
                        Thread.sleep(STEADY_STEP_MS);
                    }
                    chunk(out, new byte[0]);
                }
                case "/steady.bin" -> {
                    head(out, "application/octet-stream", "Transfer-Encoding: chunked");
                    byte[] all = steadyBinary();
                    for (int i = 0; i < STEADY_STEPS; i++) {
                        chunk(out, Arrays.copyOfRange(all, i * 1000, (i + 1) * 1000));
                        Thread.sleep(STEADY_STEP_MS);
                    }
                    chunk(out, new byte[0]);
                }
                default -> {
                    byte[] body = "未找到".getBytes(StandardCharsets.UTF_8);
                    out.write(("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
                            + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body);
                    out.flush();
                }
            }
        } catch (IOException | InterruptedException e) {
            // the proxy hung up or the test ended
        }
    }

    /** Cacheable on purpose: a stalled body must never be stored even though the headers allow it. */
    private static void head(OutputStream out, String type, String framing) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\n" + framing + "\r\n"
                + "Cache-Control: max-age=600\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static void chunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Send nothing more; wait until the proxy closes the connection (read gives end of stream or fails). */
    private void stall(Socket s, String path) {
        long started = System.nanoTime();
        try {
            while (s.getInputStream().read() >= 0) {
                // the proxy sends nothing after its request; ignore anything else
            }
        } catch (java.net.SocketTimeoutException e) {
            return; // never released within a minute: leave the future open so the test fails
        } catch (IOException e) {
            // reset by the proxy: released as well
        }
        released(path).complete((System.nanoTime() - started) / 1_000_000);
    }

    private static byte[] filled(int n, byte b) {
        byte[] a = new byte[n];
        Arrays.fill(a, b);
        return a;
    }
}
