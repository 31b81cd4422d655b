package org.yiyue.rules.algorithms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.yiyue.rules.color.Contrast;
import org.yiyue.rules.color.CssColor;
import org.yiyue.rules.page.Rgba;

/** WCAG 2.2 relative luminance / contrast ratio definitions and compositing. */
class ContrastTest {

    private static Rgba c(String css) {
        return CssColor.parse(css).orElseThrow();
    }

    @Test
    void extremes() {
        assertEquals(21.0, Contrast.ratio(Rgba.BLACK, Rgba.WHITE), 1e-9);
        assertEquals(1.0, Contrast.ratio(c("#123456"), c("#123456")), 1e-9);
        assertEquals(0.0, Contrast.luminance(Rgba.BLACK), 1e-12);
        assertEquals(1.0, Contrast.luminance(Rgba.WHITE), 1e-12);
    }

    @Test
    void knownGreys() {
        assertEquals(4.54, Contrast.ratio(c("#767676"), Rgba.WHITE), 0.005);
        assertEquals(4.48, Contrast.ratio(c("#777777"), Rgba.WHITE), 0.005);
    }

    @Test
    void linearisationUsesTheSrgbThreshold() {
        // 10/255 = 0.0392 is below 0.04045: linear segment c/12.92
        double expected = 0.2126 * (10 / 255.0 / 12.92) + 0.7152 * (10 / 255.0 / 12.92) + 0.0722 * (10 / 255.0 / 12.92);
        assertEquals(expected, Contrast.luminance(new Rgba(10, 10, 10, 1)), 1e-12);
        // 11/255 = 0.0431 is above: power segment
        double above = Math.pow((11 / 255.0 + 0.055) / 1.055, 2.4);
        assertEquals(above, Contrast.luminance(new Rgba(11, 11, 11, 1)), 1e-12);
    }

    @Test
    void channelWeights() {
        assertEquals(0.2126, Contrast.luminance(c("#ff0000")), 1e-9);
        assertEquals(0.7152, Contrast.luminance(c("rgb(0, 255, 0)")), 1e-9);
        assertEquals(0.0722, Contrast.luminance(c("rgb(0 0 255)")), 1e-9);
    }

    @Test
    void alphaIsCompositedOverTheBackground() {
        Rgba half = c("rgba(0, 0, 0, 0.5)").over(Rgba.WHITE);
        assertEquals(127.5, half.r(), 1e-9);
        assertEquals(1.0, half.a(), 1e-9);
        assertEquals(Contrast.ratio(new Rgba(127.5, 127.5, 127.5, 1), Rgba.WHITE),
                Contrast.ratioOver(c("rgba(0,0,0,0.5)"), Rgba.WHITE), 1e-9);
        assertTrue(Contrast.ratioOver(c("rgba(0,0,0,0.3)"), Rgba.WHITE) < 4.5);
    }

    @Test
    void largeScaleText() {
        assertTrue(Contrast.largeScale(24, 400));
        assertFalse(Contrast.largeScale(23.9, 400));
        assertTrue(Contrast.largeScale(18.67, 700));
        assertFalse(Contrast.largeScale(18.67, 400));
        assertFalse(Contrast.largeScale(16, 700));
    }
}
