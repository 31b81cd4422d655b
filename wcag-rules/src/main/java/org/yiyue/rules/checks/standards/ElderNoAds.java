package org.yiyue.rules.checks.standards;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.nodes.Element;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Confidence;
import org.yiyue.rules.model.Impact;
import org.yiyue.rules.model.Text;
import org.yiyue.rules.page.Page;

/** MIIT W-S1: 适老化 pages carry no advertising or ad plug-ins (ad-network hosts in iframes, scripts, images). */
public final class ElderNoAds extends PageCheck {

    /** Ad-serving hosts (declared pattern list; suffix match). */
    static final Set<String> AD_HOSTS = Set.of("googlesyndication.com", "doubleclick.net", "googleadservices.com",
            "adservice.google.com", "pos.baidu.com", "cpro.baidu.com", "cpro.baidustatic.com", "dup.baidustatic.com",
            "cbjs.baidu.com", "tanx.com", "alimama.com", "adsame.com", "allyes.com", "mediav.com", "gdt.qq.com",
            "e.qq.com", "l.qq.com", "ad.toutiao.com", "pangolin-sdk-toutiao.com", "adnxs.com", "criteo.com");

    public ElderNoAds() {
        super(Meta.rule("elder-no-ads")
                .title("适老化页面不含广告", "Elder-mode page contains no advertising")
                .help("适老化页面中移除广告位和广告插件", "Remove ad slots and ad plug-ins from elder-mode pages")
                .miit("W-S1", "适老化页面中无广告及广告插件", Confidence.N)
                .tags("elder", "miit").impact(Impact.SERIOUS).build());
    }

    @Override
    protected boolean applies(Page page) {
        return ElderPage.is(page);
    }

    static boolean adHost(String src) {
        try {
            String host = URI.create(src.trim().replace(" ", "%20")).getHost();
            if (host == null) {
                return false;
            }
            String h = host.toLowerCase(Locale.ROOT);
            return AD_HOSTS.stream().anyMatch(a -> h.equals(a) || h.endsWith("." + a));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    protected List<Finding> findings(Page page) {
        List<Finding> out = new ArrayList<>();
        for (Element e : page.document().select("iframe[src], script[src], img[src], embed[src], object[data]")) {
            String src = e.hasAttr("data") && e.normalName().equals("object") ? e.absUrl("data") : e.absUrl("src");
            if (src.isEmpty()) {
                src = e.attr("src");
            }
            if (adHost(src)) {
                out.add(new Finding(e, Verdict.fail("引用了广告服务器：" + src, "Loads from an ad server: " + src)));
            }
        }
        return out;
    }

    @Override
    protected Text passMessage() {
        return Text.of("未发现广告服务器资源", "No ad-server resources found");
    }
}
