package io.topograph.tags;

/** Colour arithmetic for tag chips. */
final class Colors {

    private Colors() {
    }

    /** {@code #000000} on light backgrounds, {@code #ffffff} on dark ones; white for anything unparsable. */
    static String readableTextOn(String hex) {
        if (hex == null || !hex.matches("^#[0-9a-fA-F]{6}$")) {
            return "#ffffff";
        }
        double r = channel(Integer.parseInt(hex.substring(1, 3), 16));
        double g = channel(Integer.parseInt(hex.substring(3, 5), 16));
        double b = channel(Integer.parseInt(hex.substring(5, 7), 16));
        double luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        // Contrast against black (L+0.05)/0.05 beats contrast against white 1.05/(L+0.05) above ~0.179.
        return luminance > 0.179 ? "#000000" : "#ffffff";
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
