package org.yiyue.audit.crawl;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Breadth-first crawl from seed URLs (plus the sitemap): robots.txt honoured, URLs normalised and de-duplicated,
 * scope and include/exclude patterns applied, a politeness delay per site and a bound on fetches in flight.
 * Every visited URL ends as a {@link CrawledPage}, whatever the server did.
 */
public final class Crawler {

    private static final Pattern BINARY = Pattern.compile(
            "\\.(pdf|docx?|xlsx?|pptx?|zip|rar|7z|gz|jpe?g|png|gif|webp|svg|ico|mp[34]|avi|mov|wav|css|js|xml|txt|apk|exe)$",
            Pattern.CASE_INSENSITIVE);

    private final Fetcher fetcher;
    private final CrawlOptions options;
    private final Map<String, RobotsTxt> robots = new HashMap<>();

    public Crawler(Fetcher fetcher, CrawlOptions options) {
        this.fetcher = fetcher;
        this.options = options;
    }

    public List<CrawledPage> crawl(List<URI> seeds, Consumer<CrawledPage> onPage) {
        List<URI> normalSeeds = new ArrayList<>();
        for (URI s : seeds) {
            UrlNormalizer.normalize(s).ifPresent(normalSeeds::add);
        }
        if (normalSeeds.isEmpty()) {
            return List.of();
        }
        record Item(URI url, int depth, String via) {
        }
        Set<URI> seen = new LinkedHashSet<>();
        ArrayDeque<Item> frontier = new ArrayDeque<>();
        for (URI s : normalSeeds) {
            if (seen.add(s)) {
                frontier.add(new Item(s, 0, "seed"));
            }
        }
        if (options.useSitemap()) {
            for (URI s : normalSeeds) {
                URI origin = s.resolve("/");
                for (URI u : Sitemap.discover(fetcher, origin, robotsFor(origin).sitemaps())) {
                    if (inScope(normalSeeds, u) && options.accepts(u.toString()) && seen.add(u) && options.maxDepth() >= 1) {
                        frontier.add(new Item(u, 1, "sitemap"));
                    }
                }
            }
        }
        Politeness politeness = new Politeness(options.delay());
        List<CrawledPage> out = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(options.concurrency(), r -> {
            Thread t = new Thread(r, "yiyue-crawl");
            t.setDaemon(true);
            return t;
        });
        try {
            while (!frontier.isEmpty() && out.size() < options.maxPages()) {
                List<Item> wave = new ArrayList<>();
                while (!frontier.isEmpty() && wave.size() < options.concurrency()
                        && out.size() + wave.size() < options.maxPages()) {
                    wave.add(frontier.poll());
                }
                List<Future<CrawledPage>> futures = new ArrayList<>();
                for (Item it : wave) {
                    futures.add(pool.submit(() -> visit(it.url(), it.depth(), it.via(), politeness)));
                }
                for (Future<CrawledPage> f : futures) {
                    CrawledPage page;
                    try {
                        page = f.get();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return out;
                    } catch (java.util.concurrent.ExecutionException e) {
                        continue; // visit() catches everything; this is only a safety net
                    }
                    out.add(page);
                    onPage.accept(page);
                    if (page.depth() < options.maxDepth()) {
                        for (URI link : page.links()) {
                            if (inScope(normalSeeds, link) && options.accepts(link.toString())
                                    && !BINARY.matcher(link.getPath()).find() && seen.add(link)) {
                                frontier.add(new Item(link, page.depth() + 1, page.url().toString()));
                            }
                        }
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    private boolean inScope(List<URI> seeds, URI u) {
        if (!options.sameSite()) {
            return true;
        }
        for (URI s : seeds) {
            if (UrlNormalizer.sameSite(s, u)) {
                return true;
            }
        }
        return false;
    }

    private CrawledPage visit(URI url, int depth, String via, Politeness politeness) {
        try {
            URI origin = url.resolve("/");
            String pq = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
            if (options.honourRobots() && !robotsFor(origin).allows(pq)) {
                return new CrawledPage(url, depth, via,
                        new FetchResult.Failure(url, "robots-disallowed", "robots.txt disallows " + pq, List.of()),
                        "", "", List.of());
            }
            politeness.await(url);
            FetchResult r = fetcher.fetch(url);
            if (r instanceof FetchResult.Html h) {
                Document doc = Jsoup.parse(h.html(), h.finalUrl().toString());
                List<URI> links = new ArrayList<>();
                for (Element a : doc.select("a[href], area[href]")) {
                    String rel = a.attr("rel").toLowerCase(Locale.ROOT);
                    if (rel.contains("nofollow")) {
                        continue;
                    }
                    UrlNormalizer.normalize(URI.create(h.finalUrl().toString()), a.attr("href")).ifPresent(links::add);
                }
                return new CrawledPage(url, depth, via, r, doc.title(), PageTypes.of(url, doc), List.copyOf(new LinkedHashSet<>(links)));
            }
            return new CrawledPage(url, depth, via, r, "", "", List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CrawledPage(url, depth, via, new FetchResult.Failure(url, "interrupted", "interrupted", List.of()), "", "", List.of());
        } catch (RuntimeException e) {
            return new CrawledPage(url, depth, via,
                    new FetchResult.Failure(url, "error", e.getClass().getSimpleName() + ": " + e.getMessage(), List.of()), "", "", List.of());
        }
    }

    private RobotsTxt robotsFor(URI origin) {
        if (!options.honourRobots()) {
            return RobotsTxt.allowAll();
        }
        String key = origin.toString();
        synchronized (robots) {
            RobotsTxt r = robots.get(key);
            if (r == null) {
                r = fetcher.fetchText(origin.resolve("/robots.txt")).map(RobotsTxt::parse).orElse(RobotsTxt.allowAll());
                robots.put(key, r);
            }
            return r;
        }
    }
}
