package org.yiyue.audit.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.openqa.selenium.WebDriver;
import org.yiyue.rules.color.CssColor;
import org.yiyue.rules.page.Box;
import org.yiyue.rules.page.ElementFacts;
import org.yiyue.rules.page.IndexedFacts;
import org.yiyue.rules.page.Page;
import org.yiyue.rules.page.Rgba;

/**
 * Gathers rendered facts for the rule library in ONE script call: the script numbers every element with
 * {@value IndexedFacts#INDEX_ATTRIBUTE}, measures it (computed colours, composited background, font, box,
 * display, visibility, focusability, scrolling, spacing), probes focus styles and obscuring, and returns the
 * serialised DOM; Jsoup parses that DOM and the facts are found again by index. Open shadow trees are grafted in
 * as the flat tree ({@link FlatTree}).
 *
 * <p>Usable as the audit core's {@code RenderedCapture}: {@code FactsCollector::capture}.
 */
public final class FactsCollector {

    /** Pages beyond this many elements keep facts for the first ones only (the rest answer cantTell). */
    public static final int MAX_ELEMENTS = 30_000;
    public static final int MAX_FOCUS_PROBES = 400;

    private static final String SCRIPT = load();

    private FactsCollector() {
    }

    private static String load() {
        try (InputStream in = FactsCollector.class.getResourceAsStream("rendered-facts.js")) {
            if (in == null) {
                throw new IllegalStateException("rendered-facts.js missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Collects from the page currently loaded in the driver. */
    public static Page capture(WebDriver driver, String url) {
        // media state first (up to 1.2 s listening to playing media): it is written on the media elements, which
        // the facts script then serialises
        org.yiyue.audit.core.StepTimes t = org.yiyue.audit.core.StepTimes.current();
        t.time("  facts: media", () -> PageChannel.of(driver).asyncScript(Scripts.get("media-facts.js").substring("return ".length())));
        Object raw = t.time("  facts: script", () -> PageChannel.of(driver).script(SCRIPT, MAX_ELEMENTS, MAX_FOCUS_PROBES));
        if (!(raw instanceof Map<?, ?> result)) {
            throw new IllegalStateException("facts script returned " + raw);
        }
        FocusableRows focusable = FocusableRows.of(result);
        Map<Integer, Boolean> pixels = t.time("  facts: focus pixels", () -> FocusPixels.probe(driver, focusable.pixelCandidates(),
                new java.util.HashSet<>(focusable.styleChanged()), focusable.styleProven(), focusable.all()));
        return t.time("  facts: parse", () -> toPage(result, url, pixels));
    }

    /**
     * The focusable elements of the facts rows, split by whether their own computed style changes on focus, and those
     * of the unchanged for which rendered-facts.js proved that focus changes no style anywhere (column 24; FocusPixels
     * still checks that no script listens before it takes that as "no pixel changes").
     */
    private record FocusableRows(List<Integer> styleUnchanged, List<Integer> styleChanged, List<Integer> styleProven) {

        static FocusableRows of(Map<?, ?> result) {
            List<Integer> unchanged = new java.util.ArrayList<>();
            List<Integer> changed = new java.util.ArrayList<>();
            List<Integer> proven = new java.util.ArrayList<>();
            if (result.get("rows") instanceof List<?> list) {
                for (Object row : list) {
                    if (row instanceof List<?> r && r.size() >= 22 && Boolean.TRUE.equals(r.get(12))) {
                        int i = num(r.get(0)).intValue();
                        (Boolean.TRUE.equals(r.get(21)) ? changed : unchanged).add(i);
                        if (r.size() > 24 && Boolean.FALSE.equals(r.get(21)) && Boolean.TRUE.equals(r.get(24))) {
                            proven.add(i);
                        }
                    }
                }
            }
            return new FocusableRows(unchanged, changed, proven);
        }

        /** Every focusable element (the facts script focused and blurred them). */
        List<Integer> all() {
            List<Integer> out = new java.util.ArrayList<>(styleUnchanged);
            out.addAll(styleChanged);
            return out;
        }

        /**
         * Which elements the screenshots check (ACT oj04fd), in order, within FocusPixels' budget: those whose own
         * style did not change on focus first (the possible failures); the others too when the page has no more
         * focusable elements than the budget (a style change need not change a pixel: a white outline on white).
         */
        List<Integer> pixelCandidates() {
            List<Integer> out = new java.util.ArrayList<>(styleUnchanged);
            if (styleUnchanged.size() + styleChanged.size() <= FocusPixels.MAX_PROBES) {
                out.addAll(styleChanged);
            }
            return out;
        }
    }

    static Page toPage(Map<?, ?> result, String url) {
        return toPage(result, url, Map.of());
    }

    static Page toPage(Map<?, ?> result, String url, Map<Integer, Boolean> focusPixels) {
        Document doc = Jsoup.parse(String.valueOf(result.get("html")), url);
        FlatTree.graft(doc, result.get("shadows"));
        Map<Integer, ElementFacts> facts = new HashMap<>();
        Object rows = result.get("rows");
        if (rows instanceof List<?> list) {
            for (Object row : list) {
                if (row instanceof List<?> r && r.size() >= 22) {
                    int i = num(r.get(0)).intValue();
                    facts.put(i, facts(r, focusPixels.get(i)));
                }
            }
        }
        return Page.of(doc, url, new IndexedFacts(facts, dbl(result.get("width"), 1280), dbl(result.get("height"), 900)));
    }

    private static ElementFacts facts(List<?> r, Boolean focusPixels) {
        Double w = dbl(r.get(7));
        Double h = dbl(r.get(8));
        Box box = w == null || h == null ? null : new Box(dbl(r.get(5), 0), dbl(r.get(6), 0), w, h);
        Double weight = dbl(r.get(4));
        Double lines = dbl(r.get(19));
        return ElementFacts.builder()
                .color(color(r.get(1)))
                .background(color(r.get(2)))
                .fontSizePx(dbl(r.get(3)))
                .fontWeight(weight == null ? null : weight.intValue())
                .box(box)
                .display(str(r.get(9)))
                .visibility(str(r.get(10)))
                .visible(bool(r.get(11)))
                .focusable(bool(r.get(12)))
                .position(str(r.get(13)))
                .scrollable(bool(r.get(14)))
                .cursor(str(r.get(15)))
                .letterSpacingPx(dbl(r.get(16)))
                .wordSpacingPx(dbl(r.get(17)))
                .lineHeightPx(dbl(r.get(18)))
                .lineCount(lines == null ? null : lines.intValue())
                .focusObscured(str(r.get(20)))
                .focusChangesStyle(bool(r.get(21)))
                .focusChangesPixels(focusPixels)
                .generatedContent(r.size() > 22 ? str(r.get(22)) : null)
                .backgroundStops(r.size() > 23 ? colors(r.get(23)) : null)
                .build();
    }

    private static List<Rgba> colors(Object o) {
        if (!(o instanceof List<?> list) || list.isEmpty()) {
            return null;
        }
        List<Rgba> out = new java.util.ArrayList<>();
        for (Object c : list) {
            Rgba rgba = color(c);
            if (rgba == null) {
                return null;
            }
            out.add(rgba);
        }
        return out;
    }

    private static Rgba color(Object o) {
        return o == null ? null : CssColor.parse(o.toString()).orElse(null);
    }

    private static Number num(Object o) {
        return o instanceof Number n ? n : Double.valueOf(String.valueOf(o));
    }

    private static Double dbl(Object o) {
        return o instanceof Number n ? n.doubleValue() : null;
    }

    private static double dbl(Object o, double fallback) {
        Double d = dbl(o);
        return d == null ? fallback : d;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static Boolean bool(Object o) {
        return o instanceof Boolean b ? b : null;
    }
}
