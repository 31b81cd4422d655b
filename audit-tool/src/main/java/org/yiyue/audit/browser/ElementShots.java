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
 * to the report and referenced from the finding. Elements that are gone, hidden or huge are skipped. Elements that
 * fit in one viewport are cut from one capture of it ({@link #batch}); the rest are pictured one by one.
 */
public final class ElementShots {

    private ElementShots() {
    }

    public static List<Finding> attach(WebDriver driver, List<Finding> findings, Path folder, String prefix, int max) {
        Map<String, Number> tops = new HashMap<>();
        Map<String, WebElement> shootable = shootable(driver, findings, max, tops);
        List<Finding> out = new ArrayList<>(findings.size());
        Map<String, String> done = new HashMap<>();
        // the pictures, a viewport at a time: elements that fit in one viewport come from one capture
        Map<String, String> batch = batch(driver, findings, shootable, tops, folder, prefix, max, CLIPS_UP_TO);
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
            String shot = batch.containsKey(f.target()) ? batch.get(f.target())
                    // numbered after the batch's 1..max, so a picture taken on its own never replaces one of them
                    : el == null ? null : shoot(driver, el, folder, prefix + "-" + ((batch.isEmpty() ? 0 : max) + taken + 1) + ".png");
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
    static Map<String, WebElement> shootable(WebDriver driver, List<Finding> findings, int max) {
        return shootable(driver, findings, max, null);
    }

    /** @param tops filled with each shootable target's top in document coordinates (null: fixed or sticky), when given */
    static Map<String, WebElement> shootable(WebDriver driver, List<Finding> findings, int max, Map<String, Number> tops) {
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
                    if (found.get(i) instanceof List<?> pair && pair.get(0) instanceof WebElement el) {
                        out.put(targets.get(i), el);
                        if (tops != null) {
                            tops.put(targets.get(i), pair.get(1) instanceof Number n ? n : null);
                        }
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
            // with its top in document coordinates, or null in fixed or sticky position (DOC_TOPS, in the same call)
            + "  for (var e = el; e && e.nodeType === 1; e = e.parentElement) {"
            + "    var p = getComputedStyle(e).position; if (p === 'fixed' || p === 'sticky') return [el, null]; }"
            + "  return [el, r.top + window.scrollY]; });";

    /**
     * The first {@code max} shootable targets in finding order (the ones {@link #attach} pictures), taken a viewport at
     * a time: the page is scrolled so the next element not yet pictured is at the top, one screenshot of the
     * viewport is taken (DevTools, PNG) and every element then wholly in view is cut out of it at its own box. Elements
     * in fixed or sticky position, or not wholly in view, are left to {@link #shoot} (absent from the map). Names are
     * {@code prefix-N.png} in finding order, as {@link #attach} numbers them; on any failure the map is empty and
     * every element is pictured on its own.
     */
    @SuppressWarnings("unchecked")
    static Map<String, String> batch(WebDriver driver, List<Finding> findings, Map<String, WebElement> shootable, Path folder,
                                     String prefix, int max) {
        return batch(driver, findings, shootable, null, folder, prefix, max, CLIPS_UP_TO);
    }

    /**
     * Up to this many pictures from one view are taken as clips of their own (a small clip costs about a third of a
     * viewport capture, which must then be decoded and each cut re-encoded in Java); more are cut from one capture.
     */
    static final int CLIPS_UP_TO = 3;

    static Map<String, String> batch(WebDriver driver, List<Finding> findings, Map<String, WebElement> shootable, Path folder,
                                     String prefix, int max, int clipsUpTo) {
        return batch(driver, findings, shootable, null, folder, prefix, max, clipsUpTo);
    }

    /** @param knownTops the targets' document tops as {@link #shootable} found them, or null to measure them here */
    static Map<String, String> batch(WebDriver driver, List<Finding> findings, Map<String, WebElement> shootable,
                                     Map<String, Number> knownTops, Path folder, String prefix, int max, int clipsUpTo) {
        Map<String, String> out = new HashMap<>();
        if (!(driver instanceof org.openqa.selenium.chromium.HasCdp) || shootable.isEmpty()) {
            return out;
        }
        PageChannel page = PageChannel.of(driver);
        // the targets attach() will picture, with the number it gives each
        List<String> targets = new ArrayList<>();
        for (Finding f : findings) {
            if (targets.size() >= max) {
                break;
            }
            if (f.failed() && shootable.containsKey(f.target()) && !targets.contains(f.target())) {
                targets.add(f.target());
            }
        }
        try {
            JavascriptExecutor js = (JavascriptExecutor) driver;
            List<WebElement> els = targets.stream().map(shootable::get).toList();
            List<Number> tops = knownTops != null && knownTops.keySet().containsAll(targets)
                    ? targets.stream().map(knownTops::get).toList() // (toList keeps nulls)
                    : (List<Number>) js.executeScript(DOC_TOPS, els);
            List<Integer> left = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                if (tops.get(i) != null) {
                    left.add(i);
                }
            }
            left.sort(java.util.Comparator.comparingDouble(i -> tops.get(i).doubleValue()));
            Map<String, String> shots = new HashMap<>();
            while (!left.isEmpty()) {
                int first = left.get(0);
                Map<String, Object> view = (Map<String, Object>) js.executeScript(SCROLL_AND_MEASURE, tops.get(first), els);
                double dpr = ((Number) view.get("dpr")).doubleValue();
                List<List<Number>> rects = (List<List<Number>>) view.get("rects");
                List<Integer> inView = new ArrayList<>();
                List<Integer> next = new ArrayList<>();
                for (int i : left) {
                    // not wholly in view (or covered): a later capture; the element this one was for is pictured on its own
                    (rects.get(i) == null ? next : inView).add(i);
                }
                if (dpr == 1 && inView.size() <= clipsUpTo) {
                    // each picture is its own clip of the view: the same device pixels as the cut below (device and CSS
                    // pixels are one), without capturing, decoding and re-encoding the whole viewport
                    int vw = ((Number) view.get("vw")).intValue();
                    int vh = ((Number) view.get("vh")).intValue();
                    double sx = ((Number) view.get("sx")).doubleValue();
                    double sy = ((Number) view.get("sy")).doubleValue();
                    for (int i : inView) {
                        int[] box = box(rects.get(i), 1, vw, vh);
                        if (box == null) {
                            next.add(i);
                            continue;
                        }
                        // DevTools' clip is in document coordinates
                        Map<String, Object> shot = page.cdp("Page.captureScreenshot", Map.of("format", "png",
                                "clip", Map.of("x", box[0] + sx, "y", box[1] + sy, "width", box[2], "height", box[3], "scale", 1)));
                        Files.createDirectories(folder);
                        String name = prefix + "-" + (i + 1) + ".png";
                        Files.write(folder.resolve(name), java.util.Base64.getDecoder().decode(String.valueOf(shot.get("data"))));
                        shots.put(targets.get(i), folder.getFileName() + "/" + name);
                    }
                } else if (!inView.isEmpty()) {
                    // optimizeForSpeed: Chromium's fastest PNG compression (the pixels are the same, the file larger)
                    Map<String, Object> shot = page.cdp("Page.captureScreenshot", Map.of("format", "png", "optimizeForSpeed", true));
                    java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(
                            new java.io.ByteArrayInputStream(java.util.Base64.getDecoder().decode(String.valueOf(shot.get("data")))));
                    if (image == null) {
                        break;
                    }
                    for (int i : inView) {
                        int[] box = box(rects.get(i), dpr, image.getWidth(), image.getHeight());
                        if (box == null) {
                            next.add(i);
                            continue;
                        }
                        Files.createDirectories(folder);
                        String name = prefix + "-" + (i + 1) + ".png";
                        javax.imageio.ImageIO.write(image.getSubimage(box[0], box[1], box[2], box[3]), "png", folder.resolve(name).toFile());
                        shots.put(targets.get(i), folder.getFileName() + "/" + name);
                    }
                }
                // the element this capture was for is done either way: at most one capture per element (in the order kept)
                List<Integer> order = left;
                left = new ArrayList<>(next.stream().filter(i -> i != first).sorted(java.util.Comparator.comparingInt(order::indexOf)).toList());
            }
            out.putAll(shots);
        } catch (RuntimeException | IOException e) {
            return new HashMap<>(); // each element on its own, as before
        }
        return out;
    }

    /** A viewport's element box in device pixels {x, y, w, h}, cut to the capture's size; null when under 2×2 px or outside. */
    private static int[] box(List<Number> r, double dpr, int width, int height) {
        int x = (int) Math.floor(r.get(0).doubleValue() * dpr);
        int y = (int) Math.floor(r.get(1).doubleValue() * dpr);
        int w = (int) Math.ceil(r.get(2).doubleValue() * dpr);
        int h = (int) Math.ceil(r.get(3).doubleValue() * dpr);
        w = Math.min(w, width - x);
        h = Math.min(h, height - y);
        return x < 0 || y < 0 || w < 2 || h < 2 ? null : new int[] {x, y, w, h};
    }

    /** Each element's top in document coordinates, or null for one in fixed or sticky position (it moves with the view). */
    private static final String DOC_TOPS = "return arguments[0].map(function (el) {"
            + "  for (var e = el; e && e.nodeType === 1; e = e.parentElement) {"
            + "    var p = getComputedStyle(e).position; if (p === 'fixed' || p === 'sticky') return null; }"
            + "  return el.getBoundingClientRect().top + window.scrollY; });";

    /**
     * Scrolls so that a document position is a quarter down the viewport (room for a fixed header above it), then
     * each element's box in the viewport, or null when it is not wholly in view or something else covers its centre.
     */
    private static final String SCROLL_AND_MEASURE = "var vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;"
            + "window.scrollTo(window.scrollX, Math.max(0, arguments[0] - vh / 4));"
            + "return {dpr: window.devicePixelRatio, vw: window.innerWidth, vh: window.innerHeight, sx: window.scrollX, sy: window.scrollY, rects: arguments[1].map(function (el) {"
            + "  var r = el.getBoundingClientRect();"
            + "  if (r.left < 0 || r.top < 0 || r.right > vw || r.bottom > vh) return null;"
            + "  var hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
            + "  if (hit && hit !== el && !el.contains(hit) && !hit.contains(el)) return null;"
            + "  return [r.left, r.top, r.width, r.height]; })};";

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
