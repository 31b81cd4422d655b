package org.yiyue.audit.crawl;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * @param maxPages    stop after this many URLs were fetched (every outcome counts, 404s too)
 * @param maxDepth    link hops from a seed (sitemap entries count as depth 1)
 * @param sameSite    follow only links to the seed's scheme, host and port
 * @param include     if not empty, a discovered URL must match one (regex find)
 * @param exclude     a discovered URL matching any is skipped
 * @param delay       politeness: minimum time between two requests to the same site
 * @param concurrency fetches in flight at once
 */
public record CrawlOptions(int maxPages, int maxDepth, boolean sameSite, List<Pattern> include, List<Pattern> exclude,
                           Duration delay, int concurrency, boolean useSitemap, boolean honourRobots) {

    public CrawlOptions {
        if (maxPages < 1) {
            throw new IllegalArgumentException("page limit must be at least 1");
        }
        if (maxDepth < 0) {
            throw new IllegalArgumentException("depth must not be negative");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    public static CrawlOptions defaults() {
        return new CrawlOptions(50, 3, true, List.of(), List.of(), Duration.ofMillis(200), 2, true, true);
    }

    public boolean accepts(String url) {
        for (Pattern p : exclude) {
            if (p.matcher(url).find()) {
                return false;
            }
        }
        if (include.isEmpty()) {
            return true;
        }
        for (Pattern p : include) {
            if (p.matcher(url).find()) {
                return true;
            }
        }
        return false;
    }
}
