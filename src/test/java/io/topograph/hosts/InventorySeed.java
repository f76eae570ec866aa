package io.topograph.hosts;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.topograph.platform.tenancy.Role;
import io.topograph.support.Accounts;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes inventory (subnets, hosts, interfaces, ports, services, bindings) and extra
 * memberships straight into the test database, the way discovery and invites will later.
 */
public final class InventorySeed {

    private final DataSource db;

    public InventorySeed(DataSource dataSource) {
        this.db = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    public UUID orgId(Accounts.Account account) {
        return uuid("select id from organizations where slug = ?", account.slug());
    }

    public UUID firstNetwork(Accounts.Account account) {
        return uuid("select id from networks where organization_id = ? order by created_at, id limit 1", orgId(account));
    }

    public UUID network(Accounts.Account account, String name) {
        UUID id = UUID.randomUUID();
        exec("insert into networks (id, organization_id, name) values (?, ?, ?)", id, orgId(account), name);
        return id;
    }

    public UUID subnet(Accounts.Account account, UUID networkId, String cidr, String name) {
        UUID id = UUID.randomUUID();
        exec("insert into subnets (id, organization_id, network_id, cidr, name) values (?, ?, ?, ?::cidr, ?)",
                id, orgId(account), networkId, cidr, name);
        return id;
    }

    public UUID host(Accounts.Account account, UUID networkId, String name) {
        Instant now = Instant.now();
        return host(account, networkId, name, now, now, false);
    }

    public UUID host(Accounts.Account account, UUID networkId, String name, Instant firstSeen, Instant lastSeen, boolean hidden) {
        UUID id = UUID.randomUUID();
        exec("insert into hosts (id, organization_id, network_id, name, hidden, source, first_seen, last_seen)"
                        + " values (?, ?, ?, ?, ?, 'DISCOVERED', ?, ?)",
                id, orgId(account), networkId, name, hidden, Timestamp.from(firstSeen), Timestamp.from(lastSeen));
        return id;
    }

    public void hostDetails(UUID hostId, String hostname, String os, String description) {
        exec("update hosts set hostname = ?, os = ?, description = ? where id = ?", hostname, os, description, hostId);
    }

    public UUID iface(Accounts.Account account, UUID hostId, String ip, String mac, UUID subnetId) {
        UUID id = UUID.randomUUID();
        exec("insert into interfaces (id, organization_id, host_id, subnet_id, ip, mac) values (?, ?, ?, ?, ?::inet, ?::macaddr)",
                id, orgId(account), hostId, subnetId, ip, mac);
        return id;
    }

    public UUID port(Accounts.Account account, UUID hostId, int number, String protocol, String banner) {
        UUID id = UUID.randomUUID();
        exec("insert into ports (id, organization_id, host_id, number, protocol, banner) values (?, ?, ?, ?, ?, ?)",
                id, orgId(account), hostId, number, protocol, banner);
        return id;
    }

    public UUID service(Accounts.Account account, UUID hostId, String name, String category, int confidence, String reason) {
        UUID id = UUID.randomUUID();
        exec("insert into services (id, organization_id, host_id, name, category, confidence, match_reason) values (?, ?, ?, ?, ?, ?, ?)",
                id, orgId(account), hostId, name, category, confidence, reason);
        return id;
    }

    public void bind(Accounts.Account account, UUID serviceId, UUID portId, UUID interfaceId) {
        exec("insert into bindings (id, organization_id, service_id, port_id, interface_id) values (?, ?, ?, ?, ?)",
                UUID.randomUUID(), orgId(account), serviceId, portId, interfaceId);
    }

    /** Makes {@code user} a member of {@code owner}'s organization with {@code role}, seeing {@code networks}. */
    public void addMember(Accounts.Account owner, Accounts.Account user, Role role, UUID... networks) {
        UUID org = orgId(owner);
        UUID membership = UUID.randomUUID();
        UUID userId = uuid("select id from users where lower(email) = lower(?)", user.email());
        exec("insert into memberships (id, organization_id, user_id, role) values (?, ?, ?, ?)", membership, org, userId, role.name());
        for (UUID network : networks) {
            exec("insert into network_access (organization_id, membership_id, network_id) values (?, ?, ?)", org, membership, network);
        }
    }

    public long count(String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bindAll(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String string(String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bindAll(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void exec(String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bindAll(ps, params);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private UUID uuid(String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bindAll(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("No row for " + sql);
                }
                return rs.getObject(1, UUID.class);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bindAll(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }
}
