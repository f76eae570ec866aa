package io.topograph.topology.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.topograph.support.Accounts;
import io.topograph.support.BearerClient;
import io.topograph.topology.Inventories;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A small network (two hosts on a LAN, one tagged and running nginx) and API keys to call the topology API with. */
final class TopologyApiFixture {

    record Net(Inventories.Site site, UUID subnet, UUID web, UUID db, BearerClient owner) {
        String path(String rest) {
            return "/api/v1/networks/" + site.networkId() + rest;
        }
    }

    private TopologyApiFixture() {
    }

    static Net network(Inventories inv, URI base, Accounts.Account account) {
        Inventories.Site site = inv.site(account);
        UUID subnet = inv.subnet(site, "10.44.0.0/24", "LAN");
        UUID web = inv.host(site, "web-1");
        UUID db = inv.host(site, "db-1");
        inv.nic(site, web, subnet, "10.44.0.10", "f8:bc:12:00:44:10");
        inv.nic(site, db, subnet, "10.44.0.20", "f8:bc:12:00:44:20");
        inv.service(site, web, "nginx", "nginx", "web-server", 443);
        inv.service(site, db, "postgresql", "PostgreSQL", "database", 5432);
        inv.tag(site, web, "frontend");
        return new Net(site, subnet, web, db, key(base, account, "OWNER"));
    }

    /** A key of the account's organization with {@code role}, created through the API with the session. */
    static BearerClient key(URI base, Accounts.Account account, String role) {
        HttpResponse<String> key = account.web().json("POST", "/api/v1/api-keys", "{\"name\":\"topology " + role + "\",\"role\":\"" + role + "\"}");
        assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
        return new BearerClient(base, BearerClient.json(key).get("token").asText());
    }

    static JsonNode json(HttpResponse<String> response) {
        return BearerClient.json(response);
    }
}
