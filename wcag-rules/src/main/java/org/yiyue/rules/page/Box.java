package org.yiyue.rules.page;

/** A border box in CSS pixels, relative to the document (not the viewport). */
public record Box(double x, double y, double width, double height) {
    public double right() { return x + width; }
    public double bottom() { return y + height; }
    public boolean empty() { return width <= 0 || height <= 0; }
    public double centerX() { return x + width / 2; }
    public double centerY() { return y + height / 2; }

    public boolean intersects(Box o) {
        return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
    }
}
