package io.topograph.discovery.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.ValidationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading and checking batch bodies, before anything is written. */
class BatchParserTest {

    private static Batch parse(String json) {
        return BatchParser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> fields(String json) {
        try {
            parse(json);
        } catch (ValidationException e) {
            return e.errors().list().stream().map(FormErrors.FieldError::field).toList();
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void a_host_of_a_scan_report_is_read_and_normalized() {
        Batch batch = parse(Report.batch().host("127.0.0.1").mac("00-00-5E-00-53-0A").vendor("IANA").hostname(" nas.example ").ssh().json());

        Batch.Host h = batch.hosts().get(0);
        assertThat(h.ip()).isEqualTo("127.0.0.1");
        assertThat(h.mac()).isEqualTo("00:00:5e:00:53:0a");
        assertThat(h.hostname()).isEqualTo("nas.example");
        assertThat(h.ports()).containsExactly(new Batch.Port(22, "TCP", "OPEN", "SSH-2.0-OpenSSH_9.6"));
        assertThat(h.services()).containsExactly(new Batch.Service("openssh", "OpenSSH", "remote-access", 22, "TCP", 95,
                "banner matched /^SSH-2.0-OpenSSH/", "9.6"));
        assertThat(batch.sha256()).hasSize(32);
    }

    @Test
    void the_docker_field_of_a_host_is_read_and_normalized_and_a_host_without_it_has_none() {
        Batch batch = parse("{\"hosts\":[{\"ip\":\"127.0.0.1\",\"docker\":{\"containers\":[{\"id\":\"3f4e1b2c9d8a\",\"name\":\" grafana \","
                + "\"image\":\"grafana/grafana\",\"state\":\"running\",\"ports\":[{\"containerPort\":80,\"protocol\":\"TCP\",\"hostIp\":\"::\","
                + "\"hostPort\":8080},{\"containerPort\":53,\"protocol\":\"udp\"}],\"networks\":[{\"network\":\"bridge\","
                + "\"ip\":\"172.17.0.2\",\"mac\":\"02-42-AC-11-00-02\"}]}],\"networks\":[{\"name\":\"bridge\",\"subnets\":[\"172.17.0.0/16\",\"fd00::/64\"]}]}},"
                + "{\"ip\":\"127.0.0.2\",\"docker\":null},{\"ip\":\"127.0.0.3\"}]}");

        Batch.Docker docker = batch.hosts().get(0).docker();
        assertThat(docker.containers()).containsExactly(new Batch.Container("3f4e1b2c9d8a", "grafana", "grafana/grafana", "running",
                List.of(new Batch.ContainerPort(80, "tcp", "::", 8080), new Batch.ContainerPort(53, "udp", null, null)),
                List.of(new Batch.ContainerNetwork("bridge", "172.17.0.2", "02:42:ac:11:00:02"))));
        assertThat(batch.hosts().get(1).docker()).isNull();
        assertThat(batch.hosts().get(2).docker()).isNull();
    }

    @Test
    void bad_docker_data_names_every_bad_field() {
        assertThat(fields("{\"hosts\":[{\"ip\":\"127.0.0.1\",\"docker\":{\"containers\":[{\"id\":\"a b\",\"ports\":[{\"containerPort\":65536,"
                + "\"protocol\":\"tcp\",\"hostIp\":\"localhost\",\"hostPort\":\"80\"}],\"networks\":[{\"ip\":\"1.2.3.4\",\"mac\":\"zz\"}]}],"
                + "\"networks\":\"bridge\"}}]}"))
                .containsExactlyInAnyOrder("hosts[0].docker.containers[0].id", "hosts[0].docker.containers[0].ports[0].containerPort",
                        "hosts[0].docker.containers[0].ports[0].hostIp", "hosts[0].docker.containers[0].ports[0].hostPort",
                        "hosts[0].docker.containers[0].networks[0].network", "hosts[0].docker.containers[0].networks[0].mac",
                        "hosts[0].docker.networks");
        assertThat(fields("{\"hosts\":[{\"ip\":\"127.0.0.1\",\"docker\":\"yes\"}]}")).containsExactly("hosts[0].docker");
    }

    @Test
    void optional_fields_may_be_missing_and_unknown_fields_are_ignored() {
        Batch batch = parse("{\"hosts\":[{\"ip\":\"::1\",\"future\":{\"x\":1},\"ports\":[{\"port\":53,\"protocol\":\"udp\"}],"
                + "\"services\":[{\"name\":\"DNS\",\"port\":53,\"protocol\":\"UDP\",\"confidence\":40}]}],\"stats\":{}}");

        Batch.Host h = batch.hosts().get(0);
        assertThat(h.mac()).isNull();
        assertThat(h.ports()).containsExactly(new Batch.Port(53, "UDP", "OPEN", null));
        assertThat(h.services()).containsExactly(new Batch.Service(null, "DNS", "other", 53, "UDP", 40, "", null));
    }

    @Test
    void an_all_zero_or_broadcast_mac_identifies_nothing_and_is_dropped() {
        assertThat(parse(Report.batch().host("127.0.0.1").mac("00:00:00:00:00:00").json()).hosts().get(0).mac()).isNull();
        assertThat(parse(Report.batch().host("127.0.0.1").mac("FF:FF:FF:FF:FF:FF").json()).hosts().get(0).mac()).isNull();
    }

    @Test
    void more_than_500_hosts_is_too_large_before_any_host_is_checked() {
        Report report = Report.batch();
        for (int i = 0; i < 501; i++) {
            report.host("not an address");
        }

        assertThatThrownBy(() -> parse(report.json())).isInstanceOfSatisfying(HttpStatusException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.REQUEST_ENTITY_TOO_LARGE.getCode()));
    }

    @Test
    void five_hundred_hosts_are_fine() {
        Report report = Report.batch();
        for (int i = 0; i < 500; i++) {
            report.host("127.0.%d.%d".formatted(i / 200, i % 200 + 1));
        }

        assertThat(parse(report.json()).hosts()).hasSize(500);
    }

    @Test
    void every_invalid_field_is_named_by_its_path() {
        Report report = Report.batch();
        report.host("127.0.0.1").ssh();
        Report.Host bad = report.host("127.0.0.300").mac("nope").ssh();
        ((ObjectNode) bad.node().get("ports").get(0)).put("port", 65536).put("protocol", "icmp").put("state", "half-open");
        ((ObjectNode) bad.node().get("services").get(0)).put("confidence", 1.5).put("version", "v\u0007");

        assertThat(fields(report.json())).containsExactly("hosts[1].ip", "hosts[1].mac", "hosts[1].ports[0].port",
                "hosts[1].ports[0].protocol", "hosts[1].ports[0].state", "hosts[1].services[0].confidence", "hosts[1].services[0].version");
    }

    @Test
    void the_body_must_be_an_object_with_a_list_of_hosts() {
        assertThat(fields("[]")).containsExactly("");
        assertThat(fields("{\"hosts\": {}}")).containsExactly("hosts");
        assertThat(fields("{\"hosts\": [1]}")).containsExactly("hosts[0]");
        assertThatThrownBy(() -> parse("{\"hosts\": ")).isInstanceOfSatisfying(HttpStatusException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode()));
        assertThatThrownBy(() -> parse("")).isInstanceOf(HttpStatusException.class);
    }

    @Test
    void a_422_lists_at_most_50_fields() {
        Report report = Report.batch();
        for (int i = 0; i < 200; i++) {
            report.host("bad-" + UUID.randomUUID());
        }

        assertThat(fields(report.json())).hasSize(BatchParser.MAX_ERRORS);
    }

    @Test
    void the_hash_ignores_spelling_but_not_content() {
        String compact = "{\"hosts\":[{\"ip\":\"127.0.0.1\",\"hostname\":\"a\",\"ports\":[]}]}";
        String spaced = "{ \"hosts\" : [ { \"ports\": [ ], \"hostname\": \"a\", \"ip\": \"127.0.0.1\" } ] }\n";
        String other = "{\"hosts\":[{\"ip\":\"127.0.0.1\",\"hostname\":\"b\",\"ports\":[]}]}";

        assertThat(parse(spaced).sha256()).isEqualTo(parse(compact).sha256());
        assertThat(parse(other).sha256()).isNotEqualTo(parse(compact).sha256());
    }

    @Test
    void canonical_json_sorts_keys_and_escapes_only_what_json_requires() throws Exception {
        String canonical = CanonicalJson.write(Report.JSON.readTree("{\"b\": [1, 2.50, true, null], \"a\": \"q\\\"\\n\u00e9\"}"));

        assertThat(canonical).isEqualTo("{\"a\":\"q\\\"\\u000a\u00e9\",\"b\":[1,2.5,true,null]}");
    }
}
