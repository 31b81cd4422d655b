package org.yiyue.rules.page;

import java.util.Optional;

/**
 * What a browser measured about one element. Fields the collector could not measure are null.
 *
 * @param background      the colour behind the element's text, composited from ancestors by the collector;
 *                        null when an image, gradient or unknown layer lies behind (contrast undecidable)
 * @param visible         the element paints something within the scrollable page (ACT "visible" approximation)
 * @param focusable       tabIndex &gt;= 0 and not disabled/inert in the browser (sequential focus navigation)
 * @param scrollable      overflow auto/scroll and a scroll distance greater than the padding on that axis (ACT
 *                        "scrollable element", as 0ssw9k applies it)
 * @param focusObscured   after focusing the element: NONE, PARTIAL or FULL cover by author content; null if
 *                        not measured
 * @param focusChangesStyle focusing changed a computed outline/box-shadow/border/background/colour/text-decoration
 * @param focusChangesPixels focused and unfocused screenshots of the viewport differ in some pixel (ACT oj04fd's
 *                        own test); null when not probed (budget, text entry with a blinking caret, focus refused)
 * @param generatedContent the computed content of ::before/::after (CSS generated text), null when none
 * @param backgroundStops where the background behind the text is a gradient (no image): its colour stops
 *                        composited like {@code background}; null otherwise
 */
public record ElementFacts(
        Rgba color,
        Rgba background,
        Double fontSizePx,
        Integer fontWeight,
        Box box,
        String display,
        String visibility,
        Boolean visible,
        Boolean focusable,
        String position,
        Boolean scrollable,
        String cursor,
        Double letterSpacingPx,
        Double wordSpacingPx,
        Double lineHeightPx,
        Integer lineCount,
        String focusObscured,
        Boolean focusChangesStyle,
        Boolean focusChangesPixels,
        String generatedContent,
        java.util.List<Rgba> backgroundStops) {

    public Optional<Rgba> colorOpt() { return Optional.ofNullable(color); }
    public Optional<Rgba> backgroundOpt() { return Optional.ofNullable(background); }
    public Optional<Double> fontSize() { return Optional.ofNullable(fontSizePx); }
    public Optional<Box> boxOpt() { return Optional.ofNullable(box); }

    public static Builder builder() {
        return new Builder();
    }

    /** Fluent builder: the collector and tests set only what they know. */
    public static final class Builder {
        private Rgba color, background;
        private Double fontSizePx, letterSpacingPx, wordSpacingPx, lineHeightPx;
        private Integer fontWeight, lineCount;
        private Box box;
        private String display, visibility, position, cursor, focusObscured;
        private Boolean visible, focusable, scrollable, focusChangesStyle, focusChangesPixels;
        private String generatedContent;
        private java.util.List<Rgba> backgroundStops;

        public Builder color(Rgba v) { color = v; return this; }
        public Builder background(Rgba v) { background = v; return this; }
        public Builder fontSizePx(Double v) { fontSizePx = v; return this; }
        public Builder fontWeight(Integer v) { fontWeight = v; return this; }
        public Builder box(Box v) { box = v; return this; }
        public Builder display(String v) { display = v; return this; }
        public Builder visibility(String v) { visibility = v; return this; }
        public Builder visible(Boolean v) { visible = v; return this; }
        public Builder focusable(Boolean v) { focusable = v; return this; }
        public Builder position(String v) { position = v; return this; }
        public Builder scrollable(Boolean v) { scrollable = v; return this; }
        public Builder cursor(String v) { cursor = v; return this; }
        public Builder letterSpacingPx(Double v) { letterSpacingPx = v; return this; }
        public Builder wordSpacingPx(Double v) { wordSpacingPx = v; return this; }
        public Builder lineHeightPx(Double v) { lineHeightPx = v; return this; }
        public Builder lineCount(Integer v) { lineCount = v; return this; }
        public Builder focusObscured(String v) { focusObscured = v; return this; }
        public Builder focusChangesStyle(Boolean v) { focusChangesStyle = v; return this; }
        public Builder focusChangesPixels(Boolean v) { focusChangesPixels = v; return this; }
        public Builder generatedContent(String v) { generatedContent = v; return this; }
        public Builder backgroundStops(java.util.List<Rgba> v) { backgroundStops = v; return this; }

        public ElementFacts build() {
            return new ElementFacts(color, background, fontSizePx, fontWeight, box, display, visibility, visible,
                    focusable, position, scrollable, cursor, letterSpacingPx, wordSpacingPx, lineHeightPx, lineCount,
                    focusObscured, focusChangesStyle, focusChangesPixels, generatedContent, backgroundStops);
        }
    }
}
