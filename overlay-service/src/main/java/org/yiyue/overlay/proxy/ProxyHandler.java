package org.yiyue.overlay.proxy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.config.ConfigProvider;
import org.yiyue.overlay.cache.CacheKey;
import org.yiyue.overlay.cache.CachePolicy;
import org.yiyue.overlay.cache.CachedResponse;
import org.yiyue.overlay.cache.ResponseCache;
import org.yiyue.overlay.rewrite.BodySniffer;
import org.yiyue.overlay.rewrite.ContentCoding;
import org.yiyue.overlay.rewrite.FixLedger;
import org.yiyue.overlay.rewrite.HtmlRewriter;
import org.yiyue.overlay.rewrite.LinkRewriter;
import org.yiyue.overlay.rewrite.PageUnits;
import org.yiyue.overlay.rewrite.RewriteMemo;
import org.yiyue.overlay.rewrite.ScriptTagInjector;
import org.yiyue.overlay.rewrite.ToolbarTag;
import org.yiyue.overlay.site.Site;
import org.yiyue.overlay.site.SiteRegistry;
import org.yiyue.overlay.web.OverlayMetrics;
import org.yiyue.overlay.web.ToolbarAsset;

/**
 * Forwards one request to its site's upstream and answers with the upstream's response: HTML rewritten (toolbar,
 * links, CSP, declared fixes) and cached when allowed, everything else streamed through. Only the configured
 * upstream of the site is ever contacted; the path has passed {@link PathGuard}.
 */
@ApplicationScoped
public class ProxyHandler {

    private static final Logger LOG = Logger.getLogger("org.yiyue.overlay.proxy");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SiteRegistry sites;
    @Inject
    UpstreamClient upstream;
    @Inject
    ResponseCache cache;
    @Inject
    FixLedger ledger;
    @Inject
    ToolbarAsset toolbar;
    @Inject
    OverlayMetrics metrics;
    @Inject
    WebSocketProxy webSockets;

    private long maxHtmlBytes = 8L << 20;
    private long maxDecodedBytes = 16L << 20;
    private long maxCompressionRatio = 100;
    private RewriteMemo memo = new RewriteMemo(64L << 20);
    private boolean identityForNavigations;
    private final Map<String, Map.Entry<Site, String>> fingerprints = new java.util.concurrent.ConcurrentHashMap<>();

    @jakarta.annotation.PostConstruct
    void init() {
        maxHtmlBytes = ConfigProvider.getConfig().getOptionalValue("yiyue.rewrite.max-html-bytes", Long.class)
                .orElse(8L << 20);
        maxDecodedBytes = ConfigProvider.getConfig().getOptionalValue("yiyue.rewrite.max-decoded-bytes", Long.class)
                .orElse(16L << 20);
        maxCompressionRatio = ConfigProvider.getConfig()
                .getOptionalValue("yiyue.rewrite.max-compression-ratio", Long.class).orElse(100L);
        memo = new RewriteMemo(ConfigProvider.getConfig().getOptionalValue("yiyue.rewrite.memo-bytes", Long.class)
                .orElse(64L << 20));
        identityForNavigations = ConfigProvider.getConfig()
                .getOptionalValue("yiyue.upstream.identity-for-navigations", Boolean.class).orElse(false);
    }

    /**
     * @param rawPath upstream path, still percent-encoded, starting with "/" (or empty for the bare mount)
     */
    public void handle(HttpServletRequest req, HttpServletResponse resp, Site site, String rawPath) throws IOException {
        long started = System.nanoTime();
        try {
            serve(req, resp, site, rawPath);
        } catch (RuntimeException e) {
            // never the container's error page with an exception text
            metrics.upstreamFailure("internal");
            LOG.log(Level.SEVERE, log("proxy-internal-error", site, rawPath, e.toString()), e);
            if (!resp.isCommitted()) {
                ErrorPage.send(resp, 502, "服务暂时异常", "易阅处理该页面时出错，请稍后重试。",
                        "The overlay failed on this page.", null);
            } else if (!ResponseAbort.abort(req)) {
                throw e;
            }
        } finally {
            metrics.request(site.id(), System.nanoTime() - started);
        }
    }

    private void serve(HttpServletRequest req, HttpServletResponse resp, Site site, String rawPath) throws IOException {
        if (rawPath.isEmpty()) {
            String q = req.getQueryString();
            resp.setStatus(301);
            resp.setHeader("Location", site.mount() + "/" + (q == null ? "" : "?" + q));
            return;
        }
        String rawQuery = req.getQueryString();
        Optional<String> problem = PathGuard.problem(rawPath, rawQuery);
        if (problem.isPresent()) {
            ErrorPage.send(resp, 400, "请求地址无效", problem.get(), "Bad request path.", null);
            return;
        }
        String method = req.getMethod();
        if (!METHODS.contains(method)) {
            resp.setHeader("Allow", String.join(", ", METHODS));
            ErrorPage.send(resp, 405, "不支持的请求方法", "该请求方法不被转发：" + method, "Method not allowed.", null);
            return;
        }
        Map<String, List<String>> reqHeaders = headers(req);
        for (List<String> values : reqHeaders.values()) {
            for (String v : values) {
                if (v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\0') >= 0) {
                    ErrorPage.send(resp, 400, "请求头无效", "请求头含控制字符。", "Control characters in a header.", null);
                    return;
                }
            }
        }
        String pathAndQuery = rawPath + (rawQuery == null ? "" : "?" + rawQuery);
        URI target;
        try {
            target = URI.create(site.upstreamOrigin() + site.upstreamBasePath() + pathAndQuery);
        } catch (IllegalArgumentException e) {
            ErrorPage.send(resp, 400, "请求地址无效", "地址格式错误。", "Malformed request URL.", null);
            return;
        }
        if (!site.upstream().getRawAuthority().equalsIgnoreCase(target.getRawAuthority())) {
            // defence in depth: nothing may steer the request off the configured upstream
            ErrorPage.send(resp, 400, "请求地址无效", "地址指向未配置的主机。", "Request left the configured upstream.", null);
            return;
        }
        if (WebSocketHandshake.requested(method, reqHeaders)) {
            // the JDK client cannot do an HTTP/1.1 Upgrade: its own socket, never the cache
            webSockets.forward(req, resp, target, new UrlMapper(site, sites), reqHeaders, rawPath);
            return;
        }
        boolean gzipOk = HeaderRules.acceptsGzip(req.getHeader("Accept-Encoding"));
        boolean cacheable = CachePolicy.requestCacheable(method, reqHeaders);
        Optional<String> notNavigation = NavigationRequest.notNavigation(reqHeaders);
        List<String> cookies = reqHeaders.getOrDefault("cookie", List.of());
        String key = ResponseCache.key(new CacheKey(site.id(), fingerprint(site), req.getScheme(),
                ForwardingConfig.get().forwardedHost(site), pathAndQuery, gzipOk, notNavigation.isEmpty(),
                toolbar.url(), cookies.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", cookies))));
        Optional<CachedResponse> cached = cacheable && !CachePolicy.clientWantsFresh(reqHeaders)
                ? cache.get(key) : Optional.empty();
        Instant now = Instant.now();
        if (cached.isPresent() && cached.get().fresh(now)) {
            cache.countHit();
            writeCached(resp, cached.get(), gzipOk, "HIT", now);
            return;
        }
        Optional<CachedResponse> revalidate = cached.filter(CachedResponse::revalidatable);

        UrlMapper mapper = new UrlMapper(site, sites);
        // our validators, not the client's, decide whether the stored copy is still the upstream's current one
        List<Map.Entry<String, String>> outHeaders = new ArrayList<>(UpstreamRequestHeaders.of(req,
                revalidate.isPresent() ? withoutConditionals(reqHeaders) : reqHeaders, mapper));
        setHeader(outHeaders, "Accept-Encoding", HeaderRules.upstreamAcceptEncoding(req.getHeader("Accept-Encoding"),
                notNavigation.isEmpty(), identityForNavigations));
        if (revalidate.isPresent()) {
            revalidate.get().etag().ifPresent(v -> setHeader(outHeaders, "If-None-Match", v));
            revalidate.get().lastModified().ifPresent(v -> setHeader(outHeaders, "If-Modified-Since", v));
        }

        BlockingUpstream.Response response;
        try {
            if (BlockingUpstream.handles(method, req.getContentLengthLong(), req.getHeader("Transfer-Encoding") != null)) {
                response = upstream.blocking().send(target, method, outHeaders);
            } else {
                HttpRequest.Builder out = HttpRequest.newBuilder(target).timeout(upstream.responseTimeout());
                for (Map.Entry<String, String> h : outHeaders) {
                    try {
                        out.header(h.getKey(), h.getValue());
                    } catch (IllegalArgumentException restricted) {
                        // a header the JDK client manages itself; it sets its own value
                    }
                }
                out.method(method, body(req));
                HttpResponse<InputStream> r = upstream.client().send(out.build(), upstream.bodyHandler());
                response = new BlockingUpstream.Response(r.statusCode(), r.headers(), r.body());
            }
        } catch (HttpTimeoutException e) {
            metrics.upstreamError(site.id());
            metrics.upstreamFailure("timeout");
            LOG.log(Level.WARNING, () -> log("upstream-timeout", site, rawPath, e.toString()));
            ErrorPage.upstreamTimeout(resp, site.mount() + pathAndQuery);
            return;
        } catch (IOException e) {
            metrics.upstreamError(site.id());
            metrics.upstreamFailure("unreachable");
            LOG.log(Level.WARNING, () -> log("upstream-unreachable", site, rawPath, e.toString()));
            ErrorPage.upstreamUnreachable(resp, site.mount() + pathAndQuery);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ErrorPage.send(resp, 503, "服务繁忙", "请求被中断，请重试。", "Interrupted.", site.mount() + pathAndQuery);
            return;
        }

        if (tooManyHeaders(response.headers())) {
            response.body().close();
            upstreamFailed(req, resp, site, rawPath, site.mount() + pathAndQuery, "too-many-headers",
                    "over " + MAX_RESPONSE_HEADERS + " header fields");
            return;
        }
        try (InputStream body = new UpstreamBody(response.body())) {
            if (revalidate.isPresent() && response.statusCode() == 304) {
                Duration ttl = CachePolicy.freshness(200, response.headers().map(), now).orElse(Duration.ZERO);
                CachedResponse refreshed = revalidate.get().refreshed(now, now.plus(ttl));
                if (!ttl.isZero() && !ttl.isNegative()) {
                    // fresh again for a while. Without freshness the stored copy stays as it was (stale, still
                    // revalidatable): storing it again per page view would only cost a copy of the whole page into
                    // the cluster's grid on every request; it ages out after keep-stale-seconds and is fetched anew.
                    cache.put(key, refreshed);
                }
                cache.countRevalidated();
                writeCached(resp, refreshed, gzipOk, "REVALIDATED", now);
                return;
            }
            respond(req, resp, site, mapper, rawPath, response, body, gzipOk, cacheable ? key : null, now,
                    notNavigation);
        } catch (UpstreamStalledException e) {
            // the body stream is closed by now (try-with-resources), which released the upstream connection
            bodyStalled(req, resp, site, rawPath, site.mount() + pathAndQuery, e);
        } catch (UpstreamBrokenException e) {
            upstreamFailed(req, resp, site, rawPath, site.mount() + pathAndQuery, e.kind(), e.getMessage());
        }
    }

    /** Grizzly refuses responses with more than 100 header fields; we stop below that, with our own page. */
    static final int MAX_RESPONSE_HEADERS = 90;

    private static boolean tooManyHeaders(HttpHeaders h) {
        int n = 0;
        for (List<String> v : h.map().values()) {
            n += v.size();
        }
        return n > MAX_RESPONSE_HEADERS;
    }

    /**
     * The upstream's response was broken (short body, bad chunking, reset, too many headers). Nothing sent yet:
     * our Chinese 502 page. Already streaming: the client connection is closed at once, so the browser sees a
     * failed transfer now rather than waiting for bytes that will never come. Logged and counted either way.
     */
    private void upstreamFailed(HttpServletRequest req, HttpServletResponse resp, Site site, String rawPath,
                                String retryHref, String kind, String detail) throws IOException {
        metrics.upstreamError(site.id());
        metrics.upstreamFailure(kind);
        if (!resp.isCommitted()) {
            LOG.log(Level.WARNING, () -> log("upstream-" + kind, site, rawPath, detail));
            ErrorPage.send(resp, 502, "上游网站响应异常", "原网站返回的内容不完整或格式错误，请稍后重试。",
                    "The original site sent a broken response.", retryHref);
            return;
        }
        LOG.log(Level.WARNING, () -> log("upstream-" + kind + "-response-aborted", site, rawPath, detail));
        if (!ResponseAbort.abort(req)) {
            throw new IOException("upstream response broken: " + kind);
        }
    }

    /**
     * The upstream went quiet in the middle of the body. Nothing sent yet (a page being buffered for rewriting, or
     * a stream that stalled before its first flush): a clean 504. Already sent: rethrow, so the container aborts the
     * response instead of ending it as if complete (a short body must not pass for the whole file). Either way the
     * partial body is never cached: both cache writes only happen after the body was read to its end.
     */
    private void bodyStalled(HttpServletRequest req, HttpServletResponse resp, Site site, String rawPath,
                             String retryHref,
                             UpstreamStalledException e) throws IOException {
        metrics.upstreamError(site.id());
        metrics.upstreamFailure("stalled");
        if (!resp.isCommitted()) {
            LOG.log(Level.WARNING, () -> log("upstream-body-stalled", site, rawPath, e.getMessage()));
            ErrorPage.send(resp, 504, "上游网站响应超时", "原网站发送页面时中途停止，请稍后重试。",
                    "The original site stopped sending the page part-way.", retryHref);
            return;
        }
        LOG.log(Level.WARNING, () -> log("upstream-body-stalled-response-aborted", site, rawPath, e.getMessage()));
        if (!ResponseAbort.abort(req)) {
            throw e; // the container's own error handling: at least the servlet does not end normally
        }
    }

    private void respond(HttpServletRequest req, HttpServletResponse resp, Site site, UrlMapper mapper,
                         String rawPath, BlockingUpstream.Response response, InputStream body, boolean gzipOk,
                         String cacheKey, Instant now, Optional<String> notNavigation) throws IOException {
        HttpHeaders h = response.headers();
        String contentType = h.firstValue("Content-Type").orElse("");
        String type = contentType.toLowerCase(Locale.ROOT);
        String encoding = h.firstValue("Content-Encoding").orElse("");
        int status = response.statusCode();
        boolean hasBody = !"HEAD".equals(req.getMethod()) && status != 204 && status != 304 && status >= 200;
        boolean html = hasBody && (type.startsWith("text/html") || type.startsWith("application/xhtml+xml"));
        if (html && notNavigation.isPresent()) {
            // an XHR/fetch answer: passed through byte for byte, whatever it looks like
            decided(site, rawPath, "not-navigation-" + notNavigation.get());
            html = false;
        }
        boolean css = hasBody && type.startsWith("text/css") && !site.mount().isEmpty();
        List<Map.Entry<String, String>> headers = responseHeaders(h, mapper);
        Optional<Duration> ttl = cacheKey == null ? Optional.empty() : CachePolicy.freshness(status, h.map(), now);

        if ((html || css) && ContentCoding.decodable(encoding)) {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            boolean complete = readUpTo(body, raw, maxHtmlBytes);
            if (!complete) {
                streamLargeHtml(resp, site, status, headers, encoding, raw.toByteArray(), body, html, contentType);
                return;
            }
            byte[] original = raw.toByteArray();
            byte[] result;
            List<String> csp = values(h, "Content-Security-Policy");
            List<Map.Entry<String, String>> finalHeaders = new ArrayList<>(headers);
            Optional<byte[]> gz = Optional.empty();
            try {
                HtmlRewriter.Input input = html ? new HtmlRewriter.Input(site, pathOnly(rawPath), contentType,
                        original, csp, origins(mapper), toolbar.forTag(), nonce()) : null;
                ByteBuffer memoKey = html ? RewriteMemo.key(fingerprint(site), input, encoding) : null;
                Optional<RewriteMemo.Rewritten> reused = html ? memo.get(memoKey, original) : Optional.empty();
                Optional<byte[]> bounded = reused.isPresent() ? Optional.of(original)
                        : ContentCoding.decodeBounded(encoding, original, maxDecodedBytes, maxCompressionRatio);
                if (bounded.isEmpty()) {
                    // a decompression bomb or simply too big to rewrite: the upstream's bytes, untouched
                    metrics.failOpen();
                    decided(site, rawPath, "over-decoded-limit");
                    passOriginal(resp, status, headers, encoding, original, null, Optional.empty(), h, now);
                    return;
                }
                byte[] decoded = bounded.get();
                if (html) {
                    HtmlRewriter.Output rewritten;
                    if (reused.isPresent()) {
                        // the upstream sent these very bytes before: their rewrite and gzip, not a new one
                        rewritten = reused.get().output();
                        gz = reused.get().gzip();
                        metrics.rewriteReused();
                    } else {
                        rewritten = HtmlRewriter.rewrite(new HtmlRewriter.Input(site, input.path(), contentType,
                                decoded, csp, input.origins(), input.toolbar(), input.freshNonce()));
                        if (rewritten.injected()) {
                            gz = gzipped(rewritten.page());
                            memo.put(memoKey, new RewriteMemo.Rewritten(original, rewritten, gz),
                                    input.freshNonce());
                        }
                    }
                    if (!rewritten.injected()) {
                        decided(site, rawPath, rewritten.decision());
                        passOriginal(resp, status, headers, encoding, original, cacheKey, ttl, h, now);
                        return;
                    }
                    decided(site, rawPath, rewritten.decision());
                    result = rewritten.page();
                    if (rewritten.charset().isPresent()) {
                        // fixes re-serialised a page that declared no charset: say which one it is in
                        String withCharset = contentType.split(";")[0].trim() + "; charset="
                                + rewritten.charset().get().name();
                        finalHeaders.removeIf(e -> e.getKey().equalsIgnoreCase("Content-Type"));
                        finalHeaders.add(Map.entry("Content-Type", withCharset));
                    }
                    finalHeaders.removeIf(e -> e.getKey().equalsIgnoreCase("Content-Security-Policy"));
                    rewritten.cspHeaders().forEach(v -> finalHeaders.add(Map.entry("Content-Security-Policy", v)));
                    ledger.record(site.id(), pathOnly(rawPath), rewritten.applied());
                } else {
                    result = LinkRewriter.stylesheet(decoded, site.mount(), origins(mapper));
                    gz = gzipped(result);
                }
                metrics.rewritten();
            } catch (IOException | RuntimeException | StackOverflowError e) {
                // fail open: the page exactly as the upstream sent it
                metrics.failOpen();
                LOG.log(Level.WARNING, () -> log("rewrite-failed-served-original", site, rawPath, e.toString()));
                writeHead(resp, status, headers, "BYPASS");
                if (!encoding.isEmpty()) {
                    resp.setHeader("Content-Encoding", encoding);
                }
                resp.setContentLength(original.length);
                resp.getOutputStream().write(original);
                return;
            }
            finalHeaders.removeIf(e -> e.getKey().equalsIgnoreCase("ETag") || e.getKey().equalsIgnoreCase("Content-MD5"));
            addVary(finalHeaders);
            CachedResponse entry = new CachedResponse(status, finalHeaders, result, gz, now,
                    now.plus(ttl.orElse(Duration.ZERO)), h.firstValue("ETag"), h.firstValue("Last-Modified"));
            boolean store = ttl.isPresent()
                    || cacheKey != null && CachePolicy.storableForRevalidation(status, h.map());
            if (store) {
                // without explicit freshness it is stale at once: every use revalidates with the upstream
                cache.put(cacheKey, entry);
            }
            writeCached(resp, entry, gzipOk, store ? "MISS" : "BYPASS", now);
            return;
        }

        // everything else: stream through, bytes and coding untouched
        writeHead(resp, status, headers, ttl.isPresent() ? "MISS" : "BYPASS");
        if (!encoding.isEmpty()) {
            resp.setHeader("Content-Encoding", encoding);
        }
        Optional<Long> length = h.firstValueAsLong("Content-Length").isPresent()
                ? Optional.of(h.firstValueAsLong("Content-Length").getAsLong()) : Optional.empty();
        boolean headOfHtml = "HEAD".equals(req.getMethod())
                && (type.startsWith("text/html") || type.startsWith("application/xhtml+xml"));
        if (!headOfHtml) {
            // a GET of the same HTML page would be rewritten, so its upstream length would be wrong here
            length.ifPresent(resp::setContentLengthLong);
        }
        if (!hasBody) {
            return;
        }
        boolean store = ttl.isPresent() && length.isPresent() && length.get() <= cache.maxEntryBytes();
        OutputStream os = resp.getOutputStream();
        ByteArrayOutputStream copy = store ? new ByteArrayOutputStream((int) (long) length.get()) : null;
        byte[] buf = new byte[16384];
        int n;
        while ((n = body.read(buf)) > 0) {
            os.write(buf, 0, n);
            if (copy != null) {
                copy.write(buf, 0, n);
            }
            if (body.available() == 0) {
                // the upstream paused: pass on what we have instead of waiting for a full buffer
                os.flush();
            }
        }
        if (copy != null && copy.size() == length.get()) {
            List<Map.Entry<String, String>> stored = new ArrayList<>(headers);
            if (!encoding.isEmpty()) {
                stored.add(Map.entry("Content-Encoding", encoding));
            }
            cache.put(cacheKey, new CachedResponse(status, stored, copy.toByteArray(), Optional.empty(), now,
                    now.plus(ttl.get()), h.firstValue("ETag"), h.firstValue("Last-Modified")));
        }
    }

    private static Optional<byte[]> gzipped(byte[] body) {
        return body.length >= 512 ? Optional.of(ContentCoding.gzip(body)) : Optional.empty();
    }

    /** The site's configuration fingerprint, computed once per loaded configuration. */
    private String fingerprint(Site site) {
        Map.Entry<Site, String> e = fingerprints.get(site.id());
        if (e == null || e.getKey() != site) {
            e = Map.entry(site, CacheKey.fingerprint(site));
            fingerprints.put(site.id(), e);
        }
        return e.getValue();
    }

    /** Logs and counts one toolbar decision for an HTML-typed response. */
    private void decided(Site site, String rawPath, String decision) {
        metrics.injection(decision);
        Level level = decision.equals("document") ? Level.FINE : Level.INFO;
        if (LOG.isLoggable(level)) {
            LOG.log(level, log("injection-" + decision, site, rawPath, decision.equals("document")
                    ? "toolbar inserted" : "served byte for byte, no toolbar"));
        }
    }

    /** The upstream's bytes and coding exactly as received (a body that is not a document), cached if allowed. */
    private void passOriginal(HttpServletResponse resp, int status, List<Map.Entry<String, String>> headers,
                              String encoding, byte[] original, String cacheKey, Optional<Duration> ttl,
                              HttpHeaders h, Instant now) throws IOException {
        writeHead(resp, status, headers, ttl.isPresent() ? "MISS" : "BYPASS");
        if (!encoding.isEmpty()) {
            resp.setHeader("Content-Encoding", encoding);
        }
        resp.setContentLength(original.length);
        resp.getOutputStream().write(original);
        if (ttl.isPresent()) {
            List<Map.Entry<String, String>> stored = new ArrayList<>(headers);
            if (!encoding.isEmpty()) {
                stored.add(Map.entry("Content-Encoding", encoding));
            }
            cache.put(cacheKey, new CachedResponse(status, stored, original, Optional.empty(), now,
                    now.plus(ttl.get()), h.firstValue("ETag"), h.firstValue("Last-Modified")));
        }
    }

    /** A page over the buffer limit: toolbar into the first part, the rest streamed, no fixes, no cache. */
    private void streamLargeHtml(HttpServletResponse resp, Site site, int status,
                                 List<Map.Entry<String, String>> headers, String encoding, byte[] prefix,
                                 InputStream rest, boolean html, String contentType) throws IOException {
        List<Map.Entry<String, String>> out = new ArrayList<>(headers);
        out.removeIf(e -> e.getKey().equalsIgnoreCase("ETag"));
        writeHead(resp, status, out, "BYPASS");
        LOG.info(() -> log("large-page-streamed", site, "-", "over " + maxHtmlBytes + " bytes; fixes skipped"));
        try (InputStream decoded = ContentCoding.decoding(encoding,
                new SequenceInputStream(new ByteArrayInputStream(prefix), rest))) {
            OutputStream os = resp.getOutputStream();
            byte[] head = decoded.readNBytes(65536);
            if (html) {
                PageUnits units = PageUnits.of(head, contentType);
                BodySniffer.Verdict verdict = BodySniffer.sniff(units);
                decided(site, "-", verdict.kind().reason);
                if (verdict.kind() == BodySniffer.Kind.DOCUMENT) {
                    String tag = ToolbarTag.render(site, toolbar.url(), Optional.of(toolbar.integrity()),
                            Optional.empty());
                    head = ScriptTagInjector.inject(units, verdict.start(), head, tag);
                }
            }
            os.write(head);
            decoded.transferTo(os);
        }
    }

    private void writeCached(HttpServletResponse resp, CachedResponse entry, boolean gzipOk, String cacheState,
                             Instant now) throws IOException {
        writeHead(resp, entry.status(), entry.headers(), cacheState);
        if (!"HIT".equals(cacheState) || entry.storedAt() == null) {
            // fall through
        } else {
            resp.setHeader("Age", String.valueOf(Math.max(0, Duration.between(entry.storedAt(), now).toSeconds())));
        }
        byte[] body = entry.body();
        if (gzipOk && entry.gzipBody().isPresent()) {
            body = entry.gzipBody().get();
            resp.setHeader("Content-Encoding", "gzip");
        }
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    static void writeHead(HttpServletResponse resp, int status, List<Map.Entry<String, String>> headers,
                                  String cacheState) {
        resp.setStatus(status);
        for (Map.Entry<String, String> e : headers) {
            if (e.getKey().equalsIgnoreCase("Content-Type")) {
                resp.setHeader("Content-Type", e.getValue());
            } else {
                resp.addHeader(e.getKey(), e.getValue());
            }
        }
        resp.setHeader("X-Yiyue-Cache", cacheState);
    }

    /** Upstream response headers as we pass them on, with redirects and cookies mapped to the mount. */
    static List<Map.Entry<String, String>> responseHeaders(HttpHeaders h, UrlMapper mapper) {
        Set<String> listed = HeaderRules.connectionListed(h.allValues("Connection"));
        List<Map.Entry<String, String>> out = new ArrayList<>();
        h.map().forEach((name, values) -> {
            if (!HeaderRules.forwardResponseHeader(name, listed) || name.equalsIgnoreCase("Content-Encoding")) {
                return;
            }
            for (String v : values) {
                String mapped = switch (name.toLowerCase(Locale.ROOT)) {
                    case "location", "content-location" -> mapper.location(v);
                    case "set-cookie" -> mapper.setCookie(v);
                    case "refresh" -> refresh(v, mapper);
                    default -> v;
                };
                out.add(Map.entry(name, mapped));
            }
        });
        return out;
    }

    private static String refresh(String value, UrlMapper mapper) {
        int at = value.toLowerCase(Locale.ROOT).indexOf("url=");
        if (at < 0) {
            return value;
        }
        return value.substring(0, at + 4) + mapper.location(value.substring(at + 4));
    }

    /** Replaces every value of a header (case-insensitive name) by one. */
    private static void setHeader(List<Map.Entry<String, String>> headers, String name, String value) {
        headers.removeIf(e -> e.getKey().equalsIgnoreCase(name));
        headers.add(Map.entry(name, value));
    }

    private static Map<String, List<String>> withoutConditionals(Map<String, List<String>> reqHeaders) {
        Map<String, List<String>> m = new LinkedHashMap<>(reqHeaders);
        m.keySet().removeIf(k -> k.startsWith("if-"));
        return m;
    }

    private static HttpRequest.BodyPublisher body(HttpServletRequest req) {
        long length = req.getContentLengthLong();
        boolean chunked = req.getHeader("Transfer-Encoding") != null;
        if (length <= 0 && !chunked) {
            return HttpRequest.BodyPublishers.noBody();
        }
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                return req.getInputStream();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return length > 0 ? HttpRequest.BodyPublishers.fromPublisher(stream, length) : stream;
    }

    private static Map<String, List<String>> headers(HttpServletRequest req) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (String name : Collections.list(req.getHeaderNames())) {
            m.put(name.toLowerCase(Locale.ROOT), Collections.list(req.getHeaders(name)));
        }
        return m;
    }

    private List<LinkRewriter.OriginMapping> origins(UrlMapper mapper) {
        List<LinkRewriter.OriginMapping> list = new ArrayList<>();
        for (Site s : sites.all()) {
            list.add(new LinkRewriter.OriginMapping(s.upstream().getRawAuthority(), mapper.publicPrefix(s)));
        }
        return list;
    }

    private static void addVary(List<Map.Entry<String, String>> headers) {
        boolean has = headers.stream().anyMatch(e -> e.getKey().equalsIgnoreCase("Vary")
                && e.getValue().toLowerCase(Locale.ROOT).contains("accept-encoding"));
        if (!has) {
            headers.add(Map.entry("Vary", "Accept-Encoding"));
        }
    }

    private static boolean readUpTo(InputStream in, ByteArrayOutputStream out, long limit) throws IOException {
        byte[] buf = new byte[16384];
        int n;
        while ((n = in.read(buf)) > 0) {
            out.write(buf, 0, n);
            if (out.size() > limit) {
                return false;
            }
        }
        return true;
    }

    private static List<String> values(HttpHeaders h, String name) {
        return h.allValues(name);
    }

    private static String pathOnly(String rawPath) {
        return rawPath;
    }

    private static String nonce() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    /** One structured log line: event, site, path (never query strings, cookies or bodies: no personal data). */
    static String log(String event, Site site, String path, String detail) {
        return "{\"event\":\"" + event + "\",\"site\":\"" + site.id() + "\",\"path\":\""
                + path.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"detail\":\""
                + detail.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"}";
    }
}
