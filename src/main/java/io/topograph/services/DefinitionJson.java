package io.topograph.services;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.serde.annotation.Serdeable;
import io.topograph.platform.web.FormErrors;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The JSON API's side of a definition: reading a request body strictly (unknown fields and wrong
 * types are field errors, so a typo never silently drops a condition) and the answer's shape.
 */
final class DefinitionJson {

    static final Set<String> FIELDS = Set.of("key", "name", "description", "category", "icon", "priority", "match", "enabled");
    private static final List<String> TEXT_FIELDS = List.of("key", "name", "description", "category", "icon");
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private DefinitionJson() {
    }

    /** A definition as the API answers it; {@code match} in the catalog's JSON form, {@code rule} in words. */
    @Serdeable
    public record Resource(UUID id, String key, String name, String description, String category, String icon, int priority,
                           Map<String, Object> match, String rule, boolean enabled, @Nullable UUID createdBy,
                           Instant createdAt, Instant updatedAt) {

        static Resource of(CustomDefinition d) {
            JsonNode match = DefinitionForm.parseStored(d.match());
            return new Resource(d.id(), d.key(), d.name(), d.description(), d.category(), d.icon(), d.priority(),
                    toMap(match), RuleText.summary(match), d.enabled(), d.createdBy(), d.createdAt(), d.updatedAt());
        }
    }

    /**
     * Reads a create or replace body into a form. {@code enabled} defaults to true on create and
     * to the current value on replace; {@code priority} to 0; {@code icon} to the category's icon.
     *
     * @throws io.topograph.platform.web.ValidationException for unknown fields or wrong types (422)
     * @throws HttpStatusException 400 when the body is not a JSON object
     */
    static DefinitionForm read(@Nullable String body, boolean enabledByDefault) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "The request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "The request body must be a JSON object.");
        }
        FormErrors errors = FormErrors.none();
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(name, "Unknown field; a definition has key, name, description, category, icon, priority, match and enabled.");
            }
        }
        for (String field : TEXT_FIELDS) {
            JsonNode v = root.get(field);
            if (v != null && !v.isNull() && !v.isTextual()) {
                errors.add(field, "Must be a string.");
            }
        }
        JsonNode priority = root.get("priority");
        if (priority != null && !priority.isNull() && !priority.canConvertToExactIntegral()) {
            errors.add("priority", "Must be a whole number.");
        }
        JsonNode match = root.get("match");
        if (match != null && !match.isNull() && !match.isObject()) {
            errors.add("match", "Must be a JSON object (the rule), like {\"httpTitle\": \"ACME\"}.");
        }
        JsonNode enabled = root.get("enabled");
        if (enabled != null && !enabled.isNull() && !enabled.isBoolean()) {
            errors.add("enabled", "Must be true or false.");
        }
        errors.throwIfAny();
        return new DefinitionForm(text(root, "key"), text(root, "name"), text(root, "description"), text(root, "category"),
                text(root, "icon"),
                priority == null || priority.isNull() ? null : priority.bigIntegerValue().toString(),
                match == null || match.isNull() ? null : DefinitionForm.compact(match),
                String.valueOf(enabled == null || enabled.isNull() ? enabledByDefault : enabled.booleanValue()));
    }

    /** A JSON value as plain maps, lists, strings, numbers and booleans. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> toMap(JsonNode node) {
        return JSON.convertValue(node, Map.class);
    }

    @Nullable
    private static String text(JsonNode root, String field) {
        JsonNode v = root.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
