package io.topograph.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.BearerClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The daemon's work calls over HTTP, as a daemon makes them (no daemon runs: the test is the daemon). */
@MicronautTest
class DaemonWorkTest extends DiscoveryTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void claiming_answers_204_without_work_then_200_with_the_queued_run_as_the_protocol_fixtures_say() throws Exception {
        Site site = site("ada");
        BearerClient daemon = daemon(site.credential());
        Map<String, JsonNode> bound = new HashMap<>();

        JsonNode nothing = fixture("03-claim-nothing.json");
        HttpResponse<String> none = send(daemon, nothing.get("request"));
        assertThat(none.statusCode()).isEqualTo(nothing.at("/response/status").asInt());
        assertThat(none.body()).isEmpty();

        // given: a user queued a discovery of 127.0.0.1 with ports "22,80" on the daemon's network
        UUID run = queue(site, "{\"targets\":\"127.0.0.1\",\"ports\":\"22,80\"}");
        JsonNode claimFixture = fixture("04-claim-run.json");
        HttpResponse<String> claimed = send(daemon, claimFixture.get("request"));
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(claimFixture.at("/response/status").asInt());
        assertMatches(claimFixture.at("/response/body"), json(claimed), "$", bound);
        assertThat(bound.get("runId").asText()).isEqualTo(run.toString());

        assertThat(state(run)).isEqualTo("RUNNING");
        assertThat(column("claimed_by", run)).isEqualTo(daemonId(site.credential()));
        assertThat(column("attempt", run)).isEqualTo(1);
        assertThat(column("started_at", run)).isNotNull();
        assertThat(db.count("select count(*) from discovery_runs where id = ? and lease_expires_at between now() + interval '80 seconds'"
                + " and now() + interval '91 seconds'", run)).isEqualTo(1);
        // Nothing else is queued.
        assertThat(claim(daemon).statusCode()).isEqualTo(204);
    }

    @Test
    void the_oldest_run_is_claimed_first_and_a_run_meant_for_another_daemon_is_left_to_it() {
        Site site = site("ada");
        String other = db.insertDaemon(site.organizationId(), site.networkId(), "rack-b");
        UUID otherId = daemonId(other);
        UUID forOther = queue(site, "{\"targets\":\"127.0.0.3\",\"ports\":\"top100\",\"daemonId\":\"" + otherId + "\"}");
        UUID first = queue(site, "{\"targets\":\"127.0.0.1\"}");
        UUID second = queue(site, "{\"targets\":\"127.0.0.2\"}");
        BearerClient a = daemon(site.credential());
        assertThat(json(claim(a)).at("/run/id").asText()).isEqualTo(first.toString());
        assertThat(json(claim(a)).at("/run/id").asText()).isEqualTo(second.toString());
        assertThat(claim(a).statusCode()).isEqualTo(204);
        assertThat(state(forOther)).isEqualTo("QUEUED");
        // The run of rack-b answers 404 to rack-a, exactly like a run that does not exist.
        assertThat(progress(a, forOther, "DISCOVERY", 10, 0).statusCode()).isEqualTo(404);
        assertThat(json(claim(daemon(other))).at("/run/id").asText()).isEqualTo(forOther.toString());
    }

    @Test
    void two_daemons_claiming_at_the_same_time_never_get_the_same_run() throws Exception {
        Site site = site("ada");
        String second = db.insertDaemon(site.organizationId(), site.networkId(), "rack-b");
        int count = 40;
        Set<UUID> queued = new HashSet<>();
        for (int i = 0; i < count; i++) {
            queued.add(queue(site, "{\"targets\":\"127.0.0." + (i + 1) + "\",\"ports\":\"top100\"}"));
        }
        List<BearerClient> daemons = List.of(daemon(site.credential()), daemon(second));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<UUID>>> results = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            BearerClient daemon = daemons.get(t % 2);
            Callable<List<UUID>> claimer = () -> {
                start.await();
                List<UUID> mine = new ArrayList<>();
                while (true) {
                    HttpResponse<String> r = claim(daemon);
                    if (r.statusCode() == 204) {
                        return mine;
                    }
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                    mine.add(UUID.fromString(json(r).at("/run/id").asText()));
                }
            };
            results.add(pool.submit(claimer));
        }
        start.countDown();
        List<UUID> all = new ArrayList<>();
        for (Future<List<UUID>> f : results) {
            all.addAll(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(all).doesNotHaveDuplicates().hasSize(count);
        assertThat(new HashSet<>(all)).isEqualTo(queued);
        assertThat(db.count("select count(*) from discovery_runs where network_id = ? and state = 'RUNNING' and attempt = 1",
                site.networkId())).isEqualTo(count);
        // Both daemons did get work (the claims interleaved).
        assertThat(db.count("select count(distinct claimed_by) from discovery_runs where network_id = ?", site.networkId())).isEqualTo(2);
    }

    @Test
    void progress_renews_the_lease_and_the_percentage_never_goes_down() {
        Site site = site("ada");
        BearerClient daemon = daemon(site.credential());
        UUID run = queue(site);
        claim(daemon);
        db.update("update discovery_runs set lease_expires_at = now() + interval '5 seconds' where id = ?", run);
        HttpResponse<String> p = progress(daemon, run, "PORT_SCAN", 40, 2);
        assertThat(p.statusCode()).as(p.body()).isEqualTo(200);
        assertThat(json(p).get("cancel").asBoolean()).isFalse();
        assertThat(db.count("select count(*) from discovery_runs where id = ? and lease_expires_at > now() + interval '80 seconds'", run)).isEqualTo(1);
        assertThat(progress(daemon, run, "EVIDENCE", 25, 1).statusCode()).isEqualTo(200);
        assertThat(column("percent", run)).isEqualTo(40);
        assertThat(column("phase", run)).isEqualTo("EVIDENCE");
        assertThat(column("hosts_found", run)).isEqualTo(2);
        progress(daemon, run, "REPORTING", 90, 3);
        assertThat(column("percent", run)).isEqualTo(90);
        JsonNode shown = json(site.owner().web().getJson("/api/v1/discoveries/" + run));
        assertThat(shown.get("percent").asInt()).isEqualTo(90);
        assertThat(shown.get("phase").asText()).isEqualTo("REPORTING");
        assertThat(shown.get("hostsFound").asInt()).isEqualTo(3);
    }

    @Test
    void malformed_progress_is_refused_with_422_and_changes_nothing() {
        Site site = site("ada");
        BearerClient daemon = daemon(site.credential());
        UUID run = queue(site);
        claim(daemon);
        progress(daemon, run, "DISCOVERY", 10, 0);
        HttpResponse<String> bad = daemon.send("POST", "/api/daemon/v1/runs/" + run + "/progress", "{\"phase\":\"NAPPING\",\"percent\":101}");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(json(bad).get("errors").findValuesAsText("field")).contains("phase", "percent");
        assertThat(daemon.send("POST", "/api/daemon/v1/runs/" + run + "/progress", "{\"phase\":\"DISCOVERY\"}").statusCode()).isEqualTo(422);
        assertThat(daemon.send("POST", "/api/daemon/v1/runs/" + run + "/progress", "not json").statusCode()).isEqualTo(400);
        assertThat(column("percent", run)).isEqualTo(10);
        assertThat(column("phase", run)).isEqualTo("DISCOVERY");
    }

    @Test
    void a_run_cancelled_by_a_person_answers_cancel_to_the_next_progress_report() {
        Site site = site("ada");
        BearerClient daemon = daemon(site.credential());
        UUID run = queue(site);
        claim(daemon);
        assertThat(json(progress(daemon, run, "DISCOVERY", 5, 0)).get("cancel").asBoolean()).isFalse();
        HttpResponse<String> cancelled = site.owner().web().json("POST", "/api/v1/discoveries/" + run + "/cancellation", null);
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        HttpResponse<String> next = progress(daemon, run, "PORT_SCAN", 30, 1);
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(json(next).get("cancel").asBoolean()).isTrue();
        assertThat(state(run)).isEqualTo("CANCELLED");
        assertThat(column("percent", run)).as("a cancelled run takes no more progress").isEqualTo(5);
        // Completing it is refused: the daemon drops the run.
        HttpResponse<String> complete = daemon.send("POST", "/api/daemon/v1/runs/" + run + "/complete", "{\"batches\":0,\"stats\":{},\"warnings\":[]}");
        assertThat(complete.statusCode()).isEqualTo(409);
        assertThat(state(run)).isEqualTo("CANCELLED");
    }

    @Test
    void completing_with_missing_batches_answers_409_naming_them_then_succeeds_once_they_arrived() {
        Site site = site("ada");
        BearerClient daemon = daemon(site.credential());
        UUID run = queue(site);
        claim(daemon);
        receivedBatch(site, run, 0, 2);
        receivedBatch(site, run, 2, 1);
        String body = "{\"batches\":5,\"stats\":{\"hostsUp\":4,\"probes\":200,\"open\":3,\"elapsedMs\":812},\"warnings\":[\"skipped 127.0.0.9\"]}";
        HttpResponse<String> missing = daemon.send("POST", "/api/daemon/v1/runs/" + run + "/complete", body);
        assertThat(missing.statusCode()).isEqualTo(409);
        assertThat(json(missing).get("message").asText()).isEqualTo("missing batches: 1, 3, 4");
        assertThat(state(run)).isEqualTo("RUNNING");

        receivedBatch(site, run, 1, 1);
        receivedBatch(site, run, 3, 0);
        receivedBatch(site, run, 4, 1);
        HttpResponse<String> done = daemon.send("POST", "/api/daemon/v1/runs/" + run + "/complete", body);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(json(done).get("state").asText()).isEqualTo("SUCCEEDED");
        JsonNode shown = json(site.owner().web().getJson("/api/v1/discoveries/" + run));
        assertThat(shown.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(shown.get("percent").asInt()).isEqualTo(100);
        assertThat(shown.get("hostsFound").asInt()).as("the hosts of the received batches").isEqualTo(5);
        assertThat(shown.at("/stats/probes").asInt()).isEqualTo(200);
        assertThat(shown.get("warnings").get(0).asText()).isEqualTo("skipped 127.0.0.9");
        assertThat(shown.get("finishedAt").isNull()).isFalse();

        // Completing again (a lost answer) answers the same and changes nothing.
        HttpResponse<String> again = daemon.send("POST", "/api/daemon/v1/runs/" + run + "/complete", body);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(json(site.owner().web().getJson("/api/v1/discoveries/" + run)).get("warnings")).hasSize(1);
        // A finished run takes no more progress.
        assertThat(progress(daemon, run, "REPORTING", 100, 5).statusCode()).isEqualTo(409);
    }

    @Test
    void a_malformed_completion_is_refused_with_422() {
        Site site = site("ada");
        BearerClient daemon = daemon(site.credential());
        UUID run = queue(site);
        claim(daemon);
        assertThat(daemon.send("POST", "/api/daemon/v1/runs/" + run + "/complete", "{\"stats\":{}}").statusCode()).isEqualTo(422);
        assertThat(daemon.send("POST", "/api/daemon/v1/runs/" + run + "/complete", "{\"batches\":-1}").statusCode()).isEqualTo(422);
        assertThat(daemon.send("POST", "/api/daemon/v1/runs/" + run + "/complete", "{\"batches\":0,\"stats\":[1]}").statusCode()).isEqualTo(422);
        assertThat(state(run)).isEqualTo("RUNNING");
    }

    @Test
    void a_daemon_fails_a_run_with_its_reason_and_a_repeat_answers_the_same() {
        Site site = site("ada");
        BearerClient daemon = daemon(site.credential());
        UUID run = queue(site);
        claim(daemon);
        assertThat(daemon.send("POST", "/api/daemon/v1/runs/" + run + "/fail", "{\"reason\":\"  \"}").statusCode()).isEqualTo(422);
        assertThat(state(run)).isEqualTo("RUNNING");
        String body = "{\"reason\":\"targets refused: 224.0.0.1 is a multicast address\"}";
        HttpResponse<String> failed = daemon.send("POST", "/api/daemon/v1/runs/" + run + "/fail", body);
        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(200);
        assertThat(json(failed).get("state").asText()).isEqualTo("FAILED");
        assertThat(column("failure_reason", run)).isEqualTo("targets refused: 224.0.0.1 is a multicast address");
        assertThat(daemon.send("POST", "/api/daemon/v1/runs/" + run + "/fail", body).statusCode()).isEqualTo(200);
        assertThat(daemon.send("POST", "/api/daemon/v1/runs/" + run + "/complete", "{\"batches\":0}").statusCode()).isEqualTo(409);
        assertThat(state(run)).isEqualTo("FAILED");
    }

    @Test
    void a_run_not_held_by_the_calling_daemon_answers_409() {
        Site site = site("ada");
        String second = db.insertDaemon(site.organizationId(), site.networkId(), "rack-b");
        UUID queued = queue(site);
        BearerClient b = daemon(second);
        // Not claimed yet.
        assertThat(progress(b, queued, "DISCOVERY", 1, 0).statusCode()).isEqualTo(409);
        claim(daemon(site.credential()));
        // Claimed by rack-a: rack-b may not report on it.
        assertThat(progress(b, queued, "DISCOVERY", 1, 0).statusCode()).isEqualTo(409);
        assertThat(b.send("POST", "/api/daemon/v1/runs/" + queued + "/complete", "{\"batches\":0}").statusCode()).isEqualTo(409);
        assertThat(b.send("POST", "/api/daemon/v1/runs/" + queued + "/fail", "{\"reason\":\"x\"}").statusCode()).isEqualTo(409);
        assertThat(state(queued)).isEqualTo("RUNNING");
        assertThat(progress(b, UUID.randomUUID(), "DISCOVERY", 1, 0).statusCode()).isEqualTo(404);
    }

    @Test
    void another_organizations_daemon_gets_404_for_this_networks_run_and_cannot_claim_it() {
        Site site = site("ada");
        Site stranger = site("mallory");
        UUID run = queue(site);
        BearerClient theirs = daemon(stranger.credential());
        assertThat(claim(theirs).statusCode()).isEqualTo(204);
        assertThat(progress(theirs, run, "DISCOVERY", 50, 1).statusCode()).isEqualTo(404);
        assertThat(theirs.send("POST", "/api/daemon/v1/runs/" + run + "/complete", "{\"batches\":0}").statusCode()).isEqualTo(404);
        assertThat(theirs.send("POST", "/api/daemon/v1/runs/" + run + "/fail", "{\"reason\":\"x\"}").statusCode()).isEqualTo(404);
        // Once claimed by its own daemon, still 404 for the stranger.
        claim(daemon(site.credential()));
        assertThat(progress(theirs, run, "DISCOVERY", 50, 1).statusCode()).isEqualTo(404);
        assertThat(column("percent", run)).isEqualTo(0);
        assertThat(state(run)).isEqualTo("RUNNING");
    }

    @Test
    void a_daemon_of_another_network_of_the_same_organization_gets_404() {
        Site site = site("ada");
        HttpResponse<String> created = site.owner().web().json("POST", "/api/v1/networks", "{\"name\":\"Lab\"}");
        UUID lab = UUID.fromString(json(created).get("id").asText());
        BearerClient labDaemon = daemon(db.insertDaemon(site.organizationId(), lab, "lab-1"));
        UUID run = queue(site);
        assertThat(claim(labDaemon).statusCode()).isEqualTo(204);
        assertThat(progress(labDaemon, run, "DISCOVERY", 1, 0).statusCode()).isEqualTo(404);
        assertThat(state(run)).isEqualTo("QUEUED");
    }

    @Test
    void without_a_credential_or_with_a_disabled_daemon_nothing_is_claimed() {
        Site site = site("ada");
        UUID run = queue(site);
        assertThat(new BearerClient(base(), "tgd_unknown").send("POST", "/api/daemon/v1/work/claim", "{}").statusCode()).isEqualTo(401);
        db.update("update daemons set disabled = true where id = ?", daemonId(site.credential()));
        assertThat(claim(daemon(site.credential())).statusCode()).isEqualTo(403);
        assertThat(state(run)).isEqualTo("QUEUED");
    }

    @Test
    void a_daemons_credential_cannot_read_the_user_api() {
        Site site = site("ada");
        UUID run = queue(site);
        assertThat(daemon(site.credential()).get("/api/v1/discoveries/" + run).statusCode()).isEqualTo(401);
    }

    /** Simulates the ingest endpoint having accepted batch {@code seq}. */
    private void receivedBatch(Site site, UUID run, int seq, int hosts) {
        db.update("insert into discovery_run_batches (organization_id, run_id, seq, body_sha256, hosts) values (?, ?, ?, ?, ?)",
                site.organizationId(), run, seq, new byte[32], hosts);
    }

    // ---- Fixture replay (docs/daemon-protocol/README.md) --------------------------------------

    private static JsonNode fixture(String name) throws Exception {
        return JSON.readTree(Files.readString(Path.of("docs/daemon-protocol", name)));
    }

    private HttpResponse<String> send(BearerClient daemon, JsonNode request) {
        assertThat(request.get("auth").asText()).isEqualTo("credential");
        return daemon.send(request.get("method").asText(), request.get("path").asText(), request.get("body").toString());
    }

    /** Every key of {@code expected} must be present in {@code actual} with a matching value; variables bind. */
    private static void assertMatches(JsonNode expected, JsonNode actual, String where, Map<String, JsonNode> bound) {
        if (expected.isTextual() && expected.asText().matches("\\{\\{\\w+}}")) {
            String variable = expected.asText().substring(2, expected.asText().length() - 2);
            if (variable.equals("any")) {
                return;
            }
            assertThat(actual).as(where + " (" + variable + ")").isNotNull();
            assertThat(actual.isNull()).as(where + " (" + variable + ") must not be null").isFalse();
            JsonNode previous = bound.putIfAbsent(variable, actual);
            if (previous != null) {
                assertThat(actual).as(where).isEqualTo(previous);
            }
            return;
        }
        assertThat(actual).as(where + " is missing").isNotNull();
        if (expected.isObject()) {
            assertThat(actual.isObject()).as(where + " is an object").isTrue();
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                assertMatches(e.getValue(), actual.get(e.getKey()), where + "." + e.getKey(), bound);
            }
        } else if (expected.isArray()) {
            assertThat(actual.isArray()).as(where + " is an array").isTrue();
            assertThat(actual.size()).as(where + " length").isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertMatches(expected.get(i), actual.get(i), where + "[" + i + "]", bound);
            }
        } else if (expected.isNumber()) {
            assertThat(actual.isNumber()).as(where).isTrue();
            assertThat(actual.decimalValue()).as(where).isEqualByComparingTo(expected.decimalValue());
        } else {
            assertThat(actual).as(where).isEqualTo(expected);
        }
    }
}
