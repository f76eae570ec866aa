package io.topograph.platform.web;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The one JSON error shape of the API: a sentence for people and per-field messages for forms. */
@Serdeable
public record ApiError(String message, List<FormErrors.FieldError> errors) {
    public static ApiError of(String message) {
        return new ApiError(message, List.of());
    }
}
