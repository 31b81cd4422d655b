package org.yiyue.audit.plan;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.yiyue.audit.browser.AuditBrowser;

/**
 * Signs in to a site as its plan declares and walks its processes once (fill, choose, tick, attach, press), in a
 * real Chromium as a person would, and hands back the session cookies so that every step page can then be audited
 * like any other page (WCAG-EM's complete processes). A step that finds nothing to act on stops with a message
 * naming the site, the step and the page.
 */
public final class SessionWalker {

    private final boolean loopbackOnly;
    private final Duration timeout;

    public SessionWalker(boolean loopbackOnly, Duration timeout) {
        this.loopbackOnly = loopbackOnly;
        this.timeout = timeout;
    }

    /** The cookies to send with the audit's requests: none without a login, the declared cookie, or the walked session's. */
    public Map<String, String> cookies(CertificationPlan.Site site) {
        Optional<CertificationPlan.Login> login = site.login();
        if (login.isEmpty()) {
            return Map.of();
        }
        if (login.get() instanceof CertificationPlan.CookieLogin c) {
            return Map.of(c.name(), c.value());
        }
        CertificationPlan.StepsLogin steps = (CertificationPlan.StepsLogin) login.get();
        try (AuditBrowser browser = startBrowser()) {
            ChromeDriver d = browser.driver();
            run(d, site, "login", steps.steps());
            for (CertificationPlan.Process p : site.processes()) {
                for (CertificationPlan.ProcessStep st : p.steps()) {
                    if (!st.then().isEmpty()) {
                        d.get(st.url().toString());
                        run(d, site, p.name() + " " + st.url().getPath(), st.then());
                    }
                }
            }
            Map<String, String> out = new LinkedHashMap<>();
            for (Cookie c : d.manage().getCookies()) {
                if (steps.sessionCookies().isEmpty() || steps.sessionCookies().contains(c.getName())) {
                    out.put(c.getName(), c.getValue());
                }
            }
            for (String wanted : steps.sessionCookies()) {
                if (!out.containsKey(wanted)) {
                    throw new IllegalStateException("site " + site.id() + ": after the login steps there is no cookie " + wanted
                            + " (page " + d.getCurrentUrl() + ")");
                }
            }
            return out;
        }
    }

    /** One more try when Chromium does not come up in time (seen on an overloaded machine: renderer timeout). */
    private AuditBrowser startBrowser() {
        try {
            return AuditBrowser.start(loopbackOnly, timeout);
        } catch (IllegalStateException | WebDriverException e) {
            return AuditBrowser.start(loopbackOnly, timeout);
        }
    }

    private static void run(ChromeDriver d, CertificationPlan.Site site, String phase, List<PlanStep> steps) {
        int n = 0;
        for (PlanStep st : steps) {
            n++;
            try {
                act(d, st);
            } catch (WebDriverException e) {
                String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
                throw new IllegalStateException("site " + site.id() + ", " + phase + " step " + n + " (" + st.describe()
                        + ") failed on " + d.getCurrentUrl() + ": " + first);
            }
        }
    }

    private static void act(ChromeDriver d, PlanStep st) {
        if (st instanceof PlanStep.Open o) {
            d.get(o.url().toString());
        } else if (st instanceof PlanStep.Fill f) {
            WebElement e = d.findElement(By.cssSelector(f.selector()));
            e.clear();
            e.sendKeys(f.value());
        } else if (st instanceof PlanStep.Select s) {
            new Select(d.findElement(By.cssSelector(s.selector()))).selectByValue(s.value());
        } else if (st instanceof PlanStep.Check c) {
            WebElement e = d.findElement(By.cssSelector(c.selector()));
            if (!e.isSelected()) {
                e.click();
            }
        } else if (st instanceof PlanStep.Attach a) {
            // file inputs take the path even when the page hides them behind its own button (W3C WebDriver upload)
            d.findElement(By.cssSelector(a.selector())).sendKeys(a.file().toAbsolutePath().toString());
        } else if (st instanceof PlanStep.Press p) {
            String before = d.getCurrentUrl();
            d.findElement(By.cssSelector(p.selector())).click();
            waitForLoad(d, before);
        }
    }

    /** After a press: the next document has loaded (or the same one settled, for a press that stays on the page). */
    private static void waitForLoad(ChromeDriver d, String before) {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            Object state = ((JavascriptExecutor) d).executeScript("return document.readyState");
            if ("complete".equals(state) && !URI.create(d.getCurrentUrl()).equals(URI.create(before))) {
                return;
            }
            if ("complete".equals(state) && System.nanoTime() > end - Duration.ofSeconds(18).toNanos()) {
                return; // stayed on the page for 2 s: a press that does not navigate
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
