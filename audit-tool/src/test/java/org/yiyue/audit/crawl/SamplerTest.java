package org.yiyue.audit.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SamplerTest {

    private static CrawledPage page(String path, int depth) {
        URI u = URI.create("http://a.cn" + path);
        return new CrawledPage(u, depth, "test", new FetchResult.Html(u, u, 200, "UTF-8", "", 1), "", PageTypes.template(u), List.of());
    }

    private static List<CrawledPage> site() {
        List<CrawledPage> pages = new ArrayList<>();
        pages.add(page("/index.html", 0));
        for (int i = 1; i <= 30; i++) {
            pages.add(page("/news/" + i + ".html", 1));
        }
        for (int i = 1; i <= 12; i++) {
            pages.add(page("/guide/g" + i + ".html", 1));
        }
        pages.add(page("/help.html", 1));
        return pages;
    }

    @Test
    void structuredByTypeRandomAtLeastTenPercentAndProcesses() {
        Sampler.Process apply = new Sampler.Process("apply", List.of(URI.create("http://a.cn/apply/1"), URI.create("http://a.cn/apply/2")));
        List<Sampler.Entry> s = Sampler.sample(site(), 10, 7, List.of(apply));
        long structured = s.stream().filter(e -> e.reason() == Sampler.Reason.STRUCTURED).count();
        long random = s.stream().filter(e -> e.reason() == Sampler.Reason.RANDOM).count();
        long process = s.stream().filter(e -> e.reason() == Sampler.Reason.PROCESS).count();
        assertEquals(4, structured, "home, one news, one guide, help: " + s);
        assertTrue(random >= Math.ceil(structured * 0.10), "random ≥ 10 % of structured");
        assertEquals(1, random);
        assertEquals(2, process);
        assertEquals(s, Sampler.sample(site(), 10, 7, List.of(apply)), "same seed, same sample");
        assertEquals(4, Sampler.sample(site(), 50, 7, List.of()).stream().filter(e -> e.reason() == Sampler.Reason.RANDOM).count() * 2,
                "50 % of 4 structured = 2 random");
    }

    @Test
    void lessThanTenPercentIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Sampler.sample(site(), 5, 1, List.of()));
    }
}
