package io.topograph.daemons;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.topograph.platform.persistence.Sql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code daemon_enrollment_tokens} table. Every method is scoped to one organization except
 * {@link #lockByHash}: at enrollment the token is all there is (like an API key lookup).
 */
@Singleton
@Transactional
public class EnrollmentTokenStore {

    private static final String COLUMNS = "id, organization_id, network_id, token_prefix, name_hint, max_uses, uses,"
            + " expires_at, revoked_at, daemon_id, created_at";

    private final Sql sql;

    public EnrollmentTokenStore(Sql sql) {
        this.sql = sql;
    }

    /** @param integrated the token of the server's own daemon: the daemon enrolled with it is marked integrated */
    public void insert(EnrollmentToken token, byte[] hash, @Nullable UUID createdBy, boolean integrated) {
        sql.update("insert into daemon_enrollment_tokens (id, organization_id, network_id, token_hash, token_prefix, name_hint,"
                        + " max_uses, uses, expires_at, daemon_id, created_by, created_at, integrated)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                token.id(), token.organizationId(), token.networkId(), hash, token.prefix(), token.nameHint(), token.maxUses(),
                token.uses(), token.expiresAt(), token.daemonId(), createdBy, token.createdAt(), integrated);
    }

    /** Newest first. */
    public List<EnrollmentToken> listByNetwork(UUID organizationId, UUID networkId) {
        return sql.list("select " + COLUMNS + " from daemon_enrollment_tokens where organization_id = ? and network_id = ?"
                + " order by created_at desc, id", EnrollmentTokenStore::map, organizationId, networkId);
    }

    public Optional<EnrollmentToken> find(UUID organizationId, UUID id) {
        return sql.one("select " + COLUMNS + " from daemon_enrollment_tokens where organization_id = ? and id = ?",
                EnrollmentTokenStore::map, organizationId, id);
    }

    /** The token with this hash, locked until the enrollment's transaction ends (two daemons never share its last use). */
    public Optional<EnrollmentToken> lockByHash(byte[] hash) {
        return sql.one("select " + COLUMNS + " from daemon_enrollment_tokens where token_hash = ? for update",
                EnrollmentTokenStore::map, (Object) hash);
    }

    public void use(UUID organizationId, UUID id) {
        sql.update("update daemon_enrollment_tokens set uses = uses + 1 where organization_id = ? and id = ?", organizationId, id);
    }

    public void revoke(UUID organizationId, UUID id, Instant when) {
        sql.update("update daemon_enrollment_tokens set revoked_at = ? where organization_id = ? and id = ? and revoked_at is null",
                when, organizationId, id);
    }

    /** Revokes the still unused re-enroll tokens of a daemon: only the newest rotation's token works. */
    public void revokeUnusedBoundTo(UUID organizationId, UUID daemonId, Instant when) {
        sql.update("update daemon_enrollment_tokens set revoked_at = ? where organization_id = ? and daemon_id = ?"
                + " and revoked_at is null and uses < max_uses", when, organizationId, daemonId);
    }

    private static EnrollmentToken map(ResultSet rs) throws SQLException {
        return new EnrollmentToken(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getString(4), rs.getString(5), rs.getInt(6), rs.getInt(7), instant(rs.getTimestamp(8)),
                instant(rs.getTimestamp(9)), rs.getObject(10, UUID.class), instant(rs.getTimestamp(11)));
    }

    @Nullable
    private static Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
