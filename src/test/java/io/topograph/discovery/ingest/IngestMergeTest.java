package io.topograph.discovery.ingest;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import io.topograph.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.topograph.support.BearerClient.json;
import static io.topograph.support.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;

/** The merge rules, through the real endpoint and database: identity, people's edits, first/last seen, no duplicates. */
@MicronautTest
class IngestMergeTest extends AppTest {

    private static final String MAC_A = "00:00:5e:00:53:0a";
    private static final String MAC_B = "00:00:5e:00:53:0b";

    @Inject
    DataSource dataSource;

    TestDatabase db;
    DaemonRuns runs;
    Accounts.Account owner;
    UUID org;
    UUID network;
    DaemonRuns.Daemon daemon;

    @BeforeEach
    void setUp() {
        db = new TestDatabase(dataSource);
        runs = new DaemonRuns(db, base());
        owner = signUp("merge");
        org = db.organizationId(owner.slug());
        network = (UUID) db.column("select id from networks where organization_id = ? order by created_at limit 1", org).get(0);
        daemon = runs.daemon(org, network, "rack-a");
    }

    /** One discovery run reporting {@code body} in one batch. */
    private UUID scan(DaemonRuns.Daemon by, String body) {
        UUID run = runs.running(by);
        HttpResponse<String> r = by.send(run, 0, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("duplicate").asBoolean()).isFalse();
        return run;
    }

    private UUID scan(String body) {
        return scan(daemon, body);
    }

    private String one(String sql, Object... params) {
        List<Object> values = db.column(sql, params);
        assertThat(values).as(sql).hasSize(1);
        return String.valueOf(values.get(0));
    }

    private long hosts() {
        return db.count("select count(*) from hosts where organization_id = ?", org);
    }

    private UUID hostWithIp(String ip) {
        return (UUID) db.column("select host_id from interfaces where organization_id = ? and ip = ?::inet", org, ip).get(0);
    }

    private String matchedBy(UUID run, UUID host) {
        return one("select matched_by from host_observations where run_id = ? and host_id = ?", run, host);
    }

    @Test
    void a_new_host_is_created_with_its_interface_ports_services_and_bindings() {
        UUID subnet = UUID.randomUUID();
        db.update("insert into subnets (id, organization_id, network_id, cidr) values (?, ?, ?, '127.0.0.0/8')", subnet, org, network);
        db.update("insert into subnets (id, organization_id, network_id, cidr) values (?, ?, ?, '127.0.10.0/24')", UUID.randomUUID(), org, network);

        UUID run = scan(Report.batch().host("127.0.0.1").mac(MAC_A).vendor("ICANN, IANA Department").hostname("nas.example").ssh()
                .unidentified(8081).json());

        UUID host = hostWithIp("127.0.0.1");
        assertThat(one("select name || '|' || hostname || '|' || source || '|' || hidden || '|' || user_edited || '|' || network_id from hosts where id = ?", host))
                .isEqualTo("nas.example|nas.example|DISCOVERED|false|false|" + network);
        assertThat(one("select host(ip) || '|' || mac || '|' || vendor || '|' || subnet_id from interfaces where host_id = ?", host))
                .as("the narrowest subnet containing the address").isEqualTo("127.0.0.1|" + MAC_A + "|ICANN, IANA Department|" + subnet);
        assertThat(db.column("select number || '/' || protocol || ' ' || state || ' ' || coalesce(banner, '-') from ports where host_id = ? order by number", host))
                .containsExactly("22/TCP OPEN SSH-2.0-OpenSSH_9.6", "8081/TCP OPEN -");
        assertThat(one("select definition_id || '|' || name || '|' || category || '|' || confidence || '|' || match_reason || '|' || version || '|' || port || '/' || protocol"
                + " from services where host_id = ?", host))
                .isEqualTo("openssh|OpenSSH|remote-access|95|banner matched /^SSH-2.0-OpenSSH/|9.6|22/TCP");
        assertThat(one("select p.number || ' on ' || host(i.ip) from bindings b join ports p on p.id = b.port_id join interfaces i on i.id = b.interface_id"
                + " join services s on s.id = b.service_id where s.host_id = ?", host)).isEqualTo("22 on 127.0.0.1");
        assertThat(one("select matched_by || '|' || daemon_id || '|' || host(ip) from host_observations where run_id = ? and host_id = ?", run, host))
                .isEqualTo("NEW|" + daemon.id() + "|127.0.0.1");
        assertThat(one("select last_run_id || '|' || last_daemon_id from hosts where id = ?", host)).isEqualTo(run + "|" + daemon.id());
        assertThat(one("select count(*) from ports where host_id = ? and last_run_id = ? and last_daemon_id = ?", host, run, daemon.id())).isEqualTo("2");
        assertThat(one("select count(*) from services where host_id = ? and last_run_id = ? and last_daemon_id = ?", host, run, daemon.id())).isEqualTo("1");
    }

    @Test
    void a_host_without_a_host_name_is_named_by_its_address_and_renamed_when_its_name_is_learnt() {
        scan(Report.batch().host("127.0.0.5").json());
        UUID host = hostWithIp("127.0.0.5");
        assertThat(one("select name from hosts where id = ?", host)).isEqualTo("127.0.0.5");

        scan(Report.batch().host("127.0.0.5").hostname("printer.example").json());

        assertThat(one("select name || '|' || hostname from hosts where id = ?", host)).isEqualTo("printer.example|printer.example");
    }

    @Test
    void a_host_is_recognized_by_its_mac_after_its_address_changed() {
        scan(Report.batch().host("127.0.10.1").mac(MAC_A).ssh().json());
        UUID host = hostWithIp("127.0.10.1");

        UUID second = scan(Report.batch().host("127.0.10.2").mac(MAC_A).ssh().json());

        assertThat(hosts()).isEqualTo(1);
        assertThat(hostWithIp("127.0.10.2")).isEqualTo(host);
        assertThat(matchedBy(second, host)).isEqualTo("MAC");
        assertThat(db.count("select count(*) from services where host_id = ?", host)).isEqualTo(1);
        assertThat(db.column("select p.number || ' on ' || host(i.ip) from bindings b join ports p on p.id = b.port_id"
                + " join interfaces i on i.id = b.interface_id join services s on s.id = b.service_id where s.host_id = ? order by 1", host))
                .containsExactly("22 on 127.0.10.1", "22 on 127.0.10.2");
        assertThat(one("select match_detail from host_observations where run_id = ?", second)).contains(MAC_A).contains("127.0.10.1");
    }

    @Test
    void a_host_is_recognized_by_its_address_on_its_subnet_and_learns_its_mac() {
        db.update("insert into subnets (id, organization_id, network_id, cidr) values (?, ?, ?, '127.0.20.0/24')", UUID.randomUUID(), org, network);
        scan(Report.batch().host("127.0.20.7").json());
        UUID host = hostWithIp("127.0.20.7");

        UUID second = scan(Report.batch().host("127.0.20.7").mac(MAC_B).json());

        assertThat(hosts()).isEqualTo(1);
        assertThat(matchedBy(second, host)).isEqualTo("SUBNET_IP");
        assertThat(one("select match_detail from host_observations where run_id = ?", second)).contains("127.0.20.7").contains("127.0.20.0/24");
        assertThat(one("select mac::text from interfaces where host_id = ?", host)).isEqualTo(MAC_B);
    }

    @Test
    void a_known_address_answering_with_another_mac_is_another_device() {
        scan(Report.batch().host("127.0.30.1").mac(MAC_A).json());

        UUID second = scan(Report.batch().host("127.0.30.1").mac(MAC_B).json());

        assertThat(hosts()).isEqualTo(2);
        UUID newcomer = (UUID) db.column("select host_id from interfaces where organization_id = ? and mac = ?::macaddr", org, MAC_B).get(0);
        assertThat(matchedBy(second, newcomer)).isEqualTo("NEW");
    }

    @Test
    void a_host_is_recognized_by_its_host_name_ignoring_case() {
        scan(Report.batch().host("127.0.40.1").hostname("files.example").json());
        UUID host = hostWithIp("127.0.40.1");

        UUID second = scan(Report.batch().host("127.0.40.2").hostname("FILES.example").json());

        assertThat(hosts()).isEqualTo(1);
        assertThat(hostWithIp("127.0.40.2")).isEqualTo(host);
        assertThat(matchedBy(second, host)).isEqualTo("HOSTNAME");
    }

    @Test
    void a_host_name_does_not_match_a_host_with_another_mac_and_localhost_matches_nothing() {
        scan(Report.batch().host("127.0.50.1").mac(MAC_A).hostname("twin.example")
                .host("127.0.50.3").hostname("localhost").json());

        scan(Report.batch().host("127.0.50.2").mac(MAC_B).hostname("twin.example")
                .host("127.0.50.4").hostname("localhost").json());

        assertThat(hosts()).isEqualTo(4);
    }

    @Test
    void two_addresses_of_one_new_device_in_one_batch_become_one_host_with_two_interfaces() {
        UUID run = scan(Report.batch().host("127.0.60.1").mac(MAC_A).ssh().host("127.0.60.2").mac(MAC_A).ssh().json());

        assertThat(hosts()).isEqualTo(1);
        UUID host = hostWithIp("127.0.60.1");
        assertThat(db.count("select count(*) from interfaces where host_id = ?", host)).isEqualTo(2);
        assertThat(db.count("select count(*) from ports where host_id = ?", host)).isEqualTo(1);
        assertThat(db.count("select count(*) from services where host_id = ?", host)).isEqualTo(1);
        assertThat(db.count("select count(*) from bindings b join services s on s.id = b.service_id where s.host_id = ?", host)).isEqualTo(2);
        assertThat(matchedBy(run, host)).isEqualTo("NEW");
    }

    @Test
    void a_persons_edits_are_kept_and_the_host_is_still_enriched() {
        HttpResponse<String> created = owner.web().post(owner.org("/networks/" + network + "/hosts"), form(
                "name", "Core switch", "hostname", "switch.example", "description", "Rack 2", "ip", "127.0.70.1"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        UUID host = hostWithIp("127.0.70.1");
        String updatedAt = one("select updated_at::text from hosts where id = ?", host);

        UUID run = scan(Report.batch().host("127.0.70.1").hostname("renamed.example").ssh().json());

        assertThat(hosts()).isEqualTo(1);
        assertThat(matchedBy(run, host)).isEqualTo("SUBNET_IP");
        assertThat(one("select name || '|' || hostname || '|' || description || '|' || source || '|' || user_edited || '|' || updated_at from hosts where id = ?", host))
                .isEqualTo("Core switch|switch.example|Rack 2|MANUAL|true|" + updatedAt);
        assertThat(db.count("select count(*) from services where host_id = ?", host)).isEqualTo(1);
    }

    @Test
    void a_discovered_host_renamed_by_a_person_keeps_the_name_on_the_next_scan() {
        scan(Report.batch().host("127.0.71.1").mac(MAC_A).hostname("cam.example").json());
        UUID host = hostWithIp("127.0.71.1");
        HttpResponse<String> edit = owner.web().post(owner.org("/hosts/" + host), form("name", "Front door camera", "hostname", "cam.example"));
        assertThat(edit.statusCode()).as(edit.body()).isEqualTo(303);

        scan(Report.batch().host("127.0.71.1").mac(MAC_A).hostname("cam-2.example").json());

        assertThat(one("select name || '|' || hostname || '|' || source from hosts where id = ?", host))
                .isEqualTo("Front door camera|cam.example|DISCOVERED");
    }

    @Test
    void a_hidden_host_stays_hidden() {
        scan(Report.batch().host("127.0.80.1").mac(MAC_A).json());
        UUID host = hostWithIp("127.0.80.1");
        assertThat(owner.web().post(owner.org("/hosts/" + host + "/visibility"), form("hidden", "true")).statusCode()).isEqualTo(303);

        scan(Report.batch().host("127.0.80.1").mac(MAC_A).ssh().json());

        assertThat(one("select hidden::text from hosts where id = ?", host)).isEqualTo("true");
        assertThat(hosts()).isEqualTo(1);
    }

    @Test
    void first_seen_is_kept_and_last_seen_moves_forward_on_hosts_interfaces_ports_and_services() {
        scan(Report.batch().host("127.0.90.1").mac(MAC_A).ssh().json());
        UUID host = hostWithIp("127.0.90.1");
        Timestamp earlier = Timestamp.valueOf("2026-01-02 03:04:05");
        for (String table : List.of("hosts", "interfaces", "ports", "services")) {
            String column = table.equals("hosts") ? "id" : "host_id";
            db.update("update " + table + " set first_seen = ?, last_seen = ? where " + column + " = ?", earlier, earlier, host);
        }

        scan(Report.batch().host("127.0.90.1").mac(MAC_A).ssh().json());

        for (String table : List.of("hosts", "interfaces", "ports", "services")) {
            String column = table.equals("hosts") ? "id" : "host_id";
            assertThat(db.count("select count(*) from " + table + " where " + column + " = ? and first_seen = ? and last_seen > now() - interval '1 minute'",
                    host, earlier)).as(table).isEqualTo(1);
        }
    }

    @Test
    void services_are_not_duplicated_on_rescans_and_follow_the_newest_identification() {
        scan(Report.batch().host("127.0.100.1").port(22, "SSH-2.0-OpenSSH_9.6")
                .service("openssh", "OpenSSH", "remote-access", 22, 80, "port 22", "9.6")
                .port(9000, "hello").service(null, "Custom thing", "other", 9000, 60, "banner hello", null).json());
        UUID host = hostWithIp("127.0.100.1");

        for (int i = 0; i < 2; i++) {
            scan(Report.batch().host("127.0.100.1").port(22, "SSH-2.0-OpenSSH_9.7")
                    .service("openssh", "OpenSSH", "remote-access", 22, 95, "banner matched", "9.7")
                    .port(9000, "hello").service(null, "custom THING", "other", 9000, 60, "banner hello", null).json());
        }

        assertThat(db.column("select coalesce(definition_id, '-') || '|' || name || '|' || confidence || '|' || coalesce(version, '-') from services where host_id = ? order by port", host))
                .containsExactly("openssh|OpenSSH|95|9.7", "-|custom THING|60|-");
        assertThat(db.count("select count(*) from ports where host_id = ?", host)).isEqualTo(2);
        assertThat(one("select banner from ports where host_id = ? and number = 22", host)).isEqualTo("SSH-2.0-OpenSSH_9.7");
        assertThat(db.count("select count(*) from bindings b join services s on s.id = b.service_id where s.host_id = ?", host)).isEqualTo(2);
        assertThat(db.count("select count(*) from interfaces where host_id = ?", host)).isEqualTo(1);
        assertThat(db.count("select count(*) from host_observations where host_id = ?", host)).isEqualTo(3);
    }

    @Test
    void unidentified_open_ports_stay_ports_without_a_service() {
        scan(Report.batch().host("127.0.110.1").ssh().unidentified(8081).unidentified(9999).json());
        UUID host = hostWithIp("127.0.110.1");

        assertThat(db.column("select p.number from ports p where p.host_id = ? and not exists (select 1 from bindings b where b.port_id = p.id) order by 1", host))
                .containsExactly(8081, 9999);
        assertThat(db.count("select count(*) from services where host_id = ?", host)).isEqualTo(1);
    }

    @Test
    void a_host_deleted_by_a_person_during_the_merge_makes_the_batch_a_503_that_writes_nothing_and_succeeds_when_resent() throws Exception {
        scan(Report.batch().host("127.0.130.1").mac(MAC_A).json());
        UUID host = hostWithIp("127.0.130.1");
        UUID run = runs.running(daemon);
        String body = Report.batch().host("127.0.130.1").mac(MAC_A).ssh().json();
        try (Connection person = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            person.setAutoCommit(false);
            try (PreparedStatement lock = person.prepareStatement("select id from hosts where id = ? for update")) {
                lock.setObject(1, host);
                lock.executeQuery().close();
            }
            CompletableFuture<HttpResponse<String>> answer = CompletableFuture.supplyAsync(() -> daemon.send(run, 0, body));
            // The merge has matched the host and now waits for the person's row lock.
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (db.count("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like 'update hosts h set%'") == 0) {
                assertThat(System.nanoTime()).as("the merge reached the host update").isLessThan(deadline);
                Thread.sleep(20);
            }
            try (PreparedStatement delete = person.prepareStatement("delete from hosts where id = ?")) {
                delete.setObject(1, host);
                delete.executeUpdate();
            }
            person.commit();

            HttpResponse<String> r = answer.get(60, TimeUnit.SECONDS);

            assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).contains("1");
            assertThat(json(r).get("message").asText()).contains("send it again");
        }
        assertThat(hosts()).isZero();
        assertThat(db.count("select count(*) from discovery_run_batches where run_id = ?", run)).isZero();

        HttpResponse<String> resent = daemon.send(run, 0, body);

        assertThat(resent.statusCode()).as(resent.body()).isEqualTo(200);
        assertThat(matchedBy(run, hostWithIp("127.0.130.1"))).isEqualTo("NEW");
    }

    @Test
    void a_host_of_another_network_is_never_matched_and_never_changed() {
        UUID lab = UUID.randomUUID();
        db.update("insert into networks (id, organization_id, name) values (?, ?, 'Lab')", lab, org);
        DaemonRuns.Daemon labDaemon = runs.daemon(org, lab, "lab-daemon");
        scan(labDaemon, Report.batch().host("127.0.120.1").mac(MAC_A).hostname("same.example").json());
        UUID labHost = hostWithIp("127.0.120.1");
        List<String> labBefore = db.column("select h::text from hosts h where id = ?", labHost).stream().map(String::valueOf).toList();

        UUID run = scan(Report.batch().host("127.0.120.1").mac(MAC_A).hostname("same.example").ssh().json());

        assertThat(hosts()).isEqualTo(2);
        UUID mine = (UUID) db.column("select id from hosts where organization_id = ? and network_id = ?", org, network).get(0);
        assertThat(matchedBy(run, mine)).isEqualTo("NEW");
        assertThat(db.column("select h::text from hosts h where id = ?", labHost).stream().map(String::valueOf).toList()).isEqualTo(labBefore);
        assertThat(db.count("select count(*) from services where host_id = ?", labHost)).isZero();
    }
}
