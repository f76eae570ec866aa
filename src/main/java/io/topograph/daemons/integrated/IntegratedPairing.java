package io.topograph.daemons.integrated;

import io.micronaut.transaction.annotation.Transactional;
import io.topograph.daemons.DaemonSecrets;
import io.topograph.daemons.DaemonStore;
import io.topograph.daemons.EnrollmentToken;
import io.topograph.daemons.EnrollmentTokenStore;
import io.topograph.discovery.DiscoveryRunStore;
import io.topograph.discovery.RunOptions;
import io.topograph.platform.persistence.Sql;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The database side of pairing the integrated daemon, in one transaction: the previous integrated
 * daemon goes, a single-use token marked integrated is made, the server remembers it paired, and
 * the first discovery is queued. A crash half-way leaves nothing half-paired.
 */
@Singleton
public class IntegratedPairing {

    static final String PAIRED_ONCE = "integrated_daemon.paired_once";
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    /** Where the integrated daemon is enrolled. */
    record Placement(UUID organizationId, UUID daemonId, UUID networkId) {
    }

    private final Sql sql;
    private final DaemonStore daemons;
    private final EnrollmentTokenStore tokens;
    private final DiscoveryRunStore runs;

    public IntegratedPairing(Sql sql, DaemonStore daemons, EnrollmentTokenStore tokens, DiscoveryRunStore runs) {
        this.sql = sql;
        this.daemons = daemons;
        this.tokens = tokens;
        this.runs = runs;
    }

    /** Prepares the pairing and returns the enrollment token the daemon enrolls with. */
    @Transactional
    public String prepare(UUID organizationId, UUID networkId, List<String> firstTargets, String firstPorts) {
        current().ifPresent(p -> daemons.delete(p.organizationId(), p.daemonId()));
        DaemonSecrets.Secret secret = DaemonSecrets.newToken();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        tokens.insert(new EnrollmentToken(UUID.randomUUID(), organizationId, networkId, secret.prefix(), null, 1, 0,
                now.plus(TOKEN_LIFETIME), null, null, now), secret.hash(), null, true);
        sql.update("insert into server_settings (key, value) values (?, 'true')"
                + " on conflict (key) do update set value = 'true', updated_at = now()", PAIRED_ONCE);
        runs.insert(new DiscoveryRunStore.NewRun(organizationId, networkId, null, null, null, "FIRST_RUN",
                firstTargets, firstPorts, RunOptions.defaults()));
        return secret.value();
    }

    /** The integrated daemon, if one is enrolled (there is at most one per server). */
    Optional<Placement> current() {
        return sql.one("select organization_id, id, network_id from daemons where integrated order by created_at limit 1",
                rs -> new Placement(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)));
    }

    boolean pairedOnce() {
        return sql.count("select count(*) from server_settings where key = ? and value = 'true'", PAIRED_ONCE) > 0;
    }

    /** Its enrollment token is still unused and valid: it is pairing, not deleted. */
    boolean enrollmentPending() {
        return sql.count("select count(*) from daemon_enrollment_tokens where integrated and uses = 0 and revoked_at is null"
                + " and expires_at > now()") > 0;
    }

    /** The first network of the oldest organization: where a fresh installation pairs. */
    Optional<UUID[]> firstNetwork() {
        return sql.one("select n.organization_id, n.id from networks n join organizations o on o.id = n.organization_id"
                + " order by o.created_at, n.created_at limit 1", rs -> new UUID[]{rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)});
    }

    /** This database's port when it listens on this machine (the first discovery scans it too). */
    Optional<Integer> localDatabasePort() {
        return sql.one("select inet_server_port() from (select inet_server_addr() as a) s"
                + " where a is null or host(a) like '127.%' or a = '::1'::inet", rs -> rs.getObject(1, Integer.class));
    }
}
