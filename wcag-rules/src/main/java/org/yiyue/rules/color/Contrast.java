package org.yiyue.rules.color;

import org.yiyue.rules.page.Rgba;

/** WCAG 2.2 relative luminance and contrast ratio, with alpha compositing of translucent colours. */
public final class Contrast {

    private Contrast() {
    }

    /** sRGB channel 0–255 to linear light, with the 0.04045 threshold from the sRGB specification. */
    static double linear(double channel255) {
        double c = channel255 / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    public static double luminance(Rgba c) {
        return 0.2126 * linear(c.r()) + 0.7152 * linear(c.g()) + 0.0722 * linear(c.b());
    }

    /** Contrast of two opaque colours, 1–21. */
    public static double ratio(Rgba a, Rgba b) {
        double la = luminance(a);
        double lb = luminance(b);
        double hi = Math.max(la, lb);
        double lo = Math.min(la, lb);
        return (hi + 0.05) / (lo + 0.05);
    }

    /** Contrast of a possibly translucent foreground over a background (composited on white if translucent). */
    public static double ratioOver(Rgba foreground, Rgba background) {
        Rgba bg = background.opaque() ? background : background.over(Rgba.WHITE);
        Rgba fg = foreground.opaque() ? foreground : foreground.over(bg);
        return ratio(fg, bg);
    }

    /** WCAG large-scale text: at least 18 pt (24 px), or 14 pt (18.67 px) bold. */
    public static boolean largeScale(double fontSizePx, int fontWeight) {
        return fontSizePx >= 24.0 || (fontWeight >= 700 && fontSizePx >= 18.66);
    }
}
