package io.topograph.scanner.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.topograph.scanner.evidence.HttpInfo;
import io.topograph.scanner.evidence.PortEvidence;
import io.topograph.scanner.evidence.TlsInfo;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatcherTest {

    private static Catalog catalog(String... services) {
        String json = "{\"category\":\"test\",\"icon\":\"box\",\"services\":[" + String.join(",", services) + "]}";
        return new Catalog(Catalog.parse(json.getBytes(StandardCharsets.UTF_8), "test.json"));
    }

    private static String def(String id, String match) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + id.toUpperCase() + "\",\"description\":\"d\",\"match\":" + match + "}";
    }

    private static String def(String id, String match, String extra) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + id.toUpperCase() + "\",\"description\":\"d\",\"match\":" + match + "," + extra + "}";
    }

    private static PortEvidence banner(int port, String raw) {
        return new PortEvidence(port, "banner", raw, raw, null, null);
    }

    private static PortEvidence http(int port, String title, Map<String, List<String>> headers, String body) {
        return new PortEvidence(port, "http", "HTTP/1.1 200 OK", "HTTP/1.1 200 OK", new HttpInfo("/", 200, "HTTP/1.1 200 OK", headers, title, body), null);
    }

    private static PortEvidence tls(int port, String subject) {
        return new PortEvidence(port, "tls", null, null, null,
                new TlsInfo("TLSv1.3", subject, subject, "2020-01-01T00:00:00Z", "2030-01-01T00:00:00Z", List.of("nas.example"), false, true));
    }

    private static ServiceMatch best(Catalog c, PortEvidence e, String vendor) {
        return new Matcher(c).best(new MatchContext(e.port(), e, vendor));
    }

    @Test
    void a_ports_rule_matches_only_its_ports() {
        Catalog c = catalog(def("redis", "{\"ports\":[6379]}"));
        assertThat(best(c, PortEvidence.none(6379), null).definition().id()).isEqualTo("redis");
        assertThat(best(c, PortEvidence.none(6380), null)).isNull();
        ServiceMatch m = best(c, PortEvidence.none(6379), null);
        assertThat(m.confidence()).isEqualTo(30);
        assertThat(m.reason()).isEqualTo("port 6379 is its usual port");
    }

    @Test
    void a_banner_rule_is_a_case_sensitive_search_over_raw_bytes() {
        Catalog c = catalog(def("mysql", "{\"banner\":\"^.{3}\\\\x00\\\\x0a\\\\d\"}"));
        assertThat(best(c, banner(3307, "J\0\0\0\n8.0.36\0"), null)).isNotNull();
        assertThat(best(c, banner(3307, "J\0\0\0\u000b8.0.36\0"), null)).isNull();
        Catalog ssh = catalog(def("openssh", "{\"banner\":\"OpenSSH\"}"));
        assertThat(best(ssh, banner(22, "SSH-2.0-openssh"), null)).isNull();
        ServiceMatch m = best(ssh, banner(22, "SSH-2.0-OpenSSH_9.6"), null);
        assertThat(m.reason()).contains("banner \"SSH-2.0-OpenSSH_9.6\" matches /OpenSSH/");
        assertThat(m.confidence()).isEqualTo(85);
    }

    @Test
    void http_title_header_and_body_rules_read_the_http_evidence() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("server", List.of("nginx/1.25.3"));
        headers.put("x-jenkins", List.of("2.440"));
        PortEvidence e = http(8080, "Dashboard [Jenkins]", headers, "<html><p>You Know, for Search</p></html>");
        assertThat(best(catalog(def("t", "{\"httpTitle\":\"jenkins\"}")), e, null)).isNotNull(); // case-insensitive
        assertThat(best(catalog(def("t", "{\"httpTitle\":\"Grafana\"}")), e, null)).isNull();
        assertThat(best(catalog(def("h", "{\"httpHeader\":\"Server: ^nginx\"}")), e, null).reason())
                .isEqualTo("HTTP header server: \"nginx/1.25.3\" matches /^nginx/");
        assertThat(best(catalog(def("h", "{\"httpHeader\":\"Server: ^Apache\"}")), e, null)).isNull();
        assertThat(best(catalog(def("p", "{\"httpHeader\":\"X-Jenkins\"}")), e, null).reason()).isEqualTo("HTTP header x-jenkins is present");
        assertThat(best(catalog(def("p", "{\"httpHeader\":\"X-Gitlab-Meta\"}")), e, null)).isNull();
        assertThat(best(catalog(def("b", "{\"httpBody\":\"for search\"}")), e, null)).isNotNull();
        assertThat(best(catalog(def("b", "{\"httpBody\":\"wp-content\"}")), e, null)).isNull();
        // HTTP rules never match a port without HTTP evidence
        assertThat(best(catalog(def("t", "{\"httpTitle\":\".\"}")), banner(8080, "hello"), null)).isNull();
    }

    @Test
    void a_tls_subject_rule_reads_the_certificate_subject_and_alternative_names() {
        assertThat(best(catalog(def("fg", "{\"tlsSubject\":\"CN=FortiGate\"}")), tls(443, "CN=FortiGate,O=Fortinet"), null)).isNotNull();
        assertThat(best(catalog(def("nas", "{\"tlsSubject\":\"^nas\\\\.example$\"}")), tls(443, "CN=x"), null)).isNull(); // DOTALL, no MULTILINE
        assertThat(best(catalog(def("nas", "{\"tlsSubject\":\"nas\\\\.example\"}")), tls(443, "CN=x"), null)).isNotNull();
        assertThat(best(catalog(def("fg", "{\"tlsSubject\":\"FortiGate\"}")), banner(443, "x"), null)).isNull();
    }

    @Test
    void protocol_rules_test_for_http_or_tls() {
        Catalog c = catalog(def("http", "{\"protocol\":\"http\"}"), def("tls", "{\"protocol\":\"tls\"}"));
        assertThat(best(c, http(80, null, Map.of(), ""), null).definition().id()).isEqualTo("http");
        assertThat(best(c, tls(443, "CN=x"), null).definition().id()).isEqualTo("tls");
        assertThat(best(c, banner(22, "SSH-2.0-x"), null)).isNull();
    }

    @Test
    void a_mac_vendor_rule_uses_the_host_vendor_and_needs_a_port_scoped_companion() {
        Catalog c = catalog(def("syno", "{\"all\":[{\"macVendor\":\"synology\"},{\"ports\":[5000]}]}"));
        assertThat(best(c, PortEvidence.none(5000), "Synology Incorporated").reason())
                .contains("MAC vendor \"Synology Incorporated\" matches /synology/").contains("port 5000");
        assertThat(best(c, PortEvidence.none(5000), "Other Inc")).isNull();
        assertThat(best(c, PortEvidence.none(5000), null)).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> catalog(def("bad", "{\"macVendor\":\"x\"}")))
                .isInstanceOf(CatalogException.class).hasMessageContaining("MAC vendor alone");
    }

    @Test
    void all_any_and_not_combine_rules() {
        Catalog c = catalog(def("redis", "{\"all\":[{\"any\":[{\"banner\":\"^\\\\+PONG\"},{\"ports\":[6379]}]},{\"not\":{\"banner\":\"valkey_version\"}}]}"));
        assertThat(best(c, banner(7000, "+PONG\r\n"), null)).isNotNull();
        assertThat(best(c, banner(6379, "+PONG\r\nvalkey_version:8.0"), null)).isNull();
        ServiceMatch both = best(c, banner(6379, "+PONG\r\n"), null);
        assertThat(both.hits()).hasSize(2); // any records every supporting condition
        assertThat(both.confidence()).isEqualTo(90);
        assertThat(best(c, banner(7000, "-ERR"), null)).isNull();
        Catalog all = catalog(def("a", "{\"all\":[{\"ports\":[80]},{\"httpTitle\":\"x\"}]}"));
        assertThat(best(all, PortEvidence.none(80), null)).isNull();
    }

    @Test
    void content_evidence_beats_a_port_only_match() {
        Catalog c = catalog(def("http-alt", "{\"ports\":[8080]}"), def("grafana", "{\"httpTitle\":\"Grafana\"}"));
        ServiceMatch m = best(c, http(8080, "Grafana", Map.of(), ""), null);
        assertThat(m.definition().id()).isEqualTo("grafana");
        assertThat(m.confidence()).isEqualTo(85);
    }

    @Test
    void a_specific_definition_beats_a_generic_one_at_the_same_strength() {
        Catalog c = catalog(def("aaa-ssh", "{\"banner\":\"^SSH-\"}", "\"generic\":true"), def("openssh", "{\"banner\":\"OpenSSH\"}"));
        ServiceMatch m = best(c, banner(22, "SSH-2.0-OpenSSH_9.6"), null);
        assertThat(m.definition().id()).isEqualTo("openssh");
        assertThat(best(c, banner(22, "SSH-2.0-dropbear"), null).definition().id()).isEqualTo("aaa-ssh");
        assertThat(best(c, banner(22, "SSH-2.0-dropbear"), null).confidence()).isEqualTo(75); // 85 - 10 for generic
    }

    @Test
    void stronger_evidence_wins_even_over_a_specific_definition() {
        Catalog c = catalog(def("http", "{\"protocol\":\"http\"}", "\"generic\":true"), def("redis", "{\"ports\":[6379]}"));
        assertThat(best(c, http(6379, null, Map.of(), ""), null).definition().id()).isEqualTo("http");
    }

    @Test
    void more_content_conditions_then_priority_then_id_break_ties() {
        Catalog more = catalog(def("a", "{\"httpTitle\":\"Prometheus\"}"), def("b", "{\"all\":[{\"httpTitle\":\"Prometheus\"},{\"httpBody\":\"push\"}]}"));
        assertThat(best(more, http(9091, "Prometheus Pushgateway", Map.of(), "push"), null).definition().id()).isEqualTo("b");
        Catalog prio = catalog(def("a", "{\"httpTitle\":\"Prometheus\"}"), def("z", "{\"httpTitle\":\"Pushgateway\"}", "\"priority\":10"));
        assertThat(best(prio, http(9091, "Prometheus Pushgateway", Map.of(), ""), null).definition().id()).isEqualTo("z");
        Catalog tie = catalog(def("zeta", "{\"httpTitle\":\"X\"}"), def("alpha", "{\"httpTitle\":\"X\"}"));
        assertThat(best(tie, http(80, "X", Map.of(), ""), null).definition().id()).isEqualTo("alpha");
        Catalog tieReversed = catalog(def("alpha", "{\"httpTitle\":\"X\"}"), def("zeta", "{\"httpTitle\":\"X\"}"));
        assertThat(best(tieReversed, http(80, "X", Map.of(), ""), null).definition().id()).isEqualTo("alpha");
    }

    @Test
    void an_explicit_confidence_replaces_the_computed_one() {
        Catalog c = catalog(def("x", "{\"ports\":[1]}", "\"confidence\":60"));
        assertThat(best(c, PortEvidence.none(1), null).confidence()).isEqualTo(60);
    }

    @Test
    void an_identified_service_claims_its_other_ports_and_the_rest_is_unidentified() {
        Catalog c = catalog(
                def("portainer", "{\"any\":[{\"httpTitle\":\"Portainer\"},{\"ports\":[9000,8000]}]}"),
                def("web", "{\"ports\":[8000]}", "\"generic\":true"),
                def("ssh", "{\"banner\":\"^SSH-\"}"));
        Map<Integer, PortEvidence> open = new LinkedHashMap<>();
        open.put(9000, http(9000, "Portainer", Map.of(), ""));
        open.put(8000, PortEvidence.none(8000));
        open.put(22, banner(22, "SSH-2.0-x"));
        open.put(4444, PortEvidence.none(4444));
        Matcher.HostResult r = new Matcher(c).identify(open, null);
        assertThat(r.services()).extracting(m -> m.port() + "=" + m.definition().id())
                .containsExactly("22=ssh", "8000=portainer", "9000=portainer");
        ServiceMatch claimed = r.services().get(1);
        assertThat(claimed.reason()).isEqualTo("port 8000 belongs to PORTAINER, identified on port 9000");
        assertThat(claimed.confidence()).isEqualTo(r.services().get(2).confidence() - 20);
        assertThat(r.unidentifiedPorts()).containsExactly(4444);
    }

    @Test
    void bad_definitions_are_rejected_with_the_file_and_id() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> catalog(def("x", "{\"banner\":\"(\"}")))
                .hasMessageContaining("test.json: service \"x\": bad pattern");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> catalog(def("x", "{\"ports\":[70000]}")))
                .hasMessageContaining("port numbers 1-65535");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> catalog(def("x", "{\"color\":\"red\"}")))
                .hasMessageContaining("unknown rule \"color\"");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> catalog(def("x", "{\"ports\":[1],\"banner\":\"a\"}")))
                .hasMessageContaining("exactly one key");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> catalog(def("x", "{\"ports\":[1]}"), def("x", "{\"ports\":[2]}")))
                .hasMessageContaining("duplicate service id \"x\"");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> catalog("{\"id\":\"Bad Id\",\"name\":\"n\",\"match\":{\"ports\":[1]}}"))
                .hasMessageContaining("must be 1-64 lower-case");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> catalog(def("x", "{\"protocol\":\"ftp\"}")))
                .hasMessageContaining("\"http\" or \"tls\"");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Catalog.parse("{".getBytes(StandardCharsets.UTF_8), "broken.json"))
                .hasMessageContaining("broken.json: not valid JSON");
    }

    @Test
    void an_http_get_rule_reads_a_known_page_fetched_besides_the_root() {
        Catalog c = catalog(def("etcd", "{\"httpGet\":{\"path\":\"/version\",\"status\":200,\"body\":\"etcdserver\\\":\\\"(?<version>[\\\\d.]+)\"}}"));
        assertThat(c.probePaths()).containsExactly("/version");
        PortEvidence root = http(2379, null, Map.of(), "404 page not found");
        assertThat(best(c, root, null)).isNull(); // the page was not fetched
        HttpInfo version = new HttpInfo("/version", 200, "HTTP/1.1 200 OK", Map.of(), null, "{\"etcdserver\":\"3.5.12\"}");
        ServiceMatch m = best(c, root.withPages(Map.of("/version", version)), null);
        assertThat(m.reason()).startsWith("GET /version answered 200 with a body matching");
        assertThat(m.version()).isEqualTo("3.5.12");
        assertThat(m.strength()).isEqualTo(4);
        HttpInfo missing = new HttpInfo("/version", 404, "HTTP/1.1 404 Not Found", Map.of(), null, "{\"etcdserver\":\"3.5.12\"}");
        assertThat(best(c, root.withPages(Map.of("/version", missing)), null)).isNull();
        Catalog header = catalog(def("minio", "{\"httpGet\":{\"path\":\"/minio/health/live\",\"header\":\"X-Minio-Server-Status\"}}"));
        HttpInfo live = new HttpInfo("/minio/health/live", 200, "HTTP/1.1 200 OK", Map.of("x-minio-server-status", List.of("online")), null, "");
        assertThat(best(header, root.withPages(Map.of("/minio/health/live", live)), null).strength()).isEqualTo(3);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> catalog(def("x", "{\"httpGet\":{\"path\":\"version\",\"status\":200}}")))
                .hasMessageContaining("needs {\"path\": \"/...\"}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> catalog(def("x", "{\"httpGet\":{\"path\":\"/v\"}}")))
                .hasMessageContaining("needs a status, header or body");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> catalog(def("x", "{\"httpGet\":{\"path\":\"/v\",\"status\":200,\"query\":1}}")))
                .hasMessageContaining("unknown \"httpGet\" field \"query\"");
    }

    @Test
    void own_definitions_matched_first_win_on_every_port_they_match_and_replace_a_bundled_one_with_the_same_id() {
        Catalog bundled = catalog(def("http", "{\"protocol\":\"http\"}", "\"generic\":true"),
                def("grafana", "{\"httpTitle\":\"Grafana\"}"),
                def("openssh", "{\"banner\":\"^SSH-2.0-OpenSSH\"}"));
        Catalog own = catalog(def("lab-portal", "{\"ports\":[8080]}"), 
                "{\"id\":\"openssh\",\"name\":\"Our SSH\",\"match\":{\"banner\":\"^SSH-2.0-OpenSSH_9\"}}");
        Map<Integer, PortEvidence> ports = new LinkedHashMap<>();
        ports.put(8080, http(8080, "Grafana", Map.of(), "<html>"));
        ports.put(3000, http(3000, "Grafana", Map.of(), "<html>"));
        ports.put(22, banner(22, "SSH-2.0-OpenSSH_9.6"));

        Matcher plain = new Matcher(bundled.plus(own.definitions().stream().filter(d -> !d.id().equals("openssh"))
                .collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), Catalog::new))));
        assertThat(plain.identify(ports, null).services()).extracting(m -> m.port() + "=" + m.definition().id())
                .as("in the same precedence, the title beats a port number").contains("8080=grafana");

        Matcher first = new Matcher(bundled.withPrecedence(own));
        assertThat(first.identify(ports, null).services()).extracting(m -> m.port() + "=" + m.definition().id() + "/" + m.definition().name())
                .containsExactly("22=openssh/Our SSH", "3000=grafana/GRAFANA", "8080=lab-portal/LAB-PORTAL");
    }
}
