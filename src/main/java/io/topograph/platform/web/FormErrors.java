package io.topograph.platform.web;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Field messages for a form or a JSON body; the first message per field wins. */
@Introspected
public final class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    public FormErrors add(String field, String message) {
        byField.putIfAbsent(field, message);
        return this;
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /** The message for a field, or an empty string so templates can print it unconditionally. */
    public String get(String field) {
        return byField.getOrDefault(field, "");
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public List<FieldError> list() {
        List<FieldError> out = new ArrayList<>();
        byField.forEach((f, m) -> out.add(new FieldError(f, m)));
        return out;
    }

    /** Throws when there are errors, so a service never writes half of a bad request. */
    public void throwIfAny() {
        if (any()) {
            throw new ValidationException(this);
        }
    }

    @Serdeable
    public record FieldError(String field, String message) {
    }
}
