package io.topograph.users;

import io.micronaut.core.annotation.Nullable;
import io.topograph.platform.persistence.Sql;
import io.topograph.platform.security.SecureTokens;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Single-use emailed tokens (verification, password reset); only their hashes are stored. */
@Singleton
public class EmailTokens {

    public enum Purpose { VERIFY_EMAIL, RESET_PASSWORD }

    private final Sql sql;

    public EmailTokens(Sql sql) {
        this.sql = sql;
    }

    /** Issues a token; earlier unused tokens of the same purpose stop working. */
    public String issue(UUID userId, Purpose purpose, Duration validity) {
        String token = SecureTokens.random();
        sql.update("update email_tokens set used_at = now() where user_id = ? and purpose = ? and used_at is null",
                userId, purpose.name());
        sql.update("insert into email_tokens (id, user_id, purpose, token_hash, expires_at) values (?, ?, ?, ?, ?)",
                UUID.randomUUID(), userId, purpose.name(), SecureTokens.sha256(token), Instant.now().plus(validity));
        return token;
    }

    /** The user a valid, unused, unexpired token belongs to, without using it up. */
    public Optional<UUID> peek(@Nullable String token, Purpose purpose) {
        return plausible(token) ? sql.one("select user_id from email_tokens where token_hash = ? and purpose = ?"
                        + " and used_at is null and expires_at > now()",
                rs -> rs.getObject(1, UUID.class), SecureTokens.sha256(token), purpose.name()) : Optional.empty();
    }

    /** Uses the token up and returns its user; a second use finds nothing. */
    public Optional<UUID> consume(@Nullable String token, Purpose purpose) {
        return plausible(token) ? sql.one("update email_tokens set used_at = now() where token_hash = ? and purpose = ?"
                        + " and used_at is null and expires_at > now() returning user_id",
                rs -> rs.getObject(1, UUID.class), SecureTokens.sha256(token), purpose.name()) : Optional.empty();
    }

    private static boolean plausible(@Nullable String token) {
        return token != null && !token.isBlank() && token.length() <= 100;
    }
}
