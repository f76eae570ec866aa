package io.topograph.organizations;

import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Read-only member summaries for the dashboard. */
@Singleton
// Plain JDBC on the contextual connection: joins the caller's transaction when there is one.
@io.micronaut.transaction.annotation.Transactional
public class MemberListing {

    private final DataSource dataSource;

    public MemberListing(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    List<OrganizationViews.MemberLine> firstMembers(UUID organizationId, int limit) {
        List<OrganizationViews.MemberLine> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select u.name, u.email, m.role from memberships m join users u on u.id = m.user_id"
                        + " where m.organization_id = ? order by m.created_at limit ?")) {
            ps.setObject(1, organizationId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new OrganizationViews.MemberLine(rs.getString(1), rs.getString(2),
                            io.topograph.platform.tenancy.Role.valueOf(rs.getString(3)).label()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    long count(UUID organizationId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from memberships where organization_id = ?")) {
            ps.setObject(1, organizationId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
