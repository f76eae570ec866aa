package io.topograph.platform.web;

/** Answered as 404: also used for anything the caller may not know exists. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
