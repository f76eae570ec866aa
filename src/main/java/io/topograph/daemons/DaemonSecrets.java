package io.topograph.daemons;

import io.topograph.platform.security.SecureTokens;

/** The two kinds of daemon secret: 256 random bits behind a readable prefix, stored as SHA-256. */
public final class DaemonSecrets {

    public static final String TOKEN_PREFIX = "tge_";
    public static final String CREDENTIAL_PREFIX = io.topograph.daemons.api.DaemonAuthenticationFilter.CREDENTIAL_PREFIX;
    /** How much of a secret is kept to tell them apart: the prefix and 8 random characters. */
    public static final int DISPLAY_LENGTH = 12;
    public static final int MAX_LENGTH = 100;

    /** A fresh secret, its hash and its display prefix. */
    public record Secret(String value, byte[] hash, String prefix) {
        static Secret of(String value) {
            return new Secret(value, SecureTokens.sha256(value), value.substring(0, DISPLAY_LENGTH));
        }
    }

    private DaemonSecrets() {
    }

    public static Secret newToken() {
        return Secret.of(TOKEN_PREFIX + SecureTokens.random());
    }

    public static Secret newCredential() {
        return Secret.of(CREDENTIAL_PREFIX + SecureTokens.random());
    }
}
