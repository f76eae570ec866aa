package io.topograph.tags;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** How many hosts and networks carry each tag, counting only the networks a member may see. */
@Singleton
@Transactional
public class TagUsage {

    private static final String SQL = "select t.id,"
            + " (select count(*) from host_tags ht join hosts h on h.organization_id = ht.organization_id and h.id = ht.host_id"
            + "   where ht.organization_id = t.organization_id and ht.tag_id = t.id and (? or h.network_id = any(?))),"
            + " (select count(*) from network_tags nt"
            + "   where nt.organization_id = t.organization_id and nt.tag_id = t.id and (? or nt.network_id = any(?)))"
            + " from tags t where t.organization_id = ?";

    public record Counts(long hosts, long networks) {
        static final Counts NONE = new Counts(0, 0);
    }

    private final DataSource dataSource;

    public TagUsage(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @param networkIds the visible networks, or null for all of them */
    public Map<UUID, Counts> counts(UUID organizationId, @Nullable Set<UUID> networkIds) {
        Map<UUID, Counts> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SQL)) {
            boolean all = networkIds == null;
            Array ids = c.createArrayOf("uuid", all ? new Object[0] : networkIds.toArray());
            ps.setBoolean(1, all);
            ps.setArray(2, ids);
            ps.setBoolean(3, all);
            ps.setArray(4, ids);
            ps.setObject(5, organizationId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getObject(1, UUID.class), new Counts(rs.getLong(2), rs.getLong(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
