package org.yiyue.audit.cli;

import java.io.PrintWriter;
import java.time.Duration;

import org.yiyue.audit.core.ProgressListener;
import org.yiyue.audit.report.PageReport;

/**
 * Progress on stderr: pages done, pages left and the estimated time left (from the mean time per page so far).
 * On a terminal one bar redrawn in place; otherwise (CI logs, tests) one line per page.
 */
public final class ProgressBar implements ProgressListener {

    private final PrintWriter err;
    private final boolean inPlace;
    private long start;
    private int resumed;

    public ProgressBar(PrintWriter err, boolean inPlace) {
        this.err = err;
        this.inPlace = inPlace;
    }

    @Override
    public void crawled(int pages) {
        if (inPlace) {
            err.print("\r抓取 crawled " + pages + " pages   ");
            err.flush();
        }
    }

    @Override
    public synchronized void started(int total, int alreadyDone) {
        start = System.nanoTime();
        resumed = alreadyDone;
        if (inPlace) {
            err.println();
        }
        err.println("审计 auditing " + total + " pages" + (alreadyDone > 0 ? " (" + alreadyDone + " already done, resumed)" : ""));
    }

    @Override
    public synchronized void pageDone(PageReport page, int done, int total) {
        int left = total - done;
        double perPage = (System.nanoTime() - start) / 1e9 / Math.max(1, done - resumed);
        String eta = format(Duration.ofMillis((long) (perPage * left * 1000)));
        if (inPlace) {
            int width = 30;
            int filled = total == 0 ? width : (int) Math.round(width * (double) done / total);
            err.print("\r[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + done + "/" + total
                    + " 页 pages · 剩余 left " + left + " · 预计 ETA " + eta + "   ");
            if (done == total) {
                err.println();
            }
        } else {
            err.println("[" + done + "/" + total + "] left " + left + " ETA " + eta + " " + page.status() + " "
                    + page.failures() + " failures " + page.url());
        }
        err.flush();
    }

    @Override
    public void message(String text) {
        if (inPlace) {
            err.print("\r\u001b[K"); // over a bar still drawn by the site before (site audits overlap at their ends)
        }
        err.println(text);
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }
}
