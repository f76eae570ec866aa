package io.topograph.platform.web;

/** Answered as 422 with the field messages (JSON), or by re-rendering the form (HTML). */
public class ValidationException extends RuntimeException {
    private final FormErrors errors;

    public ValidationException(FormErrors errors) {
        super("The request has invalid fields: " + errors.list().stream()
                .map(e -> e.field() + " " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""));
        this.errors = errors;
    }

    public static ValidationException of(String field, String message) {
        return new ValidationException(FormErrors.none().add(field, message));
    }

    public FormErrors errors() {
        return errors;
    }
}
