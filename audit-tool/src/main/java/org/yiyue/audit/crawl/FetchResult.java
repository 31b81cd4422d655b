package org.yiyue.audit.crawl;

import java.net.URI;
import java.util.List;

/**
 * What fetching one URL ended as. Every path ends in one of these: nothing a server sends makes the crawl throw.
 */
public sealed interface FetchResult {

    URI url();

    /** Short machine name of the outcome: html, http-error, not-html, timeout, redirect-loop, … */
    String kind();

    /** A decoded HTML page; finalUrl is where redirects ended. */
    record Html(URI url, URI finalUrl, int status, String charset, String html, long millis) implements FetchResult {
        public String kind() { return "html"; }
    }

    record HttpError(URI url, int status) implements FetchResult {
        public String kind() { return "http-error"; }
    }

    record NotHtml(URI url, String contentType) implements FetchResult {
        public String kind() { return "not-html"; }
    }

    /** Timeout, redirect loop, too many redirects, body too large, connection refused, robots disallowed … */
    record Failure(URI url, String kind, String detail, List<URI> redirects) implements FetchResult {
    }

    default boolean isHtml() {
        return this instanceof Html;
    }
}
