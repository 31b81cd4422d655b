package org.yiyue.audit.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
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
            String shot = shoot(driver, f.target(), folder, prefix + "-" + (taken + 1) + ".png");
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

    private static String shoot(WebDriver driver, String selector, Path folder, String name) {
        try {
            List<WebElement> els = driver.findElements(By.cssSelector(selector));
            if (els.size() != 1) {
                return null;
            }
            WebElement el = els.get(0);
            org.openqa.selenium.Rectangle r = el.getRect();
            if (r.getWidth() < 2 || r.getHeight() < 2 || r.getWidth() > 2000 || r.getHeight() > 1500 || !el.isDisplayed()) {
                return null;
            }
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
