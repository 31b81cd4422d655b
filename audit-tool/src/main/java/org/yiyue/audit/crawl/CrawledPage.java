package org.yiyue.audit.crawl;

import java.net.URI;
import java.util.List;

/** One URL the crawl visited: how it was reached, how the fetch ended, and the links it had. */
public record CrawledPage(URI url, int depth, String via, FetchResult fetch, String title, String pageType,
                          List<URI> links) {
}
