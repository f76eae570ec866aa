package io.topograph.services;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.Accounts;
import io.topograph.support.BearerClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class ServiceDefinitionsApiTest extends DefinitionsTestBase {

    @Test
    void definitions_are_created_listed_read_replaced_and_deleted() {
        Accounts.Account owner = signUp("ada");
        HttpResponse<String> created = owner.web().json("POST", "/api/v1/service-definitions", body(
                "key", "\"  acme-portal \"", "name", "\" ACME portal\"", "description", "\"Billing portal\"",
                "category", "\"web-server\"", "priority", "7", "match", ACME_RULE));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode d = json(created);
        String id = d.get("id").asText();
        assertThat(created.headers().firstValue("Location").orElseThrow()).isEqualTo("/api/v1/service-definitions/" + id);
        assertThat(d.get("key").asText()).isEqualTo("acme-portal");
        assertThat(d.get("name").asText()).isEqualTo("ACME portal");
        assertThat(d.get("icon").asText()).isEqualTo("globe");
        assertThat(d.get("priority").asInt()).isEqualTo(7);
        assertThat(d.get("enabled").asBoolean()).isTrue();
        assertThat(d.get("match").toString()).isEqualTo("{\"all\":[{\"ports\":[8443]},{\"httpTitle\":\"ACME\"}]}");
        assertThat(d.get("rule").asText()).isEqualTo("TCP port 8443 and HTTP page title matches /ACME/");
        assertThat(d.get("createdBy").asText()).isEqualTo(seed.string("select id::text from users where email = ?", owner.email()));
        assertThat(d.get("createdAt").asText()).isNotBlank();

        definition(owner, "aaa-first", "First", "{\"ports\": [1]}");
        List<String> keys = new ArrayList<>();
        json(owner.web().getJson("/api/v1/service-definitions")).forEach(n -> keys.add(n.get("key").asText()));
        assertThat(keys).containsExactly("aaa-first", "acme-portal");
        assertThat(json(owner.web().getJson("/api/v1/service-definitions/" + id)).get("description").asText()).isEqualTo("Billing portal");

        // PUT replaces every field; without "enabled" the state stays; missing optional fields fall back to defaults.
        owner.web().json("PUT", "/api/v1/service-definitions/" + id, body("key", "\"acme-portal\"", "name", "\"ACME\"",
                "category", "\"web-server\"", "match", ACME_RULE, "enabled", "false"));
        HttpResponse<String> replaced = owner.web().json("PUT", "/api/v1/service-definitions/" + id, body(
                "key", "\"acme-portal\"", "name", "\"ACME portal 2\"", "category", "\"database\"", "icon", "\"server\"",
                "match", "{\"banner\": \"^ACME\"}"));
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        JsonNode r = json(replaced);
        assertThat(r.get("name").asText()).isEqualTo("ACME portal 2");
        assertThat(r.get("category").asText()).isEqualTo("database");
        assertThat(r.get("icon").asText()).isEqualTo("server");
        assertThat(r.get("description").asText()).isEmpty();
        assertThat(r.get("priority").asInt()).isZero();
        assertThat(r.get("enabled").asBoolean()).isFalse();
        assertThat(r.get("match").toString()).isEqualTo("{\"banner\":\"^ACME\"}");
        assertThat(r.get("createdAt").asText()).isEqualTo(d.get("createdAt").asText());

        assertThat(owner.web().json("DELETE", "/api/v1/service-definitions/" + id, null).statusCode()).isEqualTo(204);
        assertThat(owner.web().getJson("/api/v1/service-definitions/" + id).statusCode()).isEqualTo(404);
        assertThat(owner.web().json("DELETE", "/api/v1/service-definitions/" + id, null).statusCode()).isEqualTo(404);
        assertThat(owner.web().json("PUT", "/api/v1/service-definitions/" + id, body("key", "\"x\"")).statusCode()).isEqualTo(404);
        assertThat(definitionCount(owner)).isEqualTo(1);
    }

    @Test
    void invalid_bodies_answer_422_on_their_field_and_write_nothing() {
        Accounts.Account owner = signUp("ada");
        String existing = definition(owner, "acme-portal", "ACME portal", ACME_RULE);
        String other = definition(owner, "acme-other", "ACME other", "{\"ports\": [9000]}");
        String[][] cases = {
                {body("key", "\"k\"", "name", "\"N\"", "category", "\"web-server\"", "match", ACME_RULE, "generic", "true"), "generic", "Unknown field"},
                {body("key", "\"k\"", "name", "\"N\"", "category", "\"web-server\"", "match", "{\"title\": \"ACME\"}"), "match", "Unknown rule \"title\"."},
                {body("key", "\"k\"", "name", "\"N\"", "category", "\"web-server\"", "match", "{\"any\": [{\"ports\": [1]}, {\"wat\": 1}]}"), "match", "Unknown rule \"wat\"."},
                {body("key", "\"k\"", "name", "\"N\"", "category", "\"web-server\"", "match", "{\"httpBody\": \"(?<version\"}"), "match", "Bad pattern"},
                {body("key", "\"k\"", "name", "\"N\"", "category", "\"web-server\"", "match", "{\"ports\": [1], \"banner\": \"x\"}"), "match", "exactly one key"},
                {body("key", "\"k\"", "name", "\"N\"", "category", "\"web-server\"", "match", "\"{\\\"ports\\\": [1]}\""), "match", "Must be a JSON object"},
                {body("key", "\"k\"", "name", "\"N\"", "category", "\"web-server\""), "match", "This field is required"},
                {body("key", "\"k\"", "name", "\"N\"", "category", "\"web-server\"", "match", "{}"), "match", "exactly one key"},
                {body("key", "\"acme-portal\"", "name", "\"N\"", "category", "\"web-server\"", "match", ACME_RULE), "key", "already exists"},
                {body("key", "\"ssh\"", "name", "\"N\"", "category", "\"web-server\"", "match", ACME_RULE), "key", "built-in definition"},
                {body("key", "\"K\"", "name", "\"N\"", "category", "\"web-server\"", "match", ACME_RULE), "key", "lower-case"},
                {body("name", "\"N\"", "category", "\"web-server\"", "match", ACME_RULE), "key", "This field is required."},
                {body("key", "\"k\"", "name", quoted("n".repeat(81)), "category", "\"web-server\"", "match", ACME_RULE), "name", "at most 80"},
                {body("key", "\"k\"", "name", "\"N\\u0007x\"", "category", "\"web-server\"", "match", ACME_RULE), "name", "Control characters"},
                {body("key", "\"k\"", "name", "\"N\"", "description", quoted("d".repeat(501)), "category", "\"web-server\"", "match", ACME_RULE), "description", "at most 500"},
                {body("key", "\"k\"", "name", "\"N\"", "category", "\"games-and-fun\"", "match", ACME_RULE), "category", "categories"},
                {body("key", "\"k\"", "name", "\"N\"", "category", "\"web-server\"", "priority", "\"high\"", "match", ACME_RULE), "priority", "whole number"},
                {body("key", "\"k\"", "name", "\"N\"", "category", "\"web-server\"", "priority", "1.5", "match", ACME_RULE), "priority", "whole number"},
                {body("key", "\"k\"", "name", "\"N\"", "category", "\"web-server\"", "priority", "99999999999", "match", ACME_RULE), "priority", "-100 to 100"},
                {body("key", "\"k\"", "name", "5", "category", "\"web-server\"", "match", ACME_RULE), "name", "Must be a string."},
                {body("key", "\"k\"", "name", "\"N\"", "category", "\"web-server\"", "match", ACME_RULE, "enabled", "\"yes\""), "enabled", "true or false"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = owner.web().json("POST", "/api/v1/service-definitions", c[0]);
            assertThat(r.statusCode()).as(c[0] + " → " + r.body()).isEqualTo(422);
            JsonNode error = json(r).get("errors").get(0);
            assertThat(error.get("field").asText()).as(c[0]).isEqualTo(c[1]);
            assertThat(error.get("message").asText()).as(c[0]).contains(c[2]);
            HttpResponse<String> put = owner.web().json("PUT", "/api/v1/service-definitions/" + other, c[0]);
            assertThat(put.statusCode()).as("PUT " + c[0]).isEqualTo(422);
            assertThat(json(put).get("errors").get(0).get("field").asText()).as("PUT " + c[0]).isEqualTo(c[1]);
        }
        assertThat(definitionCount(owner)).isEqualTo(2);
        assertThat(seed.string("select name || key from service_definitions where id = ?::uuid", existing)).isEqualTo("ACME portalacme-portal");
        assertThat(seed.string("select name || key || match::text from service_definitions where id = ?::uuid", other))
                .isEqualTo("ACME otheracme-other{\"ports\": [9000]}");
    }

    @Test
    void a_body_that_is_not_a_json_object_answers_400_and_writes_nothing() {
        Accounts.Account owner = signUp("ada");
        for (String bad : new String[]{"{\"key\": ", "[]", "\"text\"", ""}) {
            HttpResponse<String> r = owner.web().json("POST", "/api/v1/service-definitions", bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(json(r).get("message").asText()).as(bad).isNotBlank();
        }
        assertThat(definitionCount(owner)).isZero();
    }

    @Test
    void the_built_in_catalog_is_paged_and_filtered_by_words_port_and_category() {
        Accounts.Account owner = signUp("ada");
        JsonNode all = json(owner.web().getJson("/api/v1/service-catalog"));
        assertThat(all.get("total").asInt()).isGreaterThan(400);
        assertThat(all.get("page").asInt()).isEqualTo(1);
        assertThat(all.get("size").asInt()).isEqualTo(50);
        assertThat(all.get("items")).hasSize(50);
        assertThat(all.get("categories").toString()).contains("\"database\"", "\"web-server\"", "\"printer\"");

        JsonNode postgres = json(owner.web().getJson("/api/v1/service-catalog?q=postgres"));
        JsonNode first = postgres.get("items").get(0);
        assertThat(first.get("id").asText()).isEqualTo("postgresql");
        assertThat(first.get("name").asText()).isEqualTo("PostgreSQL");
        assertThat(first.get("category").asText()).isEqualTo("database");
        assertThat(first.get("ports").toString()).isEqualTo("[5432]");
        assertThat(first.get("rule").asText()).contains("TCP port 5432");
        assertThat(first.get("match").has("any")).isTrue();

        JsonNode byPort = json(owner.web().getJson("/api/v1/service-catalog?q=5432"));
        assertThat(byPort.get("items").findValuesAsText("id")).contains("postgresql").doesNotContain("mysql");
        JsonNode words = json(owner.web().getJson("/api/v1/service-catalog?q=postgresql%20pooler"));
        assertThat(words.get("items").findValuesAsText("id")).containsExactly("pgbouncer");
        JsonNode printers = json(owner.web().getJson("/api/v1/service-catalog?category=printer&size=5&page=2"));
        assertThat(printers.get("page").asInt()).isEqualTo(2);
        assertThat(printers.get("items").findValuesAsText("category")).isNotEmpty().containsOnly("printer");
        JsonNode page1 = json(owner.web().getJson("/api/v1/service-catalog?category=printer&size=5"));
        assertThat(page1.get("items").findValuesAsText("id")).doesNotContainAnyElementsOf(printers.get("items").findValuesAsText("id"));

        for (String bad : new String[]{"?page=0", "?page=x", "?size=-1", "?category=nope", "?q=" + "q".repeat(101)}) {
            HttpResponse<String> r = owner.web().getJson("/api/v1/service-catalog" + bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(json(r).get("errors")).as(bad).isNotEmpty();
        }
    }

    @Test
    void an_api_key_acts_in_its_own_organization_and_a_viewer_key_cannot_write() {
        Accounts.Account owner = signUp("ada");
        String id = definition(owner, "acme-portal", "ACME portal", ACME_RULE);
        HttpResponse<String> key = owner.web().json("POST", "/api/v1/api-keys", "{\"name\":\"ro\",\"role\":\"VIEWER\"}");
        assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
        BearerClient viewer = new BearerClient(base(), json(key).get("token").asText());
        assertThat(json(viewer.get("/api/v1/service-definitions")).get(0).get("id").asText()).isEqualTo(id);
        HttpResponse<String> denied = viewer.send("POST", "/api/v1/service-definitions",
                body("key", "\"k\"", "name", "\"N\"", "category", "\"web-server\"", "match", "{\"ports\": [1]}"));
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(viewer.send("DELETE", "/api/v1/service-definitions/" + id, null).statusCode()).isEqualTo(403);
        assertThat(definitionCount(owner)).isEqualTo(1);

        Accounts.Account stranger = signUp("mallory");
        HttpResponse<String> theirs = stranger.web().json("POST", "/api/v1/api-keys", "{\"name\":\"rw\",\"role\":\"ADMIN\"}");
        BearerClient foreign = new BearerClient(base(), json(theirs).get("token").asText());
        assertThat(foreign.get("/api/v1/service-definitions/" + id).statusCode()).isEqualTo(404);
        assertThat(foreign.send("DELETE", "/api/v1/service-definitions/" + id, null).statusCode()).isEqualTo(404);
        assertThat(json(foreign.get("/api/v1/service-definitions"))).isEmpty();
        assertThat(definitionCount(owner)).isEqualTo(1);
    }
}
