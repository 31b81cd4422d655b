package org.yiyue.audit.plan;

import java.net.URI;
import java.util.List;

/** Moves a site's URLs to another origin (the replicas on test ports, a staging copy of a real site). */
final class Rebase {

    private Rebase() {
    }

    static CertificationPlan.Site site(CertificationPlan.Site s, URI origin) {
        URI from = s.baseUrl();
        List<CertificationPlan.Process> processes = s.processes().stream()
                .map(p -> new CertificationPlan.Process(p.name(), p.steps().stream()
                        .map(st -> new CertificationPlan.ProcessStep(url(st.url(), from, origin), steps(st.then(), from, origin)))
                        .toList()))
                .toList();
        var login = s.login().map(l -> l instanceof CertificationPlan.StepsLogin sl
                ? new CertificationPlan.StepsLogin(steps(sl.steps(), from, origin), sl.sessionCookies()) : l);
        return new CertificationPlan.Site(s.id(), s.name(), url(from, from, origin),
                s.startUrls().stream().map(u -> url(u, from, origin)).toList(), s.crawl(), s.sample(), s.mobilePrefix(),
                login, processes);
    }

    private static List<PlanStep> steps(List<PlanStep> steps, URI from, URI origin) {
        return steps.stream().map(st -> st instanceof PlanStep.Open o ? new PlanStep.Open(url(o.url(), from, origin)) : st).toList();
    }

    /** URLs on the site's own origin move; links to other hosts stay. */
    static URI url(URI u, URI from, URI origin) {
        if (!sameOrigin(u, from)) {
            return u;
        }
        return URI.create(origin.getScheme() + "://" + origin.getRawAuthority() + (u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath())
                + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()));
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }
}
