package io.topograph.daemons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One exchange of docs/daemon-protocol/, read from the file itself, with the matching rules of
 * its README: {@code "{{name}}"} binds (or must equal) a non-null value, {@code "{{any}}"}
 * matches anything, expected keys must be present, arrays match element by element. Only what
 * the daemon tests here need; the full replay across every fixture lives elsewhere.
 */
final class ProtocolFixture {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIR = Path.of("docs", "daemon-protocol");

    /** Samples the server test sends for variables the fixture leaves to the sender. */
    private static final Map<String, JsonNode> SAMPLES = Map.of(
            "hostname", JsonNodeFactory.instance.textNode("rack-a.lan"),
            "version", JsonNodeFactory.instance.textNode("0.1.0"),
            "name", JsonNodeFactory.instance.textNode("rack-a"),
            "capabilities", array("tcp-connect", "udp"),
            "subnets", subnets());

    final JsonNode file;
    final Map<String, JsonNode> bound;

    private ProtocolFixture(JsonNode file, Map<String, JsonNode> bound) {
        this.file = file;
        this.bound = bound;
    }

    static ProtocolFixture load(String name, Map<String, JsonNode> bound) {
        try {
            return new ProtocolFixture(JSON.readTree(Files.readString(DIR.resolve(name))), bound);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String method() {
        return file.at("/request/method").asText();
    }

    String path() {
        return substitute(file.at("/request/path"), "path").asText();
    }

    boolean withCredential() {
        return file.at("/request/auth").asText().equals("credential");
    }

    int expectedStatus() {
        return file.at("/response/status").asInt();
    }

    /** The request body with every variable replaced by its bound value or a sample. */
    String requestBody() {
        return substitute(file.at("/request/body"), "body").toString();
    }

    /** Why {@code actual} does not match the fixture's response body (empty when it does); binds new variables. */
    List<String> mismatches(JsonNode actual) {
        List<String> out = new ArrayList<>();
        match(file.at("/response/body"), actual, "body", out);
        return out;
    }

    private JsonNode substitute(JsonNode node, String key) {
        if (node.isTextual() && node.asText().matches("\\{\\{\\w+}}")) {
            String name = node.asText().substring(2, node.asText().length() - 2);
            if (!name.equals("any") && bound.containsKey(name)) {
                return bound.get(name);
            }
            JsonNode sample = name.equals("any") ? SAMPLES.get(key) : SAMPLES.get(name);
            if (sample == null && name.equals("instanceId")) {
                sample = JsonNodeFactory.instance.textNode(UUID.randomUUID().toString());
            }
            if (sample == null) {
                throw new IllegalStateException("No sample for {{" + name + "}} at " + key);
            }
            if (!name.equals("any")) {
                bound.put(name, sample);
            }
            return sample;
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                copy.set(f.getKey(), substitute(f.getValue(), f.getKey()));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(e -> copy.add(substitute(e, key)));
            return copy;
        }
        return node;
    }

    private void match(JsonNode expected, JsonNode actual, String at, List<String> out) {
        if (expected.isTextual() && expected.asText().matches("\\{\\{\\w+}}")) {
            String name = expected.asText().substring(2, expected.asText().length() - 2);
            if (name.equals("any")) {
                return;
            }
            if (actual == null || actual.isNull() || actual.isMissingNode()) {
                out.add(at + ": expected a value for {{" + name + "}}, got " + actual);
            } else if (bound.containsKey(name) && !bound.get(name).equals(actual)) {
                out.add(at + ": {{" + name + "}} is " + bound.get(name) + ", got " + actual);
            } else {
                bound.put(name, actual);
            }
            return;
        }
        if (actual == null || actual.isMissingNode()) {
            out.add(at + ": missing");
            return;
        }
        if (expected.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                match(f.getValue(), actual.get(f.getKey()) == null ? JSON.missingNode() : actual.get(f.getKey()), at + "." + f.getKey(), out);
            }
        } else if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                out.add(at + ": expected " + expected + ", got " + actual);
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                match(expected.get(i), actual.get(i), at + "[" + i + "]", out);
            }
        } else if (expected.isNumber()) {
            if (!actual.isNumber() || actual.decimalValue().compareTo(expected.decimalValue()) != 0) {
                out.add(at + ": expected " + expected + ", got " + actual);
            }
        } else if (!expected.equals(actual)) {
            out.add(at + ": expected " + expected + ", got " + actual);
        }
    }

    private static ArrayNode array(String... values) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (String v : values) {
            a.add(v);
        }
        return a;
    }

    private static ArrayNode subnets() {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        ObjectNode lo = a.addObject();
        lo.put("cidr", "127.0.0.0/8");
        lo.put("interface", "lo");
        lo.put("ip", "127.0.0.1");
        lo.putNull("mac");
        return a;
    }
}
