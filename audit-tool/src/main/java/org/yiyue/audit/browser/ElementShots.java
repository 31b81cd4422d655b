package org.yiyue.audit.browser;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.yiyue.audit.report.Finding;

/**
 * Cropped screenshots of failing elements as evidence: the element's own box, a few per page, saved as PNG next
 * to the report and referenced from the finding. Elements that are gone, hidden or huge are skipped. Elements that
 * fit in one viewport are pictured a viewport at a time ({@link #batch}); the rest one by one ({@link #shoot}).
 * <p>
 * Everything but that rare one-by-one picture goes over the page's DevTools channel ({@link PageChannel}): the
 * elements are found by their selectors in the page and kept there (by index) for the later calls, so no WebElement
 * crosses chromedriver. One script finds the elements, scrolls to the first view and measures it; each further view
 * is one script; each view is pictured by as few DevTools captures as cost least (see {@link Cost}).
 */
public final class ElementShots {

    /** Where the page keeps the elements {@link #shootable} found, by target index (a non-enumerable property of the window). */
    private static final String KEPT = "__yiyueShotElements";

    private ElementShots() {
    }

    /** The failed findings' elements worth a picture: target → its top in document coordinates (null: fixed or sticky). */
    record Found(List<String> targets, Map<String, Number> tops) {
        boolean shootable(String target) {
            return tops.containsKey(target);
        }

        int index(String target) {
            return targets.indexOf(target);
        }
    }

    public static List<Finding> attach(WebDriver driver, List<Finding> findings, Path folder, String prefix, int max) {
        PageChannel page = PageChannel.of(driver);
        Map<String, Object> firstView = new HashMap<>();
        Found found = shootable(page, findings, max, firstView);
        List<Finding> out = new ArrayList<>(findings.size());
        Map<String, String> done = new HashMap<>();
        // the pictures, a viewport at a time: elements that fit in one viewport come from one view's captures
        Map<String, String> batch = batch(driver, findings, found, firstView, folder, prefix, max, CLIPS_UP_TO);
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
            String shot = batch.containsKey(f.target()) ? batch.get(f.target())
                    // numbered after the batch's 1..max, so a picture taken on its own never replaces one of them
                    : !found.shootable(f.target()) ? null
                    : shoot(page, found.index(f.target()), folder, prefix + "-" + ((batch.isEmpty() ? 0 : max) + taken + 1) + ".png");
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
     * The failed findings' elements worth a picture, found in one script call: the selector matches exactly one
     * element, which is displayed and between 2×2 and 2000×1500 px. The page keeps them for {@link #batch} and
     * {@link #shoot}.
     */
    static Found shootable(WebDriver driver, List<Finding> findings, int max) {
        return shootable(PageChannel.of(driver), findings, max, null);
    }

    /**
     * @param firstView when given, the same call also scrolls to the first view {@link #batch} takes for the first
     *                  {@code max} shootable targets and puts its measurements here (as {@link #MEASURE} returns them)
     */
    @SuppressWarnings("unchecked")
    private static Found shootable(PageChannel page, List<Finding> findings, int max, Map<String, Object> firstView) {
        List<String> targets = new ArrayList<>();
        for (Finding f : findings) {
            if (f.failed() && f.target() != null && !f.target().isBlank() && !"html".equals(f.target()) && !targets.contains(f.target())) {
                targets.add(f.target());
            }
        }
        Map<String, Number> tops = new HashMap<>();
        if (targets.isEmpty() || max <= 0) {
            return new Found(targets, tops);
        }
        try {
            Map<String, Object> r = (Map<String, Object>) page.script(SHOOTABLE, targets, firstView == null ? 0 : max);
            List<Object> found = (List<Object>) r.get("found");
            for (int i = 0; i < found.size() && i < targets.size(); i++) {
                // false: not shootable; null: fixed or sticky; else the top in document coordinates
                if (!Boolean.FALSE.equals(found.get(i))) {
                    tops.put(targets.get(i), found.get(i) instanceof Number n ? n : null);
                }
            }
            if (firstView != null && r.get("view") instanceof Map<?, ?> view) {
                firstView.putAll((Map<String, Object>) view);
            }
        } catch (RuntimeException e) {
            // no pictures for this page: evidence is a bonus
            tops.clear();
        }
        return new Found(targets, tops);
    }

    private static final String SHOOTABLE = "var visible = " + Scripts.get("element-visible.js").substring("return ".length()) + ";"
            + "var els = [], found = arguments[0].map(function (sel, i) {"
            + "  els[i] = null;"
            + "  var all; try { all = document.querySelectorAll(sel); } catch (e) { return false; }"
            + "  if (all.length !== 1) return false;"
            + "  var el = all[0], r = el.getBoundingClientRect();"
            + "  if (r.width < 2 || r.height < 2 || r.width > 2000 || r.height > 1500 || !visible(el)) return false;"
            + "  els[i] = el;"
            // its top in document coordinates, or null in fixed or sticky position (it moves with the view)
            + "  for (var e = el; e && e.nodeType === 1; e = e.parentElement) {"
            + "    var p = getComputedStyle(e).position; if (p === 'fixed' || p === 'sticky') return null; }"
            + "  return r.top + window.scrollY; });"
            + "Object.defineProperty(window, '" + KEPT + "', {value: els, configurable: true, writable: true, enumerable: false});"
            // the first view of batch(): the first max shootable targets, scrolled to the topmost (the first of equals)
            + "var batch = [], first = -1;"
            + "for (var i = 0; i < found.length && batch.length < arguments[1]; i++) {"
            + "  if (found[i] === false) continue; batch.push(i);"
            + "  if (found[i] !== null && (first < 0 || found[i] < found[first])) first = i; }"
            + "return {found: found, view: first < 0 ? null : measure(found[first], batch)};"
            + "function measure(top, ks) {" + measureBody("top", "ks") + "}";

    /**
     * Scrolls so that a document position is a quarter down the viewport (room for a fixed header above it), then
     * each kept element's box in the viewport, or null when it is not wholly in view or something else covers its
     * centre: {dpr, vw, vh, sx, sy, rects: {index: [left, top, width, height] or null}}.
     */
    private static final String MEASURE = "var els = window." + KEPT + "; if (!els) throw new Error('the elements are gone');"
            + measureBody("arguments[0]", "arguments[1]");

    private static String measureBody(String top, String indices) {
        return "var vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;"
                + "window.scrollTo(window.scrollX, Math.max(0, " + top + " - vh / 4));"
                + "var rects = {}; " + indices + ".forEach(function (k) {"
                + "  var el = els[k], r = el.getBoundingClientRect();"
                + "  if (r.left < 0 || r.top < 0 || r.right > vw || r.bottom > vh) { rects[k] = null; return; }"
                + "  var hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                + "  rects[k] = hit && hit !== el && !el.contains(hit) && !hit.contains(el) ? null : [r.left, r.top, r.width, r.height]; });"
                + "return {dpr: window.devicePixelRatio, vw: window.innerWidth, vh: window.innerHeight, sx: window.scrollX, sy: window.scrollY, rects: rects};";
    }

    /** Most DevTools captures per view (elements close together share one: {@link Cost}); 0: one viewport capture, cut in Java. */
    static final int CLIPS_UP_TO = 8;

    /**
     * The first {@code max} shootable targets in finding order (the ones {@link #attach} pictures), taken a viewport at
     * a time: the page is scrolled so the next element not yet pictured is a quarter down the view, and every element
     * then wholly in view is pictured at its own box from this view. Elements in fixed or sticky position, or not
     * wholly in view, are left to {@link #shoot} (absent from the map). Names are {@code prefix-N.png} in finding
     * order, as {@link #attach} numbers them; on any failure the map is empty and every element is pictured on its own.
     */
    static Map<String, String> batch(WebDriver driver, List<Finding> findings, Found found, Path folder, String prefix, int max) {
        return batch(driver, findings, found, null, folder, prefix, max, CLIPS_UP_TO);
    }

    static Map<String, String> batch(WebDriver driver, List<Finding> findings, Found found, Path folder, String prefix, int max,
                                     int clipsUpTo) {
        return batch(driver, findings, found, null, folder, prefix, max, clipsUpTo);
    }

    /**
     * @param firstView the first view as {@link #shootable} measured it (empty or null: measured here)
     * @param clipsUpTo at one device pixel per CSS pixel, each view is pictured by at most this many clips of the
     *                  view (elements sharing one are cut from it in Java), or by one viewport capture when that costs
     *                  less; 0, and always at other pixel ratios: one viewport capture, cut in Java. The pixels are
     *                  the same either way.
     */
    @SuppressWarnings("unchecked")
    static Map<String, String> batch(WebDriver driver, List<Finding> findings, Found found, Map<String, Object> firstView,
                                     Path folder, String prefix, int max, int clipsUpTo) {
        Map<String, String> out = new HashMap<>();
        if (!(driver instanceof org.openqa.selenium.chromium.HasCdp) || found.tops().isEmpty()) {
            return out;
        }
        PageChannel page = PageChannel.of(driver);
        // the targets attach() will picture, with the number it gives each
        List<String> targets = new ArrayList<>();
        for (Finding f : findings) {
            if (targets.size() >= max) {
                break;
            }
            if (f.failed() && found.shootable(f.target()) && !targets.contains(f.target())) {
                targets.add(f.target());
            }
        }
        try {
            List<Number> tops = targets.stream().map(found.tops()::get).toList(); // (toList keeps nulls)
            List<Integer> left = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                if (tops.get(i) != null) {
                    left.add(i);
                }
            }
            left.sort(Comparator.comparingDouble(i -> tops.get(i).doubleValue()));
            Map<String, String> shots = new HashMap<>();
            Map<String, Object> measured = firstView == null || firstView.isEmpty() ? null : firstView;
            while (!left.isEmpty()) {
                int first = left.get(0);
                Map<String, Object> view = measured != null ? measured
                        : (Map<String, Object>) page.script(MEASURE, tops.get(first), left.stream().map(i -> found.index(targets.get(i))).toList());
                measured = null;
                double dpr = ((Number) view.get("dpr")).doubleValue();
                Map<String, Object> rects = (Map<String, Object>) view.get("rects");
                List<Integer> inView = new ArrayList<>();
                List<Integer> next = new ArrayList<>();
                Map<Integer, List<Number>> rectOf = new HashMap<>();
                for (int i : left) {
                    Object r = rects.get(String.valueOf(found.index(targets.get(i))));
                    // not wholly in view (or covered): a later view; the element this one was for is pictured on its own
                    if (r instanceof List<?> rect) {
                        rectOf.put(i, (List<Number>) rect);
                        inView.add(i);
                    } else {
                        next.add(i);
                    }
                }
                if (!inView.isEmpty()) {
                    Files.createDirectories(folder);
                }
                if (dpr == 1 && clipsUpTo > 0 && !inView.isEmpty()) {
                    // device and CSS pixels are one: clips of the view hold the same pixels as cuts of a viewport capture
                    int vw = ((Number) view.get("vw")).intValue();
                    int vh = ((Number) view.get("vh")).intValue();
                    double sx = ((Number) view.get("sx")).doubleValue();
                    double sy = ((Number) view.get("sy")).doubleValue();
                    Map<Integer, int[]> boxes = new LinkedHashMap<>();
                    for (int i : inView) {
                        int[] box = box(rectOf.get(i), 1, vw, vh);
                        if (box == null) {
                            next.add(i);
                        } else {
                            boxes.put(i, box);
                        }
                    }
                    List<List<Integer>> groups = Cost.groups(boxes, vw, vh, clipsUpTo);
                    if (groups == null) {
                        cutViewport(page, 1, new ArrayList<>(boxes.keySet()), rectOf, next, targets, folder, prefix, shots);
                    } else {
                        for (List<Integer> group : groups) {
                            clip(page, group, boxes, sx, sy, targets, folder, prefix, shots);
                        }
                    }
                } else if (!inView.isEmpty()) {
                    cutViewport(page, dpr, inView, rectOf, next, targets, folder, prefix, shots);
                }
                // the element this view was for is done either way: at most one view per element (in the order kept)
                List<Integer> order = left;
                left = new ArrayList<>(next.stream().filter(i -> i != first).sorted(Comparator.comparingInt(order::indexOf)).toList());
            }
            out.putAll(shots);
        } catch (RuntimeException | IOException e) {
            return new HashMap<>(); // each element on its own, as before
        }
        return out;
    }

    /** One clip of the view for a group of elements: written as it comes when alone, else decoded and each element cut out. */
    private static void clip(PageChannel page, List<Integer> group, Map<Integer, int[]> boxes, double sx, double sy,
                             List<String> targets, Path folder, String prefix, Map<String, String> shots) throws IOException {
        int[] u = Cost.union(group, boxes);
        // DevTools' clip is in document coordinates
        Map<String, Object> shot = page.cdp("Page.captureScreenshot", Map.of("format", "png",
                "clip", Map.of("x", u[0] + sx, "y", u[1] + sy, "width", u[2], "height", u[3], "scale", 1)));
        byte[] png = Base64.getDecoder().decode(String.valueOf(shot.get("data")));
        if (group.size() == 1) {
            int i = group.get(0);
            String name = prefix + "-" + (i + 1) + ".png";
            Files.write(folder.resolve(name), png);
            shots.put(targets.get(i), folder.getFileName() + "/" + name);
            return;
        }
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        if (image == null || image.getWidth() != u[2] || image.getHeight() != u[3]) {
            throw new IOException("a clip of " + u[2] + "×" + u[3] + " came back as another picture");
        }
        for (int i : group) {
            int[] b = boxes.get(i);
            String name = prefix + "-" + (i + 1) + ".png";
            ImageIO.write(image.getSubimage(b[0] - u[0], b[1] - u[1], b[2], b[3]), "png", folder.resolve(name).toFile());
            shots.put(targets.get(i), folder.getFileName() + "/" + name);
        }
    }

    /**
     * One capture of the viewport, each element cut out at its box (its rect in device pixels, cut to the capture's
     * size); an element whose box falls outside goes to {@code next}.
     */
    private static void cutViewport(PageChannel page, double dpr, List<Integer> ids, Map<Integer, List<Number>> rects, List<Integer> next,
                                    List<String> targets, Path folder, String prefix, Map<String, String> shots) throws IOException {
        // optimizeForSpeed: Chromium's fastest PNG compression (the pixels are the same, the file larger)
        Map<String, Object> shot = page.cdp("Page.captureScreenshot", Map.of("format", "png", "optimizeForSpeed", true));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(String.valueOf(shot.get("data")))));
        if (image == null) {
            throw new IOException("no picture");
        }
        for (int i : ids) {
            int[] box = box(rects.get(i), dpr, image.getWidth(), image.getHeight());
            if (box == null) {
                next.add(i);
                continue;
            }
            String name = prefix + "-" + (i + 1) + ".png";
            ImageIO.write(image.getSubimage(box[0], box[1], box[2], box[3]), "png", folder.resolve(name).toFile());
            shots.put(targets.get(i), folder.getFileName() + "/" + name);
        }
    }

    /**
     * What a view's pictures cost (CPU, this JVM and Chromium, measured on the replica pages with DevTools'
     * Page.captureScreenshot in headless Chromium 156): a clip of the view about 15 ms plus about 0.085 ms per
     * thousand pixels (Chromium re-renders the view for a clip and reads back and PNG-encodes its area); a viewport
     * capture about 5 ms plus the same per pixel; a capture decoded in Java about 0.03 ms per thousand pixels more,
     * and each cut about 1.5 ms to encode. Elements close together are cheapest in one clip, elements far apart in
     * clips of their own.
     */
    static final class Cost {
        static final double CLIP = 15;
        static final double VIEWPORT = 5;
        static final double PER_KPX = 0.085;
        static final double DECODE_PER_KPX = 0.03;
        static final double CUT = 1.5;

        private Cost() {
        }

        /** The smallest box holding every box of the group {x, y, w, h}. */
        static int[] union(List<Integer> group, Map<Integer, int[]> boxes) {
            int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = Integer.MIN_VALUE, y1 = Integer.MIN_VALUE;
            for (int i : group) {
                int[] b = boxes.get(i);
                x0 = Math.min(x0, b[0]);
                y0 = Math.min(y0, b[1]);
                x1 = Math.max(x1, b[0] + b[2]);
                y1 = Math.max(y1, b[1] + b[3]);
            }
            return new int[] {x0, y0, x1 - x0, y1 - y0};
        }

        static double clip(List<Integer> group, Map<Integer, int[]> boxes) {
            int[] u = union(group, boxes);
            double kpx = (double) u[2] * u[3] / 1000;
            return group.size() == 1 ? CLIP + PER_KPX * kpx : CLIP + (PER_KPX + DECODE_PER_KPX) * kpx + CUT * group.size();
        }

        /**
         * The clips for a view's boxes, elements in view order (groups merged while that costs less, and until at most
         * {@code most} are left), or null when one viewport capture cut in Java costs less.
         */
        static List<List<Integer>> groups(Map<Integer, int[]> boxes, int vw, int vh, int most) {
            List<List<Integer>> groups = new ArrayList<>();
            for (int i : boxes.keySet()) {
                groups.add(new ArrayList<>(List.of(i)));
            }
            if (groups.isEmpty()) {
                return groups;
            }
            while (groups.size() > 1) {
                int bestA = -1, bestB = -1;
                double bestGain = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < groups.size(); a++) {
                    for (int b = a + 1; b < groups.size(); b++) {
                        List<Integer> merged = new ArrayList<>(groups.get(a));
                        merged.addAll(groups.get(b));
                        double gain = clip(groups.get(a), boxes) + clip(groups.get(b), boxes) - clip(merged, boxes);
                        if (gain > bestGain) {
                            bestGain = gain;
                            bestA = a;
                            bestB = b;
                        }
                    }
                }
                if (bestGain <= 0 && groups.size() <= most) {
                    break;
                }
                groups.get(bestA).addAll(groups.remove(bestB));
            }
            double clips = groups.stream().mapToDouble(g -> clip(g, boxes)).sum();
            double viewport = VIEWPORT + (PER_KPX + DECODE_PER_KPX) * vw * vh / 1000 + CUT * boxes.size();
            return viewport < clips ? null : groups;
        }
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

    /**
     * One element pictured on its own, as WebDriver's element screenshot takes it (the element scrolled to the middle
     * of the view first): the page gives chromedriver the element it keeps, chromedriver takes the picture.
     */
    private static String shoot(PageChannel page, int index, Path folder, String name) {
        try {
            Object el = page.script("var el = window." + KEPT + "[arguments[0]]; el.scrollIntoView({block:'center'}); return el;", index);
            if (!(el instanceof WebElement e)) {
                return null;
            }
            byte[] png = e.getScreenshotAs(OutputType.BYTES);
            Files.createDirectories(folder);
            Files.write(folder.resolve(name), png);
            return folder.getFileName() + "/" + name;
        } catch (RuntimeException | IOException e) {
            return null; // evidence is a bonus: a missing screenshot never loses the finding
        }
    }
}
