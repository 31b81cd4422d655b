package org.yiyue.overlay.proxy;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.yiyue.overlay.site.Site;
import org.yiyue.overlay.web.OverlayMetrics;

/**
 * Passes a WebSocket opening handshake to the site's upstream over a socket of its own (the JDK client cannot send
 * an Upgrade) and, when the upstream switches protocols, hands the browser's connection to a {@link ByteTunnel}.
 * Any other answer goes back to the browser as an ordinary response; unreachable and slow upstreams get the same
 * Chinese 502/504 pages as other requests. The caller has already applied PathGuard and the upstream check.
 */
@ApplicationScoped
public class WebSocketProxy {

    private static final Logger LOG = Logger.getLogger("org.yiyue.overlay.proxy");
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    /** A refusal is a short error page; anything bigger is not worth holding for a request that wanted a socket. */
    private static final int MAX_REFUSAL_BODY = 256 * 1024;

    @Inject
    UpstreamClient upstream;
    @Inject
    OverlayMetrics metrics;

    void forward(HttpServletRequest req, HttpServletResponse resp, URI target, UrlMapper mapper,
                 Map<String, List<String>> reqHeaders, String rawPath) throws IOException {
        Site site = mapper.site();
        String retry = site.mount() + rawPath + (req.getQueryString() == null ? "" : "?" + req.getQueryString());
        Socket socket;
        try {
            socket = UpstreamSocket.open(site.upstream(), upstream.connectTimeout());
        } catch (SocketTimeoutException e) {
            timedOut(resp, site, rawPath, retry, e);
            return;
        } catch (IOException e) {
            unreachable(resp, site, rawPath, retry, e);
            return;
        }
        boolean handedOver = false;
        try {
            DeadlineInputStream timed = new DeadlineInputStream(socket);
            InputStream in = new BufferedInputStream(timed, 8192);
            timed.deadline(upstream.responseTimeout().toNanos());
            OutputStream out = socket.getOutputStream();
            out.write(WebSocketHandshake.requestHead(target, UpstreamRequestHeaders.of(req, reqHeaders, mapper)));
            out.flush();
            ResponseHead head = ResponseHead.read(in, MAX_HEAD_BYTES);
            if (WebSocketHandshake.accepted(head.status(), head.headers())) {
                timed.clearDeadline();
                resp.setStatus(HttpServletResponse.SC_SWITCHING_PROTOCOLS);
                resp.setHeader("Upgrade", "websocket");
                resp.setHeader("Connection", "Upgrade");
                WebSocketHandshake.acceptHeaders(head.headers()).forEach(h -> resp.addHeader(h.getKey(), h.getValue()));
                ByteTunnel tunnel = req.upgrade(ByteTunnel.class);
                tunnel.attach(socket, in, ProxyHandler.log("websocket-tunnel", site, rawPath, ""));
                handedOver = true;
                LOG.info(() -> ProxyHandler.log("websocket-open", site, rawPath, "upstream accepted the upgrade"));
                return;
            }
            relayRefusal(resp, site, mapper, rawPath, head, in);
        } catch (SocketTimeoutException e) {
            timedOut(resp, site, rawPath, retry, e);
        } catch (IOException e) {
            unreachable(resp, site, rawPath, retry, e);
        } catch (jakarta.servlet.ServletException e) {
            // the container cannot upgrade this connection (e.g. HTTP/2): say so rather than leave it hanging
            metrics.upstreamError(site.id());
            LOG.log(Level.WARNING, () -> ProxyHandler.log("websocket-upgrade-failed", site, rawPath, e.toString()));
            ErrorPage.send(resp, 502, "无法建立实时连接", "易阅无法为此页面建立 WebSocket 连接。",
                    "The WebSocket connection could not be set up.", null);
        } finally {
            if (!handedOver) {
                socket.close();
            }
        }
    }

    /** The upstream said no (400, 403, a page…): the browser gets exactly that, with the usual header mapping. */
    private void relayRefusal(HttpServletResponse resp, Site site, UrlMapper mapper, String rawPath,
                              ResponseHead head, InputStream in) throws IOException {
        byte[] body = refusalBody(head, in);
        LOG.info(() -> ProxyHandler.log("websocket-refused-by-upstream", site, rawPath, "status " + head.status()));
        ProxyHandler.writeHead(resp, head.status(), ProxyHandler.responseHeaders(head.headers(), mapper), "BYPASS");
        head.headers().firstValue("Content-Encoding").ifPresent(v -> resp.setHeader("Content-Encoding", v));
        if (head.status() == 204 || head.status() == 304 || head.status() < 200) {
            return;
        }
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    private static byte[] refusalBody(ResponseHead head, InputStream in) throws IOException {
        if (head.status() == 204 || head.status() == 304 || head.status() < 200) {
            return new byte[0];
        }
        boolean chunked = head.headers().allValues("Transfer-Encoding").stream()
                .anyMatch(v -> v.toLowerCase(java.util.Locale.ROOT).contains("chunked"));
        OptionalLong length = head.headers().firstValueAsLong("Content-Length");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            ChunkedBody.read(in, body, MAX_REFUSAL_BODY);
        } else if (length.isPresent()) {
            if (length.getAsLong() > MAX_REFUSAL_BODY) {
                throw new IOException("refusal body over " + MAX_REFUSAL_BODY + " bytes");
            }
            byte[] b = in.readNBytes((int) length.getAsLong());
            if (b.length < length.getAsLong()) {
                throw new IOException("upstream closed inside the refusal body");
            }
            body.write(b);
        } else {
            byte[] b = in.readNBytes(MAX_REFUSAL_BODY + 1); // body ends when the upstream closes
            if (b.length > MAX_REFUSAL_BODY) {
                throw new IOException("refusal body over " + MAX_REFUSAL_BODY + " bytes");
            }
            body.write(b);
        }
        return body.toByteArray();
    }

    private void timedOut(HttpServletResponse resp, Site site, String rawPath, String retry, IOException e)
            throws IOException {
        metrics.upstreamError(site.id());
        LOG.log(Level.WARNING, () -> ProxyHandler.log("websocket-upstream-timeout", site, rawPath, e.toString()));
        ErrorPage.upstreamTimeout(resp, retry);
    }

    private void unreachable(HttpServletResponse resp, Site site, String rawPath, String retry, IOException e)
            throws IOException {
        metrics.upstreamError(site.id());
        LOG.log(Level.WARNING, () -> ProxyHandler.log("websocket-upstream-unreachable", site, rawPath, e.toString()));
        ErrorPage.upstreamUnreachable(resp, retry);
    }
}
