package org.yiyue.overlay.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An upstream response body as an {@link InputStream} whose reads wait at most the idle timeout for the next bytes.
 * The clock restarts with every buffer, so a slow but steady upstream passes; one that stops sending makes the read
 * throw {@link UpstreamStalledException} and cancels the subscription, which lets the JDK client drop the connection
 * (cancelling before the end of the body closes it, as documented on {@link HttpResponse.BodySubscriber}).
 * The waiting happens in our own poll with a timeout: nothing here depends on interrupting the reading thread.
 */
public final class IdleTimeoutBodySubscriber implements HttpResponse.BodySubscriber<InputStream> {

    /** What the client handed us, in order: bytes, the end, or its failure. */
    private sealed interface Signal {
    }

    private record Data(List<ByteBuffer> buffers) implements Signal {
    }

    private record End() implements Signal {
    }

    private record Failed(Throwable error) implements Signal {
    }

    private final Duration idle;
    private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final BodyStream stream = new BodyStream();
    private volatile Flow.Subscription subscription;

    public IdleTimeoutBodySubscriber(Duration idle) {
        if (idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("idle timeout must be positive: " + idle);
        }
        this.idle = idle;
    }

    /** A handler for {@code HttpClient.send}: every response body gets its own subscriber. */
    public static HttpResponse.BodyHandler<InputStream> handler(Duration idle) {
        return info -> new IdleTimeoutBodySubscriber(idle);
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        // a streaming type: available at once, the caller reads as bytes arrive
        return CompletableFuture.completedFuture(stream);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        Objects.requireNonNull(s);
        if (subscription != null) {
            s.cancel(); // Flow rule: one subscription only
            return;
        }
        subscription = s;
        if (cancelled.get()) {
            s.cancel(); // the reader gave up before the client subscribed us
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        signals.offer(new Data(item));
    }

    @Override
    public void onError(Throwable error) {
        signals.offer(new Failed(error));
    }

    @Override
    public void onComplete() {
        signals.offer(new End());
    }

    private void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }

    /** Read by one thread (the servlet's); only the queue is shared with the client's threads. */
    private final class BodyStream extends InputStream {

        private List<ByteBuffer> pending = List.of(); // the list being read; next is the index of its next buffer
        private int next;
        private ByteBuffer current;
        private boolean ended;
        private IOException failure;
        private boolean closed;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            ByteBuffer buf = nextReadable();
            if (buf == null) {
                return -1;
            }
            int n = Math.min(len, buf.remaining());
            buf.get(b, off, n);
            return n;
        }

        @Override
        public int available() throws IOException {
            if (closed || failure != null) {
                return 0;
            }
            // what can be read without waiting: the rest of the list in hand (the proxy flushes when this is 0, so
            // counting only the current buffer would flush after every buffer of a list)
            long n = current == null ? 0 : current.remaining();
            for (int i = next; i < pending.size(); i++) {
                n += pending.get(i).remaining();
            }
            return (int) Math.min(n, Integer.MAX_VALUE);
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                if (!ended) {
                    cancel(); // not read to the end: the connection cannot be reused, let the client drop it
                }
            }
        }

        /** The buffer to read from next, waiting for the upstream if needed; null at the end of the body. */
        private ByteBuffer nextReadable() throws IOException {
            if (closed) {
                throw new IOException("body stream closed");
            }
            while (true) {
                if (failure != null) {
                    throw failure;
                }
                if (current != null && current.hasRemaining()) {
                    return current;
                }
                if (next < pending.size()) {
                    current = pending.get(next++);
                    continue;
                }
                if (ended) {
                    return null;
                }
                take();
            }
        }

        private void take() throws IOException {
            Signal signal;
            try {
                signal = signals.poll(idle.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel();
                failure = new java.io.InterruptedIOException("interrupted while waiting for the upstream body");
                throw failure;
            }
            if (signal == null) {
                cancel();
                failure = new UpstreamStalledException(idle);
                throw failure;
            }
            // (pattern switch is a preview feature in Java 17, hence the instanceof chain)
            if (signal instanceof Data d) {
                pending = d.buffers();
                next = 0;
                current = null;
                Flow.Subscription s = subscription;
                if (s != null && !cancelled.get()) {
                    s.request(1); // fetch the next part while this one is read
                }
            } else if (signal instanceof Failed f) {
                failure = f.error() instanceof IOException io
                        ? new IOException(io.getMessage(), io) : new IOException(f.error());
            } else {
                ended = true;
            }
        }
    }
}
