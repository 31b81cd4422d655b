package org.yiyue.overlay.proxy;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * A socket's input with one overall deadline instead of a per-read timeout, so an upstream that drips its response
 * head a byte at a time still hits the time-to-headers limit. {@link #clearDeadline()} switches it to plain reads
 * (a tunnel has no deadline).
 */
final class DeadlineInputStream extends FilterInputStream {

    private final Socket socket;
    private volatile long deadlineNanos;
    private volatile boolean bounded;

    DeadlineInputStream(Socket socket) throws IOException {
        super(socket.getInputStream());
        this.socket = socket;
    }

    void deadline(long nanosFromNow) {
        deadlineNanos = System.nanoTime() + nanosFromNow;
        bounded = true;
    }

    void clearDeadline() throws IOException {
        bounded = false;
        socket.setSoTimeout(0);
    }

    @Override
    public int read() throws IOException {
        arm();
        return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        arm();
        return super.read(b, off, len);
    }

    private void arm() throws IOException {
        if (!bounded) {
            return;
        }
        long leftMs = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (leftMs <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, leftMs));
    }
}
