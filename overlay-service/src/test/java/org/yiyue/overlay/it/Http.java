package org.yiyue.overlay.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

/** Test-side HTTP on loopback: a client that never follows redirects, and raw requests for hostile inputs. */
final class Http {

    final int port;
    final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    Http(int port) {
        this.port = port;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
    }

    HttpResponse<byte[]> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    String text(String path) throws IOException, InterruptedException {
        return new String(get(path).body(), StandardCharsets.UTF_8);
    }

    static byte[] gunzip(byte[] b) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(b))) {
            return in.readAllBytes();
        }
    }

    /** Sends bytes exactly as given (no client-side normalisation) and returns the raw response. */
    String raw(String requestLineAndHeaders) throws IOException {
        return send(requestLineAndHeaders, false);
    }

    /**
     * Sends bytes exactly as given and returns the first response once it is complete (its head, and a body of its
     * Content-Length or up to the last chunk), without waiting for the server to close a connection it keeps open;
     * anything the server sends after that response is not read. What ends the read early is only the response's own
     * framing: an answer without it is read until the server closes or stays silent, as {@link #raw}.
     */
    String rawResponse(String requestLineAndHeaders) throws IOException {
        return send(requestLineAndHeaders, true);
    }

    private String send(String requestLineAndHeaders, boolean stopAtFirstResponse) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(15000);
            OutputStream out = s.getOutputStream();
            out.write(requestLineAndHeaders.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] b = new byte[8192];
            int n;
            try {
                while (!(stopAtFirstResponse && complete(buf.toByteArray())) && (n = in.read(b)) > 0) {
                    buf.write(b, 0, n);
                }
            } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
                // the server kept the connection or reset it; what arrived is the answer
            }
            return buf.toString(StandardCharsets.UTF_8);
        }
    }

    /** True when the bytes hold one whole response: the head and all of its body by Content-Length or chunking. */
    static boolean complete(byte[] all) {
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = text.substring(0, end).toLowerCase(java.util.Locale.ROOT);
        int bodyBytes = all.length - end - 4;
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("\r\ncontent-length: *(\\d+)").matcher(head);
        if (head.contains("\r\ntransfer-encoding: chunked")) {
            return text.substring(end + 4).matches("(?s).*(^|\r\n)0\r\n(.*\r\n)?\r\n$");
        }
        if (length.find()) {
            return bodyBytes >= Long.parseLong(length.group(1));
        }
        int status = rawStatus(text);
        return status == 204 || status == 304 || (status >= 100 && status < 200);
    }

    /** A raw request's status and body (Content-Length or chunked), for requests the JDK client will not send. */
    record Raw(int status, String head, byte[] body) {
    }

    Raw rawBytes(String requestLineAndHeaders) throws IOException {
        byte[] all;
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(15000);
            s.getOutputStream().write(requestLineAndHeaders.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            all = s.getInputStream().readAllBytes();
        }
        int split = -1;
        for (int i = 0; i + 3 < all.length; i++) {
            if (all[i] == '\r' && all[i + 1] == '\n' && all[i + 2] == '\r' && all[i + 3] == '\n') {
                split = i;
                break;
            }
        }
        String head = new String(all, 0, split, StandardCharsets.ISO_8859_1);
        byte[] body = java.util.Arrays.copyOfRange(all, split + 4, all.length);
        if (head.toLowerCase().contains("transfer-encoding: chunked")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int pos = 0;
            while (true) {
                int eol = pos;
                while (body[eol] != '\r') {
                    eol++;
                }
                int size = Integer.parseInt(new String(body, pos, eol - pos, StandardCharsets.US_ASCII).trim(), 16);
                if (size == 0) {
                    break;
                }
                out.write(body, eol + 2, size);
                pos = eol + 2 + size + 2;
            }
            body = out.toByteArray();
        }
        return new Raw(rawStatus(head), head, body);
    }

    static int rawStatus(String response) {
        if (!response.startsWith("HTTP/1.")) {
            return -1;
        }
        return Integer.parseInt(response.substring(9, 12));
    }
}
