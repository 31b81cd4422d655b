package org.yiyue.overlay.proxy;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * HTTP/1.1 to a site's upstream on the calling (servlet) thread, for the requests that make up nearly every page
 * view: GET and HEAD without a request body. The JDK client hands each exchange between the caller, its selector
 * thread and its executor through a chain of futures; on the revalidation path of an uncached page (a conditional
 * GET answered 304) that cost a fifth of the overlay's CPU in a JFR profile (issue 12), more than the rest of our
 * own code. Here one request is one write and a few reads on a kept-alive socket.
 *
 * <p>Same contract as the JDK client as the proxy uses it: a connect timeout; one deadline for the whole response
 * head (a head dripped a byte at a time still times out, as {@link HttpTimeoutException}); then a body whose reads
 * wait at most the body idle timeout ({@link UpstreamStalledException}); a body shorter than its Content-Length or
 * a malformed chunked coding fails the read (the proxy counts it as a broken response). Connections are reused only
 * after their response was read to its end; one that the upstream closed while idle in the pool is noticed on the
 * next use before any response byte arrived, and that request is sent once more on a new connection (GET and HEAD
 * are idempotent).
 */
final class BlockingUpstream {

    /** A response head and its body, which must be read to the end or closed. */
    record Response(int statusCode, HttpHeaders headers, InputStream body) {
    }

    private static final int MAX_HEAD_BYTES = 256 * 1024;
    private static final int MAX_IDLE_PER_ORIGIN = 64;
    /** Kept shorter than the shortest common server keep-alive (Apache httpd: 5 s). */
    private static final long POOL_IDLE_NANOS = 4_000_000_000L;

    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final Duration bodyIdle;
    private final Map<String, ConcurrentLinkedDeque<Connection>> pool = new ConcurrentHashMap<>();

    BlockingUpstream(Duration connectTimeout, Duration responseTimeout, Duration bodyIdle) {
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
        this.bodyIdle = bodyIdle;
    }

    /** Whether a request is one this client sends: GET or HEAD with no body. */
    static boolean handles(String method, long contentLength, boolean chunked) {
        return ("GET".equals(method) || "HEAD".equals(method)) && contentLength <= 0 && !chunked;
    }

    /**
     * @param headers end-to-end headers to send (a "Host" among them replaces the target's authority); names and
     *                values with control characters are left out, as the JDK client refuses them
     */
    Response send(URI target, String method, List<Map.Entry<String, String>> headers) throws IOException {
        byte[] request = requestBytes(target, method, headers);
        String key = target.getScheme().toLowerCase(Locale.ROOT) + "://" + target.getRawAuthority();
        Connection pooled = take(key);
        if (pooled != null) {
            try {
                return exchange(pooled, key, request, method, true);
            } catch (StaleConnectionException e) {
                pooled.close(); // closed by the upstream while idle: once more on a new connection
            }
        }
        Connection fresh = open(target);
        try {
            return exchange(fresh, key, request, method, false);
        } catch (StaleConnectionException e) {
            throw (IOException) e.getCause();
        }
    }

    private Response exchange(Connection c, String key, byte[] request, String method, boolean reused)
            throws IOException {
        Head head;
        try {
            c.timed.deadline(responseTimeout.toNanos());
            c.out.write(request);
            c.out.flush();
            head = readHead(c, method, reused);
        } catch (StaleConnectionException e) {
            c.close();
            throw e;
        } catch (SocketTimeoutException e) {
            c.close();
            throw new HttpTimeoutException("upstream sent no complete response head within "
                    + responseTimeout.toMillis() + " ms");
        } catch (IOException | RuntimeException e) {
            c.close();
            if (reused && e instanceof IOException io && !(e instanceof UpstreamHeadException)) {
                throw new StaleConnectionException(io);
            }
            throw e;
        }
        c.timed.clearDeadline();
        c.socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, bodyIdle.toMillis()));
        InputStream body;
        if (head.bodyless) {
            release(key, c, head.reusable);
            body = InputStream.nullInputStream();
        } else if (head.chunked) {
            body = new Body(c, key, head.reusable, -1, true);
        } else {
            body = new Body(c, key, head.reusable, head.length, false);
        }
        return new Response(head.status, head.headers, body);
    }

    private record Head(int status, HttpHeaders headers, boolean bodyless, boolean chunked, long length,
                        boolean reusable) {
    }

    private Head readHead(Connection c, String method, boolean reused) throws IOException {
        int[] budget = {MAX_HEAD_BYTES};
        while (true) {
            String statusLine = line(c.in, budget, reused);
            reused = false; // a byte arrived: the connection was alive
            if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
                throw new UpstreamHeadException("not an HTTP/1.x status line");
            }
            int status;
            try {
                status = Integer.parseInt(statusLine.substring(9, 12));
            } catch (NumberFormatException e) {
                throw new UpstreamHeadException("bad status code");
            }
            Map<String, List<String>> fields = new LinkedHashMap<>();
            String last = null;
            for (String l = line(c.in, budget, false); !l.isEmpty(); l = line(c.in, budget, false)) {
                if ((l.charAt(0) == ' ' || l.charAt(0) == '\t') && last != null) {
                    // obsolete line folding: joined to the previous value with a space
                    List<String> values = fields.get(last);
                    values.set(values.size() - 1, values.get(values.size() - 1) + " " + l.strip());
                    continue;
                }
                int colon = l.indexOf(':');
                if (colon <= 0) {
                    throw new UpstreamHeadException("malformed header line");
                }
                String name = l.substring(0, colon);
                if (!name.equals(name.strip())) {
                    throw new UpstreamHeadException("white space in a header name");
                }
                String canonical = canonical(fields, name);
                fields.computeIfAbsent(canonical, k -> new ArrayList<>()).add(l.substring(colon + 1).strip());
                last = canonical;
            }
            if (status >= 100 && status < 200 && status != 101) {
                continue; // 100 Continue, 103 Early Hints: the final response follows
            }
            HttpHeaders headers = HttpHeaders.of(fields, (n, v) -> true);
            boolean http10 = statusLine.startsWith("HTTP/1.0");
            boolean close = http10 || headers.allValues("Connection").stream()
                    .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("close"));
            boolean bodyless = "HEAD".equals(method) || status < 200 || status == 204 || status == 304;
            if (bodyless) {
                return new Head(status, headers, true, false, 0, !close && status >= 200);
            }
            List<String> te = headers.allValues("Transfer-Encoding");
            if (!te.isEmpty()) {
                String codings = String.join(",", te).toLowerCase(Locale.ROOT).strip();
                boolean chunked = codings.endsWith("chunked");
                // not chunked last: the body runs to the end of the connection
                return new Head(status, headers, false, chunked, -1, chunked && !close);
            }
            List<String> cl = headers.allValues("Content-Length");
            if (cl.isEmpty()) {
                return new Head(status, headers, false, false, -1, false);
            }
            long length = -1;
            for (String v : String.join(",", cl).split(",")) {
                long n;
                try {
                    n = Long.parseLong(v.strip());
                } catch (NumberFormatException e) {
                    throw new UpstreamHeadException("bad Content-Length");
                }
                if (n < 0 || length >= 0 && n != length) {
                    throw new UpstreamHeadException("bad Content-Length");
                }
                length = n;
            }
            return new Head(status, headers, length == 0, false, length, !close);
        }
    }

    /** The first spelling of a name seen in this head (fields are case-insensitive). */
    private static String canonical(Map<String, List<String>> fields, String name) {
        if (fields.containsKey(name)) {
            return name;
        }
        for (String k : fields.keySet()) {
            if (k.equalsIgnoreCase(name)) {
                return k;
            }
        }
        return name;
    }

    /** One head line (CRLF or bare LF), ISO-8859-1, within the head's byte budget. */
    private static String line(InputStream in, int[] budget, boolean firstOfReused) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        while (true) {
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException e) {
                throw e;
            } catch (IOException e) {
                if (firstOfReused && sb.length() == 0) {
                    throw new StaleConnectionException(e);
                }
                throw e;
            }
            if (b < 0) {
                EOFException eof = new EOFException("upstream closed the connection in the response head");
                if (firstOfReused && sb.length() == 0) {
                    throw new StaleConnectionException(eof);
                }
                throw eof;
            }
            firstOfReused = false;
            if (--budget[0] < 0) {
                throw new UpstreamHeadException("response head over " + MAX_HEAD_BYTES + " bytes");
            }
            if (b == '\n') {
                int n = sb.length();
                return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
            }
            sb.append((char) b);
        }
    }

    private static byte[] requestBytes(URI target, String method, List<Map.Entry<String, String>> headers) {
        StringBuilder sb = new StringBuilder(512);
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        sb.append(method).append(' ').append(path);
        if (target.getRawQuery() != null) {
            sb.append('?').append(target.getRawQuery());
        }
        sb.append(" HTTP/1.1\r\n");
        String host = null;
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase("Host")) {
                host = h.getValue();
            }
        }
        sb.append("Host: ").append(host != null && valid(host) ? host : target.getRawAuthority()).append("\r\n");
        for (Map.Entry<String, String> h : headers) {
            String name = h.getKey();
            if (name.equalsIgnoreCase("Host") || name.equalsIgnoreCase("Content-Length")
                    || name.equalsIgnoreCase("Connection") || name.equalsIgnoreCase("Transfer-Encoding")
                    || name.equalsIgnoreCase("Expect") || name.equalsIgnoreCase("Upgrade")
                    || !token(name) || !valid(h.getValue())) {
                continue; // what the JDK client would have refused or set itself
            }
            sb.append(name).append(": ").append(h.getValue()).append("\r\n");
        }
        sb.append("\r\n");
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static boolean token(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean valid(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0 || c > 0xFF) {
                return false;
            }
        }
        return true;
    }

    private Connection take(String key) {
        ConcurrentLinkedDeque<Connection> idle = pool.get(key);
        if (idle == null) {
            return null;
        }
        long now = System.nanoTime();
        Connection c;
        while ((c = idle.pollFirst()) != null) {
            if (now - c.idleSince < POOL_IDLE_NANOS && !c.socket.isClosed()) {
                return c;
            }
            c.close();
        }
        return null;
    }

    private void release(String key, Connection c, boolean reusable) {
        if (!reusable) {
            c.close();
            return;
        }
        ConcurrentLinkedDeque<Connection> idle = pool.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>());
        if (idle.size() >= MAX_IDLE_PER_ORIGIN) {
            c.close();
            return;
        }
        c.idleSince = System.nanoTime();
        idle.offerFirst(c); // most recently used first: the warm ones stay warm, the rest age out
    }

    private Connection open(URI target) throws IOException {
        Socket s;
        try {
            s = UpstreamSocket.open(target, connectTimeout);
        } catch (SocketTimeoutException e) {
            throw new HttpConnectTimeoutException("HTTP connect timed out: " + e.getMessage());
        }
        try {
            return new Connection(s);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private static final class Connection {
        final Socket socket;
        final DeadlineInputStream timed;
        final InputStream in;
        final OutputStream out;
        volatile long idleSince;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.timed = new DeadlineInputStream(socket);
            this.in = new BufferedInputStream(timed, 16384);
            this.out = socket.getOutputStream();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    /** A reused connection that failed before the first response byte: the upstream had closed it while idle. */
    private static final class StaleConnectionException extends IOException {
        private static final long serialVersionUID = 1L;

        StaleConnectionException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** A response head we cannot read as HTTP/1.1 (not a transport failure: never retried). */
    private static final class UpstreamHeadException extends IOException {
        private static final long serialVersionUID = 1L;

        UpstreamHeadException(String message) {
            super(message);
        }
    }

    /**
     * The body: Content-Length bytes, chunked (RFC 9112 §7.1, trailers dropped) or up to the end of the connection
     * (length -1, not chunked). Reads that wait longer than the idle timeout fail with
     * {@link UpstreamStalledException}; the connection goes back to the pool only once the body was read to its end.
     */
    private final class Body extends InputStream {
        private final Connection c;
        private final String key;
        private final boolean reusable;
        private final boolean chunked;
        private final long length;
        private long received;
        private long chunkLeft;
        private boolean done;
        private boolean closed;

        Body(Connection c, String key, boolean reusable, long length, boolean chunked) {
            this.c = c;
            this.key = key;
            this.reusable = reusable;
            this.length = length;
            this.chunked = chunked;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("body closed");
            }
            if (done) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            try {
                int n = chunked ? readChunked(b, off, len) : readPlain(b, off, len);
                if (n < 0) {
                    finish();
                }
                return n;
            } catch (SocketTimeoutException e) {
                abandon();
                throw new UpstreamStalledException(bodyIdle);
            } catch (IOException | RuntimeException e) {
                abandon();
                throw e;
            }
        }

        private int readPlain(byte[] b, int off, int len) throws IOException {
            if (length >= 0) {
                long left = length - received;
                if (left <= 0) {
                    return -1;
                }
                int n = c.in.read(b, off, (int) Math.min(len, left));
                if (n < 0) {
                    throw new EOFException("fixed content-length: " + length + ", bytes received: " + received);
                }
                received += n;
                if (received == length) {
                    done = true;
                    release(key, c, reusable);
                }
                return n;
            }
            int n = c.in.read(b, off, len);
            if (n > 0) {
                received += n;
            }
            return n;
        }

        private int readChunked(byte[] b, int off, int len) throws IOException {
            if (chunkLeft == 0) {
                if (received > 0) {
                    crlf();
                }
                long size = chunkSize();
                if (size == 0) {
                    int[] budget = {MAX_HEAD_BYTES};
                    while (!line(c.in, budget, false).isEmpty()) {
                        // trailer fields: not passed on
                    }
                    done = true;
                    release(key, c, reusable);
                    return -1;
                }
                chunkLeft = size;
            }
            int n = c.in.read(b, off, (int) Math.min(len, chunkLeft));
            if (n < 0) {
                throw new IOException("upstream closed inside a chunk");
            }
            chunkLeft -= n;
            received += n;
            return n;
        }

        private void crlf() throws IOException {
            int cr = c.in.read();
            int lf = cr == '\r' ? c.in.read() : cr;
            if (lf != '\n') {
                throw new IOException(cr < 0 || lf < 0 ? "upstream closed inside a chunk" : "bad chunk end");
            }
        }

        private long chunkSize() throws IOException {
            int[] budget = {4096};
            String l;
            try {
                l = line(c.in, budget, false);
            } catch (EOFException e) {
                throw new IOException("upstream closed before a chunk size", e);
            } catch (UpstreamHeadException e) {
                throw new IOException("bad chunk size line");
            }
            int semi = l.indexOf(';');
            String hex = (semi < 0 ? l : l.substring(0, semi)).strip();
            if (hex.isEmpty() || hex.length() > 15) {
                throw new IOException("bad chunk size");
            }
            try {
                return Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size");
            }
        }

        private void finish() {
            if (!done) {
                done = true;
                c.close(); // a body delimited by the end of the connection
            }
        }

        private void abandon() {
            done = true;
            c.close();
        }

        @Override
        public int available() throws IOException {
            if (done || closed) {
                return 0;
            }
            int a = c.in.available();
            if (length >= 0 && !chunked) {
                return (int) Math.min(a, length - received);
            }
            return chunked ? (int) Math.min(a, chunkLeft) : a;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (!done) {
                done = true;
                c.close(); // the rest was not wanted: the connection cannot carry another response
            }
        }
    }
}
