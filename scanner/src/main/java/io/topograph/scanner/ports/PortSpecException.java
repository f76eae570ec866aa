package io.topograph.scanner.ports;

/** A port specification that cannot be used; the message says why. */
public final class PortSpecException extends IllegalArgumentException {
    public PortSpecException(String message) {
        super(message);
    }
}
