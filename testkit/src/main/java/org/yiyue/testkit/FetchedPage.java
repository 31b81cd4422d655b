package org.yiyue.testkit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * One page fetched over loopback HTTP and decoded the way a careful client must: gzip undone, the charset taken
 * from the Content-Type header, and gb2312/gbk read as GB18030 (the replica's guide pages contain GBK-only
 * characters such as 堃).
 *
 * @param uri         what was fetched
 * @param status      HTTP status (redirects are not followed)
 * @param contentType the Content-Type header, or ""
 * @param location    the Location header of a redirect
 * @param body        the body bytes after gzip decoding, in the page's own charset
 * @param charset     the charset used for {@link #text()}
 * @param text        the decoded body
 */
public record FetchedPage(URI uri, int status, String contentType, Optional<String> location, byte[] body,
                          Charset charset, String text) {

    public static final Charset GB18030 = Charset.forName("GB18030");

    /** GET without following redirects, asking for gzip, with a fresh client. */
    public static FetchedPage get(URI uri) {
        return get(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build(), uri);
    }

    /** GET with the given client (e.g. one holding the yth session cookie, see {@link YthFlow}). */
    public static FetchedPage get(HttpClient client, URI uri) {
        try {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15))
                    .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = r.body();
            if (r.headers().firstValue("Content-Encoding").orElse("").equalsIgnoreCase("gzip")) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    body = in.readAllBytes();
                }
            }
            String type = r.headers().firstValue("Content-Type").orElse("");
            Charset charset = charsetOf(type);
            return new FetchedPage(uri, r.statusCode(), type, r.headers().firstValue("Location"), body, charset,
                    new String(body, charset));
        } catch (IOException e) {
            throw new UncheckedIOException("could not fetch " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted fetching " + uri, e);
        }
    }

    /** The charset a Content-Type names; gb2312 and gbk mean GB18030 (a superset); UTF-8 when absent or unknown. */
    public static Charset charsetOf(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (p.startsWith("charset=")) {
                String label = p.substring("charset=".length()).replace("\"", "").trim();
                if (label.equals("gb2312") || label.equals("gbk") || label.equals("gb18030") || label.equals("x-gbk")) {
                    return GB18030;
                }
                try {
                    return Charset.forName(label);
                } catch (RuntimeException unknown) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
