package io.topograph.scanner.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The matching rules of {@code docs/daemon-protocol/README.md}, self-contained (Jackson only) so either
 * side's replayer can use it:
 * <ul>
 *   <li>{@code "{{name}}"} as a value is a variable: in what is <em>received</em> it matches any non-null
 *       value and binds it, or must equal the bound value; in what is <em>sent</em> it is replaced by the
 *       bound value (an unbound one gets a sample, which is then bound). Variables also work inside
 *       strings such as paths ({@code /runs/{{runId}}/progress}).</li>
 *   <li>{@code "{{any}}"} matches any value, null included.</li>
 *   <li>Every key of an expected object must be present with a matching value; extra keys are allowed.
 *       Arrays must have the same length and match element by element. Numbers match by value.</li>
 * </ul>
 * {@link #receive} binds nothing when it finds a mismatch, so a failed attempt can be retried against
 * another fixture.
 */
public final class FixtureMatcher {

    /** Supplies a realistic value for an unbound variable ({@code variable} set) or {@code {{any}}} (null), by key name. */
    @FunctionalInterface
    public interface Sampler {
        JsonNode sample(String variable, String key);
    }

    public static final String ANY = "any";
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{([A-Za-z0-9_]+)\\}\\}");

    private final Map<String, JsonNode> bindings;

    public FixtureMatcher() {
        this(new LinkedHashMap<>());
    }

    private FixtureMatcher(Map<String, JsonNode> bindings) {
        this.bindings = bindings;
    }

    public FixtureMatcher copy() {
        return new FixtureMatcher(new LinkedHashMap<>(bindings));
    }

    public Map<String, JsonNode> bindings() {
        return java.util.Collections.unmodifiableMap(bindings);
    }

    public void bind(String name, JsonNode value) {
        bindings.put(name, value);
    }

    public void unbind(Set<String> names) {
        names.forEach(bindings::remove);
    }

    public JsonNode bound(String name) {
        return bindings.get(name);
    }

    /** The variable a whole value names ({@code "{{runId}}"} → runId), or null. */
    static String variable(JsonNode expected) {
        if (expected == null || !expected.isTextual()) {
            return null;
        }
        Matcher m = VARIABLE.matcher(expected.asText());
        return m.matches() ? m.group(1) : null;
    }

    /**
     * Checks what was received against what the fixture expects. Returns the mismatches, each naming
     * where it is ({@code body.state: expected "IDLE", got "SCANNING"}); binds the new variables only
     * when there is none.
     */
    public List<String> receive(JsonNode expected, JsonNode actual, String where) {
        Map<String, JsonNode> trial = new LinkedHashMap<>(bindings);
        List<String> problems = new ArrayList<>();
        match(expected, actual, where, trial, problems);
        if (problems.isEmpty()) {
            bindings.clear();
            bindings.putAll(trial);
        }
        return problems;
    }

    /** {@link #receive} for a plain string such as a path or a header (null: absent). */
    public List<String> receiveText(String expected, String actual, String where) {
        return receive(TextNode.valueOf(expected), actual == null ? null : TextNode.valueOf(actual), where);
    }

    private static void match(JsonNode expected, JsonNode actual, String where, Map<String, JsonNode> trial, List<String> problems) {
        boolean absent = actual == null || actual.isMissingNode() || actual.isNull();
        String name = variable(expected);
        if (name != null) {
            if (name.equals(ANY)) {
                return;
            }
            if (absent) {
                problems.add(where + ": expected a value for {{" + name + "}}, got " + (actual == null || actual.isMissingNode() ? "nothing" : "null"));
            } else if (trial.containsKey(name)) {
                if (!same(trial.get(name), actual)) {
                    problems.add(where + ": expected {{" + name + "}} = " + trial.get(name) + ", got " + actual);
                }
            } else {
                trial.put(name, actual.deepCopy());
            }
            return;
        }
        if (expected.isTextual() && VARIABLE.matcher(expected.asText()).find()) {
            template(expected.asText(), actual, where, trial, problems);
            return;
        }
        if (expected.isObject()) {
            if (absent || !actual.isObject()) {
                problems.add(where + ": expected an object, got " + describe(actual));
                return;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (!actual.has(f.getKey())) {
                    problems.add(where + "." + f.getKey() + ": missing");
                } else {
                    match(f.getValue(), actual.get(f.getKey()), where + "." + f.getKey(), trial, problems);
                }
            }
            return;
        }
        if (expected.isArray()) {
            if (absent || !actual.isArray()) {
                problems.add(where + ": expected an array, got " + describe(actual));
                return;
            }
            if (expected.size() != actual.size()) {
                problems.add(where + ": expected " + expected.size() + " elements, got " + actual.size() + " " + actual);
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                match(expected.get(i), actual.get(i), where + "[" + i + "]", trial, problems);
            }
            return;
        }
        if (expected.isNull()) {
            if (!absent || actual == null || actual.isMissingNode()) {
                problems.add(where + ": expected null, got " + describe(actual));
            }
            return;
        }
        if (absent || !same(expected, actual)) {
            problems.add(where + ": expected " + expected + ", got " + describe(actual));
        }
    }

    /** A string with variables inside ({@code /runs/{{runId}}/progress}, {@code Bearer {{credential}}}). */
    private static void template(String expected, JsonNode actual, String where, Map<String, JsonNode> trial, List<String> problems) {
        if (actual == null || !actual.isTextual()) {
            problems.add(where + ": expected text like \"" + expected + "\", got " + describe(actual));
            return;
        }
        StringBuilder regex = new StringBuilder("^");
        List<String> names = new ArrayList<>();
        Matcher m = VARIABLE.matcher(expected);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(expected.substring(last, m.start()))).append(m.group(1).equals(ANY) ? "(.*?)" : "(.+?)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(expected.substring(last))).append("$");
        Matcher a = Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(actual.asText());
        if (!a.matches()) {
            problems.add(where + ": expected \"" + expected + "\", got " + actual);
            return;
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.equals(ANY)) {
                continue;
            }
            TextNode value = TextNode.valueOf(a.group(i + 1));
            if (trial.containsKey(name)) {
                if (!same(trial.get(name), value)) {
                    problems.add(where + ": expected {{" + name + "}} = " + trial.get(name) + ", got " + value);
                }
            } else {
                trial.put(name, value);
            }
        }
    }

    /** What to send: the template with bound values; unbound variables and {{any}} get samples (then bound). */
    public JsonNode send(JsonNode template, Sampler sampler) {
        return fill(template, null, sampler);
    }

    private JsonNode fill(JsonNode t, String key, Sampler sampler) {
        if (t == null || t.isNull() || t.isMissingNode()) {
            return NullNode.getInstance();
        }
        String name = variable(t);
        if (name != null) {
            if (name.equals(ANY)) {
                return sample(sampler, null, key);
            }
            return bindings.computeIfAbsent(name, n -> sample(sampler, n, key)).deepCopy();
        }
        if (t.isTextual() && VARIABLE.matcher(t.asText()).find()) {
            Matcher m = VARIABLE.matcher(t.asText());
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                JsonNode v = m.group(1).equals(ANY) ? sample(sampler, null, key)
                        : bindings.computeIfAbsent(m.group(1), n -> sample(sampler, n, key));
                m.appendReplacement(out, Matcher.quoteReplacement(v.asText()));
            }
            m.appendTail(out);
            return TextNode.valueOf(out.toString());
        }
        if (t.isObject()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            t.fields().forEachRemaining(f -> o.set(f.getKey(), fill(f.getValue(), f.getKey(), sampler)));
            return o;
        }
        if (t.isArray()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            t.forEach(e -> a.add(fill(e, key, sampler)));
            return a;
        }
        return t.deepCopy();
    }

    private static JsonNode sample(Sampler sampler, String variable, String key) {
        JsonNode v = sampler.sample(variable, key);
        if (v == null) {
            throw new IllegalStateException("no sample for " + (variable == null ? "{{any}}" : "{{" + variable + "}}") + " at key " + key);
        }
        return v;
    }

    /** Equal JSON, numbers by value. */
    static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            Iterator<Map.Entry<String, JsonNode>> it = a.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                if (!b.has(f.getKey()) || !same(f.getValue(), b.get(f.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static String describe(JsonNode n) {
        return n == null || n.isMissingNode() ? "nothing" : n.toString();
    }
}
