package io.topograph.services;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A match rule in the catalog's JSON form, rendered for people: one line per condition, indented
 * under its {@code all}/{@code any}/{@code not}. Pure; it never judges a rule (the daemon's parser
 * does that), so an unexpected shape is shown as what it is rather than rejected.
 */
public final class RuleText {

    /** One line of a rendered rule; {@code depth} 0 is the top. */
    public record Line(int depth, String text) {
    }

    private RuleText() {
    }

    /** The rule as indented lines. */
    public static List<Line> lines(JsonNode rule) {
        List<Line> out = new ArrayList<>();
        render(rule, 0, out);
        return out;
    }

    /** The rule on one line, for lists, API answers and tooltips. */
    public static String summary(JsonNode rule) {
        return inline(rule, true);
    }

    /** TCP and UDP ports the rule names outside any {@code not}, for searching by port. */
    public static Set<Integer> ports(JsonNode rule) {
        Set<Integer> out = new TreeSet<>();
        collectPorts(rule, out);
        return out;
    }

    private static void render(JsonNode node, int depth, List<Line> out) {
        Map.Entry<String, JsonNode> e = single(node);
        if (e == null) {
            out.add(new Line(depth, "unreadable condition " + node));
            return;
        }
        switch (e.getKey()) {
            case "all", "any" -> {
                List<JsonNode> children = children(e.getValue());
                if (children.size() == 1) {
                    render(children.get(0), depth, out);
                    return;
                }
                out.add(new Line(depth, e.getKey().equals("all") ? "all of:" : "any of:"));
                children.forEach(c -> render(c, depth + 1, out));
            }
            case "not" -> {
                Map.Entry<String, JsonNode> inner = single(e.getValue());
                if (inner != null && !isCombinator(inner.getKey())) {
                    out.add(new Line(depth, "not: " + leaf(inner.getKey(), inner.getValue())));
                } else {
                    out.add(new Line(depth, "none of:"));
                    if (inner != null && inner.getKey().equals("any")) {
                        children(inner.getValue()).forEach(c -> render(c, depth + 1, out));
                    } else {
                        render(e.getValue(), depth + 1, out);
                    }
                }
            }
            default -> out.add(new Line(depth, leaf(e.getKey(), e.getValue())));
        }
    }

    private static String inline(JsonNode node, boolean top) {
        Map.Entry<String, JsonNode> e = single(node);
        if (e == null) {
            return "unreadable condition " + node;
        }
        return switch (e.getKey()) {
            case "all", "any" -> {
                List<JsonNode> children = children(e.getValue());
                if (children.size() == 1) {
                    yield inline(children.get(0), top);
                }
                List<String> parts = children.stream().map(c -> inline(c, false)).toList();
                String joined = String.join(e.getKey().equals("all") ? " and " : " or ", parts);
                yield top ? joined : "(" + joined + ")";
            }
            case "not" -> "not " + inline(e.getValue(), false);
            default -> leaf(e.getKey(), e.getValue());
        };
    }

    /** One condition in words. */
    static String leaf(String key, JsonNode v) {
        return switch (key) {
            case "ports" -> portWords("TCP", v);
            case "udp" -> portWords("UDP", v);
            case "protocol" -> "speaks " + v.asText().toUpperCase(java.util.Locale.ROOT);
            case "banner" -> "banner matches " + regex(v.asText()) + " (case-sensitive)";
            case "httpTitle" -> "HTTP page title matches " + regex(v.asText());
            case "httpBody" -> "HTTP page body matches " + regex(v.asText());
            case "tlsSubject" -> "TLS certificate name matches " + regex(v.asText());
            case "macVendor" -> "MAC address vendor matches " + regex(v.asText());
            case "httpHeader" -> header("HTTP header", v.asText());
            case "httpGet" -> page(v);
            default -> "unknown condition \"" + key + "\"";
        };
    }

    private static String page(JsonNode v) {
        List<String> parts = new ArrayList<>();
        if (v.hasNonNull("status")) {
            parts.add("status " + v.get("status").asText());
        }
        if (v.hasNonNull("header")) {
            String h = v.get("header").asText();
            int colon = h.indexOf(':');
            String regex = colon < 0 ? "" : h.substring(colon + 1).trim();
            String name = (colon < 0 ? h : h.substring(0, colon)).trim();
            parts.add(regex.isEmpty() ? "a header " + name : "a header " + name + " matching " + regex(regex));
        }
        if (v.hasNonNull("body")) {
            parts.add("a body matching " + regex(v.get("body").asText()));
        }
        String request = "GET " + v.path("path").asText("?");
        return parts.isEmpty() ? request + " answers" : request + " answers " + String.join(" and ", parts);
    }

    private static String header(String prefix, String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return prefix + " " + text.trim() + " is present";
        }
        String regex = text.substring(colon + 1).trim();
        String name = text.substring(0, colon).trim();
        return regex.isEmpty() ? prefix + " " + name + " is present" : prefix + " " + name + " matches " + regex(regex);
    }

    private static String portWords(String protocol, JsonNode v) {
        List<String> ports = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(p -> ports.add(p.asText()));
        } else {
            ports.add(v.asText());
        }
        if (ports.size() == 1) {
            return protocol + " port " + ports.get(0);
        }
        return protocol + " ports " + String.join(", ", ports.subList(0, ports.size() - 1)) + " or " + ports.get(ports.size() - 1);
    }

    private static String regex(String pattern) {
        return "/" + pattern + "/";
    }

    private static void collectPorts(JsonNode node, Set<Integer> out) {
        Map.Entry<String, JsonNode> e = single(node);
        if (e == null) {
            return;
        }
        switch (e.getKey()) {
            case "all", "any" -> children(e.getValue()).forEach(c -> collectPorts(c, out));
            case "ports", "udp" -> {
                if (e.getValue().isArray()) {
                    e.getValue().forEach(p -> {
                        if (p.canConvertToInt()) {
                            out.add(p.asInt());
                        }
                    });
                } else if (e.getValue().canConvertToInt()) {
                    out.add(e.getValue().asInt());
                }
            }
            default -> {
                // "not" names ports the service does not use; leaves without ports add nothing.
            }
        }
    }

    private static boolean isCombinator(String key) {
        return key.equals("all") || key.equals("any") || key.equals("not");
    }

    private static List<JsonNode> children(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(out::add);
        }
        return out;
    }

    private static Map.Entry<String, JsonNode> single(JsonNode node) {
        if (node == null || !node.isObject() || node.size() != 1) {
            return null;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        return fields.next();
    }
}
