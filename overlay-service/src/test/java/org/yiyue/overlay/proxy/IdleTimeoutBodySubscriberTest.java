package org.yiyue.overlay.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The subscriber driven by hand, as the JDK client would drive it: no sockets, no container. */
@Timeout(10)
class IdleTimeoutBodySubscriberTest {

    /** Records what the subscriber asks of the client. */
    static final class Recording implements java.util.concurrent.Flow.Subscription {
        final AtomicLong requested = new AtomicLong();
        final AtomicBoolean cancelled = new AtomicBoolean();

        @Override
        public void request(long n) {
            requested.addAndGet(n);
        }

        @Override
        public void cancel() {
            cancelled.set(true);
        }
    }

    private final ScheduledExecutorService upstream = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        upstream.shutdownNow();
    }

    private static List<ByteBuffer> bytes(String s) {
        return List.of(ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static InputStream body(IdleTimeoutBodySubscriber sub) {
        return sub.getBody().toCompletableFuture().getNow(null);
    }

    @Test
    void bodyIsAvailableAtOnceAndReadInOrderAcrossLists() throws IOException {
        IdleTimeoutBodySubscriber sub = new IdleTimeoutBodySubscriber(Duration.ofSeconds(2));
        InputStream in = body(sub);
        Recording s = new Recording();
        sub.onSubscribe(s);
        assertEquals(1, s.requested.get(), "one list at a time: the upstream is held back while we write");
        sub.onNext(List.of(ByteBuffer.wrap("河源".getBytes(StandardCharsets.UTF_8)), ByteBuffer.wrap(new byte[0]),
                ByteBuffer.wrap("市".getBytes(StandardCharsets.UTF_8))));
        sub.onNext(bytes("政府"));
        sub.onComplete();
        assertEquals("河源市政府", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(-1, in.read());
        in.close();
        assertFalse(s.cancelled.get(), "read to the end: the connection may be reused");
    }

    @Test
    void availableCountsTheRestOfTheListInHandSoTheProxyDoesNotFlushBetweenItsBuffers() throws IOException {
        IdleTimeoutBodySubscriber sub = new IdleTimeoutBodySubscriber(Duration.ofSeconds(2));
        InputStream in = body(sub);
        sub.onSubscribe(new Recording());
        assertEquals(0, in.available(), "nothing arrived yet");
        sub.onNext(List.of(ByteBuffer.wrap(new byte[3]), ByteBuffer.wrap(new byte[5])));
        assertEquals(1, in.read(new byte[1]));
        assertEquals(7, in.available(), "2 left of the first buffer + 5 of the second");
        assertEquals(2, in.read(new byte[2]));
        assertEquals(5, in.available(), "the first buffer is used up, the second is already here");
        assertEquals(5, in.read(new byte[10]));
        assertEquals(0, in.available());
    }

    @Test
    void silenceAfterSomeBytesThrowsTheStallAndCancels() throws IOException {
        IdleTimeoutBodySubscriber sub = new IdleTimeoutBodySubscriber(Duration.ofMillis(300));
        InputStream in = body(sub);
        Recording s = new Recording();
        sub.onSubscribe(s);
        sub.onNext(bytes("前半"));
        byte[] buf = new byte[64];
        assertEquals(6, in.read(buf));
        long started = System.nanoTime();
        UpstreamStalledException e = assertThrows(UpstreamStalledException.class, () -> in.read(buf));
        long waitedMs = (System.nanoTime() - started) / 1_000_000;
        assertTrue(waitedMs >= 250 && waitedMs < 5000, "waited " + waitedMs + " ms for a 300 ms idle timeout");
        assertTrue(e.getMessage().contains("300 ms"), e.getMessage());
        assertTrue(s.cancelled.get(), "the subscription is cancelled so the client drops the connection");
        // and it stays failed: no later read may look like a clean end of the body
        assertThrows(UpstreamStalledException.class, in::read);
        assertEquals(0, in.available());
    }

    @Test
    void silenceBeforeTheFirstByteIsAStallToo() {
        IdleTimeoutBodySubscriber sub = new IdleTimeoutBodySubscriber(Duration.ofMillis(200));
        Recording s = new Recording();
        sub.onSubscribe(s);
        assertThrows(UpstreamStalledException.class, () -> body(sub).read());
        assertTrue(s.cancelled.get());
    }

    @Test
    void aTrickleResetsTheClockEachTime() throws Exception {
        IdleTimeoutBodySubscriber sub = new IdleTimeoutBodySubscriber(Duration.ofMillis(400));
        InputStream in = body(sub);
        Recording s = new Recording();
        sub.onSubscribe(s);
        // 12 single bytes, one every 100 ms: 1.2 s in all, three times the idle timeout
        for (int i = 0; i < 12; i++) {
            byte b = (byte) ('a' + i);
            upstream.schedule(() -> sub.onNext(List.of(ByteBuffer.wrap(new byte[] {b}))), 100L * (i + 1),
                    TimeUnit.MILLISECONDS);
        }
        upstream.schedule(sub::onComplete, 1300, TimeUnit.MILLISECONDS);
        assertEquals("abcdefghijkl", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        assertFalse(s.cancelled.get());
        assertEquals(13, s.requested.get(), "one request up front, one per list received");
    }

    @Test
    void anUpstreamFailureIsAnIOExceptionNotAnEnd() {
        IdleTimeoutBodySubscriber sub = new IdleTimeoutBodySubscriber(Duration.ofSeconds(2));
        sub.onSubscribe(new Recording());
        sub.onNext(bytes("abc"));
        IOException reset = new IOException("connection reset");
        sub.onError(reset);
        InputStream in = body(sub);
        IOException e = assertThrows(IOException.class, in::readAllBytes);
        assertFalse(e instanceof UpstreamStalledException);
        assertSame(reset, e.getCause());
    }

    @Test
    void closingEarlyCancelsAndAReaderThatGaveUpCancelsALateSubscription() throws IOException {
        IdleTimeoutBodySubscriber sub = new IdleTimeoutBodySubscriber(Duration.ofSeconds(2));
        Recording s = new Recording();
        sub.onSubscribe(s);
        sub.onNext(bytes("abc"));
        InputStream in = body(sub);
        assertEquals('a', in.read());
        in.close();
        assertTrue(s.cancelled.get(), "closed before the end: release the upstream connection");
        assertThrows(IOException.class, in::read);

        IdleTimeoutBodySubscriber late = new IdleTimeoutBodySubscriber(Duration.ofSeconds(2));
        body(late).close();
        Recording afterwards = new Recording();
        late.onSubscribe(afterwards);
        assertTrue(afterwards.cancelled.get());
        assertEquals(0, afterwards.requested.get());
    }

    @Test
    void aSecondSubscriptionIsRefused() {
        IdleTimeoutBodySubscriber sub = new IdleTimeoutBodySubscriber(Duration.ofSeconds(2));
        Recording first = new Recording();
        Recording second = new Recording();
        sub.onSubscribe(first);
        sub.onSubscribe(second);
        assertTrue(second.cancelled.get());
        assertFalse(first.cancelled.get());
    }

    @Test
    void theTimeoutMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new IdleTimeoutBodySubscriber(Duration.ZERO));
    }
}
