package org.yiyue.audit.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.yiyue.audit.report.Finding;

/**
 * Cropped screenshots of failing elements as evidence: the element's own box, a few per page, saved as PNG next
 * to the report and referenced from the finding. Elements that are gone, hidden or huge are skipped.
 */
public final class ElementShots {

    private ElementShots() {
    }

    public static List<Finding> attach(WebDriver driver, List<Finding> findings, Path folder, String prefix, int max) {
        Map<String, WebElement> shootable = shootable(driver, findings, max);
        List<Finding> out = new ArrayList<>(findings.size());
        Map<String, String> done = new HashMap<>();
        int taken = 0;
        for (Finding f : findings) {
            if (!f.failed() || f.target() == null || f.target().isBlank() || "html".equals(f.target())) {
                out.add(f);
                continue;
            }
            String existing = done.get(f.target());
            if (existing != null) {
                out.add(f.withScreenshot(existing));
                continue;
            }
            if (taken >= max) {
                out.add(f);
                continue;
            }
            WebElement el = shootable.get(f.target());
            String shot = el == null ? null : shoot(driver, el, folder, prefix + "-" + (taken + 1) + ".png");
            if (shot != null) {
                taken++;
                done.put(f.target(), shot);
                out.add(f.withScreenshot(shot));
            } else {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * The failed findings' elements worth a picture, found in one script call (not four WebDriver calls each): the
     * selector matches exactly one element, which is displayed and between 2×2 and 2000×1500 px.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, WebElement> shootable(WebDriver driver, List<Finding> findings, int max) {
        List<String> targets = new ArrayList<>();
        for (Finding f : findings) {
            if (f.failed() && f.target() != null && !f.target().isBlank() && !"html".equals(f.target()) && !targets.contains(f.target())) {
                targets.add(f.target());
            }
        }
        Map<String, WebElement> out = new HashMap<>();
        if (targets.isEmpty() || max <= 0) {
            return out;
        }
        try {
            Object r = ((JavascriptExecutor) driver).executeScript(SHOOTABLE, targets);
            if (r instanceof List<?> found) {
                for (int i = 0; i < found.size() && i < targets.size(); i++) {
                    if (found.get(i) instanceof WebElement el) {
                        out.put(targets.get(i), el);
                    }
                }
            }
        } catch (RuntimeException e) {
            // no pictures for this page: evidence is a bonus
        }
        return out;
    }

    private static final String SHOOTABLE = "var visible = " + Scripts.get("element-visible.js").substring("return ".length()) + ";"
            + "return arguments[0].map(function (sel) {"
            + "  var els; try { els = document.querySelectorAll(sel); } catch (e) { return null; }"
            + "  if (els.length !== 1) return null;"
            + "  var el = els[0], r = el.getBoundingClientRect();"
            + "  if (r.width < 2 || r.height < 2 || r.width > 2000 || r.height > 1500 || !visible(el)) return null;"
            + "  return el; });";

    private static String shoot(WebDriver driver, WebElement el, Path folder, String name) {
        try {
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'});", el);
            byte[] png = el.getScreenshotAs(OutputType.BYTES);
            Files.createDirectories(folder);
            Files.write(folder.resolve(name), png);
            return folder.getFileName() + "/" + name;
        } catch (RuntimeException | IOException e) {
            return null; // evidence is a bonus: a missing screenshot never loses the finding
        }
    }
}
