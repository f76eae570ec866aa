package io.topograph.topology.render;

import io.topograph.topology.graph.NodeKind;

import java.util.Map;
import java.util.TreeMap;

/**
 * Our own line icons, each a 16×16 {@code <symbol>} drawn with the {@code ic} style (stroke only),
 * one per catalog service category and per node kind. The renderer writes only the symbols a
 * diagram uses, in name order.
 */
final class Icons {

    static final String GENERIC_SERVICE = "service";

    private static final Map<String, String> SYMBOLS = new TreeMap<>();

    static {
        // node kinds
        SYMBOLS.put("host", "<rect x=\"2\" y=\"2.5\" width=\"12\" height=\"8.5\" rx=\"1\"/><path d=\"M5.5 14h5M8 11v3\"/>");
        SYMBOLS.put("gateway", "<circle cx=\"8\" cy=\"8\" r=\"6.2\"/><path d=\"M3.8 6.5h7M8.8 4.5l2 2-2 2M12.2 9.5h-7M7.2 7.5l-2 2 2 2\"/>");
        SYMBOLS.put("container", "<path d=\"M2 5l6-3 6 3v6l-6 3-6-3zM2 5l6 3 6-3M8 8v6\"/>");
        SYMBOLS.put("vm", "<rect x=\"2\" y=\"2\" width=\"12\" height=\"12\" rx=\"2\"/><rect x=\"5\" y=\"5\" width=\"6\" height=\"6\"/>");
        SYMBOLS.put("internet", "<circle cx=\"8\" cy=\"8\" r=\"6.2\"/><ellipse cx=\"8\" cy=\"8\" rx=\"2.6\" ry=\"6.2\"/><path d=\"M1.8 8h12.4\"/>");
        // service categories of the catalog
        SYMBOLS.put("remote-access", "<rect x=\"1.5\" y=\"3\" width=\"13\" height=\"10\" rx=\"1\"/><path d=\"M4 6l2 2-2 2M8 10h4\"/>");
        SYMBOLS.put("web-servers", "<rect x=\"1.5\" y=\"2.5\" width=\"13\" height=\"11\" rx=\"1\"/><path d=\"M1.5 5.5h13M3.5 4h1M5.5 4h1\"/>");
        SYMBOLS.put("databases", "<ellipse cx=\"8\" cy=\"4\" rx=\"5\" ry=\"2\"/><path d=\"M3 4v8c0 1.1 2.2 2 5 2s5-.9 5-2V4M3 8c0 1.1 2.2 2 5 2s5-.9 5-2\"/>");
        SYMBOLS.put("messaging", "<path d=\"M2 3h12v7H7l-3 3v-3H2z\"/>");
        SYMBOLS.put("mail", "<rect x=\"1.5\" y=\"3.5\" width=\"13\" height=\"9\"/><path d=\"M1.5 3.5l6.5 5 6.5-5\"/>");
        SYMBOLS.put("file-transfer", "<path d=\"M5 2v10M2 9l3 3 3-3M11 14V4M8 7l3-3 3 3\"/>");
        SYMBOLS.put("storage", "<rect x=\"2\" y=\"2.5\" width=\"12\" height=\"4.5\" rx=\"1\"/><rect x=\"2\" y=\"9\" width=\"12\" height=\"4.5\" rx=\"1\"/><path d=\"M11 4.8h1M11 11.2h1\"/>");
        SYMBOLS.put("virtualization", "<rect x=\"1.5\" y=\"5.5\" width=\"9\" height=\"9\"/><path d=\"M4.5 5.5v-3h9v9h-3\"/>");
        SYMBOLS.put("monitoring", "<path d=\"M1 9h3l2-5 3 9 2-4h4\"/>");
        SYMBOLS.put("devops", "<circle cx=\"8\" cy=\"8\" r=\"2.5\"/><path d=\"M8 1.5V4M8 12v2.5M1.5 8H4M12 8h2.5M3.4 3.4l1.8 1.8M10.8 10.8l1.8 1.8M3.4 12.6l1.8-1.8M10.8 5.2l1.8-1.8\"/>");
        SYMBOLS.put("directory", "<circle cx=\"8\" cy=\"5\" r=\"2.5\"/><path d=\"M3 14c0-3 2.2-5 5-5s5 2 5 5\"/>");
        SYMBOLS.put("network", "<circle cx=\"8\" cy=\"3\" r=\"1.8\"/><circle cx=\"3\" cy=\"13\" r=\"1.8\"/><circle cx=\"13\" cy=\"13\" r=\"1.8\"/><path d=\"M8 4.8V9l-4 2.5M8 9l4 2.5\"/>");
        SYMBOLS.put("home-automation", "<path d=\"M2 8l6-5.5L14 8M4 6.5V14h8V6.5\"/><path d=\"M7 14v-3h2v3\"/>");
        SYMBOLS.put("printers", "<path d=\"M4 6V2h8v4M4 11H2V6h12v5h-2\"/><rect x=\"4\" y=\"9\" width=\"8\" height=\"5\"/>");
        SYMBOLS.put("media", "<circle cx=\"8\" cy=\"8\" r=\"6.2\"/><path d=\"M6.5 5.5v5l4-2.5z\"/>");
        SYMBOLS.put("security", "<path d=\"M8 1.5l5.5 2v4c0 3.5-2.5 6-5.5 7-3-1-5.5-3.5-5.5-7v-4z\"/>");
        SYMBOLS.put(GENERIC_SERVICE, "<circle cx=\"8\" cy=\"8\" r=\"5.5\"/><circle cx=\"8\" cy=\"8\" r=\"1.5\"/>");
    }

    private Icons() {
    }

    /** The symbol name for a service category; unknown categories get the generic service icon. */
    static String forCategory(String category) {
        return category != null && SYMBOLS.containsKey(category) && !isKind(category) ? category : GENERIC_SERVICE;
    }

    static String forKind(NodeKind kind) {
        return switch (kind) {
            case GATEWAY -> "gateway";
            case CONTAINER -> "container";
            case VIRTUAL_MACHINE -> "vm";
            case INTERNET -> "internet";
            case HOST -> "host";
        };
    }

    private static boolean isKind(String name) {
        return name.equals("host") || name.equals("gateway") || name.equals("container") || name.equals("vm") || name.equals("internet");
    }

    static String body(String name) {
        return SYMBOLS.get(name);
    }

    /** Every symbol name, for tests and the legend. */
    static java.util.Set<String> names() {
        return SYMBOLS.keySet();
    }
}
