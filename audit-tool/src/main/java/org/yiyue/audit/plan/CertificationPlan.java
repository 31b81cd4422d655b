package org.yiyue.audit.plan;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code yiyue certify --plan FILE} audits, as read from a plan file (JSON, documented by
 * {@code certification-plan.schema.json}): sites with their start URLs, crawl limits, sample, mobile section,
 * sign-in and complete processes. Nothing in it is specific to one site's code: the replica sites have a plan file
 * in demo-sites like any real site would.
 *
 * @param directory the plan file's folder (files named by {@code attach} steps are relative to it)
 */
public record CertificationPlan(String title, String titleEn, boolean loopbackOnly, List<Site> sites, Path directory) {

    public CertificationPlan {
        sites = List.copyOf(sites);
    }

    /**
     * One site. URLs are absolute, resolved against {@code baseUrl}.
     *
     * @param mobilePrefix path prefix audited in a phone viewport, or null
     */
    public record Site(String id, String name, URI baseUrl, List<URI> startUrls, Crawl crawl, Sample sample,
                       String mobilePrefix, Optional<Login> login, List<Process> processes) {
        public Site {
            startUrls = List.copyOf(startUrls);
            processes = List.copyOf(processes);
        }
    }

    /** Crawl limits; {@code include}/{@code exclude} are regular expressions. */
    public record Crawl(int maxPages, int depth, boolean sameSite, List<String> include, List<String> exclude,
                        long delayMs, int concurrency, boolean sitemap, boolean robots) {
    }

    /** WCAG-EM sampling (or every crawled page when {@code wcagEm} is false). */
    public record Sample(boolean wcagEm, int randomPercent, long seed) {
    }

    /** Sign-in: declared browser steps whose cookies are kept, or a cookie obtained by hand. */
    public sealed interface Login permits StepsLogin, CookieLogin {
    }

    /** @param sessionCookies names of the cookies to keep; empty: every cookie of the site */
    public record StepsLogin(List<PlanStep> steps, List<String> sessionCookies) implements Login {
    }

    public record CookieLogin(String name, String value) implements Login {
    }

    /** A complete process: every step page is audited; {@code then} leads from a step to the next. */
    public record Process(String name, List<ProcessStep> steps) {
    }

    public record ProcessStep(URI url, List<PlanStep> then) {
    }

    public Site site(String id) {
        return sites.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no site '" + id + "' in the plan (has: "
                        + sites.stream().map(Site::id).toList() + ")"));
    }

    /** The same plan with one site moved to another origin (every URL of the site keeps its path and query). */
    public CertificationPlan withOrigin(String id, URI origin) {
        Site s = site(id);
        List<Site> moved = sites.stream().map(x -> x == s ? Rebase.site(s, origin) : x).toList();
        return new CertificationPlan(title, titleEn, loopbackOnly, moved, directory);
    }
}
