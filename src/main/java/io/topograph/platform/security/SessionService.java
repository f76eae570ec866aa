package io.topograph.platform.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.topograph.platform.persistence.Sql;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Browser sessions stored in PostgreSQL: the cookie holds a random token and the table its
 * hash, so sessions survive restarts, work on every node, and "log out everywhere" is one delete.
 */
@Singleton
public class SessionService {

    public static final String COOKIE = "TG_SESSION";
    /** Touching last_seen_at on every request would make every page view a write. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(5);

    private final Sql sql;
    private final Duration lifetime;
    private final boolean secureCookies;

    public SessionService(Sql sql,
                          @Value("${topograph.session-days:30}") int sessionDays,
                          @Value("${topograph.secure-cookies:false}") boolean secureCookies) {
        this.sql = sql;
        this.lifetime = Duration.ofDays(sessionDays);
        this.secureCookies = secureCookies;
    }

    /** Starts a session and returns the cookie that carries it. */
    public Cookie start(UUID userId, @Nullable UUID organizationId, @Nullable String ip, @Nullable String userAgent) {
        String token = SecureTokens.random();
        Instant now = Instant.now();
        sql.update("insert into user_sessions (id, user_id, token_hash, current_organization_id, created_at, last_seen_at, expires_at, ip, user_agent)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID(), userId, SecureTokens.sha256(token), organizationId, now, now, now.plus(lifetime), ip,
                userAgent == null ? null : userAgent.substring(0, Math.min(300, userAgent.length())));
        return cookie(token, lifetime);
    }

    public Optional<RequestPrincipal> resolve(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        record Found(RequestPrincipal principal, Instant lastSeen) {
        }
        Optional<Found> found = sql.one("select s.id, s.current_organization_id, s.last_seen_at, u.id, u.email, u.name from user_sessions s"
                        + " join users u on u.id = s.user_id where s.token_hash = ? and s.expires_at > now()",
                rs -> new Found(new RequestPrincipal(rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6),
                        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), null), rs.getTimestamp(3).toInstant()),
                (Object) SecureTokens.sha256(token));
        found.filter(f -> f.lastSeen().isBefore(Instant.now().minus(TOUCH_INTERVAL)))
                .ifPresent(f -> sql.update("update user_sessions set last_seen_at = now() where id = ?", f.principal().sessionId()));
        return found.map(Found::principal);
    }

    public void rememberOrganization(UUID sessionId, UUID organizationId) {
        sql.update("update user_sessions set current_organization_id = ? where id = ?", organizationId, sessionId);
    }

    public void end(UUID sessionId) {
        sql.update("delete from user_sessions where id = ?", sessionId);
    }

    /** Ends every session of a user, on every device and node. */
    public void endAll(UUID userId) {
        sql.update("delete from user_sessions where user_id = ?", userId);
    }

    /** Ends every session of a user but the one in use (after a password change). */
    public void endOthers(UUID userId, UUID keepSessionId) {
        sql.update("delete from user_sessions where user_id = ? and id <> ?", userId, keepSessionId);
    }

    public int countActive(UUID userId) {
        return (int) sql.count("select count(*) from user_sessions where user_id = ? and expires_at > now()", userId);
    }

    public Cookie clearingCookie() {
        return cookie("", Duration.ZERO);
    }

    private Cookie cookie(String value, Duration maxAge) {
        return Cookie.of(COOKIE, value).httpOnly(true).secure(secureCookies).sameSite(SameSite.Lax)
                .path("/").maxAge(maxAge);
    }
}
