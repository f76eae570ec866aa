package io.topograph.users;

import io.micronaut.core.annotation.Nullable;
import io.topograph.platform.security.SecureTokens;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Single-use emailed tokens (verification, password reset); only their hashes are stored. */
@Singleton
// Plain JDBC on the contextual connection: joins the caller's transaction when there is one.
@io.micronaut.transaction.annotation.Transactional
public class EmailTokens {

    public enum Purpose { VERIFY_EMAIL, RESET_PASSWORD }

    private final DataSource dataSource;

    public EmailTokens(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Issues a token; earlier unused tokens of the same purpose stop working. */
    public String issue(UUID userId, Purpose purpose, Duration validity) {
        String token = SecureTokens.random();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "update email_tokens set used_at = now() where user_id = ? and purpose = ? and used_at is null")) {
                ps.setObject(1, userId);
                ps.setString(2, purpose.name());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into email_tokens (id, user_id, purpose, token_hash, expires_at) values (?, ?, ?, ?, ?)")) {
                ps.setObject(1, UUID.randomUUID());
                ps.setObject(2, userId);
                ps.setString(3, purpose.name());
                ps.setBytes(4, SecureTokens.sha256(token));
                ps.setTimestamp(5, Timestamp.from(Instant.now().plus(validity)));
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return token;
    }

    /** The user a valid, unused, unexpired token belongs to, without using it up. */
    public Optional<UUID> peek(@Nullable String token, Purpose purpose) {
        return find(token, purpose, false);
    }

    /** Uses the token up and returns its user; a second use finds nothing. */
    public Optional<UUID> consume(@Nullable String token, Purpose purpose) {
        return find(token, purpose, true);
    }

    private Optional<UUID> find(@Nullable String token, Purpose purpose, boolean consume) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        String sql = consume
                ? "update email_tokens set used_at = now() where token_hash = ? and purpose = ? and used_at is null and expires_at > now() returning user_id"
                : "select user_id from email_tokens where token_hash = ? and purpose = ? and used_at is null and expires_at > now()";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBytes(1, SecureTokens.sha256(token));
            ps.setString(2, purpose.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
