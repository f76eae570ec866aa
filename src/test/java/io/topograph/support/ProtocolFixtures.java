package io.topograph.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The shared daemon protocol fixtures (docs/daemon-protocol/*.json) and their matching rules
 * (docs/daemon-protocol/README.md), as the server-side replayer uses them: variables bind on
 * what is received and are substituted in what is sent.
 */
public final class ProtocolFixtures {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{([A-Za-z0-9_]+)}}");
    private static final String ANY = "any";

    public record Fixture(String file, String given, String method, String path, String auth, JsonNode requestBody,
                   int status, JsonNode responseBody) {
    }

    /** What a real daemon would send where the fixtures leave the value open. */
    private static final Map<String, JsonNode> SAMPLES = samples();

    private ProtocolFixtures() {
    }

    private static Map<String, JsonNode> samples() {
        String json = """
                {"instanceId": "%s", "name": "rack-a", "hostname": "rack-a.lan", "version": "0.1.0",
                 "capabilities": ["tcp-connect", "udp"],
                 "subnets": [{"cidr": "127.0.0.0/8", "interface": "lo", "ip": "127.0.0.1", "mac": null}],
                 "phase": "PORT_SCAN", "percent": 40, "hostsFound": 1, "portsProbed": 2, "mac": null, "vendor": null,
                 "ports": [{"port": 22, "protocol": "tcp", "state": "open", "banner": "SSH-2.0-OpenSSH_9.6"},
                           {"port": 80, "protocol": "tcp", "state": "open", "banner": null}],
                 "services": [{"id": "openssh", "name": "OpenSSH", "category": "remote-access", "icon": "terminal", "port": 22,
                               "protocol": "tcp", "confidence": 95, "reason": "banner matched /^SSH-2.0-OpenSSH/", "version": "9.6"}],
                 "unidentifiedPorts": [80], "stats": {"hostsUp": 1, "probes": 2, "open": 2, "elapsedMs": 40}, "warnings": []}
                """.formatted(java.util.UUID.randomUUID());
        try {
            Map<String, JsonNode> out = new java.util.HashMap<>();
            JSON.readTree(json).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path directory() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("docs/daemon-protocol");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/daemon-protocol not found above " + Path.of("").toAbsolutePath());
    }

    public static List<Fixture> all() {
        try (Stream<Path> files = Files.list(directory())) {
            List<Fixture> out = new ArrayList<>();
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                JsonNode root = JSON.readTree(f.toFile());
                JsonNode req = root.get("request");
                JsonNode res = root.get("response");
                out.add(new Fixture(f.getFileName().toString(), root.path("given").asText(null), req.get("method").asText(),
                        req.get("path").asText(), req.path("auth").asText("none"), req.get("body"),
                        res.get("status").asInt(), res.get("body")));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces variables in a path with their bound values. */
    public static String substitute(String text, Map<String, JsonNode> vars) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            JsonNode v = vars.get(m.group(1));
            if (v == null) {
                throw new AssertionError("variable " + m.group(1) + " is not bound yet in " + text);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v.asText()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A body to send: bound variables substituted, unbound ones (and {{any}}) filled from samples, which then bind. */
    /** A body to send, with the shared sample table for values the fixture leaves open. */
    public static JsonNode toSend(JsonNode template, Map<String, JsonNode> vars) {
        return toSend(template, vars, SAMPLES, "");
    }

    /** One fixture by file name. */
    public static Fixture load(String file) {
        return all().stream().filter(f -> f.file().equals(file)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no fixture " + file));
    }

    static JsonNode toSend(JsonNode template, Map<String, JsonNode> vars, Map<String, JsonNode> samples, String key) {
        if (template == null || template.isNull()) {
            return template;
        }
        String name = variable(template);
        if (name != null) {
            if (!name.equals(ANY) && vars.containsKey(name)) {
                return vars.get(name);
            }
            String sampleKey = name.equals(ANY) ? key : name;
            JsonNode sample = samples.get(sampleKey);
            if (sample == null) {
                throw new AssertionError("no sample value for " + sampleKey);
            }
            if (!name.equals(ANY)) {
                vars.put(name, sample);
            }
            return sample;
        }
        if (template.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = template.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                out.set(f.getKey(), toSend(f.getValue(), vars, samples, f.getKey()));
            }
            return out;
        }
        if (template.isArray()) {
            var out = JSON.createArrayNode();
            template.forEach(e -> out.add(toSend(e, vars, samples, key)));
            return out;
        }
        return template;
    }

    /** Checks a received body against the expected one; returns the mismatches (empty when it matches). */
    public static List<String> mismatches(JsonNode expected, JsonNode actual, Map<String, JsonNode> vars, String where) {
        List<String> out = new ArrayList<>();
        match(expected, actual, vars, where, out);
        return out;
    }

    private static void match(JsonNode expected, JsonNode actual, Map<String, JsonNode> vars, String where, List<String> out) {
        String name = variable(expected);
        if (name != null) {
            if (name.equals(ANY)) {
                return;
            }
            if (actual == null || actual.isNull() || actual.isMissingNode()) {
                out.add(where + ": expected a value for {{" + name + "}}, got nothing");
            } else if (vars.containsKey(name) && !vars.get(name).equals(actual)) {
                out.add(where + ": {{" + name + "}} was " + vars.get(name) + ", now " + actual);
            } else {
                vars.putIfAbsent(name, actual);
            }
            return;
        }
        if (expected == null || expected.isNull()) {
            if (actual != null && !actual.isNull() && !actual.isMissingNode()) {
                out.add(where + ": expected null, got " + actual);
            }
            return;
        }
        if (actual == null || actual.isMissingNode()) {
            out.add(where + ": missing");
            return;
        }
        if (expected.isObject()) {
            if (!actual.isObject()) {
                out.add(where + ": expected an object, got " + actual);
                return;
            }
            expected.fields().forEachRemaining(f -> match(f.getValue(), actual.get(f.getKey()), vars, where + "." + f.getKey(), out));
        } else if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                out.add(where + ": expected an array of " + expected.size() + ", got " + actual);
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                match(expected.get(i), actual.get(i), vars, where + "[" + i + "]", out);
            }
        } else if (expected.isNumber()) {
            if (!actual.isNumber() || expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
                out.add(where + ": expected " + expected + ", got " + actual);
            }
        } else if (!expected.equals(actual)) {
            out.add(where + ": expected " + expected + ", got " + actual);
        }
    }

    private static String variable(JsonNode node) {
        if (node != null && node.isTextual()) {
            Matcher m = VARIABLE.matcher(node.asText());
            if (m.matches()) {
                return m.group(1);
            }
        }
        return null;
    }
}
