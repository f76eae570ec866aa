package io.topograph.apikeys;

import io.topograph.platform.persistence.Sql;
import io.topograph.platform.security.BearerTokenResolver;
import io.topograph.platform.security.RequestPrincipal;
import io.topograph.platform.security.SecureTokens;
import io.topograph.platform.tenancy.Role;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns {@code Authorization: Bearer tg_…} into the key's user and grant. The token is looked up
 * by its hash; a key counts only while it is unrevoked, unexpired and its user is still a member
 * of the key's organization by a membership that began before the key was made (so a user who
 * leaves and is invited back does not get old keys back). The organization's current role and
 * network access are applied afterwards by the tenancy filter.
 */
@Singleton
public class ApiKeyBearerResolver implements BearerTokenResolver {

    /** Recording every use would make every API call a write. */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    private static final int MAX_TOKEN_LENGTH = 100;

    private static final String SELECT = "select k.id, k.organization_id, k.role, k.all_networks, k.last_used_at,"
            + " u.id, u.email, u.name,"
            + " array(select a.network_id from api_key_network_access a where a.organization_id = k.organization_id and a.api_key_id = k.id)"
            + " from user_api_keys k"
            + " join users u on u.id = k.user_id"
            + " join memberships m on m.organization_id = k.organization_id and m.user_id = k.user_id and m.created_at <= k.created_at"
            + " where k.token_hash = ? and k.revoked_at is null and (k.expires_at is null or k.expires_at > now())";

    private final Sql sql;

    public ApiKeyBearerResolver(Sql sql) {
        this.sql = sql;
    }

    private record Found(RequestPrincipal principal, Instant lastUsed) {
    }

    @Override
    public Optional<RequestPrincipal> resolve(String token) {
        if (token == null || !token.startsWith(ApiKeyService.TOKEN_PREFIX) || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        Optional<Found> found = sql.one(SELECT, rs -> {
            Timestamp lastUsed = rs.getTimestamp(5);
            RequestPrincipal.ApiKeyGrant grant = new RequestPrincipal.ApiKeyGrant(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                    Role.valueOf(rs.getString(3)), rs.getBoolean(4), Set.copyOf(Sql.uuids(rs, 9)));
            return new Found(new RequestPrincipal(rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8), null, null, grant),
                    lastUsed == null ? null : lastUsed.toInstant());
        }, (Object) SecureTokens.sha256(token));
        found.filter(f -> f.lastUsed() == null || f.lastUsed().isBefore(Instant.now().minus(TOUCH_INTERVAL)))
                // Checked again in the update so that concurrent requests write at most once.
                .ifPresent(f -> sql.update("update user_api_keys set last_used_at = now() where id = ?"
                                + " and (last_used_at is null or last_used_at < now() - ? * interval '1 second')",
                        f.principal().apiKey().keyId(), TOUCH_INTERVAL.toSeconds()));
        return found.map(Found::principal);
    }
}
