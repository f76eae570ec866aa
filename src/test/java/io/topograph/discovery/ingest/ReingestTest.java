package io.topograph.discovery.ingest;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.AppTest;
import io.topograph.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static io.topograph.support.BearerClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** A re-scan of 1,000 unchanged hosts changes no row except last seen and which run and daemon saw it. */
@MicronautTest
class ReingestTest extends AppTest {

    private static final int HOSTS = 1_000;

    @Inject
    DataSource dataSource;

    @Test
    void reingesting_the_same_hosts_in_a_new_run_changes_nothing_but_last_seen_and_provenance() {
        TestDatabase db = new TestDatabase(dataSource);
        DaemonRuns runs = new DaemonRuns(db, base());
        UUID org = db.organizationId(signUp("rescan").slug());
        UUID network = (UUID) db.column("select id from networks where organization_id = ?", org).get(0);
        DaemonRuns.Daemon daemon = runs.daemon(org, network, "rack-a");
        List<String> batches = SyntheticNetwork.batches(HOSTS, 500);

        send(daemon, runs.running(daemon), batches);
        List<String> before = InventorySnapshot.content(db, org);
        String lastSeenBefore = String.valueOf(db.column("select max(last_seen)::text from hosts where organization_id = ?", org).get(0));
        UUID rescan = runs.running(daemon);
        send(daemon, rescan, batches);
        List<String> after = InventorySnapshot.content(db, org);

        assertThat(db.count("select count(*) from hosts where organization_id = ?", org)).isEqualTo(HOSTS);
        assertThat(db.count("select count(*) from services where organization_id = ?", org)).isEqualTo(HOSTS * SyntheticNetwork.SERVICES_PER_HOST);
        assertThat(db.count("select count(*) from bindings where organization_id = ?", org)).isEqualTo(HOSTS * SyntheticNetwork.SERVICES_PER_HOST);
        assertThat(before).hasSize(HOSTS * (2 + 3 * SyntheticNetwork.SERVICES_PER_HOST));
        assertThat(after).isEqualTo(before);
        for (String table : List.of("hosts", "ports", "services")) {
            assertThat(db.count("select count(*) from " + table + " where organization_id = ? and last_run_id = ? and last_daemon_id = ?"
                    + " and last_seen > ?::timestamptz", org, rescan, daemon.id(), lastSeenBefore)).as(table)
                    .isEqualTo(table.equals("hosts") ? HOSTS : HOSTS * SyntheticNetwork.SERVICES_PER_HOST);
        }
        assertThat(db.count("select count(*) from interfaces where organization_id = ? and last_seen > ?::timestamptz", org, lastSeenBefore))
                .isEqualTo(HOSTS);
        assertThat(db.column("select matched_by || ' ' || count(*) from host_observations where run_id = ? group by matched_by", rescan))
                .containsExactly("MAC " + HOSTS);
    }

    private static void send(DaemonRuns.Daemon daemon, UUID run, List<String> batches) {
        for (int seq = 0; seq < batches.size(); seq++) {
            HttpResponse<String> r = daemon.send(run, seq, batches.get(seq));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(json(r).get("duplicate").asBoolean()).isFalse();
        }
    }
}
