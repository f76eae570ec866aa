package io.topograph.scanner.daemon;

/**
 * A call of the daemon protocol that did not succeed: the server answered an error status, or there
 * was no usable answer at all (status 0: connection refused, timeout, lost answer, not JSON).
 */
public final class ProtocolException extends Exception {

    private final int status;
    private final String serverMessage;

    public ProtocolException(int status, String serverMessage, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.serverMessage = serverMessage;
    }

    /** The HTTP status, or 0 when there was no usable answer. */
    public int status() {
        return status;
    }

    /** The {@code message} of the server's error body, or null. */
    public String serverMessage() {
        return serverMessage;
    }

    /** Server trouble (no answer, or 5xx): retry later with back-off, keep the results. */
    public boolean unavailable() {
        return status == 0 || status >= 500;
    }
}
