package io.topograph.platform.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds one OpenAPI 3.0 document from {@code _base.yml} (info, servers, security, shared
 * schemas) and one fragment per feature ({@code paths}, optional {@code components} and
 * {@code tags}). Anything two fragments both define must be identical; an operation defined
 * twice, an unknown top-level key or a {@code $ref} to nothing is an error that names the files,
 * so a broken fragment is found by the tests rather than by API users.
 */
public final class OpenApiMerger {

    /** One YAML file: its name (for messages) and text. */
    public record Source(String name, String yaml) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    /** Fragments may repeat these (editors like them); the base document's values win. */
    private static final Set<String> IGNORED_IN_FRAGMENTS = Set.of("openapi", "info");

    private OpenApiMerger() {
    }

    public static ObjectNode merge(Source base, List<Source> fragments) {
        ObjectNode doc = parse(base);
        String version = doc.path("openapi").asText("");
        if (!version.startsWith("3.0.")) {
            throw new IllegalStateException(base.name() + ": expected 'openapi: 3.0.x', found '" + version + "'");
        }
        Map<String, String> owners = new HashMap<>();
        ObjectNode paths = objectAt(doc, "paths", base.name());
        ObjectNode components = objectAt(doc, "components", base.name());
        claimAll(paths, components, base.name(), owners);
        for (Source fragment : fragments) {
            ObjectNode node = parse(fragment);
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                switch (field.getKey()) {
                    case "paths" -> mergePaths(paths, requireObject(field.getValue(), fragment.name(), "paths"), fragment.name(), owners);
                    case "components" -> mergeComponents(components, requireObject(field.getValue(), fragment.name(), "components"),
                            fragment.name(), owners);
                    case "tags" -> mergeTags(doc, field.getValue(), fragment.name());
                    default -> {
                        if (!IGNORED_IN_FRAGMENTS.contains(field.getKey())) {
                            throw new IllegalStateException(fragment.name() + ": unexpected top-level key '" + field.getKey()
                                    + "' (a fragment holds only paths, components and tags)");
                        }
                    }
                }
            }
        }
        doc.set("paths", sorted(paths));
        List<String> sections = new ArrayList<>();
        components.fieldNames().forEachRemaining(sections::add);
        for (String section : sections) {
            components.set(section, sorted(requireObject(components.get(section), base.name(), "components." + section)));
        }
        checkReferences(doc, doc, "");
        return doc;
    }

    public static String toJson(JsonNode doc) {
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String toYaml(JsonNode doc) {
        try {
            return YAML.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void mergePaths(ObjectNode paths, ObjectNode add, String source, Map<String, String> owners) {
        add.fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/")) {
                throw new IllegalStateException(source + ": path '" + path.getKey() + "' must start with /");
            }
            ObjectNode item = requireObject(path.getValue(), source, path.getKey());
            ObjectNode target = paths.has(path.getKey()) ? (ObjectNode) paths.get(path.getKey()) : paths.putObject(path.getKey());
            item.fields().forEachRemaining(entry -> {
                String key = entry.getKey();
                if (METHODS.contains(key)) {
                    claim(owners, key.toUpperCase() + " " + path.getKey(), source);
                    target.set(key, entry.getValue());
                } else if (target.has(key) && !target.get(key).equals(entry.getValue())) {
                    throw new IllegalStateException(source + ": '" + key + "' of path " + path.getKey()
                            + " differs from the one in " + owners.get("path " + path.getKey()));
                } else {
                    owners.putIfAbsent("path " + path.getKey(), source);
                    target.set(key, entry.getValue());
                }
            });
        });
    }

    private static void mergeComponents(ObjectNode components, ObjectNode add, String source, Map<String, String> owners) {
        add.fields().forEachRemaining(section -> {
            ObjectNode entries = requireObject(section.getValue(), source, "components." + section.getKey());
            ObjectNode target = objectAt(components, section.getKey(), source);
            entries.fields().forEachRemaining(entry -> {
                String id = "components." + section.getKey() + "." + entry.getKey();
                if (target.has(entry.getKey())) {
                    if (!target.get(entry.getKey()).equals(entry.getValue())) {
                        throw new IllegalStateException(source + ": " + id + " is already defined differently in "
                                + owners.get(id) + "; reuse it or choose another name");
                    }
                } else {
                    owners.put(id, source);
                    target.set(entry.getKey(), entry.getValue());
                }
            });
        });
    }

    private static void mergeTags(ObjectNode doc, JsonNode tags, String source) {
        if (!tags.isArray()) {
            throw new IllegalStateException(source + ": 'tags' must be a list");
        }
        ArrayNode target = doc.has("tags") ? (ArrayNode) doc.get("tags") : doc.putArray("tags");
        for (JsonNode tag : tags) {
            String name = tag.path("name").asText("");
            boolean known = false;
            for (JsonNode existing : target) {
                known |= existing.path("name").asText("").equals(name);
            }
            if (!known) {
                target.add(tag);
            }
        }
    }

    private static void claimAll(ObjectNode paths, ObjectNode components, String source, Map<String, String> owners) {
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(key -> {
            if (METHODS.contains(key)) {
                claim(owners, key.toUpperCase() + " " + path.getKey(), source);
            }
        }));
        components.fields().forEachRemaining(section -> section.getValue().fieldNames()
                .forEachRemaining(name -> owners.put("components." + section.getKey() + "." + name, source)));
    }

    private static void claim(Map<String, String> owners, String operation, String source) {
        String previous = owners.putIfAbsent(operation, source);
        if (previous != null) {
            throw new IllegalStateException(source + ": " + operation + " is already documented in " + previous);
        }
    }

    /** Every local {@code $ref} must point at something that exists. */
    private static void checkReferences(ObjectNode doc, JsonNode node, String where) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#/")) {
                if (doc.at(ref.asText().substring(1)).isMissingNode()) {
                    throw new IllegalStateException("Unresolved $ref '" + ref.asText() + "' at " + where);
                }
            }
            node.fields().forEachRemaining(f -> checkReferences(doc, f.getValue(), where + "/" + f.getKey()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkReferences(doc, node.get(i), where + "/" + i);
            }
        }
    }

    private static ObjectNode parse(Source source) {
        JsonNode node;
        try {
            node = YAML.readTree(source.yaml());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(source.name() + ": not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalStateException(source.name() + ": expected a YAML mapping");
        }
        return (ObjectNode) node;
    }

    private static ObjectNode objectAt(ObjectNode parent, String key, String source) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return parent.putObject(key);
        }
        return requireObject(node, source, key);
    }

    private static ObjectNode requireObject(JsonNode node, String source, String what) {
        if (!node.isObject()) {
            throw new IllegalStateException(source + ": '" + what + "' must be a mapping");
        }
        return (ObjectNode) node;
    }

    private static ObjectNode sorted(ObjectNode node) {
        Map<String, JsonNode> byName = new TreeMap<>();
        node.fields().forEachRemaining(f -> byName.put(f.getKey(), f.getValue()));
        ObjectNode out = node.objectNode();
        byName.forEach(out::set);
        return out;
    }

    /** The operations of a document as "METHOD /path" strings, for checks against the router. */
    public static List<String> operations(JsonNode doc) {
        List<String> out = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(key -> {
            if (METHODS.contains(key)) {
                out.add(key.toUpperCase() + " " + path.getKey());
            }
        }));
        return out;
    }
}
