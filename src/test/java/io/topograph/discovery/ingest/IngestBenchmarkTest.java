package io.topograph.discovery.ingest;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.AppTest;
import io.topograph.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingestion benchmark (bench/ingest.sh; runs only with {@code -Dbench=true}): 10,000 hosts
 * with 5 services each, sent through the real endpoint in 20 batches of 500 like a daemon
 * sends them (one after the other), into the embedded PostgreSQL; then the same hosts again
 * in a new run. Prints the figures and writes them to target/bench-ingest.txt.
 */
@MicronautTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class IngestBenchmarkTest extends AppTest {

    private static final int HOSTS = Integer.getInteger("bench.hosts", 10_000);
    private static final int PER_BATCH = 500;

    @Inject
    DataSource dataSource;

    @Test
    void ten_thousand_hosts_with_five_services_each_are_merged_in_under_ten_seconds_and_a_rescan_changes_nothing() throws IOException {
        TestDatabase db = new TestDatabase(dataSource);
        DaemonRuns runs = new DaemonRuns(db, base());
        UUID org = db.organizationId(signUp("bench").slug());
        UUID network = (UUID) db.column("select id from networks where organization_id = ?", org).get(0);
        DaemonRuns.Daemon daemon = runs.daemon(org, network, "bench-daemon");
        List<String> batches = SyntheticNetwork.batches(HOSTS, PER_BATCH);
        long bytes = batches.stream().mapToLong(String::length).sum();

        // Warm up the JIT and connection pool on another organization's data, so both timed runs start alike.
        UUID warmOrg = db.organizationId(signUp("warmup").slug());
        DaemonRuns.Daemon warm = runs.daemon(warmOrg, (UUID) db.column("select id from networks where organization_id = ?", warmOrg).get(0), "warm");
        send(warm, runs.running(warm), SyntheticNetwork.batches(1_000, PER_BATCH));

        Timing first = send(daemon, runs.running(daemon), batches);
        List<String> before = InventorySnapshot.content(db, org);
        Timing again = send(daemon, runs.running(daemon), batches);
        List<String> after = InventorySnapshot.content(db, org);

        long changed = changedRows(before, after);
        long hosts = db.count("select count(*) from hosts where organization_id = ?", org);
        long services = db.count("select count(*) from services where organization_id = ?", org);
        long ports = db.count("select count(*) from ports where organization_id = ?", org);
        String report = String.join("\n",
                "Ingestion benchmark (bench/ingest.sh)",
                "hosts:                       " + hosts,
                "services:                    " + services + " (ports: " + ports + ")",
                "batches:                     " + batches.size() + " x " + PER_BATCH + " hosts, " + (bytes / 1024) + " KiB of JSON in all",
                "first ingest:                %.2f s (slowest batch %d ms)".formatted(first.seconds(), first.slowestMs()),
                "re-ingest (new run):         %.2f s (slowest batch %d ms)".formatted(again.seconds(), again.slowestMs()),
                "ratio re-ingest / first:     %.2f".formatted(again.seconds() / first.seconds()),
                "rows changed on re-ingest:   " + changed + " (of " + before.size() + " inventory rows; last seen and run/daemon references excluded)",
                "");
        System.out.println(report);
        Files.writeString(Path.of("target/bench-ingest.txt"), report);

        assertThat(hosts).isEqualTo(HOSTS);
        assertThat(services).isEqualTo(HOSTS * (long) SyntheticNetwork.SERVICES_PER_HOST);
        assertThat(changed).isZero();
        assertThat(first.seconds()).as("first ingest").isLessThan(10.0);
    }

    private record Timing(double seconds, long slowestMs) {
    }

    private static Timing send(DaemonRuns.Daemon daemon, UUID run, List<String> batches) {
        long slowest = 0;
        long start = System.nanoTime();
        for (int seq = 0; seq < batches.size(); seq++) {
            long t = System.nanoTime();
            HttpResponse<String> r = daemon.send(run, seq, batches.get(seq));
            slowest = Math.max(slowest, (System.nanoTime() - t) / 1_000_000);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
        return new Timing((System.nanoTime() - start) / 1e9, slowest);
    }

    /** Rows in one snapshot and not the other (a changed row counts once). */
    private static long changedRows(List<String> before, List<String> after) {
        Map<String, Integer> counts = new HashMap<>();
        before.forEach(r -> counts.merge(r, 1, Integer::sum));
        List<String> added = new ArrayList<>();
        for (String r : after) {
            if (counts.merge(r, -1, Integer::sum) < 0) {
                added.add(r);
            }
        }
        long removed = counts.values().stream().filter(c -> c > 0).mapToLong(c -> c).sum();
        return Math.max(added.size(), removed);
    }
}
