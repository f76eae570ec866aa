package io.topograph.platform.web;

import io.micronaut.core.annotation.Nullable;

import java.util.regex.Pattern;

/** Small, explicit field checks shared by forms and JSON bodies; messages are written for people. */
public final class Check {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern COLOR = Pattern.compile("^#[0-9a-fA-F]{6}$");

    private Check() {
    }

    /** Trims; null stays null. */
    @Nullable
    public static String trim(@Nullable String value) {
        return value == null ? null : value.trim();
    }

    public static void required(FormErrors errors, String field, @Nullable String value, int maxLength) {
        if (value == null || value.isBlank()) {
            errors.add(field, "This field is required.");
        } else {
            maxLength(errors, field, value, maxLength);
        }
    }

    public static void maxLength(FormErrors errors, String field, @Nullable String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            errors.add(field, "Use at most " + maxLength + " characters (this has " + value.length() + ").");
        }
        if (value != null && value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            errors.add(field, "Control characters are not allowed.");
        }
    }

    public static void email(FormErrors errors, String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            errors.add(field, "This field is required.");
        } else if (value.length() > 254 || !EMAIL.matcher(value.trim()).matches()) {
            errors.add(field, "Enter a valid email address, like name@example.com.");
        }
    }

    public static void password(FormErrors errors, String field, @Nullable String value) {
        if (value == null || value.isEmpty()) {
            errors.add(field, "This field is required.");
        } else if (value.length() < 10) {
            errors.add(field, "Use at least 10 characters.");
        } else if (value.length() > 200) {
            errors.add(field, "Use at most 200 characters.");
        }
    }

    public static void color(FormErrors errors, String field, @Nullable String value) {
        if (value != null && !value.isBlank() && !COLOR.matcher(value.trim()).matches()) {
            errors.add(field, "Use a colour like #1f77b4.");
        }
    }

    /** The trimmed value, or null when it is missing or blank (an unset query parameter). */
    @Nullable
    public static String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The id in {@code value} (null when blank); anything else than a UUID adds {@code message} to {@code field}. */
    @Nullable
    public static java.util.UUID uuid(FormErrors errors, String field, @Nullable String value, String message) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            if (v.length() == 36) {
                return java.util.UUID.fromString(v);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add(field, message);
        return null;
    }
}
