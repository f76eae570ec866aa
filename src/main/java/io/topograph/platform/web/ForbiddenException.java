package io.topograph.platform.web;

/** Answered as 403: the caller is a member but their role does not allow this. */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
