package io.topograph.members;

import io.topograph.platform.tenancy.Role;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads members with their people and networks, and the few writes the membership repository
 * of the organizations feature does not cover. Every method takes the organization id.
 */
@Singleton
// Plain JDBC on the contextual connection: joins the caller's transaction when there is one.
@io.micronaut.transaction.annotation.Transactional
public class MemberRepository {

    private static final String SELECT = "select m.id, m.user_id, u.name, u.email, m.role, m.created_at,"
            + " array(select na.network_id from network_access na where na.organization_id = m.organization_id and na.membership_id = m.id)"
            + " from memberships m join users u on u.id = m.user_id where m.organization_id = ? ";

    private final DataSource dataSource;

    public MemberRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Owners first, then Admins, Members and Viewers; by name within a role. */
    public List<MemberRow> findAll(UUID organizationId) {
        return query(SELECT + "order by array_position(array['OWNER','ADMIN','MEMBER','VIEWER'], m.role), lower(u.name), lower(u.email)",
                organizationId, null);
    }

    public Optional<MemberRow> findByOrganizationIdAndId(UUID organizationId, UUID id) {
        return query(SELECT + "and m.id = ?", organizationId, id).stream().findFirst();
    }

    /**
     * Counts the Owners and locks their rows until the transaction ends, so two concurrent
     * changes cannot both remove "another" Owner and leave none.
     */
    public int lockOwners(UUID organizationId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select id from memberships where organization_id = ? and role = 'OWNER' for update")) {
            ps.setObject(1, organizationId);
            int owners = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    owners++;
                }
            }
            return owners;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A person who leaves keeps no working API key for the organization (it would revive on rejoining). */
    public void revokeApiKeys(UUID organizationId, UUID userId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update user_api_keys set revoked_at = now() where organization_id = ? and user_id = ? and revoked_at is null")) {
            ps.setObject(1, organizationId);
            ps.setObject(2, userId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<MemberRow> query(String sql, UUID organizationId, UUID id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, organizationId);
            if (id != null) {
                ps.setObject(2, id);
            }
            List<MemberRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<UUID> networks = new ArrayList<>();
                    Array array = rs.getArray(7);
                    for (Object n : (Object[]) array.getArray()) {
                        networks.add((UUID) n);
                    }
                    out.add(new MemberRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            Role.valueOf(rs.getString(5)), rs.getTimestamp(6).toInstant(), List.copyOf(networks)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
