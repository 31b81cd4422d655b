package org.yiyue.audit.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.yiyue.audit.report.Finding;

class FindingMergerTest {

    @Test
    void sameElementSameScFromTwoEnginesIsOneFindingWithProvenance() {
        Document dom = Jsoup.parse("<html><body><div id=logo><img src=a.png></div><img class=b src=b.png></body></html>");
        String page = "http://a.cn/";
        List<Finding> merged = FindingMerger.merge(List.of(
                Fixtures.failed(page, "yiyue", "image-name", "html > body > div#logo > img", "1.1.1"),
                Fixtures.failed(page, "axe-core", "axe:image-alt", "#logo > img", "1.1.1"),
                Fixtures.failed(page, "axe-core", "axe:image-alt", "img.b", "1.1.1"),
                Fixtures.failed(page, "axe-core", "axe:other", "#logo > img", "4.1.2")), dom);
        assertEquals(3, merged.size(), merged.toString());
        assertEquals("yiyue", merged.get(0).engine());
        assertEquals(List.of("axe-core"), merged.get(0).alsoFoundBy());
        assertEquals(List.of(), merged.get(1).alsoFoundBy());
        assertEquals("4.1.2", merged.get(2).sc().get(0), "another SC on the same element stays separate");
    }
}
