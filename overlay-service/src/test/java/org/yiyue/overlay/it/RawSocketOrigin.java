package org.yiyue.overlay.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An upstream on 127.0.0.1 (ephemeral port) that answers on raw sockets, for tests that must control every byte
 * (stall mid-body, speak WebSocket frames) where an HTTP server library would not let them. Each connection is
 * served on its own daemon thread; closing ends the listener and every open connection.
 */
abstract class RawSocketOrigin implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService pool;
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    RawSocketOrigin(String threadName) throws IOException {
        pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.execute(this::accept);
    }

    final String origin() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Serves one connection; the socket is closed by the caller's try-with-resources or by {@link #close()}. */
    protected abstract void serve(Socket s);

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        pool.shutdownNow();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                open.add(s);
                pool.execute(() -> {
                    try {
                        serve(s);
                    } finally {
                        open.remove(s);
                    }
                });
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** The request head up to and including the blank line, read byte by byte so nothing after it is consumed. */
    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        int matched = 0; // how much of CR LF CR LF has just been read
        while (matched < 4 && (c = in.read()) >= 0) {
            b.write(c);
            if (b.size() > 65536) {
                throw new IOException("head too long");
            }
            matched = c == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : (c == '\r' ? 1 : 0);
        }
        if (b.size() == 0) {
            throw new IOException("no request line");
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    /** The request target's path (no query) from a request head. */
    static String pathOf(String head) {
        String first = head.lines().findFirst().orElse("");
        String[] parts = first.split(" ");
        String target = parts.length > 1 ? parts[1] : "/";
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }
}
