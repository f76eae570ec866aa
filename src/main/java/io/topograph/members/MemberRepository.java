package io.topograph.members;

import io.topograph.platform.persistence.Sql;
import io.topograph.platform.tenancy.Role;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads members with their people and networks, and the few writes the membership repository
 * of the organizations feature does not cover. Every method takes the organization id.
 */
@Singleton
public class MemberRepository {

    private static final String SELECT = "select m.id, m.user_id, u.name, u.email, m.role, m.created_at,"
            + " array(select na.network_id from network_access na where na.organization_id = m.organization_id and na.membership_id = m.id)"
            + " from memberships m join users u on u.id = m.user_id where m.organization_id = ? ";

    private final Sql sql;

    public MemberRepository(Sql sql) {
        this.sql = sql;
    }

    /** Owners first, then Admins, Members and Viewers; by name within a role. */
    public List<MemberRow> findAll(UUID organizationId) {
        return sql.list(SELECT + "order by array_position(array['OWNER','ADMIN','MEMBER','VIEWER'], m.role), lower(u.name), lower(u.email)",
                MemberRepository::row, organizationId);
    }

    public Optional<MemberRow> findByOrganizationIdAndId(UUID organizationId, UUID id) {
        return sql.one(SELECT + "and m.id = ?", MemberRepository::row, organizationId, id);
    }

    /**
     * Counts the Owners and locks their rows until the transaction ends, so two concurrent
     * changes cannot both remove "another" Owner and leave none.
     */
    public int lockOwners(UUID organizationId) {
        return sql.list("select id from memberships where organization_id = ? and role = 'OWNER' for update",
                rs -> rs.getObject(1, UUID.class), organizationId).size();
    }

    /** A person who leaves keeps no working API key for the organization (it would revive on rejoining). */
    public void revokeApiKeys(UUID organizationId, UUID userId) {
        sql.update("update user_api_keys set revoked_at = now() where organization_id = ? and user_id = ? and revoked_at is null",
                organizationId, userId);
    }

    private static MemberRow row(ResultSet rs) throws SQLException {
        return new MemberRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                Role.valueOf(rs.getString(5)), rs.getTimestamp(6).toInstant(), List.copyOf(Sql.uuids(rs, 7)));
    }
}
