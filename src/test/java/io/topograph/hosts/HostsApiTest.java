package io.topograph.hosts;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.Accounts;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class HostsApiTest extends InventoryTestBase {

    private static String hosts(UUID network) {
        return "/api/v1/networks/" + network + "/hosts";
    }

    @Test
    void listing_answers_a_page_with_items_page_size_and_total() {
        Accounts.Account owner = signUp("ada");
        UUID network = seed.firstNetwork(owner);
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 7; i++) {
            UUID h = seed.host(owner, network, "h" + i, t0.plusSeconds(i * 60L), t0.plusSeconds(1000 - i * 60L), false);
            seed.iface(owner, h, "192.168.1." + (10 - i), null, null);
            if (i % 2 == 0) {
                seed.service(owner, h, i == 4 ? "PostgreSQL" : "OpenSSH", i == 4 ? "DATABASE" : "REMOTE_ACCESS", 80, "banner");
            }
        }
        JsonNode all = json(owner.web().getJson(hosts(network)));
        assertThat(all.get("total").asLong()).isEqualTo(7);
        assertThat(all.get("page").asInt()).isEqualTo(1);
        assertThat(all.get("size").asInt()).isEqualTo(50);
        assertThat(names(all.get("items"))).containsExactly("h0", "h1", "h2", "h3", "h4", "h5", "h6");
        JsonNode h4 = all.get("items").get(4);
        assertThat(h4.get("mainIp").asText()).isEqualTo("192.168.1.6");
        assertThat(h4.get("serviceCount").asLong()).isEqualTo(1);
        assertThat(h4.get("categories").get(0).asText()).isEqualTo("DATABASE");
        assertThat(h4.get("lastSeen").asText()).isEqualTo("2026-01-01T00:12:40Z");

        JsonNode page2 = json(owner.web().getJson(hosts(network) + "?size=3&page=2&sort=ip"));
        assertThat(names(page2.get("items"))).containsExactly("h3", "h2", "h1");
        assertThat(page2.get("total").asLong()).isEqualTo(7);
        assertThat(names(json(owner.web().getJson(hosts(network) + "?sort=-first_seen&size=2")).get("items"))).containsExactly("h6", "h5");
        assertThat(names(json(owner.web().getJson(hosts(network) + "?sort=last_seen&size=2")).get("items"))).containsExactly("h6", "h5");
        assertThat(names(json(owner.web().getJson(hosts(network) + "?q=postgres")).get("items"))).containsExactly("h4");
        assertThat(names(json(owner.web().getJson(hosts(network) + "?q=192.168.1.1")).get("items"))).containsExactly("h0");
        assertThat(names(json(owner.web().getJson(hosts(network) + "?category=REMOTE_ACCESS")).get("items"))).containsExactly("h0", "h2", "h6");
        JsonNode past = json(owner.web().getJson(hosts(network) + "?page=9"));
        assertThat(past.get("items")).isEmpty();
        assertThat(past.get("total").asLong()).isEqualTo(7);
    }

    @Test
    void every_page_of_a_sorted_list_holds_each_host_exactly_once() {
        Accounts.Account owner = signUp("ada");
        UUID network = seed.firstNetwork(owner);
        Instant same = Instant.parse("2026-02-01T00:00:00Z");
        for (int i = 0; i < 23; i++) {
            // Equal names and times: only the id tie-breaker keeps pages apart.
            seed.host(owner, network, i % 2 == 0 ? "twin" : "Twin", same, same, false);
        }
        for (String sort : new String[]{"name", "-name", "ip", "-ip", "last_seen", "-last_seen", "first_seen", "-first_seen"}) {
            List<String> ids = new ArrayList<>();
            for (int page = 1; page <= 3; page++) {
                json(owner.web().getJson(hosts(network) + "?size=10&sort=" + sort + "&page=" + page)).get("items")
                        .forEach(n -> ids.add(n.get("id").asText()));
            }
            assertThat(ids).as(sort).hasSize(23).doesNotHaveDuplicates();
        }
    }

    @Test
    void invalid_query_parameters_answer_400_with_the_fields() {
        Accounts.Account owner = signUp("ada");
        UUID network = seed.firstNetwork(owner);
        HttpResponse<String> r = owner.web().getJson(hosts(network) + "?sort=password&page=x&size=1000&subnet=1&hidden=maybe&q=" + "x".repeat(101));
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode body = json(r);
        List<String> fields = new ArrayList<>();
        body.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("sort", "page", "size", "subnet", "hidden", "q");
        assertThat(owner.web().getJson("/api/v1/networks/not-a-uuid/hosts").statusCode()).isEqualTo(400);
    }

    @Test
    void creating_a_host_answers_201_with_its_location_and_details() {
        Accounts.Account owner = signUp("ada");
        UUID network = seed.firstNetwork(owner);
        UUID subnet = seed.subnet(owner, network, "fd00::/64", "v6 lan");
        String tagId = tag(owner, "lab", "#123456");
        HttpResponse<String> r = owner.web().json("POST", hosts(network), "{\"name\":\" Lab switch \",\"hostname\":\"sw1.lab\","
                + "\"description\":\"rack 2\",\"ip\":\"fd00::1:2\",\"tagIds\":[\"" + tagId + "\"]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode host = json(r);
        assertThat(r.headers().firstValue("Location").orElseThrow()).isEqualTo("/api/v1/hosts/" + host.get("id").asText());
        assertThat(host.get("name").asText()).isEqualTo("Lab switch");
        assertThat(host.get("source").asText()).isEqualTo("MANUAL");
        assertThat(host.get("userEdited").asBoolean()).isTrue();
        assertThat(host.get("interfaces").get(0).get("ip").asText()).isEqualTo("fd00::1:2");
        assertThat(host.get("interfaces").get(0).get("subnetId").asText()).isEqualTo(subnet.toString());
        assertThat(host.get("tags").get(0).get("name").asText()).isEqualTo("lab");
        assertThat(host.get("ports")).isEmpty();
        assertThat(host.get("services")).isEmpty();
        JsonNode fetched = json(owner.web().getJson("/api/v1/hosts/" + host.get("id").asText()));
        assertThat(fetched.get("hostname").asText()).isEqualTo("sw1.lab");
        assertThat(fetched.has("firstSeen")).isTrue();
    }

    @Test
    void bad_bodies_answer_422_with_field_errors_and_write_nothing() {
        Accounts.Account owner = signUp("ada");
        Accounts.Account other = signUp("mallory");
        UUID network = seed.firstNetwork(owner);
        String foreign = tag(other, "x", "#000000");
        String[][] cases = {
                {"{\"name\":\"\"}", "name"},
                {"{\"name\":\"" + "n".repeat(121) + "\"}", "name"},
                {"{\"name\":\"ok\",\"ip\":\"999.1.1.1\"}", "ip"},
                {"{\"name\":\"ok\",\"ip\":\"example.com\"}", "ip"},
                {"{\"name\":\"ok\",\"ip\":\"::1::\"}", "ip"},
                {"{\"name\":\"ok\",\"hostname\":\"-bad-\"}", "hostname"},
                {"{\"name\":\"ok\",\"tagIds\":[\"" + foreign + "\"]}", "tagIds"},
                {"{\"name\":\"ok\",\"tagIds\":[\"nope\"]}", "tagIds"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = owner.web().json("POST", hosts(network), c[0]);
            assertThat(r.statusCode()).as(c[0]).isEqualTo(422);
            assertThat(json(r).get("errors").get(0).get("field").asText()).as(c[0]).isEqualTo(c[1]);
        }
        assertThat(owner.web().json("POST", hosts(network), "{\"name\":").statusCode()).isEqualTo(400);
        assertThat(seed.count("select count(*) from hosts where network_id = ?", network)).isZero();
        assertThat(seed.count("select count(*) from host_tags where organization_id = ?", seed.orgId(owner))).isZero();
    }

    @Test
    void the_host_resource_includes_interfaces_ports_and_services_with_their_bindings() {
        Accounts.Account owner = signUp("ada");
        UUID network = seed.firstNetwork(owner);
        UUID host = seed.host(owner, network, "web1");
        UUID eth = seed.iface(owner, host, "10.2.0.8", "02:00:00:00:00:08", null);
        UUID port = seed.port(owner, host, 8443, "TCP", "HTTP/1.1 200");
        UUID svc = seed.service(owner, host, "Grafana", "MONITORING", 95, "title contains Grafana");
        seed.bind(owner, svc, port, eth);
        JsonNode h = json(owner.web().getJson("/api/v1/hosts/" + host));
        assertThat(h.get("interfaces").get(0).get("mac").asText()).isEqualTo("02:00:00:00:00:08");
        assertThat(h.get("ports").get(0).get("number").asInt()).isEqualTo(8443);
        assertThat(h.get("ports").get(0).get("banner").asText()).isEqualTo("HTTP/1.1 200");
        JsonNode s = h.get("services").get(0);
        assertThat(s.get("matchReason").asText()).isEqualTo("title contains Grafana");
        assertThat(s.get("confidence").asInt()).isEqualTo(95);
        JsonNode b = s.get("bindings").get(0);
        assertThat(b.get("portId").asText()).isEqualTo(port.toString());
        assertThat(b.get("port").asInt()).isEqualTo(8443);
        assertThat(b.get("protocol").asText()).isEqualTo("TCP");
        assertThat(b.get("interfaceId").asText()).isEqualTo(eth.toString());
        assertThat(b.get("ip").asText()).isEqualTo("10.2.0.8");
        assertThat(s.has("lastSeen")).isTrue();
    }

    @Test
    void put_replaces_the_edited_fields_and_changes_hidden_and_tags_only_when_given() {
        Accounts.Account owner = signUp("ada");
        UUID network = seed.firstNetwork(owner);
        UUID host = seed.host(owner, network, "old");
        String tagId = tag(owner, "keep", "#00ff00");
        HttpResponse<String> r = owner.web().json("PUT", "/api/v1/hosts/" + host,
                "{\"name\":\"new\",\"description\":\"d\",\"hidden\":true,\"tagIds\":[\"" + tagId + "\"]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("hidden").asBoolean()).isTrue();
        assertThat(json(r).get("userEdited").asBoolean()).isTrue();
        assertThat(json(r).get("tags").get(0).get("id").asText()).isEqualTo(tagId);
        HttpResponse<String> again = owner.web().json("PUT", "/api/v1/hosts/" + host, "{\"name\":\"newer\"}");
        assertThat(json(again).get("hidden").asBoolean()).isTrue();
        assertThat(json(again).get("tags")).hasSize(1);
        assertThat(json(again).get("description").asText()).isEmpty();
        HttpResponse<String> bad = owner.web().json("PUT", "/api/v1/hosts/" + host, "{\"name\":\"x\",\"ip\":\"10.0.0.1\"}");
        assertThat(bad.statusCode()).isEqualTo(422);
        HttpResponse<String> foreign = owner.web().json("PUT", "/api/v1/hosts/" + host,
                "{\"name\":\"changed\",\"tagIds\":[\"" + UUID.randomUUID() + "\"]}");
        assertThat(foreign.statusCode()).isEqualTo(422);
        assertThat(seed.string("select name from hosts where id = ?", host)).isEqualTo("newer");
    }

    @Test
    void host_tags_are_replaced_as_a_whole_and_a_foreign_tag_changes_nothing() {
        Accounts.Account owner = signUp("ada");
        Accounts.Account other = signUp("mallory");
        UUID host = seed.host(owner, seed.firstNetwork(owner), "h");
        String a = tag(owner, "a", "#111111");
        String b = tag(owner, "b", "#222222");
        String theirs = tag(other, "theirs", "#333333");
        HttpResponse<String> r = owner.web().json("PUT", "/api/v1/hosts/" + host + "/tags", "{\"tagIds\":[\"" + b + "\",\"" + a + "\",\"" + a + "\"]}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(names(json(r))).containsExactly("a", "b");
        HttpResponse<String> mixed = owner.web().json("PUT", "/api/v1/hosts/" + host + "/tags", "{\"tagIds\":[\"" + a + "\",\"" + theirs + "\"]}");
        assertThat(mixed.statusCode()).isEqualTo(422);
        assertThat(json(mixed).get("errors").get(0).get("field").asText()).isEqualTo("tagIds");
        assertThat(owner.web().json("PUT", "/api/v1/hosts/" + host + "/tags", "{}").statusCode()).isEqualTo(422);
        assertThat(names(json(owner.web().getJson("/api/v1/hosts/" + host + "/tags")))).containsExactly("a", "b");
        assertThat(json(owner.web().json("PUT", "/api/v1/hosts/" + host + "/tags", "{\"tagIds\":[]}"))).isEmpty();
    }

    @Test
    void delete_answers_204_and_the_host_is_gone_with_its_inventory() {
        Accounts.Account owner = signUp("ada");
        UUID host = seed.host(owner, seed.firstNetwork(owner), "gone");
        seed.port(owner, host, 22, "TCP", null);
        assertThat(owner.web().json("DELETE", "/api/v1/hosts/" + host, null).statusCode()).isEqualTo(204);
        assertThat(owner.web().getJson("/api/v1/hosts/" + host).statusCode()).isEqualTo(404);
        assertThat(owner.web().json("DELETE", "/api/v1/hosts/" + host, null).statusCode()).isEqualTo(404);
        assertThat(seed.count("select count(*) from ports where host_id = ?", host)).isZero();
    }
}
