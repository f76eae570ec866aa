package io.topograph.organizations;

import io.topograph.platform.persistence.Sql;
import io.topograph.platform.tenancy.CurrentMember;
import io.topograph.platform.tenancy.MemberDirectory;
import io.topograph.platform.tenancy.Role;
import io.topograph.platform.web.LayoutDirectory;
import io.topograph.platform.web.LayoutModel;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Resolves memberships for the tenancy filter in one query per request. This is where an
 * MSP's access to its customers will be added: the filter itself stays unchanged.
 */
@Singleton
public class MembershipDirectory implements MemberDirectory, LayoutDirectory {

    private static final String SELECT = "select o.id, o.slug, o.name, m.id, m.role,"
            + " array(select na.network_id from network_access na where na.organization_id = m.organization_id and na.membership_id = m.id),"
            + " m.user_id from memberships m join organizations o on o.id = m.organization_id where m.user_id = ? ";

    private final Sql sql;

    public MembershipDirectory(Sql sql) {
        this.sql = sql;
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
        return one(SELECT + "order by m.created_at, o.name limit 1", userId);
    }

    @Override
    public List<LayoutModel.Organization> organizationsOf(UUID userId) {
        return sql.list("select o.name, o.slug, m.role from memberships m"
                + " join organizations o on o.id = m.organization_id where m.user_id = ? order by lower(o.name)", rs -> {
            Role role = Role.valueOf(rs.getString(3));
            return new LayoutModel.Organization(rs.getString(1), rs.getString(2), role.label(),
                    role.canWrite(), role.canManageMembers(), role == Role.OWNER);
        }, userId);
    }

    private Optional<CurrentMember> one(String query, Object... args) {
        return sql.one(query, rs -> {
            Role role = Role.valueOf(rs.getString(5));
            return new CurrentMember(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(7, UUID.class),
                    rs.getObject(4, UUID.class), role, role.seesAllNetworks(), Set.copyOf(Sql.uuids(rs, 6)), null);
        }, args);
    }
}
