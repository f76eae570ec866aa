package io.topograph.changes;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.AppTest;
import io.topograph.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Change detection through the real daemon API: a sequence of runs on one network produces each
 * kind of change once, a retried completion records nothing twice, a failed run records nothing,
 * and every recorded change is announced with {@link ChangesRecorded}.
 */
@MicronautTest
class ChangeTrackingTest extends AppTest {

    static final String LAN = "127.0.20.1-127.0.20.30";
    static final String PORTS = "22,80,443";
    static final String MAC = "02:00:5e:00:20:01";

    @Inject
    DataSource dataSource;

    @Inject
    RecordedChanges recorded;

    TestDatabase db;
    Scans scans;

    @BeforeEach
    void setUp() {
        db = new TestDatabase(dataSource);
        scans = new Scans(db, base());
    }

    /** The run's stored changes as "KIND host subject". */
    List<String> changes(UUID run) {
        return db.column("select kind || ' ' || host_name || ' ' || subject from change_events where run_id = ? order by kind, subject", run)
                .stream().map(String::valueOf).toList();
    }

    @Test
    void a_sequence_of_runs_records_each_kind_of_change_once_and_a_retried_completion_records_nothing_more() {
        Scans.Site site = scans.site(signUp("changes"));
        Scans.Seen a = Scans.Seen.at("127.0.20.1").mac(MAC).hostname("alpha.example").service(22, "openssh", "OpenSSH");
        Scans.Seen b = Scans.Seen.at("127.0.20.2").service(80, "nginx", "nginx");

        UUID r1 = scans.scan(site, LAN, PORTS, a);
        assertThat(changes(r1)).containsExactly("HOST_APPEARED alpha.example 127.0.20.1");

        UUID r2 = scans.scan(site, LAN, PORTS, a.service(443, "https", "HTTPS"), b);
        assertThat(changes(r2)).containsExactly("HOST_APPEARED 127.0.20.2 127.0.20.2", "PORT_OPENED alpha.example 443/tcp",
                "SERVICE_APPEARED alpha.example HTTPS");

        UUID r3 = scans.scan(site, LAN, PORTS, Scans.Seen.at("127.0.20.1").mac(MAC).hostname("alpha2.example")
                .service(22, "openssh", "OpenSSH"), b);
        assertThat(changes(r3)).containsExactly("HOST_CHANGED alpha2.example Name", "PORT_CLOSED alpha2.example 443/tcp",
                "SERVICE_DISAPPEARED alpha2.example HTTPS");
        assertThat(db.column("select before_value || '>' || after_value from change_events where run_id = ? and kind = 'HOST_CHANGED'", r3))
                .containsExactly("alpha.example>alpha2.example");

        Scans.Seen moved = Scans.Seen.at("127.0.20.3").mac(MAC).hostname("alpha2.example").service(22, "openssh", "OpenSSH");
        UUID r4 = scans.scan(site, LAN, PORTS, moved);
        assertThat(changes(r4)).as("the MAC found the host at its new address; b missed one run")
                .containsExactly("HOST_CHANGED alpha2.example IP address");
        UUID onlyA = scans.scan(site, "127.0.20.3", PORTS, moved);
        assertThat(changes(onlyA)).as("a run of one host does not count against the others").isEmpty();
        UUID r5 = scans.scan(site, LAN, PORTS, moved);
        assertThat(changes(r5)).isEmpty();
        assertThat(db.column("select online::text || '/' || missed_runs from hosts h join interfaces i on i.host_id = h.id"
                + " where i.ip = '127.0.20.2'::inet and h.organization_id = ?", site.organizationId())).containsExactly("true/2");

        UUID r6 = scans.start(site, LAN, PORTS);
        scans.batch(site, r6, 0, moved);
        assertThat(scans.complete(site, r6, 1).statusCode()).isEqualTo(200);
        assertThat(changes(r6)).containsExactly("HOST_DISAPPEARED 127.0.20.2 127.0.20.2");

        HttpResponse<String> again = scans.complete(site, r6, 1);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(changes(r6)).as("a retried completion records nothing twice").hasSize(1);
        assertThat(recorded.forRun(r6)).hasSize(1);

        assertThat(db.column("select kind from change_events where network_id = ? group by kind having count(*) > 0 order by kind",
                site.networkId())).containsExactlyInAnyOrder("HOST_APPEARED", "HOST_CHANGED", "HOST_DISAPPEARED", "PORT_OPENED",
                "PORT_CLOSED", "SERVICE_APPEARED", "SERVICE_DISAPPEARED");
        assertThat(db.count("select count(*) from hosts where network_id = ? and online is false", site.networkId())).isEqualTo(1);

        UUID r7 = scans.scan(site, LAN, PORTS, moved, b);
        assertThat(changes(r7)).as("a host back after it was gone appeared again").containsExactly("HOST_APPEARED 127.0.20.2 127.0.20.2");
    }

    @Test
    void every_recorded_change_is_published_once_with_its_run_and_none_for_a_run_without_changes() {
        Scans.Site site = scans.site(signUp("published"));
        Scans.Seen a = Scans.Seen.at("127.0.20.11").service(22, "openssh", "OpenSSH");
        UUID first = scans.scan(site, LAN, PORTS, a, Scans.Seen.at("127.0.20.12"));

        List<ChangesRecorded> events = recorded.forRun(first);
        assertThat(events).hasSize(1);
        ChangesRecorded event = events.get(0);
        assertThat(event.organizationId()).isEqualTo(site.organizationId());
        assertThat(event.networkId()).isEqualTo(site.networkId());
        assertThat(event.events()).extracting(ChangeEvent::kind).containsOnly(ChangeKind.HOST_APPEARED).hasSize(2);
        assertThat(event.events()).extracting(e -> e.id().toString())
                .containsExactlyInAnyOrderElementsOf(db.column("select id::text from change_events where run_id = ?", first)
                        .stream().map(String::valueOf).toList());

        UUID second = scans.scan(site, LAN, PORTS, a, Scans.Seen.at("127.0.20.12"));
        assertThat(changes(second)).isEmpty();
        assertThat(recorded.forRun(second)).as("never published with an empty list").isEmpty();
    }

    @Test
    void a_failed_run_records_no_change() {
        Scans.Site site = scans.site(signUp("failedrun"));
        UUID run = scans.start(site, LAN, PORTS);
        scans.batch(site, run, 0, Scans.Seen.at("127.0.20.21"));
        HttpResponse<String> failed = site.daemon().send("POST", "/api/daemon/v1/runs/" + run + "/fail", "{\"reason\":\"interrupted\"}");
        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(200);
        assertThat(changes(run)).isEmpty();
        assertThat(recorded.forRun(run)).isEmpty();
        UUID next = scans.scan(site, LAN, PORTS, Scans.Seen.at("127.0.20.21"));
        assertThat(changes(next)).as("the host is announced by the first run that completes").containsExactly("HOST_APPEARED 127.0.20.21 127.0.20.21");
    }
}
