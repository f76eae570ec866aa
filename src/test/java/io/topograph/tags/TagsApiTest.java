package io.topograph.tags;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.hosts.InventoryTestBase;
import io.topograph.platform.tenancy.Role;
import io.topograph.support.Accounts;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class TagsApiTest extends InventoryTestBase {

    @Test
    void tags_are_created_listed_by_name_updated_and_deleted() {
        Accounts.Account owner = signUp("ada");
        HttpResponse<String> created = owner.web().json("POST", "/api/v1/tags", "{\"name\":\"  zeta \",\"color\":\"#ABCDEF\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode z = json(created);
        assertThat(created.headers().firstValue("Location").orElseThrow()).isEqualTo("/api/v1/tags/" + z.get("id").asText());
        assertThat(z.get("name").asText()).isEqualTo("zeta");
        assertThat(z.get("color").asText()).isEqualTo("#abcdef");
        assertThat(z.get("hostCount").asLong()).isZero();
        JsonNode defaulted = json(owner.web().json("POST", "/api/v1/tags", "{\"name\":\"Alpha\"}"));
        assertThat(defaulted.get("color").asText()).isEqualTo("#6c757d");
        assertThat(names(json(owner.web().getJson("/api/v1/tags")))).containsExactly("Alpha", "zeta");

        String id = z.get("id").asText();
        HttpResponse<String> updated = owner.web().json("PUT", "/api/v1/tags/" + id, "{\"name\":\"Zeta\",\"color\":\"#000000\"}");
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(json(updated).get("name").asText()).isEqualTo("Zeta");
        assertThat(owner.web().json("DELETE", "/api/v1/tags/" + id, null).statusCode()).isEqualTo(204);
        assertThat(owner.web().getJson("/api/v1/tags/" + id).statusCode()).isEqualTo(404);
        assertThat(owner.web().json("PUT", "/api/v1/tags/" + id, "{\"name\":\"back\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void invalid_tags_answer_422_with_the_field_and_write_nothing() {
        Accounts.Account owner = signUp("ada");
        tag(owner, "Prod", "#000000");
        String[][] cases = {
                {"{\"name\":\"prod\"}", "name"},
                {"{\"name\":\"\"}", "name"},
                {"{}", "name"},
                {"{\"name\":\"" + "t".repeat(41) + "\"}", "name"},
                {"{\"name\":\"ok\",\"color\":\"#12345g\"}", "color"},
                {"{\"name\":\"ok\",\"color\":\"rgb(1,2,3)\"}", "color"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = owner.web().json("POST", "/api/v1/tags", c[0]);
            assertThat(r.statusCode()).as(c[0]).isEqualTo(422);
            assertThat(json(r).get("errors").get(0).get("field").asText()).as(c[0]).isEqualTo(c[1]);
        }
        assertThat(seed.count("select count(*) from tags where organization_id = ?", seed.orgId(owner))).isEqualTo(1);
    }

    @Test
    void network_tags_are_replaced_as_a_whole() {
        Accounts.Account owner = signUp("ada");
        UUID network = seed.firstNetwork(owner);
        String a = tag(owner, "a", "#000000");
        String b = tag(owner, "b", "#ffffff");
        HttpResponse<String> r = owner.web().json("PUT", "/api/v1/networks/" + network + "/tags", "{\"tagIds\":[\"" + b + "\",\"" + a + "\"]}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(names(json(r))).containsExactly("a", "b");
        assertThat(names(json(owner.web().getJson("/api/v1/networks/" + network + "/tags")))).containsExactly("a", "b");
        assertThat(json(owner.web().getJson("/api/v1/tags/" + a)).get("networkCount").asLong()).isEqualTo(1);
        assertThat(owner.web().json("PUT", "/api/v1/networks/" + network + "/tags", "{\"tagIds\":[\"" + UUID.randomUUID() + "\"]}").statusCode()).isEqualTo(422);
        assertThat(owner.web().json("PUT", "/api/v1/networks/" + network + "/tags", "{}").statusCode()).isEqualTo(422);
        assertThat(names(json(owner.web().getJson("/api/v1/networks/" + network + "/tags")))).containsExactly("a", "b");
    }

    @Test
    void viewers_get_403_on_changes_and_other_organizations_404() {
        Accounts.Account owner = signUp("ada");
        String id = tag(owner, "stable", "#000000");
        UUID network = seed.firstNetwork(owner);
        Accounts.Account viewer = signUp("vic");
        seed.addMember(owner, viewer, Role.VIEWER, network);
        switchTo(viewer, owner);
        assertThat(names(json(viewer.web().getJson("/api/v1/tags")))).containsExactly("stable");
        assertThat(viewer.web().json("POST", "/api/v1/tags", "{\"name\":\"nope\"}").statusCode()).isEqualTo(403);
        assertThat(viewer.web().json("PUT", "/api/v1/tags/" + id, "{\"name\":\"pwned\"}").statusCode()).isEqualTo(403);
        assertThat(viewer.web().json("DELETE", "/api/v1/tags/" + id, null).statusCode()).isEqualTo(403);

        Accounts.Account stranger = signUp("mallory");
        assertThat(names(json(stranger.web().getJson("/api/v1/tags")))).isEmpty();
        assertThat(stranger.web().getJson("/api/v1/tags/" + id).statusCode()).isEqualTo(404);
        assertThat(stranger.web().json("PUT", "/api/v1/tags/" + id, "{\"name\":\"pwned\"}").statusCode()).isEqualTo(404);
        assertThat(stranger.web().json("DELETE", "/api/v1/tags/" + id, null).statusCode()).isEqualTo(404);
        assertThat(seed.string("select name from tags where id = ?::uuid", id)).isEqualTo("stable");
    }
}
