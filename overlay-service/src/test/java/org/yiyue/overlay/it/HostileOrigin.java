package org.yiyue.overlay.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * An upstream that behaves like messy government stacks, byte for byte on raw sockets: JSON/JSONP/fragments under
 * text/html, UTF-16 pages with a BOM and a lying gb2312 meta, GBK without any charset, a head inside a comment and
 * a script string, a page that reflects X-Forwarded-Host, a gzip bomb, and broken responses (short body, 120
 * header fields, reset mid-body, bad chunk sizes). One connection per request (Connection: close).
 */
final class HostileOrigin extends RawSocketOrigin {

    static final Charset GBK = Charset.forName("GB18030");
    static final String GBK_TEXT = "深圳市龙岗区住房与建设局 办事指南：建设工程施工许可（朱镕基题词）";
    static final String UTF16_TEXT = "河源市人民政府 政务公开 适老化";
    static final byte[] JSON = "{\"code\":0,\"msg\":\"成功\",\"html\":\"<html><head></head></html>\"}".getBytes(StandardCharsets.UTF_8);
    static final byte[] JSONP = "jQuery1830_17({\"html\":\"<head><title>x</title></head>\"});".getBytes(StandardCharsets.UTF_8);
    static final byte[] FRAGMENT = "<li><a href=\"/news/1.html\">通知公告</a></li>\n<li><a href=\"/news/2.html\">政策解读</a></li>"
            .getBytes(StandardCharsets.UTF_8);
    static final String TRICKY_HEAD = "<!DOCTYPE html><!-- 旧模板 <head><title>x</title></head> -->"
            + "<script>var tpl = '<head><meta charset=utf-8></head>';</script><html><head><title>真正的头</title></head>"
            + "<body><p>正文</p></body></html>";
    /** 256 MiB of markup in about 256 KiB of gzip. */
    static final byte[] BOMB = bomb(256 << 20);

    final Map<String, Integer> hits = new ConcurrentHashMap<>();

    HostileOrigin() throws IOException {
        super("hostile-origin");
    }

    static byte[] utf16(String cs, String text) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(cs.equals("UTF-16LE") ? new byte[] {(byte) 0xFF, (byte) 0xFE} : new byte[] {(byte) 0xFE, (byte) 0xFF});
        b.writeBytes(text.getBytes(Charset.forName(cs)));
        return b.toByteArray();
    }

    static String utf16Page() {
        return "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><title>"
                + UTF16_TEXT + "</title></head><body><p id=\"t\">" + UTF16_TEXT + "</p></body></html>";
    }

    static byte[] gbkPage() {
        return ("<html><head><title>办事指南</title></head><body><p id=\"t\">" + GBK_TEXT + "</p>"
                + "<table class=\"layout\"><tr><td>申请材料</td></tr></table></body></html>").getBytes(GBK);
    }

    /** A small page head, then concatenated gzip members of 64 MiB of spaces (cheap to build). */
    private static byte[] bomb(int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            out.write(gzip("<html><head><title>bomb</title></head><body>".getBytes(StandardCharsets.US_ASCII), 1));
            byte[] member = gzip(null, 64);
            for (int i = 0; i < size / (64 << 20); i++) {
                out.write(member);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One gzip member: the text, or (text null) that many MiB of spaces. */
    private static byte[] gzip(byte[] text, int spacesMiB) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 65536) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            if (text != null) {
                gz.write(text);
            } else {
                byte[] chunk = new byte[1 << 20];
                java.util.Arrays.fill(chunk, (byte) ' ');
                for (int i = 0; i < spacesMiB; i++) {
                    gz.write(chunk);
                }
            }
        }
        return out.toByteArray();
    }

    @Override
    protected void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            String head = readHead(in);
            String path = pathOf(head);
            hits.merge(path, 1, Integer::sum);
            OutputStream out = s.getOutputStream();
            switch (path) {
                case "/json" -> ok(out, "text/html;charset=utf-8", JSON, "");
                case "/jsonp" -> ok(out, "text/html", JSONP, "");
                case "/fragment" -> ok(out, "text/html; charset=utf-8", FRAGMENT, "");
                case "/tricky-head.html" -> ok(out, "text/html; charset=utf-8", TRICKY_HEAD.getBytes(StandardCharsets.UTF_8), "");
                case "/utf16le.html", "/fix/utf16le.html" -> ok(out, "text/html", utf16("UTF-16LE", utf16Page()), "");
                case "/utf16be.html" -> ok(out, "text/html", utf16("UTF-16BE", utf16Page()), "");
                case "/fix/gbk.html" -> ok(out, "text/html", gbkPage(), "");
                case "/reflect.html" -> {
                    String fwd = header(head, "x-forwarded-host");
                    String page = "<html><head><title>链接</title></head><body><a id=home href=\"http://" + fwd
                            + "/index.html\">首页</a><p>" + hits.get(path) + "</p></body></html>";
                    ok(out, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8), "Cache-Control: max-age=60\r\n");
                }
                case "/echo" -> ok(out, "text/plain; charset=utf-8", head.getBytes(StandardCharsets.ISO_8859_1), "");
                case "/bomb.html" -> ok(out, "text/html; charset=utf-8", BOMB, "Content-Encoding: gzip\r\n");
                case "/short.html", "/short.bin" -> {
                    String type = path.endsWith(".html") ? "text/html; charset=utf-8" : "application/octet-stream";
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nContent-Length: 100000\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.write("<html><head></head><body>".repeat(400).getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                case "/many-headers.html" -> {
                    StringBuilder h = new StringBuilder();
                    for (int i = 0; i < 120; i++) {
                        h.append("X-Debug-").append(i).append(": ").append(i).append("\r\n");
                    }
                    ok(out, "text/html; charset=utf-8", "<html><head></head></html>".getBytes(StandardCharsets.US_ASCII),
                            h.toString());
                }
                case "/reset.html", "/reset.bin" -> {
                    String type = path.endsWith(".html") ? "text/html; charset=utf-8" : "application/octet-stream";
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nContent-Length: 200000\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.write(new byte[70000]);
                    out.flush();
                    Thread.sleep(200);
                    s.setSoLinger(true, 0); // RST instead of FIN
                }
                case "/bad-chunk.html", "/bad-chunk.bin" -> {
                    String type = path.endsWith(".html") ? "text/html; charset=utf-8" : "application/octet-stream";
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + "4000\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(new byte[0x4000]);
                    out.write("\r\nzz-not-hex\r\nhello\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    Thread.sleep(300);
                }
                default -> out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
        } catch (IOException | InterruptedException e) {
            // the proxy hung up; nothing to do
        }
    }

    private static void ok(OutputStream out, String type, byte[] body, String extra) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n" + extra + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
    }

    static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return "";
    }
}
