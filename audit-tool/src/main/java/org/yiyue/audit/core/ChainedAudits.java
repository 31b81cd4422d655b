package org.yiyue.audit.core;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs site audits in order, each one starting as soon as the one before has handed its last page to a worker
 * rather than when that page is done: the next site's crawl and first pages take up the workers that the previous
 * site's last pages leave idle. Give the audits one {@link org.yiyue.audit.browser.BrowserPool} with the worker
 * count as its capacity, so that overlapping audits share the workers' browsers instead of starting more.
 * Results are handed over in the audits' order, each as soon as it and all before it are done.
 */
public final class ChainedAudits {

    /** One site's audit; it calls {@code drained} once its last page is taken (see {@link AuditRunner#onDrained}). */
    @FunctionalInterface
    public interface SiteAudit<T> {
        T run(Runnable drained) throws Exception;
    }

    /** Takes each audit's result, in order, on the calling thread. */
    @FunctionalInterface
    public interface Results<T> {
        void accept(int index, T result) throws IOException;
    }

    private ChainedAudits() {
    }

    /**
     * Runs the audits; a failure of one stops the ones after it (interrupted) and is thrown here, after the results
     * of the audits before it were handed over.
     */
    public static <T> void run(List<SiteAudit<T>> audits, Results<T> results) throws IOException, InterruptedException {
        int n = audits.size();
        List<CountDownLatch> mayStart = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            mayStart.add(new CountDownLatch(i == 0 ? 0 : 1));
        }
        List<Object> outcomes = new ArrayList<>(java.util.Collections.nCopies(n, null));
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            Thread t = new Thread(() -> {
                Object outcome;
                try {
                    mayStart.get(k).await();
                    outcome = new Done<>(audits.get(k).run(mayStart.get(k + 1)::countDown));
                } catch (Throwable e) {
                    outcome = new Failed(e);
                } finally {
                    mayStart.get(k + 1).countDown(); // never holds the next audit back, even after a failure
                }
                synchronized (outcomes) {
                    outcomes.set(k, outcome);
                }
            }, "yiyue-site-" + i);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        try {
            for (int i = 0; i < n; i++) {
                threads.get(i).join();
                Object outcome;
                synchronized (outcomes) {
                    outcome = outcomes.get(i);
                }
                if (outcome instanceof Failed f) {
                    throw f.error();
                }
                @SuppressWarnings("unchecked")
                T value = ((Done<T>) outcome).value();
                results.accept(i, value);
            }
        } catch (Throwable e) {
            threads.forEach(Thread::interrupt);
            for (Thread t : threads) {
                t.join();
            }
            if (e instanceof IOException io) {
                throw io;
            }
            if (e instanceof InterruptedException ie) {
                throw ie;
            }
            if (e instanceof RuntimeException re) {
                throw re;
            }
            if (e instanceof Error err) {
                throw err;
            }
            throw new IOException(e);
        }
    }

    private record Done<T>(T value) {
    }

    private record Failed(Throwable error) {
    }
}
