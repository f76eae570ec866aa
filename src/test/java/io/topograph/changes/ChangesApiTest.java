package io.topograph.changes;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import io.topograph.support.BearerClient;
import io.topograph.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/networks/{id}/changes}, {@code GET /api/v1/changes/{id}} and its acknowledgement, over changes real runs found. */
@MicronautTest
class ChangesApiTest extends AppTest {

    @Inject
    DataSource dataSource;

    TestDatabase db;
    Scans scans;

    @BeforeEach
    void setUp() {
        db = new TestDatabase(dataSource);
        scans = new Scans(db, base());
    }

    @Test
    void the_api_lists_a_networks_changes_with_filters_and_paging_and_acknowledges_one() {
        Accounts.Account owner = signUp("apichanges");
        Scans.Site site = scans.site(owner);
        UUID first = scans.scan(site, "127.0.30.1-127.0.30.9", "22,80", Scans.Seen.at("127.0.30.1").service(22, "openssh", "OpenSSH"));
        scans.scan(site, "127.0.30.1-127.0.30.9", "22,80", Scans.Seen.at("127.0.30.1").service(22, "openssh", "OpenSSH")
                .service(80, "nginx", "nginx"), Scans.Seen.at("127.0.30.2"));
        String base = "/api/v1/networks/" + site.networkId() + "/changes";

        HttpResponse<String> all = owner.web().getJson(base);
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        JsonNode page = BearerClient.json(all);
        assertThat(page.get("total").asLong()).isEqualTo(4);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(50);
        JsonNode appeared = BearerClient.json(owner.web().getJson(base + "?kind=HOST_APPEARED&size=1&page=2")).get("items");
        assertThat(appeared).hasSize(1);
        assertThat(appeared.get(0).get("runId").asText()).as("the older one on page 2").isEqualTo(first.toString());
        assertThat(appeared.get(0).get("subject").asText()).isEqualTo("127.0.30.1");
        assertThat(appeared.get(0).get("kindLabel").asText()).isEqualTo("Host appeared");
        assertThat(appeared.get(0).get("acknowledged").asBoolean()).isFalse();
        assertThat(appeared.get(0).has("acknowledgedAt")).isTrue();

        JsonNode service = BearerClient.json(owner.web().getJson(base + "?kind=service_appeared")).get("items").get(0);
        assertThat(service.get("subject").asText()).isEqualTo("nginx");
        assertThat(service.get("after").asText()).isEqualTo("80/tcp");
        assertThat(service.get("hostId").asText()).isNotEmpty();

        String id = service.get("id").asText();
        HttpResponse<String> acked = owner.web().json("POST", "/api/v1/changes/" + id + "/acknowledgement", "");
        assertThat(acked.statusCode()).as(acked.body()).isEqualTo(200);
        JsonNode ack = BearerClient.json(acked);
        assertThat(ack.get("acknowledged").asBoolean()).isTrue();
        assertThat(ack.get("acknowledgedBy").asText()).isEqualTo("apichanges");
        String at = ack.get("acknowledgedAt").asText();
        JsonNode again = BearerClient.json(owner.web().json("POST", "/api/v1/changes/" + id + "/acknowledgement", ""));
        assertThat(again.get("acknowledgedAt").asText()).as("the first acknowledgement stays").isEqualTo(at);
        assertThat(BearerClient.json(owner.web().getJson("/api/v1/changes/" + id)).get("acknowledged").asBoolean()).isTrue();

        assertThat(BearerClient.json(owner.web().getJson(base + "?acknowledged=true")).get("total").asLong()).isEqualTo(1);
        assertThat(BearerClient.json(owner.web().getJson(base + "?acknowledged=false")).get("total").asLong()).isEqualTo(3);
        assertThat(BearerClient.json(owner.web().getJson(base + "?since=2000-01-01T00:00:00Z&until=2000-01-02T00:00:00%2B01:00"))
                .get("total").asLong()).isZero();
        assertThat(BearerClient.json(owner.web().getJson(base + "?since=2000-01-01")).get("total").asLong()).isEqualTo(4);
    }

    @Test
    void bad_query_parameters_answer_400_naming_each_and_unknown_ids_404() {
        Accounts.Account owner = signUp("apibad");
        Scans.Site site = scans.site(owner);
        String base = "/api/v1/networks/" + site.networkId() + "/changes";
        HttpResponse<String> bad = owner.web().getJson(base + "?since=soon&until=later&kind=NOPE&acknowledged=perhaps&page=-1&size=0");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(BearerClient.json(bad).get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("since", "until", "kind", "acknowledged", "page", "size");
        HttpResponse<String> reversed = owner.web().getJson(base + "?since=2026-11-10T00:00:00Z&until=2026-11-01T00:00:00Z");
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(owner.web().getJson(base + "?since=" + "1".repeat(41)).statusCode()).isEqualTo(400);

        assertThat(owner.web().getJson("/api/v1/networks/" + UUID.randomUUID() + "/changes?kind=NOPE").statusCode())
                .as("visibility first").isEqualTo(404);
        assertThat(owner.web().getJson("/api/v1/changes/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(owner.web().json("POST", "/api/v1/changes/" + UUID.randomUUID() + "/acknowledgement", "").statusCode()).isEqualTo(404);
        assertThat(owner.web().json("POST", "/api/v1/changes/not-a-uuid/acknowledgement", "").statusCode()).isBetween(400, 404);
    }

    @Test
    void the_openapi_document_describes_the_changes_endpoints() {
        String doc = anonymous().getJson("/api/openapi.json").body();
        assertThat(doc).contains("/api/v1/networks/{networkId}/changes").contains("/api/v1/changes/{id}/acknowledgement")
                .contains("ChangePage");
    }
}
