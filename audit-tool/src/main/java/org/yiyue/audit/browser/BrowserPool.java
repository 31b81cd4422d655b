package org.yiyue.audit.browser;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Warm browsers shared by the site audits of one run ({@code certify} audits four sites, the benchmark too): a
 * worker takes a browser for its site and gives it back at the end; the next site's worker gets it
 * {@linkplain AuditBrowser#reset(Duration) reset} instead of starting another Chromium (seconds each on a loaded
 * machine). A browser that no longer answers is closed, not kept. Closing the pool closes the browsers it holds.
 *
 * <p>With a capacity, at most that many browsers live at once: a take waits for a browser to come back. Site audits
 * that overlap (the next site starts while the last pages of the one before are audited) then share the workers'
 * browsers instead of starting more of them than there are workers.
 */
public final class BrowserPool implements AutoCloseable {

    private final Deque<AuditBrowser> idle = new ArrayDeque<>();
    private final int capacity;
    private boolean closed;
    private int started;
    /** Browsers started by this pool and not yet closed (taken or idle). */
    private int live;

    /** A pool without a limit on the number of browsers. */
    public BrowserPool() {
        this(Integer.MAX_VALUE);
    }

    /** @param capacity how many browsers may live at once (the worker count) */
    public BrowserPool(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * A browser from the pool (reset for the new audit), or a newly started one when none is idle and the capacity
     * allows; otherwise waits until one is given back or discarded.
     *
     * @throws IllegalStateException when the pool is closed or the waiting thread is interrupted
     */
    public AuditBrowser take(boolean loopbackOnly, Duration pageTimeout) {
        while (true) {
            AuditBrowser b = null;
            AuditBrowser unfit = null; // idle, but of the other kind: closed to make room
            synchronized (this) {
                while (true) {
                    if (closed) {
                        throw new IllegalStateException("browser pool closed");
                    }
                    b = idle.stream().filter(x -> x.loopbackOnly() == loopbackOnly).findFirst().orElse(null);
                    if (b != null) {
                        idle.remove(b);
                        break;
                    }
                    if (live < capacity) {
                        live++;
                        started++;
                        break;
                    }
                    if (!idle.isEmpty()) {
                        unfit = idle.pollLast();
                        break;
                    }
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for a browser", e);
                    }
                }
            }
            if (unfit != null) {
                discard(unfit);
                continue;
            }
            if (b == null) {
                try {
                    return AuditBrowser.start(loopbackOnly, pageTimeout);
                } catch (RuntimeException e) {
                    released();
                    throw e;
                }
            }
            try {
                b.reset(pageTimeout);
                return b;
            } catch (RuntimeException e) {
                discard(b); // a browser that died between audits: try the next one, or start one
            }
        }
    }

    /**
     * Starts browsers in the background (up to the capacity, counting those already there) so that their start
     * overlaps the crawl of the first site instead of following it; a take meanwhile waits for them. A browser that
     * fails to start frees its place (the take then starts one itself and reports the failure).
     */
    public void warm(int count, boolean loopbackOnly, Duration pageTimeout) {
        int n;
        synchronized (this) {
            n = Math.max(0, Math.min(count, capacity) - live);
            live += n;
            started += n;
        }
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(() -> {
                AuditBrowser b;
                try {
                    b = AuditBrowser.start(loopbackOnly, pageTimeout);
                } catch (RuntimeException e) {
                    released();
                    return;
                }
                give(b);
            }, "yiyue-browser-warm-" + i);
            t.setDaemon(true);
            t.start();
        }
    }

    /** Returns a browser after an audit; it is reset when taken again. */
    public void give(AuditBrowser browser) {
        synchronized (this) {
            if (!closed) {
                idle.push(browser);
                notifyAll();
                return;
            }
        }
        discard(browser);
    }

    /** Closes a browser taken from this pool that must not be used again (it died); its place is free. */
    public void discard(AuditBrowser browser) {
        try {
            browser.close();
        } finally {
            released();
        }
    }

    private synchronized void released() {
        live--;
        notifyAll();
    }

    /** How many browsers this pool started (the rest of the takes were warm). */
    public synchronized int started() {
        return started;
    }

    @Override
    public void close() {
        List<AuditBrowser> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(idle);
            idle.clear();
            live -= all.size();
            notifyAll();
        }
        all.forEach(AuditBrowser::close);
    }
}
