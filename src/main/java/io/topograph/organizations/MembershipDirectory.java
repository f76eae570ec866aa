package io.topograph.organizations;

import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.tenancy.MemberDirectory;
import io.topograph.platform.tenancy.Role;
import io.topograph.platform.web.LayoutDirectory;
import io.topograph.platform.web.LayoutModel;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Resolves memberships for the tenancy filter in one query per request. This is where an
 * MSP's access to its customers will be added: the filter itself stays unchanged.
 */
@Singleton
// Plain JDBC on the contextual connection: joins the caller's transaction when there is one.
@io.micronaut.transaction.annotation.Transactional
public class MembershipDirectory implements MemberDirectory, LayoutDirectory {

    private static final String SELECT = "select o.id, o.slug, o.name, m.id, m.role,"
            + " array(select na.network_id from network_access na where na.organization_id = m.organization_id and na.membership_id = m.id)"
            + " from memberships m join organizations o on o.id = m.organization_id where m.user_id = ? ";

    private final DataSource dataSource;

    public MembershipDirectory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<CurrentMember> findBySlug(UUID userId, String organizationSlug) {
        return one(SELECT + "and o.slug = ?", userId, organizationSlug);
    }

    @Override
    public Optional<CurrentMember> findByOrganizationId(UUID userId, UUID organizationId) {
        return one(SELECT + "and o.id = ?", userId, organizationId);
    }

    @Override
    public Optional<CurrentMember> findDefault(UUID userId) {
        return one(SELECT + "order by m.created_at, o.name limit 1", userId, null);
    }

    @Override
    public List<LayoutModel.Organization> organizationsOf(UUID userId) {
        List<LayoutModel.Organization> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select o.name, o.slug, m.role from memberships m"
                     + " join organizations o on o.id = m.organization_id where m.user_id = ? order by lower(o.name)")) {
            ps.setObject(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Role role = Role.valueOf(rs.getString(3));
                    out.add(new LayoutModel.Organization(rs.getString(1), rs.getString(2), role.label(),
                            role.canWrite(), role.canManageMembers(), role == Role.OWNER));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private Optional<CurrentMember> one(String sql, UUID userId, Object key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, userId);
            if (key != null) {
                ps.setObject(2, key);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Role role = Role.valueOf(rs.getString(5));
                Set<UUID> networks = new HashSet<>();
                Array array = rs.getArray(6);
                for (Object id : (Object[]) array.getArray()) {
                    networks.add((UUID) id);
                }
                return Optional.of(new CurrentMember(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), userId,
                        rs.getObject(4, UUID.class), role, role.seesAllNetworks(), Set.copyOf(networks), null));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
