package org.yiyue.rules.page;

/** An sRGB colour with alpha, channels 0–255 and alpha 0–1. */
public record Rgba(double r, double g, double b, double a) {

    public static final Rgba WHITE = new Rgba(255, 255, 255, 1);
    public static final Rgba BLACK = new Rgba(0, 0, 0, 1);

    public boolean opaque() {
        return a >= 1.0;
    }

    /** Source-over compositing of this colour on an opaque backdrop. */
    public Rgba over(Rgba backdrop) {
        double ba = backdrop.a;
        double outA = a + ba * (1 - a);
        if (outA == 0) {
            return new Rgba(0, 0, 0, 0);
        }
        return new Rgba(
                (r * a + backdrop.r * ba * (1 - a)) / outA,
                (g * a + backdrop.g * ba * (1 - a)) / outA,
                (b * a + backdrop.b * ba * (1 - a)) / outA,
                outA);
    }
}
