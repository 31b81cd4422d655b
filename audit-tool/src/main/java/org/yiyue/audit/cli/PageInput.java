package org.yiyue.audit.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a page given on the command line (a file or an http/https URL) into text with the right charset:
 * BOM, then HTTP header, then meta charset in the first 4 KiB; gb2312/gbk are decoded as GB18030; with no
 * declaration, strict UTF-8 is tried first and GB18030 is the fallback (legacy Chinese pages).
 */
public final class PageInput {

    /** Bigger pages are refused rather than exhausting memory. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    /** @param contentType as served (HTTP) or implied by the file extension; null when unknown */
    public record Loaded(String location, String baseUrl, String html, String charset, String contentType) {

        /** What the document is (HTML, XHTML, SVG, MathML, other XML), for rule applicability. */
        public org.yiyue.rules.page.DocumentKind kind() {
            return org.yiyue.rules.page.DocumentKind.of(contentType, org.yiyue.rules.page.DocumentKind.rootName(html));
        }
    }

    private static final Pattern META = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_\\-:.]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER = Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9_\\-:.]+)", Pattern.CASE_INSENSITIVE);

    private PageInput() {
    }

    public static boolean isUrl(String arg) {
        String a = arg.toLowerCase(Locale.ROOT);
        return a.startsWith("http://") || a.startsWith("https://");
    }

    public static Loaded read(String arg, String forcedCharset) throws IOException {
        if (isUrl(arg)) {
            return fetch(arg, forcedCharset);
        }
        Path p = Path.of(arg);
        if (!Files.isRegularFile(p)) {
            throw new IOException("不是可读文件 / not a readable file: " + arg);
        }
        if (Files.size(p) > MAX_BYTES) {
            throw new IOException("文件过大 / file larger than " + MAX_BYTES + " bytes: " + arg);
        }
        byte[] bytes = Files.readAllBytes(p);
        Charset cs = forcedCharset != null ? charset(forcedCharset).orElseThrow(
                () -> new IOException("unknown charset " + forcedCharset)) : detect(bytes, null);
        return new Loaded(arg, p.toAbsolutePath().toUri().toString(), decode(bytes, cs), cs.name(),
                org.yiyue.rules.page.DocumentKind.contentTypeOfFile(p.getFileName().toString()));
    }

    /** One client for every fetch: building one per page costs a selector thread and a connection each time. */
    private static final class Client {
        static final HttpClient INSTANCE = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(15)).build();
    }

    private static Loaded fetch(String url, String forcedCharset) throws IOException {
        HttpClient client = Client.INSTANCE;
        HttpRequest req;
        try {
            req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("User-Agent", "Yiyue-audit/0.1 (accessibility check)").GET().build();
        } catch (IllegalArgumentException e) {
            throw new IOException("无效网址 / invalid URL: " + url, e);
        }
        HttpResponse<java.io.InputStream> resp;
        try {
            resp = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted fetching " + url, e);
        } catch (IllegalArgumentException e) {
            throw new IOException("无效网址 / invalid URL: " + url, e);
        }
        byte[] bytes;
        try (java.io.InputStream in = resp.body()) {
            if (resp.statusCode() >= 400) {
                throw new IOException("HTTP " + resp.statusCode() + " for " + url);
            }
            // read at most one byte past the cap, so a huge body is refused without holding it in memory
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw new IOException("响应过大 / response larger than " + MAX_BYTES + " bytes: " + url);
        }
        String header = resp.headers().firstValue("content-type").orElse("");
        Charset cs = forcedCharset != null ? charset(forcedCharset).orElseThrow(
                () -> new IOException("unknown charset " + forcedCharset)) : detect(bytes, header);
        return new Loaded(url, resp.uri().toString(), decode(bytes, cs), cs.name(), header.isBlank() ? null : header);
    }

    /** The charset to decode with. */
    public static Charset detect(byte[] bytes, String contentType) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (contentType != null) {
            Matcher m = HEADER.matcher(contentType);
            if (m.find()) {
                Optional<Charset> c = charset(m.group(1));
                if (c.isPresent()) {
                    return c.get();
                }
            }
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META.matcher(head);
        if (m.find()) {
            Optional<Charset> c = charset(m.group(1));
            if (c.isPresent()) {
                return c.get();
            }
        }
        return strictUtf8(bytes) ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
    }

    static Optional<Charset> charset(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("gb2312") || n.equals("gbk") || n.equals("x-gbk") || n.equals("gb_2312-80") || n.equals("cp936")) {
            return Optional.of(Charset.forName("GB18030"));
        }
        try {
            return Optional.of(Charset.forName(n));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    private static boolean strictUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String decode(byte[] bytes, Charset cs) {
        String s = new String(bytes, cs);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
