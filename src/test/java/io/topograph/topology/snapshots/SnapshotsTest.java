package io.topograph.topology.snapshots;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.AppTest;
import io.topograph.support.BearerClient;
import io.topograph.support.TestDatabase;
import io.topograph.topology.Inventories;
import io.topograph.topology.diff.TopologyDiff;
import io.topograph.topology.graph.GraphNode;
import io.topograph.topology.graph.TopologyGraph;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Snapshots taken by real run completions over the daemon API, on demand, and kept within retention. */
@MicronautTest(transactional = false)
class SnapshotsTest extends AppTest {

    @Inject
    DataSource dataSource;
    @Inject
    SnapshotService snapshots;
    @Inject
    SnapshotRetention retention;
    @Inject
    SnapshotSettings settings;

    @Test
    void a_successful_run_takes_one_snapshot_even_when_its_completion_is_retried() {
        TestDatabase db = new TestDatabase(dataSource);
        Inventories inv = new Inventories(db);
        Inventories.Site s = inv.site(signUp("snap-run"));
        BearerClient daemon = inv.daemon(base(), s);
        UUID run = inv.startRun(s, daemon, "127.0.30.1");
        assertThat(snapshots.timeline(s.organizationId(), s.networkId())).isEmpty();

        HttpResponse<String> done = inv.complete(daemon, run);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        HttpResponse<String> again = inv.complete(daemon, run);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);

        List<SnapshotSummary> timeline = snapshots.timeline(s.organizationId(), s.networkId());
        assertThat(timeline).singleElement().satisfies(x -> {
            assertThat(x.reason()).isEqualTo(SnapshotSummary.Reason.RUN);
            assertThat(x.runId()).isEqualTo(run);
            assertThat(x.hosts()).isEqualTo(1);
        });
        TopologyGraph graph = snapshots.graph(s.organizationId(), s.networkId(), timeline.get(0).id());
        assertThat(graph.nodes()).extracting(GraphNode::primaryAddress).containsExactly("127.0.30.1");
        assertThat(graph.nodes().get(0).state()).as("taken after change tracking judged the run").isEqualTo("ONLINE");
    }

    @Test
    void manual_snapshots_load_back_equal_and_compare_with_now() {
        TestDatabase db = new TestDatabase(dataSource);
        Inventories inv = new Inventories(db);
        Inventories.Site s = inv.site(signUp("snap-manual"));
        UUID kept = inv.host(s, "kept");
        UUID gone = inv.host(s, "gone");
        SnapshotSummary first = snapshots.takeNow(s.organizationId(), s.networkId());
        assertThat(first.reason()).isEqualTo(SnapshotSummary.Reason.MANUAL);
        assertThat(first.hosts()).isEqualTo(2);
        db.update("delete from hosts where id = ?", gone);
        UUID added = inv.host(s, "added");

        SnapshotComparison c = snapshots.compare(s.organizationId(), s.networkId(), first.id(), null);
        assertThat(c.diff().highlight()).containsEntry("host:" + gone, TopologyDiff.REMOVED).containsEntry("host:" + added, TopologyDiff.ADDED)
                .doesNotContainKey("host:" + kept);
        assertThat(c.union().nodes()).extracting(GraphNode::label).containsExactly("added", "gone", "kept");
    }

    @Test
    void retention_keeps_each_networks_newest_and_drops_the_old_and_the_surplus() {
        TestDatabase db = new TestDatabase(dataSource);
        Inventories inv = new Inventories(db);
        Inventories.Site s = inv.site(signUp("snap-retention"));
        inv.host(s, "h");
        for (int i = 0; i < settings.keepCount() + 3; i++) {
            snapshots.takeNow(s.organizationId(), s.networkId());
        }
        assertThat(snapshots.timeline(s.organizationId(), s.networkId())).as("trimmed to the count as they are taken")
                .hasSize(settings.keepCount());

        List<SnapshotSummary> timeline = snapshots.timeline(s.organizationId(), s.networkId());
        UUID newest = timeline.get(0).id();
        db.update("update topology_snapshots set taken_at = now() - interval '1 day' * (? + 1) where network_id = ? and id <> ?",
                settings.keepDays(), s.networkId(), newest);
        Inventories.Site other = inv.site(signUp("snap-retention-other"));
        SnapshotSummary lonely = snapshots.takeNow(other.organizationId(), other.networkId());
        db.update("update topology_snapshots set taken_at = now() - interval '1 day' * (? + 10) where id = ?", settings.keepDays(), lonely.id());

        assertThat(retention.sweep()).isGreaterThanOrEqualTo(settings.keepCount() - 1);
        assertThat(snapshots.timeline(s.organizationId(), s.networkId())).extracting(SnapshotSummary::id).containsExactly(newest);
        assertThat(snapshots.timeline(other.organizationId(), other.networkId())).as("a network's newest is never swept")
                .extracting(SnapshotSummary::id).containsExactly(lonely.id());
    }
}
