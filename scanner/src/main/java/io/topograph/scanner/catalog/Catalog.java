package io.topograph.scanner.catalog;

import io.topograph.scanner.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * The service catalog: definitions loaded from JSON files, one file per category, listed in
 * {@code catalog/index.txt} on the classpath. File format:
 *
 * <pre>{"category": "database", "icon": "database", "services": [
 *   {"id": "redis", "name": "Redis", "description": "...", "match": {"any": [{"banner": "redis_version:"}, {"ports": [6379]}]}}
 * ]}</pre>
 *
 * Rule keys: {@code ports} (TCP), {@code udp} (UDP ports), {@code protocol} ("http"|"tls"), {@code banner}, {@code httpTitle},
 * {@code httpHeader} ("Name: regex" or "Name" for presence), {@code httpBody}, {@code tlsSubject},
 * {@code macVendor}, and the combinators {@code all}, {@code any}, {@code not}. Banner patterns are
 * case-sensitive and see the raw bytes as ISO-8859-1; the other patterns are case-insensitive.
 */
public final class Catalog {

    private static final Set<String> DEFINITION_KEYS = Set.of("id", "name", "description", "category", "icon", "match",
            "generic", "priority", "confidence");

    private final List<ServiceDefinition> definitions;
    /** Ids of the definitions matched before all others (an organization's own, see {@link #withPrecedence}). */
    private final Set<String> preferred;

    public Catalog(List<ServiceDefinition> definitions) {
        this(definitions, Set.of());
    }

    private Catalog(List<ServiceDefinition> definitions, Set<String> preferred) {
        Set<String> ids = new HashSet<>();
        for (ServiceDefinition d : definitions) {
            if (!ids.add(d.id())) {
                throw new CatalogException("duplicate service id \"" + d.id() + "\" (" + d.source() + ")");
            }
        }
        this.definitions = List.copyOf(definitions);
        this.preferred = Set.copyOf(preferred);
    }

    public List<ServiceDefinition> definitions() {
        return definitions;
    }

    /** Whether {@code d} is one of the definitions matched before all others. */
    public boolean preferred(ServiceDefinition d) {
        return preferred.contains(d.id());
    }

    /**
     * This catalog with {@code own} definitions matched first: on any port where one of them matches,
     * the best of them wins, whatever this catalog's definitions say (they only decide ports none of
     * {@code own} matches). A definition of {@code own} replaces one of this catalog with the same id.
     * This is how a daemon applies an organization's own definitions.
     */
    public Catalog withPrecedence(Catalog own) {
        Set<String> ownIds = new HashSet<>();
        for (ServiceDefinition d : own.definitions) {
            ownIds.add(d.id());
        }
        List<ServiceDefinition> all = new ArrayList<>(own.definitions);
        for (ServiceDefinition d : definitions) {
            if (!ownIds.contains(d.id())) {
                all.add(d);
            }
        }
        Set<String> first = new HashSet<>(ownIds);
        for (String id : preferred) {
            if (!ownIds.contains(id)) {
                first.add(id);
            }
        }
        return new Catalog(all, first);
    }

    /** The paths that {@code httpGet} rules want fetched, in a stable order. */
    public List<String> probePaths() {
        Set<String> paths = new TreeSet<>();
        for (ServiceDefinition d : definitions) {
            d.rule().collectPaths(paths);
        }
        return List.copyOf(paths);
    }

    public Catalog plus(Catalog other) {
        List<ServiceDefinition> all = new ArrayList<>(definitions);
        all.addAll(other.definitions);
        Set<String> first = new HashSet<>(preferred);
        first.addAll(other.preferred);
        return new Catalog(all, first);
    }

    /** The catalog shipped in the jar. */
    public static Catalog bundled() {
        List<ServiceDefinition> defs = new ArrayList<>();
        try (InputStream idx = Catalog.class.getResourceAsStream("/catalog/index.txt")) {
            if (idx == null) {
                throw new CatalogException("catalog/index.txt missing from the classpath");
            }
            for (String line : new String(idx.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                String name = line.trim();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                try (InputStream in = Catalog.class.getResourceAsStream("/catalog/" + name)) {
                    if (in == null) {
                        throw new CatalogException("catalog file " + name + " listed in index.txt is missing");
                    }
                    defs.addAll(parse(in.readAllBytes(), name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Catalog(defs);
    }

    /** Definitions from a file or every *.json file of a directory (for an organization's own definitions). */
    public static Catalog fromPath(Path path) throws IOException {
        List<ServiceDefinition> defs = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.list(path)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    defs.addAll(parse(Files.readAllBytes(f), f.toString()));
                }
            }
        } else {
            defs.addAll(parse(Files.readAllBytes(path), path.toString()));
        }
        return new Catalog(defs);
    }

    @SuppressWarnings("unchecked")
    public static List<ServiceDefinition> parse(byte[] json, String source) {
        Object root;
        try {
            root = Json.parse(json);
        } catch (Json.ParseException e) {
            throw new CatalogException(source + ": not valid JSON: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!(root instanceof Map<?, ?> file) || !(file.get("services") instanceof List<?> services)) {
            throw new CatalogException(source + ": expected an object with a \"services\" array");
        }
        String fileCategory = text(file.get("category"));
        String fileIcon = text(file.get("icon"));
        List<ServiceDefinition> out = new ArrayList<>();
        for (Object item : services) {
            if (!(item instanceof Map<?, ?> s)) {
                throw new CatalogException(source + ": every service must be an object");
            }
            String id = text(s.get("id"));
            id = id == null ? "" : id;
            String where = source + ": service \"" + id + "\"";
            if (!id.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
                throw new CatalogException(source + ": service id \"" + id + "\" must be 1-64 lower-case letters, digits, . _ -");
            }
            for (Object key : s.keySet()) {
                if (!DEFINITION_KEYS.contains(key)) {
                    throw new CatalogException(where + ": unknown field \"" + key + "\"");
                }
            }
            String name = text(s.get("name"));
            if (name == null || name.isBlank()) {
                throw new CatalogException(where + ": \"name\" is required");
            }
            String category = s.containsKey("category") ? text(s.get("category")) : fileCategory;
            if (category == null || category.isBlank()) {
                throw new CatalogException(where + ": no category (set it on the file or the service)");
            }
            String icon = s.containsKey("icon") ? text(s.get("icon")) : (fileIcon == null ? category : fileIcon);
            if (!s.containsKey("match")) {
                throw new CatalogException(where + ": no \"match\" rule");
            }
            Rule rule = rule(s.get("match"), where);
            if (!rule.hasPortScopedLeaf()) {
                throw new CatalogException(where + ": the rule needs a port, protocol, banner, HTTP or TLS condition (a MAC vendor alone cannot claim a port)");
            }
            Integer confidence = null;
            if (s.containsKey("confidence")) {
                long c = s.get("confidence") instanceof Long l ? l : -1;
                if (c < 1 || c > 100) {
                    throw new CatalogException(where + ": confidence must be 1-100");
                }
                confidence = (int) c;
            }
            boolean generic = Boolean.TRUE.equals(s.get("generic"));
            int priority = s.get("priority") instanceof Long l ? l.intValue() : 0;
            String description = text(s.get("description"));
            out.add(new ServiceDefinition(id, name, description == null ? "" : description, category, icon, rule, generic, priority,
                    confidence, source));
        }
        return out;
    }

    private static String text(Object v) {
        return v instanceof String s ? s : v == null ? null : String.valueOf(v);
    }

    static Rule rule(Object node, String where) {
        if (!(node instanceof Map<?, ?> map) || map.size() != 1) {
            throw new CatalogException(where + ": each rule must be an object with exactly one key, got " + node);
        }
        Map.Entry<?, ?> e = map.entrySet().iterator().next();
        String key = String.valueOf(e.getKey());
        Object v = e.getValue();
        return switch (key) {
            case "all", "any" -> {
                if (!(v instanceof List<?> list) || list.isEmpty()) {
                    throw new CatalogException(where + ": \"" + key + "\" needs a non-empty array of rules");
                }
                List<Rule> children = new ArrayList<>();
                for (Object c : list) {
                    children.add(rule(c, where));
                }
                yield key.equals("all") ? new Rule.All(children) : new Rule.Any(children);
            }
            case "not" -> new Rule.Not(rule(v, where));
            case "ports", "udp" -> {
                Set<Integer> ports = new TreeSet<>();
                if (v instanceof Long one) {
                    ports.add(one.intValue());
                } else if (v instanceof List<?> list) {
                    for (Object p : list) {
                        ports.add(p instanceof Long l && l >= 1 && l <= 65535 ? l.intValue() : -1);
                    }
                }
                if (ports.isEmpty() || ports.stream().anyMatch(p -> p < 1 || p > 65535)) {
                    throw new CatalogException(where + ": \"" + key + "\" needs port numbers 1-65535");
                }
                yield new Rule.Ports(key.equals("udp") ? "udp" : "tcp", Collections.unmodifiableSet(new LinkedHashSet<>(ports)));
            }
            case "protocol" -> {
                String p = text(v);
                if (!"http".equals(p) && !"tls".equals(p)) {
                    throw new CatalogException(where + ": \"protocol\" must be \"http\" or \"tls\"");
                }
                yield new Rule.Protocol(p);
            }
            case "banner" -> new Rule.Text(Evidence.BANNER, null, pattern(v, 0, where));
            case "httpTitle" -> new Rule.Text(Evidence.HTTP_TITLE, null, pattern(v, Pattern.CASE_INSENSITIVE, where));
            case "httpBody" -> new Rule.Text(Evidence.HTTP_BODY, null, pattern(v, Pattern.CASE_INSENSITIVE, where));
            case "tlsSubject" -> new Rule.Text(Evidence.TLS_SUBJECT, null, pattern(v, Pattern.CASE_INSENSITIVE, where));
            case "macVendor" -> new Rule.Text(Evidence.MAC_VENDOR, null, pattern(v, Pattern.CASE_INSENSITIVE, where));
            case "httpHeader" -> {
                String t = text(v) == null ? "" : text(v);
                int colon = t.indexOf(':');
                String name = (colon < 0 ? t : t.substring(0, colon)).trim().toLowerCase();
                if (!name.matches("[a-z0-9-]+")) {
                    throw new CatalogException(where + ": \"httpHeader\" must be \"Name: regex\" or \"Name\"");
                }
                String regex = colon < 0 ? "" : t.substring(colon + 1).trim();
                Pattern p = regex.isEmpty() ? null : compile(regex, Pattern.CASE_INSENSITIVE, where);
                yield new Rule.Text(Evidence.HTTP_HEADER, name, p);
            }
            case "httpGet" -> {
                if (!(v instanceof Map<?, ?> page) || !(page.get("path") instanceof String path) || !path.startsWith("/")
                        || !path.matches("[\\x21-\\x7e]+")) {
                    throw new CatalogException(where + ": \"httpGet\" needs {\"path\": \"/...\"} and a status, header or body");
                }
                for (Object k : page.keySet()) {
                    if (!Set.of("path", "status", "header", "body").contains(k)) {
                        throw new CatalogException(where + ": unknown \"httpGet\" field \"" + k + "\"");
                    }
                }
                Integer status = page.get("status") instanceof Long l ? Integer.valueOf(l.intValue()) : null;
                String header = null;
                Pattern headerPattern = null;
                if (page.get("header") instanceof String h) {
                    int colon = h.indexOf(':');
                    header = (colon < 0 ? h : h.substring(0, colon)).trim().toLowerCase();
                    String regex = colon < 0 ? "" : h.substring(colon + 1).trim();
                    headerPattern = regex.isEmpty() ? null : compile(regex, Pattern.CASE_INSENSITIVE, where);
                }
                Pattern body = page.get("body") == null ? null : pattern(page.get("body"), Pattern.CASE_INSENSITIVE, where);
                if (status == null && header == null && body == null) {
                    throw new CatalogException(where + ": \"httpGet\" needs a status, header or body");
                }
                yield new Rule.Page(path, status, header, headerPattern, body);
            }
            default -> throw new CatalogException(where + ": unknown rule \"" + key + "\"");
        };
    }

    private static Pattern pattern(Object v, int flags, String where) {
        if (!(v instanceof String text) || text.isEmpty()) {
            throw new CatalogException(where + ": patterns must be non-empty strings");
        }
        return compile(text, flags, where);
    }

    private static Pattern compile(String regex, int flags, String where) {
        try {
            return Pattern.compile(regex, flags | Pattern.DOTALL);
        } catch (PatternSyntaxException e) {
            throw new CatalogException(where + ": bad pattern /" + regex + "/: " + e.getDescription());
        }
    }
}
