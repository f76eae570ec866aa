package io.topograph.platform.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
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

/**
 * Browser sessions stored in PostgreSQL: the cookie holds a random token and the table its
 * hash, so sessions survive restarts, work on every node, and "log out everywhere" is one delete.
 */
@Singleton
// Plain JDBC on the contextual connection: joins the caller's transaction when there is one.
@io.micronaut.transaction.annotation.Transactional
public class SessionService {

    public static final String COOKIE = "TG_SESSION";
    /** Touching last_seen_at on every request would make every page view a write. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(5);

    private final DataSource dataSource;
    private final Duration lifetime;
    private final boolean secureCookies;

    public SessionService(DataSource dataSource,
                          @Value("${topograph.session-days:30}") int sessionDays,
                          @Value("${topograph.secure-cookies:false}") boolean secureCookies) {
        this.dataSource = dataSource;
        this.lifetime = Duration.ofDays(sessionDays);
        this.secureCookies = secureCookies;
    }

    /** Starts a session and returns the cookie that carries it. */
    public Cookie start(UUID userId, @Nullable UUID organizationId, @Nullable String ip, @Nullable String userAgent) {
        String token = SecureTokens.random();
        Instant now = Instant.now();
        sql("insert into user_sessions (id, user_id, token_hash, current_organization_id, created_at, last_seen_at, expires_at, ip, user_agent)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, userId);
            ps.setBytes(3, SecureTokens.sha256(token));
            ps.setObject(4, organizationId);
            ps.setTimestamp(5, Timestamp.from(now));
            ps.setTimestamp(6, Timestamp.from(now));
            ps.setTimestamp(7, Timestamp.from(now.plus(lifetime)));
            ps.setString(8, ip);
            ps.setString(9, userAgent == null ? null : userAgent.substring(0, Math.min(300, userAgent.length())));
        });
        return cookie(token, lifetime);
    }

    public Optional<RequestPrincipal> resolve(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select s.id, s.current_organization_id, s.last_seen_at, u.id, u.email, u.name from user_sessions s"
                             + " join users u on u.id = s.user_id where s.token_hash = ? and s.expires_at > now()")) {
            ps.setBytes(1, SecureTokens.sha256(token));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                UUID sessionId = rs.getObject(1, UUID.class);
                if (rs.getTimestamp(3).toInstant().isBefore(Instant.now().minus(TOUCH_INTERVAL))) {
                    touch(c, sessionId);
                }
                return Optional.of(new RequestPrincipal(rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6),
                        sessionId, rs.getObject(2, UUID.class), null));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void rememberOrganization(UUID sessionId, UUID organizationId) {
        sql("update user_sessions set current_organization_id = ? where id = ?", ps -> {
            ps.setObject(1, organizationId);
            ps.setObject(2, sessionId);
        });
    }

    public void end(UUID sessionId) {
        sql("delete from user_sessions where id = ?", ps -> ps.setObject(1, sessionId));
    }

    /** Ends every session of a user, on every device and node. */
    public void endAll(UUID userId) {
        sql("delete from user_sessions where user_id = ?", ps -> ps.setObject(1, userId));
    }

    /** Ends every session of a user but the one in use (after a password change). */
    public void endOthers(UUID userId, UUID keepSessionId) {
        sql("delete from user_sessions where user_id = ? and id <> ?", ps -> {
            ps.setObject(1, userId);
            ps.setObject(2, keepSessionId);
        });
    }

    public int countActive(UUID userId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from user_sessions where user_id = ? and expires_at > now()")) {
            ps.setObject(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Cookie clearingCookie() {
        return cookie("", Duration.ZERO);
    }

    private Cookie cookie(String value, Duration maxAge) {
        return Cookie.of(COOKIE, value).httpOnly(true).secure(secureCookies).sameSite(SameSite.Lax)
                .path("/").maxAge(maxAge);
    }

    private void touch(Connection c, UUID sessionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update user_sessions set last_seen_at = now() where id = ?")) {
            ps.setObject(1, sessionId);
            ps.executeUpdate();
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void sql(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
