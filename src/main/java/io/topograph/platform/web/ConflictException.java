package io.topograph.platform.web;

/** Answered as 409: the request is valid but clashes with the current state. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
