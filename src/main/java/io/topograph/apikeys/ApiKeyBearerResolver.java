package io.topograph.apikeys;

import io.topograph.platform.security.BearerTokenResolver;
import io.topograph.platform.security.RequestPrincipal;
import io.topograph.platform.security.SecureTokens;
import io.topograph.platform.tenancy.Role;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
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
// Plain JDBC on the contextual connection: joins the caller's transaction when there is one.
@io.micronaut.transaction.annotation.Transactional
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

    private final DataSource dataSource;

    public ApiKeyBearerResolver(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<RequestPrincipal> resolve(String token) {
        if (token == null || !token.startsWith(ApiKeyService.TOKEN_PREFIX) || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setBytes(1, SecureTokens.sha256(token));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                UUID keyId = rs.getObject(1, UUID.class);
                Timestamp lastUsed = rs.getTimestamp(5);
                if (lastUsed == null || lastUsed.toInstant().isBefore(Instant.now().minus(TOUCH_INTERVAL))) {
                    touch(c, keyId);
                }
                Set<UUID> networks = new HashSet<>();
                Array array = rs.getArray(9);
                for (Object id : (Object[]) array.getArray()) {
                    networks.add((UUID) id);
                }
                RequestPrincipal.ApiKeyGrant grant = new RequestPrincipal.ApiKeyGrant(keyId, rs.getObject(2, UUID.class),
                        Role.valueOf(rs.getString(3)), rs.getBoolean(4), Set.copyOf(networks));
                return Optional.of(new RequestPrincipal(rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8),
                        null, null, grant));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void touch(Connection c, UUID keyId) throws SQLException {
        // Checked again in the update so that concurrent requests write at most once.
        try (PreparedStatement ps = c.prepareStatement("update user_api_keys set last_used_at = now() where id = ?"
                + " and (last_used_at is null or last_used_at < now() - ? * interval '1 second')")) {
            ps.setObject(1, keyId);
            ps.setLong(2, TOUCH_INTERVAL.toSeconds());
            ps.executeUpdate();
        }
    }
}
