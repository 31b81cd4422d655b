package org.yiyue.overlay.audit;

/** Live progress of a run held in memory while it runs (the database keeps pages done / total as well). */
public final class JobProgress {

    private volatile String phase = "queued";
    private volatile int crawled;
    private volatile int done;
    private volatile int total;
    private volatile long version;

    void phase(String p) { phase = p; version++; }
    void crawled(int n) { crawled = n; version++; }
    void pages(int d, int t) { done = d; total = t; version++; }

    public String phase() { return phase; }
    public int crawled() { return crawled; }
    public int done() { return done; }
    public int total() { return total; }
    /** Changes whenever anything above changes (SSE sends an event only then). */
    public long version() { return version; }
}
