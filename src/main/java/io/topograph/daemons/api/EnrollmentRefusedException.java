package io.topograph.daemons.api;

/** The enrollment token is unknown, expired, revoked or used up: 401, and nothing was written. */
public class EnrollmentRefusedException extends RuntimeException {

    public EnrollmentRefusedException(String message) {
        super(message, null, false, false);
    }
}
