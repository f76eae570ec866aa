package io.topograph.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.BearerClient;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.topograph.support.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The life of a run past the happy path: expiry of unclaimed runs, the maximum run duration,
 * cancel while queued and while running, lease-expiry recovery and a server restart mid-run.
 * Not in a test transaction: the sweeper is called directly and must commit.
 */
@MicronautTest(transactional = false)
class RunLifecycleTest extends DiscoveryTestBase {

    @Inject
    LeaseSweeper sweeper;

    private HttpResponse<String> heartbeat(BearerClient daemon) {
        return daemon.send("POST", "/api/daemon/v1/heartbeat",
                "{\"version\":\"0.1.0\",\"state\":\"SCANNING\",\"hostname\":\"rack-a\",\"capabilities\":[],\"subnets\":[],\"activeRunId\":null}");
    }

    private static HttpResponse<String> complete(BearerClient daemon, UUID run) {
        return daemon.send("POST", "/api/daemon/v1/runs/" + run + "/complete", "{\"batches\":0,\"stats\":{},\"warnings\":[]}");
    }

    private static List<UUID> ids(List<DiscoveryRunStore.Swept> swept) {
        return swept.stream().map(DiscoveryRunStore.Swept::runId).toList();
    }

    @Test
    void a_queued_run_no_daemon_claims_within_the_timeout_expires_with_a_reason_people_can_read() {
        Site site = site("ada");
        UUID anyDaemon = queue(site);
        UUID meantForOne = queue(site, "{\"targets\":\"127.0.0.1\",\"ports\":\"22\",\"daemonId\":\"" + daemonId(site.credential()) + "\"}");
        UUID fresh = queue(site);
        db.update("update discovery_runs set queued_at = now() - interval '61 minutes' where id in (?, ?)", anyDaemon, meantForOne);
        // Just inside the limit: left alone.
        db.update("update discovery_runs set queued_at = now() - interval '59 minutes' where id = ?", fresh);

        List<UUID> expired = ids(sweeper.sweepTimeouts());
        assertThat(expired).contains(anyDaemon, meantForOne).doesNotContain(fresh);
        assertThat(state(anyDaemon)).isEqualTo("TIMED_OUT");
        assertThat(column("failure_reason", anyDaemon)).isEqualTo("No daemon of this network claimed the run within 1 hour.");
        assertThat(column("finished_at", anyDaemon)).isNotNull();
        assertThat(column("failure_reason", meantForOne)).isEqualTo("The daemon “rack-a” did not claim the run within 1 hour.");
        assertThat(state(fresh)).isEqualTo("QUEUED");
        // A second sweep (another node) finds nothing more to do.
        assertThat(ids(sweeper.sweepTimeouts())).doesNotContain(anyDaemon, meantForOne, fresh);

        JsonNode shown = json(site.owner().web().getJson("/api/v1/runs/" + anyDaemon));
        assertThat(shown.get("state").asText()).isEqualTo("TIMED_OUT");
        assertThat(shown.get("failureReason").asText()).contains("within 1 hour");
        HttpResponse<String> page = site.owner().web().get(site.owner().org("/discoveries/" + anyDaemon));
        assertThat(page.body()).contains(">Timed out<").contains("Why it timed out").contains("No daemon of this network claimed the run within 1 hour.")
                .doesNotContain("id=\"discovery-cancel\"").doesNotContain("hx-trigger=\"every 1s\"");
        // The daemon gets the fresh run, never the expired ones; an expired run cannot be cancelled.
        HttpResponse<String> claimed = claim(daemon(site.credential()));
        assertThat(json(claimed).at("/run/id").asText()).isEqualTo(fresh.toString());
        assertThat(claim(daemon(site.credential())).statusCode()).isEqualTo(204);
        assertThat(site.owner().web().json("POST", "/api/v1/discoveries/" + anyDaemon + "/cancellation", null).statusCode()).isEqualTo(409);
    }

    @Test
    void the_unclaimed_timeout_counts_from_when_a_run_was_queued_again() {
        Site site = site("ada");
        UUID run = queue(site);
        claim(daemon(site.credential()));
        db.update("update discovery_runs set created_at = now() - interval '3 hours', queued_at = now() - interval '3 hours',"
                + " lease_expires_at = now() - interval '1 second' where id = ?", run);
        sweeper.sweep();
        assertThat(state(run)).isEqualTo("QUEUED");
        assertThat(ids(sweeper.sweepTimeouts())).doesNotContain(run);
        assertThat(state(run)).isEqualTo("QUEUED");
    }

    @Test
    void a_run_past_the_maximum_duration_times_out_and_its_daemon_is_told_to_stop() {
        Site site = site("ada");
        BearerClient daemon = daemon(site.credential());
        UUID run = queue(site);
        claim(daemon);
        assertThat(progress(daemon, run, "PORT_SCAN", 30, 1).statusCode()).isEqualTo(200);
        db.update("update discovery_runs set started_at = now() - interval '25 hours' where id = ?", run);

        assertThat(ids(sweeper.sweepTimeouts())).contains(run);
        assertThat(state(run)).isEqualTo("TIMED_OUT");
        assertThat(column("failure_reason", run)).isEqualTo("The run took longer than the limit of 1 day and was stopped.");
        HttpResponse<String> told = progress(daemon, run, "PORT_SCAN", 40, 1);
        assertThat(told.statusCode()).isEqualTo(200);
        assertThat(json(told).get("cancel").asBoolean()).isTrue();
        assertThat(json(heartbeat(daemon)).get("cancelRunIds").toString()).contains(run.toString());
        assertThat(complete(daemon, run).statusCode()).isEqualTo(409);
        assertThat(daemon.send("POST", "/api/daemon/v1/runs/" + run + "/batches/0", "{\"hosts\":[]}").statusCode()).isEqualTo(409);
        // The lease sweep no longer touches it.
        db.update("update discovery_runs set lease_expires_at = now() - interval '1 second' where id = ?", run);
        sweeper.sweep();
        assertThat(state(run)).isEqualTo("TIMED_OUT");
    }

    @Test
    void cancelling_a_queued_run_keeps_it_from_every_daemon() {
        Site site = site("ada");
        UUID run = queue(site);
        HttpResponse<String> cancelled = site.owner().web().json("POST", "/api/v1/discoveries/" + run + "/cancellation", null);
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(json(cancelled).get("state").asText()).isEqualTo("CANCELLED");
        assertThat(claim(daemon(site.credential())).statusCode()).isEqualTo(204);
        assertThat(column("attempt", run)).isEqualTo(0);
        assertThat(site.owner().web().json("POST", "/api/v1/discoveries/" + run + "/cancellation", null).statusCode()).isEqualTo(409);
        db.update("update discovery_runs set queued_at = now() - interval '2 hours' where id = ?", run);
        sweeper.sweepTimeouts();
        assertThat(state(run)).as("a finished run never changes again").isEqualTo("CANCELLED");
    }

    @Test
    void cancelling_a_running_run_reaches_its_daemon_at_the_next_progress_report() {
        Site site = site("ada");
        BearerClient daemon = daemon(site.credential());
        UUID run = queue(site);
        claim(daemon);
        assertThat(json(progress(daemon, run, "PORT_SCAN", 20, 0)).get("cancel").asBoolean()).isFalse();
        assertThat(site.owner().web().post(site.owner().org("/discoveries/" + run + "/cancellation"), form()).statusCode()).isEqualTo(303);
        assertThat(state(run)).isEqualTo("CANCELLED");
        HttpResponse<String> next = progress(daemon, run, "PORT_SCAN", 30, 1);
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(json(next).get("cancel").asBoolean()).isTrue();
        assertThat(complete(daemon, run).statusCode()).isEqualTo(409);
        assertThat(column("percent", run)).as("nothing more is recorded").isEqualTo(20);
    }

    @Test
    void a_run_queued_again_after_a_lapsed_lease_is_finished_by_another_daemon() {
        Site site = site("ada");
        String second = db.insertDaemon(site.organizationId(), site.networkId(), "rack-b");
        UUID run = queue(site);
        claim(daemon(site.credential()));
        progress(daemon(site.credential()), run, "PORT_SCAN", 50, 2);
        db.update("update discovery_runs set lease_expires_at = now() - interval '1 second' where id = ?", run);
        assertThat(sweeper.sweep()).anyMatch(s -> s.runId().equals(run) && s.state() == RunState.QUEUED);
        // The daemon that lost it is refused; the other one takes it and finishes it.
        assertThat(progress(daemon(site.credential()), run, "PORT_SCAN", 60, 2).statusCode()).isEqualTo(409);
        HttpResponse<String> taken = claim(daemon(second));
        assertThat(json(taken).at("/run/attempt").asInt()).isEqualTo(2);
        assertThat(complete(daemon(second), run).statusCode()).isEqualTo(200);
        JsonNode shown = json(site.owner().web().getJson("/api/v1/runs/" + run));
        assertThat(shown.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(shown.get("claimedBy").asText()).isEqualTo(daemonId(second).toString());
        assertThat(shown.get("warnings").get(0).asText()).isEqualTo("Attempt 1 of 3: the daemon stopped responding; queued again.");
    }

    @Test
    void a_run_running_when_its_server_stops_is_recovered_by_the_lease_sweep_of_a_server_started_later() throws Exception {
        Site site = site("ada");
        UUID run = queue(site);
        try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1), "test")) {
            BearerClient viaFirst = new BearerClient(first.getURI(), site.credential());
            assertThat(json(claim(viaFirst)).at("/run/id").asText()).isEqualTo(run.toString());
            assertThat(progress(viaFirst, run, "PORT_SCAN", 40, 1).statusCode()).isEqualTo(200);
            // Progress reported to one node is what every node renders: it lives in the database.
            assertThat(site.owner().web().htmxGet(site.owner().org("/discoveries/" + run + "/progress")).body())
                    .contains("Scanning ports · 40%").contains("width:40%");
        }
        // The node (and the daemon talking to it) went away mid-run; the lease ran out meanwhile.
        assertThat(state(run)).isEqualTo("RUNNING");
        db.update("update discovery_runs set lease_expires_at = now() - interval '1 second' where id = ?", run);
        try (EmbeddedServer restarted = ApplicationContext.run(EmbeddedServer.class,
                Map.of("micronaut.server.port", -1, "topograph.discovery.lease-sweep-interval", "200ms"), "test")) {
            long deadline = System.nanoTime() + 15_000_000_000L;
            while (!state(run).equals("QUEUED") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(state(run)).isEqualTo("QUEUED");
            assertThat(column("claimed_by", run)).isNull();
            BearerClient viaRestarted = new BearerClient(restarted.getURI(), site.credential());
            HttpResponse<String> again = claim(viaRestarted);
            assertThat(json(again).at("/run/attempt").asInt()).isEqualTo(2);
            assertThat(complete(viaRestarted, run).statusCode()).isEqualTo(200);
        }
        assertThat(state(run)).isEqualTo("SUCCEEDED");
        assertThat(json(site.owner().web().getJson("/api/v1/runs/" + run)).get("warnings").toString()).contains("queued again");
    }
}
