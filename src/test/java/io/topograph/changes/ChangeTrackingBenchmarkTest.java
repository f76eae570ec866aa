package io.topograph.changes;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.AppTest;
import io.topograph.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What change detection adds to a run's completion over 10,000 hosts with five services each
 * (runs only with {@code -Dbench=true}): the first run (10,000 hosts appear), a rescan with no
 * change, and a rescan where a tenth of the hosts lost a service and a tenth are gone. Hosts are
 * on 127.0.0.0/8 and nothing is sent to them.
 */
@MicronautTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ChangeTrackingBenchmarkTest extends AppTest {

    static final int HOSTS = Integer.getInteger("bench.hosts", 10_000);
    static final int PER_BATCH = 500;

    @Inject
    DataSource dataSource;

    static String ip(int i) {
        return "127." + (1 + (i >> 16)) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff);
    }

    static Scans.Seen host(int i, boolean withWeb) {
        Scans.Seen h = Scans.Seen.at(ip(i)).mac(String.format("02:00:5e:%02x:%02x:%02x", (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff))
                .hostname("host-" + i + ".example").service(22, "openssh", "OpenSSH").service(443, "https", "HTTPS")
                .service(5432, "postgresql", "PostgreSQL").service(8080, "tomcat", "Tomcat");
        return withWeb ? h.service(80, "nginx", "nginx") : h;
    }

    long run(Scans scans, Scans.Site site, List<Scans.Seen> hosts) {
        UUID run = scans.start(site, "127.1.0.0/16", "22,80,443,5432,8080");
        int seq = 0;
        for (int start = 0; start < hosts.size(); start += PER_BATCH) {
            scans.batch(site, run, seq++, hosts.subList(start, Math.min(hosts.size(), start + PER_BATCH)).toArray(new Scans.Seen[0]));
        }
        long t0 = System.nanoTime();
        HttpResponse<String> done = scans.complete(site, run, seq);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        TestDatabase db = new TestDatabase(dataSource);
        System.out.printf("completion of a run over %d hosts: %d ms, %d changes%n", hosts.size(), ms,
                db.count("select count(*) from change_events where run_id = ?", run));
        return ms;
    }

    @Test
    void completing_a_run_over_ten_thousand_hosts_takes_at_most_a_couple_of_seconds() {
        Scans scans = new Scans(new TestDatabase(dataSource), base());
        Scans.Site site = scans.site(signUp("bench-changes"));
        List<Scans.Seen> all = new ArrayList<>();
        for (int i = 1; i <= HOSTS; i++) {
            all.add(host(i, true));
        }
        long first = run(scans, site, all);
        long steady = run(scans, site, all);
        List<Scans.Seen> changed = new ArrayList<>();
        for (int i = 1; i <= HOSTS; i++) {
            if (i % 10 != 0) {
                changed.add(host(i, i % 10 != 1));
            }
        }
        long someChanged = run(scans, site, changed);
        assertThat(first).as("10,000 hosts appear: every host, port and service is judged the first time").isLessThan(10_000);
        assertThat(steady).isLessThan(3_000);
        assertThat(someChanged).isLessThan(3_000);
    }
}
