package org.yiyue.audit.core;

import org.yiyue.audit.report.PageReport;

/** What a running audit tells the outside: the crawl, then one call per finished page. */
public interface ProgressListener {

    default void crawled(int pages) {
    }

    default void started(int total, int alreadyDone) {
    }

    default void pageDone(PageReport page, int done, int total) {
    }

    default void message(String text) {
    }

    ProgressListener NONE = new ProgressListener() {
    };
}
