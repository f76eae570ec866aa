package io.topograph.daemons;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import io.topograph.platform.persistence.Sql;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code daemons} table in plain SQL (its JSON columns make a generated repository
 * clumsy). Every method takes the organization id and uses it, like a tenant repository.
 */
@Singleton
@Transactional
public class DaemonStore {

    private static final Argument<List<String>> STRINGS = Argument.listOf(String.class);
    private static final Argument<List<ReportedSubnet>> SUBNETS = Argument.listOf(ReportedSubnet.class);
    private static final String COLUMNS = "id, organization_id, network_id, name, instance_id, enrolled_with, credential_prefix,"
            + " integrated, disabled, hostname, version, state, capabilities::text, subnets::text, last_heartbeat_at,"
            + " created_at, updated_at";

    private final Sql sql;
    private final JsonMapper json;

    public DaemonStore(Sql sql, JsonMapper json) {
        this.sql = sql;
        this.json = json;
    }

    public List<Daemon> listByNetwork(UUID organizationId, UUID networkId) {
        return sql.list("select " + COLUMNS + " from daemons where organization_id = ? and network_id = ?"
                + " order by lower(name), created_at, id", this::map, organizationId, networkId);
    }

    public Optional<Daemon> find(UUID organizationId, UUID id) {
        return sql.one("select " + COLUMNS + " from daemons where organization_id = ? and id = ?", this::map, organizationId, id);
    }

    /** The daemon a token already enrolled for this instance: enrolling again is a retry. */
    public Optional<UUID> findEnrolledWith(UUID organizationId, UUID tokenId, UUID instanceId) {
        return sql.one("select id from daemons where organization_id = ? and enrolled_with = ? and instance_id = ?",
                rs -> rs.getObject(1, UUID.class), organizationId, tokenId, instanceId);
    }

    public Optional<UUID> findByInstance(UUID organizationId, UUID networkId, UUID instanceId) {
        return sql.one("select id from daemons where organization_id = ? and network_id = ? and instance_id = ?",
                rs -> rs.getObject(1, UUID.class), organizationId, networkId, instanceId);
    }

    public void insert(UUID organizationId, UUID id, UUID networkId, String name, UUID instanceId, UUID tokenId,
                       byte[] credentialHash, String credentialPrefix, String hostname, String version, List<String> capabilities) {
        // A daemon enrolled with the server's own token is the integrated daemon (IntegratedDaemon).
        sql.update("insert into daemons (id, organization_id, network_id, name, instance_id, enrolled_with, credential_hash,"
                        + " credential_prefix, hostname, version, capabilities, integrated) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb,"
                        + " coalesce((select t.integrated from daemon_enrollment_tokens t where t.id = ?), false))",
                id, organizationId, networkId, name, instanceId, tokenId, credentialHash, credentialPrefix, hostname, version,
                write(capabilities), tokenId);
    }

    /** Gives an existing daemon a new credential at enrollment (retry, re-install or a bound token). */
    public void rekey(UUID organizationId, UUID id, UUID instanceId, UUID tokenId, byte[] credentialHash, String credentialPrefix,
                      String hostname, String version, List<String> capabilities) {
        sql.update("update daemons set instance_id = ?, enrolled_with = ?, credential_hash = ?, credential_prefix = ?,"
                        + " hostname = ?, version = ?, capabilities = ?::jsonb, updated_at = now()"
                        + " where organization_id = ? and id = ?",
                instanceId, tokenId, credentialHash, credentialPrefix, hostname, version, write(capabilities), organizationId, id);
    }

    /** Replaces the credential with one nobody knows: the daemon's current one stops working at once. */
    public void replaceCredential(UUID organizationId, UUID id, byte[] credentialHash, String credentialPrefix) {
        sql.update("update daemons set credential_hash = ?, credential_prefix = ?, updated_at = now()"
                + " where organization_id = ? and id = ?", credentialHash, credentialPrefix, organizationId, id);
    }

    public void rename(UUID organizationId, UUID id, String name) {
        sql.update("update daemons set name = ?, updated_at = now() where organization_id = ? and id = ?", name, organizationId, id);
    }

    public void setDisabled(UUID organizationId, UUID id, boolean disabled) {
        sql.update("update daemons set disabled = ?, updated_at = now() where organization_id = ? and id = ?",
                disabled, organizationId, id);
    }

    public void delete(UUID organizationId, UUID id) {
        // Lock the daemon's runs before the daemon, in the order a batch or progress report of that
        // daemon takes them (run row, then the daemon through a foreign key): without it, deleting a
        // daemon that is reporting deadlocks with the report.
        sql.list("select id from discovery_runs where organization_id = ? and (claimed_by = ? or daemon_id = ?) order by id for update",
                rs -> rs.getObject(1, UUID.class), organizationId, id, id);
        sql.update("delete from daemons where organization_id = ? and id = ?", organizationId, id);
    }

    /** Records a heartbeat and renews the daemon's lease. */
    public void heartbeat(UUID organizationId, UUID id, String version, String state, @Nullable String hostname,
                          List<String> capabilities, List<ReportedSubnet> subnets, long leaseSeconds) {
        sql.update("update daemons set version = ?, state = ?, hostname = coalesce(?, hostname), capabilities = ?::jsonb,"
                        + " subnets = ?::jsonb, last_heartbeat_at = now(), lease_expires_at = now() + ? * interval '1 second',"
                        + " updated_at = now() where organization_id = ? and id = ?",
                version, state, hostname, write(capabilities), write(subnets), leaseSeconds, organizationId, id);
    }

    /** Adds a reported subnet to the network's inventory, or marks a known one as seen now. */
    public void upsertSubnet(UUID organizationId, UUID networkId, String cidr) {
        sql.update("insert into subnets (id, organization_id, network_id, cidr) values (?, ?, ?, ?::cidr)"
                        + " on conflict (organization_id, network_id, cidr) do update set last_seen = now()",
                UUID.randomUUID(), organizationId, networkId, cidr);
    }

    /** A queued run this daemon could claim: one for the whole network or one meant for it. */
    public boolean workAvailable(UUID organizationId, UUID networkId, UUID daemonId) {
        return sql.one("select exists(select 1 from discovery_runs where organization_id = ? and network_id = ?"
                        + " and state = 'QUEUED' and (daemon_id is null or daemon_id = ?))",
                rs -> rs.getBoolean(1), organizationId, networkId, daemonId).orElse(false);
    }

    /** Runs of this daemon that a user cancelled (or that timed out) recently: the daemon must stop them. */
    public List<UUID> recentlyCancelledRuns(UUID organizationId, UUID daemonId, long withinSeconds) {
        return sql.list("select id from discovery_runs where organization_id = ? and claimed_by = ? and state in ('CANCELLED', 'TIMED_OUT')"
                        + " and finished_at > now() - ? * interval '1 second' order by finished_at, id",
                rs -> rs.getObject(1, UUID.class), organizationId, daemonId, withinSeconds);
    }

    public Optional<String> networkName(UUID organizationId, UUID networkId) {
        return sql.one("select name from networks where organization_id = ? and id = ?", rs -> rs.getString(1), organizationId, networkId);
    }

    private Daemon map(ResultSet rs) throws SQLException {
        return new Daemon(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getString(4), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class), rs.getString(7),
                rs.getBoolean(8), rs.getBoolean(9), rs.getString(10), rs.getString(11), rs.getString(12),
                read(rs.getString(13), STRINGS), read(rs.getString(14), SUBNETS), instant(rs.getTimestamp(15)),
                instant(rs.getTimestamp(16)), instant(rs.getTimestamp(17)));
    }

    private <T> List<T> read(@Nullable String text, Argument<List<T>> type) {
        if (text == null) {
            return List.of();
        }
        try {
            List<T> value = json.readValue(text, type);
            return value == null ? List.of() : List.copyOf(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Nullable
    private static Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
