package io.topograph.members;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.invites.Teams;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static io.topograph.support.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class MembersApiTest extends AppTest {

    @Test
    void members_are_listed_updated_and_removed() {
        Accounts.Account owner = signUp("ada");
        String lab = Teams.createNetwork(owner, "Lab");
        String dmz = Teams.createNetwork(owner, "DMZ");
        Accounts.Account bob = Teams.join(base(), owner, "bob", "VIEWER", lab);

        JsonNode list = Teams.json(owner.web().getJson("/api/v1/members"));
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("email").asText()).isEqualTo(owner.email());
        assertThat(list.get(0).get("role").asText()).isEqualTo("OWNER");
        assertThat(list.get(0).get("allNetworks").asBoolean()).isTrue();
        JsonNode row = list.get(1);
        assertThat(row.get("name").asText()).isEqualTo("bob");
        assertThat(row.get("role").asText()).isEqualTo("VIEWER");
        assertThat(row.get("allNetworks").asBoolean()).isFalse();
        assertThat(row.get("networkIds").toString()).isEqualTo("[\"" + lab + "\"]");
        assertThat(java.time.Instant.parse(row.get("joinedAt").asText())).isBefore(java.time.Instant.now().plusSeconds(5));
        String id = row.get("id").asText();

        HttpResponse<String> updated = owner.web().json("PUT", "/api/v1/members/" + id,
                Teams.body(Map.of("role", "member", "networkIds", List.of(lab, dmz))));
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(Teams.json(updated).get("role").asText()).isEqualTo("MEMBER");
        assertThat(Teams.json(updated).get("networkIds")).hasSize(2);
        assertThat(bob.web().get(owner.org("/networks")).body()).contains("Lab").contains("DMZ");

        HttpResponse<String> admin = owner.web().json("PUT", "/api/v1/members/" + id, Teams.body(Map.of("role", "ADMIN", "networkIds", List.of(lab))));
        assertThat(Teams.json(admin).get("allNetworks").asBoolean()).isTrue();
        assertThat(Teams.json(admin).get("networkIds")).isEmpty();

        assertThat(owner.web().json("DELETE", "/api/v1/members/" + id, null).statusCode()).isEqualTo(204);
        assertThat(owner.web().getJson("/api/v1/members/" + id).statusCode()).isEqualTo(404);
        assertThat(Teams.json(owner.web().getJson("/api/v1/members"))).hasSize(1);
    }

    @Test
    void a_member_sees_only_the_network_ids_they_may_see() {
        Accounts.Account owner = signUp("ada");
        String lab = Teams.createNetwork(owner, "Lab");
        String dmz = Teams.createNetwork(owner, "DMZ");
        Accounts.Account carol = Teams.join(base(), owner, "carol", "MEMBER", lab, dmz);
        Accounts.Account bob = Teams.join(base(), owner, "bob", "MEMBER", lab);
        JsonNode list = Teams.json(bob.web().getJson("/api/v1/members"));
        String carolNetworks = null;
        for (JsonNode m : list) {
            if (m.get("email").asText().equals(carol.email())) {
                carolNetworks = m.get("networkIds").toString();
            }
        }
        assertThat(carolNetworks).isEqualTo("[\"" + lab + "\"]");
        assertThat(bob.web().get(owner.org("/members")).body()).doesNotContain("DMZ");
    }

    @Test
    void bad_input_answers_422_and_changes_nothing() {
        Accounts.Account owner = signUp("ada");
        Accounts.Account stranger = signUp("mallory");
        Accounts.Account bob = Teams.join(base(), owner, "bob", "VIEWER");
        String id = Teams.membershipId(owner, bob.email());
        assertInvalid(owner, id, "{}", "role");
        assertInvalid(owner, id, "{\"role\":\"KING\"}", "role");
        assertInvalid(owner, id, "{\"role\":\"" + "M".repeat(5000) + "\"}", "role");
        assertInvalid(owner, id, Teams.body(Map.of("role", "MEMBER", "networkIds", List.of(Teams.homeNetworkId(stranger)))), "networkIds");
        assertInvalid(owner, id, Teams.body(Map.of("role", "MEMBER", "networkIds", List.of("0000"))), "networkIds");
        assertThat(owner.web().json("PUT", "/api/v1/members/" + id, "[").statusCode()).isEqualTo(400);
        assertThat(owner.web().json("PUT", "/api/v1/members/not-a-uuid", "{\"role\":\"MEMBER\"}").statusCode()).isEqualTo(400);
        JsonNode after = Teams.json(owner.web().getJson("/api/v1/members/" + id));
        assertThat(after.get("role").asText()).isEqualTo("VIEWER");
        assertThat(after.get("networkIds")).isEmpty();
    }

    @Test
    void another_organizations_members_answer_404_on_pages_and_api() {
        Accounts.Account owner = signUp("ada");
        Accounts.Account bob = Teams.join(base(), owner, "bob", "MEMBER");
        Accounts.Account stranger = signUp("mallory");
        String id = Teams.membershipId(owner, bob.email());

        assertThat(stranger.web().get(owner.org("/members")).statusCode()).isEqualTo(404);
        assertThat(stranger.web().htmxGet(owner.org("/members")).statusCode()).isEqualTo(404);
        assertThat(stranger.web().post(owner.org("/membership/leave"), form()).statusCode()).isEqualTo(404);
        assertThat(stranger.web().get(owner.org("/membership/leave")).statusCode()).isEqualTo(404);
        assertThat(stranger.web().htmxGet(stranger.org("/members/" + id + "/row")).statusCode()).isEqualTo(404);
        assertThat(stranger.web().htmxGet(stranger.org("/members/" + id + "/edit")).statusCode()).isEqualTo(404);
        assertThat(stranger.web().get(stranger.org("/members/" + id + "/remove")).statusCode()).isEqualTo(404);
        assertThat(stranger.web().htmxPost(stranger.org("/members/" + id), form("role", "VIEWER")).statusCode()).isEqualTo(404);
        assertThat(stranger.web().post(stranger.org("/members/" + id + "/remove"), form()).statusCode()).isEqualTo(404);

        assertThat(stranger.web().getJson("/api/v1/members/" + id).statusCode()).isEqualTo(404);
        assertThat(stranger.web().json("PUT", "/api/v1/members/" + id, "{\"role\":\"VIEWER\"}").statusCode()).isEqualTo(404);
        assertThat(stranger.web().json("DELETE", "/api/v1/members/" + id, null).statusCode()).isEqualTo(404);
        assertThat(Teams.json(stranger.web().getJson("/api/v1/members")).findValuesAsText("email")).containsExactly(stranger.email());

        assertThat(Teams.json(owner.web().getJson("/api/v1/members/" + id)).get("role").asText()).isEqualTo("MEMBER");
    }

    private static void assertInvalid(Accounts.Account owner, String id, String body, String field) {
        HttpResponse<String> response = owner.web().json("PUT", "/api/v1/members/" + id, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(Teams.json(response).get("errors").findValuesAsText("field")).contains(field);
    }
}
