package org.yiyue.audit.core;

import org.jsoup.Jsoup;
import org.openqa.selenium.WebDriver;
import org.yiyue.rules.page.Page;

/**
 * Turns the page loaded in the browser into a rule {@link Page}. The default serialises the rendered DOM
 * without measured facts (rules needing them answer cantTell); a collector of rendered facts can replace it.
 */
@FunctionalInterface
public interface RenderedCapture {

    Page capture(WebDriver driver, String url);

    RenderedCapture DOM_ONLY = (driver, url) -> {
        String html = (String) org.yiyue.audit.browser.PageChannel.of(driver).script(
                "return '<!DOCTYPE html>' + document.documentElement.outerHTML;");
        return Page.of(Jsoup.parse(html, url), url);
    };
}
