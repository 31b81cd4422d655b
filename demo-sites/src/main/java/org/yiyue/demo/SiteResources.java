package org.yiyue.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One site's files, read from the classpath under {@code sites/<id>/}.
 *
 * <p>All page sources are UTF-8 in the repository. HTML sources get server-side includes
 * ({@code <!--#include virtual="/_inc/x.html" -->}, like the SSI many government CMSs publish with). A page whose
 * source declares {@code <meta charset="gb2312">} is transcoded at serve time to GBK bytes and served as
 * {@code text/html; charset=gb2312}, exactly like the legacy guide pages of the real site; GBK (not GB2312) is used
 * so that characters such as 堃 survive, which is why clients must decode such pages as GB18030.
 */
final class SiteResources {

    static final Charset GBK = Charset.forName("GBK");
    private static final Pattern INCLUDE = Pattern.compile("<!--#include virtual=\"([^\"]+)\" -->");
    private static final Pattern GB2312_META =
            Pattern.compile("<meta\\s+charset=\"?gb2312\"?", Pattern.CASE_INSENSITIVE);
    private static final Pattern VAR = Pattern.compile("\\{\\{([a-zA-Z][a-zA-Z0-9_]*)}}");

    private final String siteId;
    private final Map<String, Optional<Reply>> staticCache = new ConcurrentHashMap<>();

    SiteResources(String siteId) {
        this.siteId = siteId;
    }

    String siteId() {
        return siteId;
    }

    /** Raw bytes of a file of this site, if present. {@code path} must have passed {@link PathGuard}. */
    Optional<byte[]> raw(String path) {
        return classpath("sites/" + siteId + path);
    }

    /**
     * A classpath resource: first from this jar's own class loader (the site files), then from the thread context
     * class loader (the toolbar bundle of whoever started the sites, e.g. a container or a test classpath).
     */
    static Optional<byte[]> classpath(String name) {
        Optional<byte[]> own = read(SiteResources.class.getClassLoader(), name);
        if (own.isPresent()) {
            return own;
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context == null || context == SiteResources.class.getClassLoader() ? Optional.empty() : read(context, name);
    }

    private static Optional<byte[]> read(ClassLoader loader, String name) {
        if (loader == null) {
            return Optional.empty();
        }
        try (InputStream in = loader.getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            // a directory on a file classpath, or an unreadable entry: treat as absent
            return Optional.empty();
        }
    }

    /** A static file as a 200 reply, HTML processed (includes, charset). Cached: the files never change. */
    Optional<Reply> file(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (!last.contains(".") || path.contains("/_")) { // /_inc, /_tpl, /_data are server-only
            return Optional.empty();
        }
        Optional<Reply> cached = staticCache.computeIfAbsent(path, p -> raw(p).map(bytes -> {
            String type = contentType(p);
            if (type.startsWith("text/html")) {
                return htmlReply(200, new String(bytes, StandardCharsets.UTF_8), Map.of());
            }
            return Reply.bytes(200, type, bytes);
        }));
        // replies are mutable in their header map: hand out a copy
        return cached.map(r -> new Reply(r.status(), r.contentType(), r.body(), new java.util.LinkedHashMap<>()));
    }

    /** A page template (HTML, UTF-8 source) with {@code {{name}}} variables filled from values (already escaped). */
    Reply page(int status, String path, Map<String, String> values) {
        byte[] bytes = raw(path).orElseThrow(() -> new IllegalStateException("missing template " + siteId + path));
        return htmlReply(status, new String(bytes, StandardCharsets.UTF_8), values);
    }

    /** The site's own 404 page. */
    Reply notFound() {
        return raw("/404.html")
                .map(b -> htmlReply(404, new String(b, StandardCharsets.UTF_8), Map.of()))
                .orElseGet(() -> Reply.plain(404, "404 页面不存在"));
    }

    private Reply htmlReply(int status, String source, Map<String, String> values) {
        String html = fill(includes(source, 0), values);
        if (GB2312_META.matcher(html).find()) {
            return Reply.bytes(status, "text/html; charset=gb2312", encodeStrict(html, GBK));
        }
        return Reply.bytes(status, Reply.HTML_UTF8, html.getBytes(StandardCharsets.UTF_8));
    }

    private String includes(String html, int depth) {
        if (depth > 4) {
            throw new IllegalStateException("includes nested too deep in site " + siteId);
        }
        Matcher m = INCLUDE.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String target = PathGuard.clean(m.group(1))
                    .orElseThrow(() -> new IllegalStateException("bad include path " + m.group(1)));
            byte[] bytes = raw(target).orElseThrow(() -> new IllegalStateException("missing include " + target));
            m.appendReplacement(out, Matcher.quoteReplacement(includes(new String(bytes, StandardCharsets.UTF_8), depth + 1)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Fills known variables; unknown {{NAME}} (such as {{ORIGIN}}, filled later in bytes) stay as they are. */
    private static String fill(String html, Map<String, String> values) {
        if (values.isEmpty()) {
            return html;
        }
        Matcher m = VAR.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(out);
        return out.toString();
    }

    static byte[] encodeStrict(String text, Charset charset) {
        try {
            ByteBuffer buf = charset.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] out = new byte[buf.remaining()];
            buf.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new UncheckedIOException("page text not representable in " + charset, e);
        }
    }

    static String contentType(String path) {
        String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return switch (ext) {
            case "html", "htm" -> Reply.HTML_UTF8;
            case "css" -> "text/css; charset=utf-8";
            case "js", "mjs" -> "text/javascript; charset=utf-8";
            case "json" -> "application/json; charset=utf-8";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "gif" -> "image/gif";
            case "jpg", "jpeg" -> "image/jpeg";
            case "ico" -> "image/x-icon";
            case "txt" -> "text/plain; charset=utf-8";
            case "pdf" -> "application/pdf";
            default -> "application/octet-stream";
        };
    }

    /** Minimal HTML escaping for values put into templates. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
