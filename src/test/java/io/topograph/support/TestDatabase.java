package io.topograph.support;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.topograph.platform.tenancy.Role;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Direct SQL for test set-up that has no page yet in this branch (adding someone to another
 * organization, changing a role, removing a member) and for checking what was written.
 */
public final class TestDatabase {

    private final DataSource dataSource;

    public TestDatabase(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    public UUID userId(String email) {
        return uuid("select id from users where lower(email) = lower(?)", email);
    }

    public UUID organizationId(String slug) {
        return uuid("select id from organizations where slug = ?", slug);
    }

    /** Makes an existing account a member of another organization, seeing the given networks. */
    public UUID addMember(String slug, String email, Role role, UUID... networkIds) {
        UUID membershipId = UUID.randomUUID();
        UUID organizationId = organizationId(slug);
        update("insert into memberships (id, organization_id, user_id, role) values (?, ?, ?, ?)",
                membershipId, organizationId, userId(email), role.name());
        for (UUID networkId : networkIds) {
            grantNetwork(slug, email, networkId);
        }
        return membershipId;
    }

    public void grantNetwork(String slug, String email, UUID networkId) {
        update("insert into network_access (organization_id, membership_id, network_id)"
                        + " select m.organization_id, m.id, ? from memberships m join organizations o on o.id = m.organization_id"
                        + " where o.slug = ? and m.user_id = ?", networkId, slug, userId(email));
    }

    public void revokeNetwork(String slug, String email, UUID networkId) {
        update("delete from network_access where network_id = ? and membership_id = (select m.id from memberships m"
                + " join organizations o on o.id = m.organization_id where o.slug = ? and m.user_id = ?)", networkId, slug, userId(email));
    }

    public void setRole(String slug, String email, Role role) {
        update("update memberships set role = ? where organization_id = ? and user_id = ?", role.name(), organizationId(slug), userId(email));
    }

    public void removeMember(String slug, String email) {
        update("delete from memberships where organization_id = ? and user_id = ?", organizationId(slug), userId(email));
    }

    /** A daemon enrolled into a network without the enrollment call; returns its credential (tgd_…). */
    public String insertDaemon(UUID organizationId, UUID networkId, String name) {
        io.topograph.daemons.DaemonSecrets.Secret credential = io.topograph.daemons.DaemonSecrets.newCredential();
        update("insert into daemons (id, organization_id, network_id, name, instance_id, credential_hash, credential_prefix)"
                        + " values (?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(), organizationId, networkId, name, UUID.randomUUID(),
                credential.hash(), credential.prefix());
        return credential.value();
    }

    public UUID networkId(String slug, String networkName) {
        return uuid("select n.id from networks n join organizations o on o.id = n.organization_id where o.slug = ? and n.name = ?",
                slug, networkName);
    }

    public int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long count(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Object> column(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            List<Object> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private UUID uuid(String sql, Object... params) {
        List<Object> values = column(sql, params);
        if (values.isEmpty()) {
            throw new IllegalStateException("Nothing found for " + java.util.Arrays.toString(params));
        }
        return (UUID) values.get(0);
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }
}
