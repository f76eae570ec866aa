package io.topograph.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.daemons.api.AuthenticatedDaemon;
import io.topograph.platform.web.ConflictException;
import io.topograph.platform.web.NotFoundException;
import io.topograph.support.BearerClient;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Leases of running runs (lapsed ones are queued again, then failed) and what the heartbeat and
 * the batch endpoint learn from this package. Not wrapped in a test transaction: the sweeper and
 * the services are called directly and must commit.
 */
@MicronautTest(transactional = false)
class RunLeaseTest extends DiscoveryTestBase {

    @Inject
    LeaseSweeper sweeper;

    @Inject
    DaemonWorkService work;

    @Test
    void a_lapsed_lease_requeues_the_run_until_its_attempts_are_used_then_fails_it() {
        Site site = site("ada");
        BearerClient daemon = daemon(site.credential());
        UUID run = queue(site);
        for (int attempt = 1; attempt <= 3; attempt++) {
            HttpResponse<String> claimed = claim(daemon);
            assertThat(claimed.statusCode()).as("attempt " + attempt).isEqualTo(200);
            assertThat(json(claimed).at("/run/attempt").asInt()).isEqualTo(attempt);
            progress(daemon, run, "PORT_SCAN", 60, 1);
            db.update("update discovery_runs set lease_expires_at = now() - interval '1 second' where id = ?", run);
            sweeper.sweep();
            if (attempt < 3) {
                assertThat(state(run)).isEqualTo("QUEUED");
                assertThat(column("percent", run)).as("a new attempt starts from zero").isEqualTo(0);
                assertThat(column("claimed_by", run)).isNull();
                // The daemon that lost the lease may not report on it any more.
                assertThat(progress(daemon, run, "PORT_SCAN", 70, 1).statusCode()).isEqualTo(409);
            }
        }
        assertThat(state(run)).isEqualTo("FAILED");
        assertThat(column("failure_reason", run)).isEqualTo("daemon stopped responding");
        assertThat(column("finished_at", run)).isNotNull();
        assertThat(claim(daemon).statusCode()).isEqualTo(204);
        JsonNode shown = json(site.owner().web().getJson("/api/v1/discoveries/" + run));
        assertThat(shown.get("attempt").asInt()).isEqualTo(3);
        assertThat(shown.get("warnings")).hasSize(3);
        assertThat(shown.get("failureReason").asText()).isEqualTo("daemon stopped responding");
    }

    @Test
    void a_claim_offers_a_lapsed_run_again_without_waiting_for_the_sweeper() {
        Site site = site("ada");
        String second = db.insertDaemon(site.organizationId(), site.networkId(), "rack-b");
        UUID run = queue(site);
        claim(daemon(site.credential()));
        db.update("update discovery_runs set lease_expires_at = now() - interval '1 second' where id = ?", run);
        HttpResponse<String> taken = claim(daemon(second));
        assertThat(taken.statusCode()).isEqualTo(200);
        assertThat(json(taken).at("/run/id").asText()).isEqualTo(run.toString());
        assertThat(json(taken).at("/run/attempt").asInt()).isEqualTo(2);
        assertThat(column("claimed_by", run)).isEqualTo(daemonId(second));
    }

    @Test
    void a_live_lease_is_left_alone_by_the_sweeper() {
        Site site = site("ada");
        UUID run = queue(site);
        claim(daemon(site.credential()));
        assertThat(sweeper.sweep()).noneMatch(s -> s.runId().equals(run));
        assertThat(state(run)).isEqualTo("RUNNING");
    }

    @Test
    void the_heartbeat_learns_of_waiting_work_and_of_cancelled_runs_and_batches_renew_the_lease() {
        Site site = site("ada");
        UUID daemonId = daemonId(site.credential());
        var me = new AuthenticatedDaemon(daemonId, site.organizationId(), site.networkId(), "rack-a");
        var stranger = site("mallory");
        var theirs = new AuthenticatedDaemon(daemonId(stranger.credential()), stranger.organizationId(),
                stranger.networkId(), "rack-a");
        assertThat(heartbeat(site.credential()).get("workAvailable").asBoolean()).isFalse();
        UUID run = queue(site);
        assertThat(heartbeat(site.credential()).get("workAvailable").asBoolean()).isTrue();
        assertThat(heartbeat(stranger.credential()).get("workAvailable").asBoolean()).isFalse();
        claim(daemon(site.credential()));
        assertThat(heartbeat(site.credential()).get("workAvailable").asBoolean()).isFalse();

        db.update("update discovery_runs set lease_expires_at = now() + interval '5 seconds' where id = ?", run);
        assertThat(work.heldRun(me, run).id()).isEqualTo(run);
        assertThat(db.count("select count(*) from discovery_runs where id = ? and lease_expires_at > now() + interval '80 seconds'", run)).isEqualTo(1);
        assertThatThrownBy(() -> work.heldRun(theirs, run)).isInstanceOf(NotFoundException.class);

        assertThat(heartbeat(site.credential()).get("cancelRunIds")).isEmpty();
        site.owner().web().json("POST", "/api/v1/discoveries/" + run + "/cancellation", null);
        assertThat(heartbeat(site.credential()).get("cancelRunIds").get(0).asText()).isEqualTo(run.toString());
        assertThat(heartbeat(stranger.credential()).get("cancelRunIds")).isEmpty();
        assertThatThrownBy(() -> work.heldRun(me, run)).isInstanceOf(ConflictException.class);
    }

    private com.fasterxml.jackson.databind.JsonNode heartbeat(String credential) {
        var response = daemon(credential).send("POST", "/api/daemon/v1/heartbeat",
                "{\"version\":\"0.1.0\",\"state\":\"IDLE\",\"hostname\":\"rack-a\",\"capabilities\":[],\"subnets\":[],\"activeRunId\":null}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return io.topograph.support.BearerClient.json(response);
    }
}
