package io.topograph.topology.layout;

/** An axis-aligned rectangle: top-left corner and size, in SVG user units. */
public record Box(double x, double y, double width, double height) {

    public double right() {
        return x + width;
    }

    public double bottom() {
        return y + height;
    }

    public double centerX() {
        return x + width / 2;
    }

    public double centerY() {
        return y + height / 2;
    }

    /** True when the interiors intersect; boxes that only touch along an edge do not overlap. */
    public boolean overlaps(Box other) {
        return x < other.right() && other.x < right() && y < other.bottom() && other.y < bottom();
    }

    public Box moveTo(double newX, double newY) {
        return new Box(newX, newY, width, height);
    }

    public Box grow(double margin) {
        return new Box(x - margin, y - margin, width + 2 * margin, height + 2 * margin);
    }

    /** The smallest box holding both. */
    public Box union(Box other) {
        double minX = Math.min(x, other.x);
        double minY = Math.min(y, other.y);
        return new Box(minX, minY, Math.max(right(), other.right()) - minX, Math.max(bottom(), other.bottom()) - minY);
    }
}
