package org.yiyue.rules.checks.standards;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.yiyue.rules.page.Page;

/**
 * Declared patterns that mark a 适老化 (elder-mode) page: the standard name 长辈版 and its aliases in the title or
 * first heading, elder-mode path segments in the URL, or an explicit data-elder-mode / data-yiyue-mode="elder"
 * declaration on the html element.
 */
public final class ElderPage {

    private ElderPage() {
    }

    static final Pattern NAMES = Pattern.compile("长辈版|亲情版|关爱版|关怀版|适老版|适老化|老年版|大字版");
    private static final Pattern URL = Pattern.compile("(?i)[/._-](zlb|elder|elderly|care|ghb|laonian|shilaohua|slh)([/._-]|$)");

    public static boolean is(Page page) {
        Element html = page.document().firstElementChild();
        if (html != null && (html.hasAttr("data-elder-mode")
                || "elder".equalsIgnoreCase(html.attr("data-yiyue-mode")))) {
            return true;
        }
        if (URL.matcher(page.url().toLowerCase(Locale.ROOT)).find()) {
            return true;
        }
        String title = page.document().title();
        if (NAMES.matcher(title).find()) {
            return true;
        }
        Element h1 = page.document().selectFirst("h1");
        return h1 != null && NAMES.matcher(h1.text()).find();
    }

    /** Mobile web page: declares a device-width viewport. */
    public static boolean mobile(Page page) {
        for (Element m : page.document().select("meta[name]")) {
            if (m.attr("name").trim().equalsIgnoreCase("viewport")
                    && m.attr("content").toLowerCase(Locale.ROOT).replace(" ", "").contains("width=device-width")) {
                return true;
            }
        }
        return false;
    }
}
