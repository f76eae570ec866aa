package io.topograph.scanner.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
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

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> DEFINITION_KEYS = Set.of("id", "name", "description", "category", "icon", "match",
            "generic", "priority", "confidence");

    private final List<ServiceDefinition> definitions;

    public Catalog(List<ServiceDefinition> definitions) {
        Set<String> ids = new HashSet<>();
        for (ServiceDefinition d : definitions) {
            if (!ids.add(d.id())) {
                throw new CatalogException("duplicate service id \"" + d.id() + "\" (" + d.source() + ")");
            }
        }
        this.definitions = List.copyOf(definitions);
    }

    public List<ServiceDefinition> definitions() {
        return definitions;
    }

    public Catalog plus(Catalog other) {
        List<ServiceDefinition> all = new ArrayList<>(definitions);
        all.addAll(other.definitions);
        return new Catalog(all);
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

    public static List<ServiceDefinition> parse(byte[] json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CatalogException(source + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isObject() || !root.path("services").isArray()) {
            throw new CatalogException(source + ": expected an object with a \"services\" array");
        }
        String fileCategory = root.path("category").asText(null);
        String fileIcon = root.path("icon").asText(null);
        List<ServiceDefinition> out = new ArrayList<>();
        for (JsonNode s : root.path("services")) {
            String id = s.path("id").asText("");
            String where = source + ": service \"" + id + "\"";
            if (!id.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
                throw new CatalogException(source + ": service id \"" + id + "\" must be 1-64 lower-case letters, digits, . _ -");
            }
            for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!DEFINITION_KEYS.contains(key)) {
                    throw new CatalogException(where + ": unknown field \"" + key + "\"");
                }
            }
            String name = required(s, "name", where);
            String category = s.path("category").asText(fileCategory);
            if (category == null || category.isBlank()) {
                throw new CatalogException(where + ": no category (set it on the file or the service)");
            }
            String icon = s.path("icon").asText(fileIcon == null ? category : fileIcon);
            if (!s.has("match")) {
                throw new CatalogException(where + ": no \"match\" rule");
            }
            Rule rule = rule(s.get("match"), where);
            if (!rule.hasPortScopedLeaf()) {
                throw new CatalogException(where + ": the rule needs a port, protocol, banner, HTTP or TLS condition (a MAC vendor alone cannot claim a port)");
            }
            Integer confidence = null;
            if (s.has("confidence")) {
                int c = s.get("confidence").asInt(-1);
                if (c < 1 || c > 100) {
                    throw new CatalogException(where + ": confidence must be 1-100");
                }
                confidence = c;
            }
            out.add(new ServiceDefinition(id, name, s.path("description").asText(""), category, icon, rule,
                    s.path("generic").asBoolean(false), s.path("priority").asInt(0), confidence, source));
        }
        return out;
    }

    private static String required(JsonNode s, String field, String where) {
        String v = s.path(field).asText("");
        if (v.isBlank()) {
            throw new CatalogException(where + ": \"" + field + "\" is required");
        }
        return v;
    }

    static Rule rule(JsonNode node, String where) {
        if (node == null || !node.isObject() || node.size() != 1) {
            throw new CatalogException(where + ": each rule must be an object with exactly one key, got " + node);
        }
        Map.Entry<String, JsonNode> e = node.fields().next();
        JsonNode v = e.getValue();
        return switch (e.getKey()) {
            case "all", "any" -> {
                if (!v.isArray() || v.isEmpty()) {
                    throw new CatalogException(where + ": \"" + e.getKey() + "\" needs a non-empty array of rules");
                }
                List<Rule> children = new ArrayList<>();
                for (JsonNode c : v) {
                    children.add(rule(c, where));
                }
                yield e.getKey().equals("all") ? new Rule.All(children) : new Rule.Any(children);
            }
            case "not" -> new Rule.Not(rule(v, where));
            case "ports", "udp" -> {
                Set<Integer> ports = new TreeSet<>();
                if (v.isInt()) {
                    ports.add(v.asInt());
                } else if (v.isArray()) {
                    for (JsonNode p : v) {
                        ports.add(p.asInt(-1));
                    }
                }
                if (ports.isEmpty() || ports.stream().anyMatch(p -> p < 1 || p > 65535)) {
                    throw new CatalogException(where + ": \"" + e.getKey() + "\" needs port numbers 1-65535");
                }
                yield new Rule.Ports(e.getKey().equals("udp") ? "udp" : "tcp", Collections.unmodifiableSet(new LinkedHashSet<>(ports)));
            }
            case "protocol" -> {
                String p = v.asText("");
                if (!p.equals("http") && !p.equals("tls")) {
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
                String text = v.asText("");
                int colon = text.indexOf(':');
                String name = (colon < 0 ? text : text.substring(0, colon)).trim().toLowerCase();
                if (!name.matches("[a-z0-9-]+")) {
                    throw new CatalogException(where + ": \"httpHeader\" must be \"Name: regex\" or \"Name\"");
                }
                String regex = colon < 0 ? "" : text.substring(colon + 1).trim();
                Pattern p = regex.isEmpty() ? null : compile(regex, Pattern.CASE_INSENSITIVE, where);
                yield new Rule.Text(Evidence.HTTP_HEADER, name, p);
            }
            default -> throw new CatalogException(where + ": unknown rule \"" + e.getKey() + "\"");
        };
    }

    private static Pattern pattern(JsonNode v, int flags, String where) {
        if (!v.isTextual() || v.asText().isEmpty()) {
            throw new CatalogException(where + ": patterns must be non-empty strings");
        }
        return compile(v.asText(), flags, where);
    }

    private static Pattern compile(String regex, int flags, String where) {
        try {
            return Pattern.compile(regex, flags | Pattern.DOTALL);
        } catch (PatternSyntaxException e) {
            throw new CatalogException(where + ": bad pattern /" + regex + "/: " + e.getDescription());
        }
    }
}
