package io.topograph.daemons;

/** A token just made: its secret, shown this once, and what is stored about it. */
public record CreatedToken(String secret, EnrollmentToken token) {
}
