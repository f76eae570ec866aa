package io.topograph.services;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.topograph.platform.web.Check;
import io.topograph.platform.web.FormErrors;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Create or edit a custom definition, from the page form (every field is text) or the JSON API
 * (converted by {@link DefinitionJson}). {@code match} is the rule as JSON text; {@code enabled}
 * is "true" or anything else for false (an unticked checkbox sends nothing).
 */
@Serdeable
public record DefinitionForm(@Nullable String key, @Nullable String name, @Nullable String description,
                             @Nullable String category, @Nullable String icon, @Nullable String priority,
                             @Nullable String match, @Nullable String enabled) {

    public static final int NAME_MAX = 80;
    public static final int DESCRIPTION_MAX = 500;
    public static final int ICON_MAX = 40;
    public static final int MATCH_MAX = 10_000;
    public static final int PRIORITY_MIN = -100;
    public static final int PRIORITY_MAX = 100;

    /** The catalog's id syntax (the daemon's parser checks it again). */
    static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern ICON = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final ObjectMapper STRICT_JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** What a form field holds once checked. */
    public record Checked(String key, String name, String description, String category, String icon, int priority,
                          JsonNode match, boolean enabled) {
    }

    public static DefinitionForm empty() {
        return new DefinitionForm("", "", "", "web-server", "", "0", "", "true");
    }

    public static DefinitionForm of(CustomDefinition d) {
        return new DefinitionForm(d.key(), d.name(), d.description(), d.category(), d.icon(), String.valueOf(d.priority()),
                pretty(d.match()), String.valueOf(d.enabled()));
    }

    /** A built-in definition as the start of an organization's own (under a key of its own). */
    public static DefinitionForm startingFrom(CatalogEntry e) {
        String key = ("my-" + e.id()).length() > 64 ? e.id() : "my-" + e.id();
        return new DefinitionForm(key, e.name(), e.description(), e.category(), e.icon(), String.valueOf(e.priority()),
                pretty(compact(e.match())), "true");
    }

    public boolean isEnabled() {
        return "true".equalsIgnoreCase(enabled == null ? "" : enabled.trim()) || "on".equalsIgnoreCase(enabled == null ? "" : enabled.trim());
    }

    public DefinitionForm normalized() {
        return new DefinitionForm(Check.trim(key), Check.trim(name), description == null ? "" : description.trim(),
                Check.trim(category), icon == null ? "" : icon.trim(), priority == null || priority.isBlank() ? "0" : priority.trim(),
                match == null ? "" : match.trim(), isEnabled() ? "true" : "false");
    }

    /**
     * Field checks that need nothing but the form; on success the checked values, else null with
     * {@code errors} filled. Call on a {@link #normalized()} form.
     */
    @Nullable
    public Checked check(FormErrors errors, List<String> categories) {
        if (key == null || key.isEmpty()) {
            errors.add("key", "This field is required.");
        } else if (!KEY.matcher(key).matches()) {
            errors.add("key", "Use 1–64 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit (like acme-portal).");
        }
        Check.required(errors, "name", name, NAME_MAX);
        Check.maxLength(errors, "description", description, DESCRIPTION_MAX);
        if (category == null || category.isEmpty()) {
            errors.add("category", "This field is required.");
        } else if (!categories.contains(category)) {
            errors.add("category", "Choose one of the categories of the built-in catalog.");
        }
        if (!icon.isEmpty() && (icon.length() > ICON_MAX || !ICON.matcher(icon).matches())) {
            errors.add("icon", "Use an icon name of lower-case letters, digits and dashes (like globe), or leave it empty.");
        }
        Integer p = null;
        try {
            p = Integer.parseInt(priority);
            if (p < PRIORITY_MIN || p > PRIORITY_MAX) {
                errors.add("priority", "Use a whole number from " + PRIORITY_MIN + " to " + PRIORITY_MAX + ".");
            }
        } catch (NumberFormatException e) {
            errors.add("priority", "Use a whole number from " + PRIORITY_MIN + " to " + PRIORITY_MAX + ".");
        }
        JsonNode rule = parseMatch(errors);
        return errors.any() ? null : new Checked(key, name, description, category, icon, p, rule, isEnabled());
    }

    @Nullable
    private JsonNode parseMatch(FormErrors errors) {
        if (match.isEmpty()) {
            errors.add("match", "This field is required: a rule such as {\"httpTitle\": \"ACME\"}.");
            return null;
        }
        if (match.length() > MATCH_MAX) {
            errors.add("match", "Use at most " + MATCH_MAX + " characters (this has " + match.length() + ").");
            return null;
        }
        try {
            JsonNode node = STRICT_JSON.readTree(match);
            if (node == null || !node.isObject()) {
                errors.add("match", "The rule must be a JSON object, like {\"ports\": [8080]}.");
                return null;
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            errors.add("match", "This is not valid JSON" + where + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
            return null;
        }
    }

    /** Compact JSON for storage and for the daemon. */
    static String compact(JsonNode node) {
        try {
            return STRICT_JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stored JSON indented for the textarea. */
    static String pretty(String json) {
        try {
            return STRICT_JSON.writerWithDefaultPrettyPrinter().writeValueAsString(STRICT_JSON.readTree(json));
        } catch (JsonProcessingException e) {
            return json;
        }
    }

    static JsonNode parseStored(String json) {
        try {
            return STRICT_JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored rule is not JSON", e);
        }
    }
}
