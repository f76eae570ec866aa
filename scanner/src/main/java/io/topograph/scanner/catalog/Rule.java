package io.topograph.scanner.catalog;

import io.topograph.scanner.evidence.HttpInfo;
import io.topograph.scanner.evidence.TlsInfo;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A match rule: leaves test one piece of evidence, {@code all}/{@code any}/{@code not} combine them.
 * {@link #evaluate} returns whether the rule holds and appends the human-readable reason of every
 * leaf that positively held (leaves under a {@code not} never count as evidence).
 */
public sealed interface Rule {

    /** One satisfied leaf: its kind, a sentence saying what matched, and the version it captured (or null). */
    record Hit(Evidence kind, String reason, String version) {
        public Hit(Evidence kind, String reason) {
            this(kind, reason, null);
        }
    }

    boolean evaluate(MatchContext ctx, List<Hit> hits);

    /** The ports named by this rule outside any {@code not} (the ports the service "owns"). */
    default Set<Integer> ownedPorts() {
        return Set.of();
    }

    /** Whether the rule contains a leaf that is not a MAC vendor test (every definition needs one). */
    boolean hasPortScopedLeaf();

    /** Adds the paths this rule wants fetched ({@code httpGet} rules). */
    default void collectPaths(java.util.Set<String> out) {
    }

    /**
     * {@code {"httpGet": {"path": "/version", "status": 200, "header": "Name: regex", "body": "regex"}}}:
     * the page at {@code path} (fetched when the root page identified nothing specific) answered with
     * that status, header and body (each optional, at least one given).
     */
    record Page(String path, Integer status, String header, Pattern headerPattern, Pattern body) implements Rule {
        @Override
        public boolean evaluate(MatchContext ctx, List<Hit> hits) {
            if (ctx.evidence() == null || ctx.evidence().pages() == null) {
                return false;
            }
            HttpInfo page = ctx.evidence().pages().get(path);
            if (page == null || (status != null && page.status() != status)) {
                return false;
            }
            if (header != null) {
                List<String> values = page.headers().get(header);
                if (values == null || (headerPattern != null && !headerPattern.matcher(String.join("\n", values)).find())) {
                    return false;
                }
            }
            String version = null;
            if (body != null) {
                java.util.regex.Matcher m = body.matcher(page.body() == null ? "" : page.body());
                if (!m.find()) {
                    return false;
                }
                if (body.pattern().contains("(?<version>")) {
                    version = m.group("version");
                }
            }
            Evidence kind = body != null ? Evidence.HTTP_BODY : header != null ? Evidence.HTTP_HEADER : Evidence.PROTOCOL;
            String what = body != null ? " with a body matching /" + body.pattern() + "/"
                    : header != null ? " with header " + header : "";
            hits.add(new Hit(kind, "GET " + path + " answered " + page.status() + what, version));
            return true;
        }

        @Override
        public boolean hasPortScopedLeaf() {
            return true;
        }

        @Override
        public void collectPaths(java.util.Set<String> out) {
            out.add(path);
        }
    }

    /** TCP ports ({@code "ports"}) or UDP ports ({@code "udp"}). */
    record Ports(String protocol, Set<Integer> ports) implements Rule {
        @Override
        public boolean evaluate(MatchContext ctx, List<Hit> hits) {
            if (protocol.equals(ctx.protocol()) && ports.contains(ctx.port())) {
                hits.add(new Hit(Evidence.PORT, (protocol.equals("udp") ? "UDP " : "") + "port " + ctx.port() + " is its usual port"));
                return true;
            }
            return false;
        }

        @Override
        public Set<Integer> ownedPorts() {
            return protocol.equals("tcp") ? ports : Set.of();
        }

        @Override
        public boolean hasPortScopedLeaf() {
            return true;
        }
    }

    record Protocol(String protocol) implements Rule {
        @Override
        public boolean evaluate(MatchContext ctx, List<Hit> hits) {
            boolean ok = switch (protocol) {
                case "http" -> ctx.evidence() != null && ctx.evidence().http() != null;
                case "tls" -> ctx.evidence() != null && ctx.evidence().tls() != null;
                default -> false;
            };
            if (ok) {
                hits.add(new Hit(Evidence.PROTOCOL, "it speaks " + protocol.toUpperCase()));
            }
            return ok;
        }

        @Override
        public boolean hasPortScopedLeaf() {
            return true;
        }
    }

    /** A regular-expression leaf over one text of the evidence. */
    record Text(Evidence kind, String header, Pattern pattern) implements Rule {
        @Override
        public boolean evaluate(MatchContext ctx, List<Hit> hits) {
            String text = extract(ctx);
            if (text == null) {
                return false;
            }
            if (pattern == null) { // header presence
                hits.add(new Hit(kind, "HTTP header " + header + " is present"));
                return true;
            }
            java.util.regex.Matcher m = pattern.matcher(text);
            if (!m.find()) {
                return false;
            }
            String version = null;
            if (pattern.pattern().contains("(?<version>")) {
                version = m.group("version");
                version = version == null || version.isBlank() ? null : version.strip();
            }
            hits.add(new Hit(kind, describe(text), version));
            return true;
        }

        private String extract(MatchContext ctx) {
            if (kind == Evidence.MAC_VENDOR) {
                return ctx.macVendor();
            }
            if (ctx.evidence() == null) {
                return null;
            }
            HttpInfo http = ctx.evidence().http();
            TlsInfo tls = ctx.evidence().tls();
            return switch (kind) {
                case BANNER -> ctx.evidence().raw();
                case HTTP_TITLE -> http == null ? null : http.title();
                case HTTP_BODY -> http == null ? null : http.body();
                case HTTP_HEADER -> {
                    if (http == null || !http.headers().containsKey(header)) {
                        yield null;
                    }
                    yield String.join("\n", http.headers().get(header));
                }
                case TLS_SUBJECT -> tls == null || tls.subject() == null ? null
                        : tls.subject() + (tls.subjectAltNames().isEmpty() ? "" : "\n" + String.join("\n", tls.subjectAltNames()));
                default -> null;
            };
        }

        private String describe(String text) {
            String trimmed = text.strip();
            String shown = trimmed.length() > 60 ? trimmed.substring(0, 60) + "…" : trimmed;
            shown = shown.replaceAll("[\\x00-\\x1f\\x7f-\\xff]", ".");
            return switch (kind) {
                case BANNER -> "banner \"" + shown + "\" matches /" + pattern.pattern() + "/";
                case HTTP_TITLE -> "HTTP title \"" + shown + "\" matches /" + pattern.pattern() + "/";
                case HTTP_BODY -> "HTTP body matches /" + pattern.pattern() + "/";
                case HTTP_HEADER -> "HTTP header " + header + ": \"" + shown + "\" matches /" + pattern.pattern() + "/";
                case TLS_SUBJECT -> "TLS certificate \"" + shown.replace(".", " ") + "\" matches /" + pattern.pattern() + "/";
                case MAC_VENDOR -> "MAC vendor \"" + shown + "\" matches /" + pattern.pattern() + "/";
                default -> kind.name();
            };
        }

        @Override
        public boolean hasPortScopedLeaf() {
            return kind != Evidence.MAC_VENDOR;
        }
    }

    record All(List<Rule> rules) implements Rule {
        @Override
        public void collectPaths(java.util.Set<String> out) {
            rules.forEach(r -> r.collectPaths(out));
        }

        @Override
        public boolean evaluate(MatchContext ctx, List<Hit> hits) {
            int mark = hits.size();
            for (Rule r : rules) {
                if (!r.evaluate(ctx, hits)) {
                    hits.subList(mark, hits.size()).clear();
                    return false;
                }
            }
            return true;
        }

        @Override
        public Set<Integer> ownedPorts() {
            return rules.stream().flatMap(r -> r.ownedPorts().stream()).collect(Collectors.toSet());
        }

        @Override
        public boolean hasPortScopedLeaf() {
            return rules.stream().anyMatch(Rule::hasPortScopedLeaf);
        }
    }

    /** Holds when any child holds; every child is evaluated so all supporting evidence is recorded. */
    record Any(List<Rule> rules) implements Rule {
        @Override
        public void collectPaths(java.util.Set<String> out) {
            rules.forEach(r -> r.collectPaths(out));
        }

        @Override
        public boolean evaluate(MatchContext ctx, List<Hit> hits) {
            boolean any = false;
            for (Rule r : rules) {
                any |= r.evaluate(ctx, hits);
            }
            return any;
        }

        @Override
        public Set<Integer> ownedPorts() {
            return rules.stream().flatMap(r -> r.ownedPorts().stream()).collect(Collectors.toSet());
        }

        @Override
        public boolean hasPortScopedLeaf() {
            return rules.stream().anyMatch(Rule::hasPortScopedLeaf);
        }
    }

    record Not(Rule rule) implements Rule {
        @Override
        public boolean evaluate(MatchContext ctx, List<Hit> hits) {
            return !rule.evaluate(ctx, new java.util.ArrayList<>());
        }

        @Override
        public boolean hasPortScopedLeaf() {
            return false;
        }
    }
}
