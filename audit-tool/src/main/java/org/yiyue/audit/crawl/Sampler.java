package org.yiyue.audit.crawl;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * WCAG-EM step 3: a structured sample (the first page of each page type, plus common pages such as home, login,
 * search, help, contact), a random sample of at least 10 % of the structured one drawn from the rest with a fixed
 * seed (so a re-run draws the same pages), and every page of the complete processes named by the tester.
 */
public final class Sampler {

    private static final Pattern COMMON = Pattern.compile(
            "(login|denglu|search|sousuo|sitemap|help|bangzhu|contact|lianxi|accessib|wza|guide|zhinan)",
            Pattern.CASE_INSENSITIVE);

    public record Process(String name, List<URI> steps) {
    }

    public enum Reason { STRUCTURED, RANDOM, PROCESS }

    public record Entry(URI url, Reason reason, String detail) {
    }

    private Sampler() {
    }

    /**
     * @param pages     crawled HTML pages in discovery order (home first)
     * @param percent   random share of the structured sample, at least 10
     */
    public static List<Entry> sample(List<CrawledPage> pages, int percent, long seed, List<Process> processes) {
        if (percent < 10) {
            throw new IllegalArgumentException("WCAG-EM asks for a random sample of at least 10 % (got " + percent + ")");
        }
        Map<URI, Entry> chosen = new LinkedHashMap<>();
        Set<String> typesSeen = new LinkedHashSet<>();
        Set<String> commonSeen = new LinkedHashSet<>();
        for (CrawledPage p : pages) {
            String type = p.pageType().isEmpty() ? "(" + p.fetch().kind() + ")" : p.pageType();
            String path = p.url().getPath().toLowerCase(Locale.ROOT);
            java.util.regex.Matcher common = COMMON.matcher(path.substring(path.lastIndexOf('/') + 1));
            if (typesSeen.add(type)) {
                chosen.put(p.url(), new Entry(p.url(), Reason.STRUCTURED, "page type " + type));
                if (common.find()) {
                    commonSeen.add(common.group(1));
                }
            } else if (p.depth() == 0) {
                chosen.putIfAbsent(p.url(), new Entry(p.url(), Reason.STRUCTURED, "start page"));
            } else if (common.find() && commonSeen.add(common.group(1))) {
                // one page per common function (login, search, help, contact …), as WCAG-EM step 2 lists them
                chosen.putIfAbsent(p.url(), new Entry(p.url(), Reason.STRUCTURED, "common page: " + common.group(1)));
            }
        }
        int structured = chosen.size();
        List<CrawledPage> rest = new ArrayList<>();
        for (CrawledPage p : pages) {
            if (!chosen.containsKey(p.url())) {
                rest.add(p);
            }
        }
        int want = (int) Math.ceil(structured * percent / 100.0);
        Random random = new Random(seed);
        for (int i = 0; i < want && !rest.isEmpty(); i++) {
            CrawledPage p = rest.remove(random.nextInt(rest.size()));
            chosen.put(p.url(), new Entry(p.url(), Reason.RANDOM, "random " + percent + " % (seed " + seed + ")"));
        }
        for (Process proc : processes) {
            int step = 1;
            for (URI u : proc.steps()) {
                chosen.put(u, new Entry(u, Reason.PROCESS, proc.name() + " step " + step++ + "/" + proc.steps().size()));
            }
        }
        return List.copyOf(chosen.values());
    }
}
