package io.topograph.scanner.target;

/** A target specification that is malformed or refused for safety; the message names the offending item. */
public final class TargetException extends IllegalArgumentException {
    public TargetException(String message) {
        super(message);
    }
}
