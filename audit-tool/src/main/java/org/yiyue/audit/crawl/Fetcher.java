package org.yiyue.audit.crawl;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Fetches one URL: follows redirects itself (so a loop is named, not looped), caps the body, checks the type and
 * decodes HTML in its real charset. Never throws for anything a server does.
 */
public final class Fetcher {

    public static final String USER_AGENT = "Mozilla/5.0 (compatible; YiyueAudit/0.1; +accessibility audit)";
    static final int MAX_REDIRECTS = 8;

    private final HttpClient client;
    private final Duration timeout;
    private final long maxBytes;

    private final String cookieHeader;
    private final java.util.Set<String> cookieHosts;

    public Fetcher(Duration timeout, long maxBytes) {
        this(timeout, maxBytes, java.util.Map.of(), java.util.Set.of());
    }

    /** cookies go only to the given hosts (host:port), never to anyone else. */
    public Fetcher(Duration timeout, long maxBytes, java.util.Map<String, String> cookies, java.util.Set<String> cookieHosts) {
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.cookieHeader = cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        this.cookieHosts = java.util.Set.copyOf(cookieHosts);
    }

    public static String hostKey(URI u) {
        return u.getHost() + ":" + UrlNormalizer.effectivePort(u);
    }

    public Fetcher() {
        this(Duration.ofSeconds(15), 8L * 1024 * 1024);
    }

    public FetchResult fetch(URI url) {
        List<URI> chain = new ArrayList<>();
        Set<URI> seen = new LinkedHashSet<>();
        URI current = url;
        long start = System.nanoTime();
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            if (!seen.add(current)) {
                return new FetchResult.Failure(url, "redirect-loop", "redirect loop: " + chain, List.copyOf(chain));
            }
            chain.add(current);
            HttpResponse<InputStream> r;
            try {
                r = client.send(request(current), HttpResponse.BodyHandlers.ofInputStream());
            } catch (HttpTimeoutException e) {
                return new FetchResult.Failure(url, "timeout", "no response within " + timeout.toSeconds() + " s", List.copyOf(chain));
            } catch (ConnectException e) {
                return new FetchResult.Failure(url, "connection-refused", String.valueOf(e.getMessage()), List.copyOf(chain));
            } catch (IOException | IllegalArgumentException e) {
                return new FetchResult.Failure(url, "network-error", e.getClass().getSimpleName() + ": " + e.getMessage(), List.copyOf(chain));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new FetchResult.Failure(url, "interrupted", "interrupted", List.copyOf(chain));
            }
            int status = r.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                close(r);
                Optional<String> location = r.headers().firstValue("Location");
                URI from = current;
                Optional<URI> next = location.flatMap(l -> UrlNormalizer.normalize(from, l));
                if (next.isEmpty()) {
                    return new FetchResult.Failure(url, "bad-redirect", "status " + status + " without usable Location", List.copyOf(chain));
                }
                current = next.get();
                continue;
            }
            if (status >= 400) {
                close(r);
                return new FetchResult.HttpError(url, status);
            }
            String contentType = r.headers().firstValue("Content-Type").orElse("");
            String mime = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
            if (!mime.isEmpty() && !mime.equals("text/html") && !mime.equals("application/xhtml+xml")) {
                close(r);
                return new FetchResult.NotHtml(url, mime);
            }
            byte[] body;
            try (InputStream in = r.body()) {
                body = readCapped(in);
            } catch (HttpTimeoutException e) {
                return new FetchResult.Failure(url, "timeout", "body not complete within " + timeout.toSeconds() + " s", List.copyOf(chain));
            } catch (IOException e) {
                String msg = String.valueOf(e.getMessage());
                if (msg.startsWith("too-large")) {
                    return new FetchResult.Failure(url, "too-large", "body over " + maxBytes + " bytes", List.copyOf(chain));
                }
                return new FetchResult.Failure(url, "network-error", "body: " + msg, List.copyOf(chain));
            }
            Charset cs = CharsetSniffer.detect(body, contentType);
            String html = CharsetSniffer.decode(body, cs);
            if (mime.isEmpty() && !looksLikeHtml(html)) {
                return new FetchResult.NotHtml(url, "(none)");
            }
            return new FetchResult.Html(url, current, status, cs.name(), html, (System.nanoTime() - start) / 1_000_000);
        }
        return new FetchResult.Failure(url, "too-many-redirects", "more than " + MAX_REDIRECTS + " redirects", List.copyOf(chain));
    }

    /** Fetches a small text resource (robots.txt, sitemap.xml); empty when anything goes wrong. */
    public Optional<String> fetchText(URI url) {
        try {
            HttpResponse<byte[]> r = client.send(request(url), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200 || r.body().length > maxBytes) {
                return Optional.empty();
            }
            return Optional.of(CharsetSniffer.decode(r.body(),
                    CharsetSniffer.detect(r.body(), r.headers().firstValue("Content-Type").orElse(""))));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private HttpRequest request(URI u) {
        HttpRequest.Builder b = HttpRequest.newBuilder(u).timeout(timeout).header("User-Agent", USER_AGENT)
                .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5").GET();
        if (!cookieHeader.isEmpty() && cookieHosts.contains(hostKey(u))) {
            b.header("Cookie", cookieHeader);
        }
        return b.build();
    }

    private byte[] readCapped(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[16384];
        int n;
        while ((n = in.read(buf)) > 0) {
            out.write(buf, 0, n);
            if (out.size() > maxBytes) {
                throw new IOException("too-large");
            }
        }
        return out.toByteArray();
    }

    private static boolean looksLikeHtml(String s) {
        String head = s.substring(0, Math.min(s.length(), 1024)).toLowerCase(Locale.ROOT);
        return head.contains("<html") || head.contains("<!doctype html") || head.contains("<body") || head.contains("<head");
    }

    private static void close(HttpResponse<InputStream> r) {
        try {
            r.body().close();
        } catch (IOException ignored) {
            // nothing to keep from a response we do not read
        }
    }
}
