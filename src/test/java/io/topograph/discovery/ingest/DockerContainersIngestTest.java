package io.topograph.discovery.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import io.topograph.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import static io.topograph.support.BearerClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The optional "docker" field of a batch host: containers merged into host_containers, shown on the host page and API. */
@MicronautTest
class DockerContainersIngestTest extends AppTest {

    static final String GRAFANA = """
            {"id":"3f4e1b2c9d8a","name":"grafana","image":"grafana/grafana:11.1.0","state":"running",
             "ports":[{"containerPort":3000,"protocol":"tcp","hostIp":"0.0.0.0","hostPort":8080},
                      {"containerPort":9094,"protocol":"udp","hostIp":null,"hostPort":null}],
             "networks":[{"network":"monitoring","ip":"172.20.0.3","mac":"02:42:ac:14:00:03"}]}""";
    static final String STOPPED = """
            {"id":"aa11bb22cc33","name":"stopped","image":"busybox","state":"exited","ports":[],
             "networks":[{"network":"bridge","ip":null,"mac":null}]}""";
    static final String NETWORKS = """
            [{"id":"9b8a7c6d5e4f","name":"monitoring","driver":"bridge","subnets":["172.20.0.0/16"]},
             {"id":"1234","name":"host","driver":"host","subnets":[]}]""";

    @Inject
    DataSource dataSource;

    TestDatabase db;
    DaemonRuns runs;
    Accounts.Account owner;
    UUID org;
    DaemonRuns.Daemon daemon;

    @BeforeEach
    void setUp() {
        db = new TestDatabase(dataSource);
        runs = new DaemonRuns(db, base());
        owner = signUp("docker");
        org = db.organizationId(owner.slug());
        UUID network = (UUID) db.column("select id from networks where organization_id = ? order by created_at limit 1", org).get(0);
        daemon = runs.daemon(org, network, "rack-d");
    }

    static String batch(String containers) {
        return "{\"hosts\":[{\"ip\":\"127.0.0.1\",\"mac\":null,\"vendor\":null,\"hostname\":\"docker-host\","
                + "\"ports\":[{\"port\":8080,\"protocol\":\"tcp\",\"state\":\"open\",\"banner\":null}],\"services\":[],\"unidentifiedPorts\":[8080],"
                + "\"docker\":{\"containers\":[" + containers + "],\"networks\":" + NETWORKS + "}},"
                + "{\"ip\":\"127.0.0.9\",\"mac\":null,\"vendor\":null,\"hostname\":null,\"ports\":[],\"services\":[],\"unidentifiedPorts\":[]}]}";
    }

    private UUID hostAt(String ip) {
        return (UUID) db.column("select host_id from interfaces where organization_id = ? and ip = ?::inet", org, ip).get(0);
    }

    private long containers() {
        return db.count("select count(*) from host_containers where organization_id = ?", org);
    }

    @Test
    void a_batch_with_docker_data_creates_containers_shown_on_the_host_page_and_in_the_api() {
        HttpResponse<String> sent = daemon.send(runs.running(daemon), 0, batch(GRAFANA + "," + STOPPED));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        UUID host = hostAt("127.0.0.1");

        String page = owner.web().get(owner.org("/hosts/" + host)).body();
        assertThat(page).contains("id=\"host-containers\"").contains("Containers")
                .contains("data-container-id=\"3f4e1b2c9d8a\"").contains("grafana/grafana:11.1.0")
                .contains("0.0.0.0:8080\u2192" + "3000/tcp").contains("monitoring 172.20.0.3")
                .contains("text-bg-success").contains(">running</span>").contains(">exited</span>");
        String card = page.substring(page.indexOf("id=\"host-containers\""));
        assertThat(card).as("an unpublished port is not shown as published").doesNotContain("9094/udp");

        JsonNode detail = json(owner.web().getJson("/api/v1/hosts/" + host));
        assertThat(detail.get("containers")).hasSize(2);
        JsonNode grafana = detail.at("/containers/0");
        assertThat(grafana.get("containerId").asText()).isEqualTo("3f4e1b2c9d8a");
        assertThat(grafana.get("name").asText()).isEqualTo("grafana");
        assertThat(grafana.get("state").asText()).isEqualTo("running");
        assertThat(grafana.at("/ports/0/hostPort").asInt()).isEqualTo(8080);
        assertThat(grafana.at("/ports/0/hostIp").asText()).isEqualTo("0.0.0.0");
        assertThat(grafana.at("/ports/1/hostPort").isNull()).isTrue();
        assertThat(grafana.at("/networks/0/mac").asText()).isEqualTo("02:42:ac:14:00:03");
        assertThat(detail.at("/containers/1/name").asText()).isEqualTo("stopped");

        UUID other = hostAt("127.0.0.9");
        assertThat(owner.web().get(owner.org("/hosts/" + other)).body()).doesNotContain("id=\"host-containers\"");
        assertThat(json(owner.web().getJson("/api/v1/hosts/" + other)).get("containers")).isEmpty();
    }

    @Test
    void a_resent_batch_and_a_re_scan_do_not_duplicate_containers_and_keep_first_seen() throws Exception {
        UUID first = runs.running(daemon);
        String body = batch(GRAFANA + "," + STOPPED);
        assertThat(daemon.send(first, 0, body).statusCode()).isEqualTo(200);
        UUID host = hostAt("127.0.0.1");
        Timestamp firstSeen = (Timestamp) db.column("select first_seen from host_containers where organization_id = ? and container_id = ?",
                org, "3f4e1b2c9d8a").get(0);

        HttpResponse<String> again = daemon.send(first, 0, body);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("duplicate").asBoolean()).isTrue();
        assertThat(containers()).isEqualTo(2);

        Thread.sleep(20);
        UUID second = runs.running(daemon);
        String rescan = batch(GRAFANA.replace("\"running\"", "\"paused\"").replace("8080}", "8081}"));
        assertThat(daemon.send(second, 0, rescan).statusCode()).isEqualTo(200);

        assertThat(containers()).as("no duplicate, and the container missing from the re-scan is kept").isEqualTo(2);
        List<Object> row = db.column("select state || '|' || (first_seen = ?) || '|' || (last_seen > first_seen) || '|' || last_run_id"
                + " || '|' || (ports -> 0 ->> 'hostPort') from host_containers where organization_id = ? and host_id = ? and container_id = ?",
                firstSeen, org, host, "3f4e1b2c9d8a");
        assertThat(row).containsExactly("paused|true|true|" + second + "|8081");
        assertThat(db.column("select state from host_containers where organization_id = ? and container_id = ?", org, "aa11bb22cc33"))
                .containsExactly("exited");
        assertThat(owner.web().get(owner.org("/hosts/" + host)).body()).contains("0.0.0.0:8081\u2192" + "3000/tcp")
                .contains("text-bg-warning");
    }

    @Test
    void invalid_docker_data_is_refused_with_422_naming_the_field_and_nothing_is_written() {
        String many = String.join(",", java.util.stream.IntStream.range(0, 501)
                .mapToObj(i -> "{\"id\":\"c" + i + "\",\"name\":\"n" + i + "\",\"ports\":[],\"networks\":[]}").toList());
        String[][] cases = {
                {batch(GRAFANA.replace("\"hostPort\":8080", "\"hostPort\":70000")), "hosts[0].docker.containers[0].ports[0].hostPort"},
                {batch(GRAFANA.replace("\"hostIp\":\"0.0.0.0\"", "\"hostIp\":\"example.com\"")), "hosts[0].docker.containers[0].ports[0].hostIp"},
                {batch(GRAFANA.replace("\"containerPort\":3000", "\"containerPort\":-1")), "hosts[0].docker.containers[0].ports[0].containerPort"},
                {batch(GRAFANA.replace("\"ip\":\"172.20.0.3\"", "\"ip\":\"172.20.0.300\"")), "hosts[0].docker.containers[0].networks[0].ip"},
                {batch(GRAFANA.replace("\"tcp\"", "\"icmp\"")), "hosts[0].docker.containers[0].ports[0].protocol"},
                {batch(GRAFANA.replace("\"id\":\"3f4e1b2c9d8a\",", "")), "hosts[0].docker.containers[0].id"},
                {batch(GRAFANA.replace("grafana/grafana:11.1.0", "x".repeat(501))), "hosts[0].docker.containers[0].image"},
                {batch(GRAFANA + "," + GRAFANA), "hosts[0].docker.containers[1].id"},
                {batch(many), "hosts[0].docker.containers"},
                {batch(GRAFANA).replace("\"172.20.0.0/16\"", "\"172.20.0.0/99\""), "hosts[0].docker.networks[0].subnets[0]"},
                {batch(GRAFANA).replace("\"docker\":{", "\"docker\":[{").replace("]}},{\"ip\":\"127.0.0.9\"", "]}]},{\"ip\":\"127.0.0.9\""),
                        "hosts[0].docker"},
        };
        UUID run = runs.running(daemon);
        for (String[] c : cases) {
            HttpResponse<String> answer = daemon.send(run, 0, c[0]);
            assertThat(answer.statusCode()).as(c[1] + ": " + answer.body()).isEqualTo(422);
            assertThat(json(answer).findValuesAsText("field")).as(answer.body()).contains(c[1]);
        }
        assertThat(containers()).isZero();
        assertThat(db.count("select count(*) from hosts where organization_id = ?", org)).isZero();
        assertThat(db.count("select count(*) from discovery_run_batches where organization_id = ?", org)).isZero();
        assertThat(daemon.send(run, 0, batch(GRAFANA)).statusCode()).as("the same seq is still free").isEqualTo(200);
        assertThat(containers()).isEqualTo(1);
    }

    @Test
    void another_organization_cannot_see_the_containers() {
        assertThat(daemon.send(runs.running(daemon), 0, batch(GRAFANA)).statusCode()).isEqualTo(200);
        UUID host = hostAt("127.0.0.1");
        Accounts.Account stranger = signUp("docker-stranger");

        assertThat(stranger.web().get(stranger.org("/hosts/" + host)).statusCode()).isEqualTo(404);
        assertThat(stranger.web().get(owner.org("/hosts/" + host)).statusCode()).isEqualTo(404);
        HttpResponse<String> api = stranger.web().getJson("/api/v1/hosts/" + host);
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).doesNotContain("grafana");
    }
}
