package io.topograph.topology.build;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.AppTest;
import io.topograph.support.TestDatabase;
import io.topograph.topology.Inventories;
import io.topograph.topology.graph.TopologyGraph;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Builds the graph of 5,000 hosts (two services each, 20 subnets) and prints how long it takes; the bound is loose. */
@MicronautTest(transactional = false)
class InventoryGraphsBenchmarkTest extends AppTest {

    @Inject
    DataSource dataSource;
    @Inject
    InventoryGraphs graphs;

    @Test
    void five_thousand_hosts_build_in_well_under_two_seconds() {
        TestDatabase db = new TestDatabase(dataSource);
        Inventories inv = new Inventories(db);
        Inventories.Site s = inv.site(signUp("graph-bench"));
        inv.bulk(s, 5_000, 20);
        graphs.build(s.organizationId(), s.networkId()); // warm-up: JIT and plan caches
        long best = Long.MAX_VALUE;
        TopologyGraph g = null;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            g = graphs.build(s.organizationId(), s.networkId());
            best = Math.min(best, System.nanoTime() - t0);
        }
        long t0 = System.nanoTime();
        byte[] gz = GraphJson.gzip(g);
        long zipNs = System.nanoTime() - t0;
        int json = GraphJson.json(g).length;
        System.out.printf("topology build of %d hosts, %d subnets, %d edges: best of 3 %d ms; snapshot %d KB JSON -> %d KB gzip in %d ms%n",
                g.nodes().size(), g.subnets().size(), g.edges().size(), best / 1_000_000, json / 1024, gz.length / 1024, zipNs / 1_000_000);
        assertThat(g.nodes()).filteredOn(n -> n.hostId() != null).hasSize(5_000);
        assertThat(best / 1_000_000).isLessThan(2_000);
    }
}
