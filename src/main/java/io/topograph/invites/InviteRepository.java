package io.topograph.invites;

import io.topograph.platform.persistence.Sql;
import io.topograph.platform.tenancy.Role;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Invites of one organization. Every method takes the organization id; the one lookup by token
 * (which names its organization itself) lives in {@link InviteTokens}. "Pending" means neither
 * accepted nor revoked; an expired invite stays pending until it is resent or replaced.
 */
@Singleton
public class InviteRepository {

    static final String SELECT = "select i.id, i.organization_id, i.email, i.role, i.invited_by, u.name, i.created_at, i.expires_at,"
            + " i.accepted_at, i.accepted_by, i.revoked_at,"
            + " array(select a.network_id from invite_network_access a where a.organization_id = i.organization_id and a.invite_id = i.id)"
            + " from invites i left join users u on u.id = i.invited_by ";
    private static final String PENDING = " and i.accepted_at is null and i.revoked_at is null";

    private final Sql sql;

    public InviteRepository(Sql sql) {
        this.sql = sql;
    }

    /** Inserts a pending invite; false when one is already pending for this address (unique index). */
    public boolean insert(UUID organizationId, UUID id, String email, Role role, byte[] tokenHash, UUID invitedBy, Instant expiresAt) {
        return update("insert into invites (id, organization_id, email, role, token_hash, invited_by, expires_at)"
                + " values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing", id, organizationId, email, role.name(), tokenHash,
                invitedBy, expiresAt) == 1;
    }

    public void grantNetwork(UUID organizationId, UUID inviteId, UUID networkId) {
        update("insert into invite_network_access (organization_id, invite_id, network_id) values (?, ?, ?) on conflict do nothing",
                organizationId, inviteId, networkId);
    }

    public List<Invite> findPending(UUID organizationId) {
        return query(SELECT + "where i.organization_id = ?" + PENDING + " order by i.created_at desc, i.email", organizationId);
    }

    public Optional<Invite> findPending(UUID organizationId, UUID id) {
        return query(SELECT + "where i.organization_id = ? and i.id = ?" + PENDING, organizationId, id).stream().findFirst();
    }

    /** True when an unexpired invite is waiting for this address. */
    public boolean pendingExists(UUID organizationId, String email) {
        return exists("select 1 from invites i where i.organization_id = ? and lower(i.email) = lower(?) and i.expires_at > now()" + PENDING,
                organizationId, email);
    }

    /** True when an account with this address already belongs to the organization. */
    public boolean isMember(UUID organizationId, String email) {
        return exists("select 1 from memberships m join users u on u.id = m.user_id where m.organization_id = ? and lower(u.email) = lower(?)",
                organizationId, email);
    }

    /** Retires expired pending invites for an address so a new one can take their place. */
    public void revokeExpired(UUID organizationId, String email) {
        update("update invites i set revoked_at = now() where i.organization_id = ? and lower(i.email) = lower(?) and i.expires_at <= now()" + PENDING,
                organizationId, email);
    }

    public boolean revoke(UUID organizationId, UUID id) {
        return update("update invites i set revoked_at = now() where i.organization_id = ? and i.id = ?" + PENDING, organizationId, id) == 1;
    }

    /** Replaces the token (the old link stops working) and restarts the validity period. */
    public boolean reissue(UUID organizationId, UUID id, byte[] tokenHash, Instant expiresAt) {
        return update("update invites i set token_hash = ?, expires_at = ? where i.organization_id = ? and i.id = ?" + PENDING,
                tokenHash, expiresAt, organizationId, id) == 1;
    }

    public void markAccepted(UUID organizationId, UUID id, UUID userId) {
        update("update invites set accepted_at = now(), accepted_by = ? where organization_id = ? and id = ?", userId, organizationId, id);
    }

    List<Invite> query(String query, Object... args) {
        return sql.list(query, InviteRepository::map, args);
    }

    private boolean exists(String query, Object... args) {
        return sql.one(query, rs -> Boolean.TRUE, args).isPresent();
    }

    private int update(String query, Object... args) {
        return sql.update(query, args);
    }

    private static Invite map(ResultSet rs) throws SQLException {
        return new Invite(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), Role.valueOf(rs.getString(4)),
                rs.getObject(5, UUID.class), rs.getString(6), instant(rs, 7), instant(rs, 8), instant(rs, 9),
                rs.getObject(10, UUID.class), instant(rs, 11), List.copyOf(Sql.uuids(rs, 12)));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
