package io.topograph.scanner.engine;

/** Outcome of one TCP connect probe. */
public enum PortState {
    /** The handshake completed: something listens. */
    OPEN,
    /** The host answered with a reset: it is up, nothing listens. */
    CLOSED,
    /** No answer before the timeout (dropped by a firewall, or the host is absent). */
    FILTERED,
    /** The network said the host cannot be reached (no route, host unreachable). */
    UNREACHABLE
}
