package io.topograph.discovery;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.hosts.InventorySeed;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention of finished runs (defaults: 90 days, each network's newest 20 runs kept). Not in a
 * test transaction: the sweeper commits slice by slice.
 */
@MicronautTest(transactional = false)
class RunRetentionTest extends DiscoveryTestBase {

    @Inject
    RunRetentionSweeper retention;

    @Inject
    RunLimits limits;

    private UUID insertRun(UUID org, UUID network, String state, String createdAgo, String finishedAgo) {
        UUID id = UUID.randomUUID();
        db.update("insert into discovery_runs (id, organization_id, network_id, state, attempt, created_at, queued_at, started_at,"
                        + " finished_at, lease_expires_at) values (?, ?, ?, ?, 1, now() - ?::interval, now() - ?::interval, now(),"
                        + " case when ? = 'RUNNING' then null else now() - ?::interval end,"
                        + " case when ? = 'RUNNING' then now() + interval '1 hour' end)",
                id, org, network, state, createdAgo, createdAgo, state, finishedAgo, state);
        return id;
    }

    private boolean exists(UUID run) {
        return db.count("select count(*) from discovery_runs where id = ?", run) == 1;
    }

    @Test
    void the_defaults_are_ninety_days_and_twenty_runs_per_network() {
        assertThat(limits.retentionDays()).isEqualTo(90);
        assertThat(limits.retentionKeep()).isEqualTo(20);
    }

    @Test
    void old_finished_runs_go_but_each_networks_newest_runs_active_runs_hosts_and_change_events_stay() {
        Site site = site("ada");
        UUID org = site.organizationId();
        UUID network = site.networkId();
        List<UUID> recent = List.of(insertRun(org, network, "SUCCEEDED", "1 day", "1 day"), insertRun(org, network, "FAILED", "2 days", "2 days"));
        // Older than retention, but newer than every old finished run: active runs are never deleted.
        UUID running = insertRun(org, network, "RUNNING", "99 days", "0 days");
        List<UUID> old = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            old.add(insertRun(org, network, i % 2 == 0 ? "SUCCEEDED" : "TIMED_OUT", "100 days " + i + " minutes", "100 days"));
        }
        // A run finished only lately is kept whatever its age.
        UUID finishedLately = insertRun(org, network, "CANCELLED", "120 days", "10 days");
        // Another network's only run, old: kept as its network's newest.
        UUID lab = new InventorySeed(dataSource).network(site.owner(), "Lab");
        UUID labRun = insertRun(org, lab, "SUCCEEDED", "200 days", "200 days");

        // What refers to a run that will go: a host, its observation, a change event.
        UUID doomed = old.get(24);
        UUID host = new InventorySeed(dataSource).host(site.owner(), network, "nas");
        db.update("update hosts set last_run_id = ? where id = ?", doomed, host);
        db.update("insert into host_observations (organization_id, run_id, host_id, matched_by) values (?, ?, ?, 'NEW')", org, doomed, host);
        UUID event = UUID.randomUUID();
        db.update("insert into change_events (id, organization_id, network_id, run_id, host_id, kind, host_name) values (?, ?, ?, ?, ?,"
                + " 'HOST_APPEARED', 'nas')", event, org, network, doomed, host);

        int deleted = retention.sweep();
        assertThat(deleted).isGreaterThanOrEqualTo(8);
        // Newest 20 of the network: 2 recent, the running one, then the 17 newest old runs (i = 0..16).
        assertThat(recent).allMatch(this::exists);
        assertThat(exists(running)).isTrue();
        assertThat(old.subList(0, 17)).allMatch(this::exists);
        assertThat(old.subList(17, 25)).noneMatch(this::exists);
        assertThat(exists(finishedLately)).isTrue();
        assertThat(exists(labRun)).isTrue();
        assertThat(db.count("select count(*) from discovery_runs where network_id = ?", network)).isEqualTo(21);

        assertThat(db.count("select count(*) from hosts where id = ? and last_run_id is null", host)).isEqualTo(1);
        assertThat(db.count("select count(*) from host_observations where run_id = ?", doomed)).isZero();
        assertThat(db.count("select count(*) from change_events where id = ? and run_id is null and host_id = ?", event, host)).isEqualTo(1);
        // The network's pages still work, and a second sweep (another node) finds nothing of this network.
        assertThat(site.owner().web().get(site.networkPath("/discoveries")).statusCode()).isEqualTo(200);
        assertThat(site.owner().web().get(site.owner().org("/hosts/" + host)).statusCode()).isEqualTo(200);
        retention.sweep();
        assertThat(db.count("select count(*) from discovery_runs where network_id = ?", network)).isEqualTo(21);
        assertThat(site.owner().web().getJson("/api/v1/runs/" + doomed).statusCode()).isEqualTo(404);
    }
}
