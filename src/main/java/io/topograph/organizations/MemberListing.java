package io.topograph.organizations;

import io.topograph.platform.persistence.Sql;
import io.topograph.platform.tenancy.Role;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;

/** Read-only member summaries for the dashboard. */
@Singleton
public class MemberListing {

    private final Sql sql;

    public MemberListing(Sql sql) {
        this.sql = sql;
    }

    List<OrganizationViews.MemberLine> firstMembers(UUID organizationId, int limit) {
        return sql.list("select u.name, u.email, m.role from memberships m join users u on u.id = m.user_id"
                        + " where m.organization_id = ? order by m.created_at limit ?",
                rs -> new OrganizationViews.MemberLine(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)).label()),
                organizationId, limit);
    }

    long count(UUID organizationId) {
        return sql.count("select count(*) from memberships where organization_id = ?", organizationId);
    }
}
