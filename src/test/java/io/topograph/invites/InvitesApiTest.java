package io.topograph.invites;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class InvitesApiTest extends AppTest {

    @Inject
    InviteSql sql;

    @Test
    void an_invite_is_created_listed_resent_and_revoked() {
        Accounts.Account owner = signUp("ada");
        String lab = Teams.createNetwork(owner, "Lab");
        String email = Accounts.uniqueEmail("bob");
        HttpResponse<String> created = owner.web().json("POST", "/api/v1/invites", Teams.body(Teams.invite(email, "member", lab)));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode invite = Teams.json(created);
        String id = invite.get("id").asText();
        assertThat(created.headers().firstValue("Location").orElseThrow()).isEqualTo("/api/v1/invites/" + id);
        assertThat(invite.get("email").asText()).isEqualTo(email);
        assertThat(invite.get("role").asText()).isEqualTo("MEMBER");
        assertThat(invite.get("networkIds").get(0).asText()).isEqualTo(lab);
        assertThat(invite.get("invitedBy").asText()).isEqualTo(owner.name());
        assertThat(invite.get("expired").asBoolean()).isFalse();
        assertThat(invite.get("url").asText()).isEqualTo(sql.lastInviteUrl(email));

        JsonNode list = Teams.json(owner.web().getJson("/api/v1/invites"));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("url").isNull()).isTrue();
        assertThat(Teams.json(owner.web().getJson("/api/v1/invites/" + id)).get("email").asText()).isEqualTo(email);

        HttpResponse<String> resent = owner.web().json("POST", "/api/v1/invites/" + id + "/resend", null);
        assertThat(resent.statusCode()).isEqualTo(200);
        assertThat(Teams.json(resent).get("url").asText()).isNotEqualTo(invite.get("url").asText()).isEqualTo(sql.lastInviteUrl(email));

        assertThat(owner.web().json("DELETE", "/api/v1/invites/" + id, null).statusCode()).isEqualTo(204);
        assertThat(Teams.json(owner.web().getJson("/api/v1/invites"))).isEmpty();
        assertThat(owner.web().getJson("/api/v1/invites/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void owners_and_admins_invites_carry_no_networks() {
        Accounts.Account owner = signUp("ada");
        String lab = Teams.createNetwork(owner, "Lab");
        JsonNode invite = Teams.sendInvite(owner, Accounts.uniqueEmail("bob"), "ADMIN", lab);
        assertThat(invite.get("networkIds")).isEmpty();
    }

    @Test
    void bad_input_answers_422_with_field_errors_and_writes_nothing() {
        Accounts.Account owner = signUp("ada");
        Accounts.Account stranger = signUp("mallory");
        String email = Accounts.uniqueEmail("bob");
        assertInvalid(owner, Map.of("role", "MEMBER"), "email");
        assertInvalid(owner, Map.of("email", "", "role", "MEMBER"), "email");
        assertInvalid(owner, Map.of("email", "bob@", "role", "MEMBER"), "email");
        assertInvalid(owner, Map.of("email", "b".repeat(300) + "@example.com", "role", "MEMBER"), "email");
        assertInvalid(owner, Map.of("email", email), "role");
        assertInvalid(owner, Map.of("email", email, "role", "ROOT"), "role");
        assertInvalid(owner, Teams.invite(email, "MEMBER", Teams.homeNetworkId(stranger)), "networkIds");
        assertInvalid(owner, Teams.invite(email, "MEMBER", "not-a-uuid"), "networkIds");
        assertThat(sql.invitesTo(email)).isZero();

        HttpResponse<String> notJson = owner.web().json("POST", "/api/v1/invites", "{\"email\": ");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(Teams.json(owner.web().getJson("/api/v1/invites"))).isEmpty();
    }

    @Test
    void a_viewer_or_member_can_list_but_not_invite_resend_or_revoke() {
        Accounts.Account owner = signUp("ada");
        String id = Teams.sendInvite(owner, Accounts.uniqueEmail("carol"), "MEMBER").get("id").asText();
        Accounts.Account viewer = Teams.join(base(), owner, "vera", "VIEWER");
        Accounts.Account member = Teams.join(base(), owner, "max", "MEMBER");
        for (Accounts.Account person : new Accounts.Account[] {viewer, member}) {
            assertThat(Teams.json(person.web().getJson("/api/v1/invites"))).hasSize(1);
            String email = Accounts.uniqueEmail("x");
            HttpResponse<String> create = person.web().json("POST", "/api/v1/invites", Teams.body(Teams.invite(email, "VIEWER")));
            assertThat(create.statusCode()).isEqualTo(403);
            assertThat(Teams.json(create).get("message").asText()).contains("Only Owners and Admins");
            assertThat(person.web().json("POST", "/api/v1/invites/" + id + "/resend", null).statusCode()).isEqualTo(403);
            assertThat(person.web().json("DELETE", "/api/v1/invites/" + id, null).statusCode()).isEqualTo(403);
            assertThat(sql.invitesTo(email)).isZero();
        }
        assertThat(Teams.json(owner.web().getJson("/api/v1/invites"))).hasSize(1);
    }

    @Test
    void an_admin_cannot_invite_an_owner() {
        Accounts.Account owner = signUp("ada");
        Accounts.Account admin = Teams.join(base(), owner, "adam", "ADMIN");
        String email = Accounts.uniqueEmail("bob");
        HttpResponse<String> response = admin.web().json("POST", "/api/v1/invites", Teams.body(Teams.invite(email, "OWNER")));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(sql.invitesTo(email)).isZero();
    }

    @Test
    void another_organizations_invites_answer_404() {
        Accounts.Account owner = signUp("ada");
        Accounts.Account stranger = signUp("mallory");
        String id = Teams.sendInvite(owner, Accounts.uniqueEmail("bob"), "MEMBER").get("id").asText();
        assertThat(stranger.web().getJson("/api/v1/invites/" + id).statusCode()).isEqualTo(404);
        assertThat(stranger.web().json("POST", "/api/v1/invites/" + id + "/resend", null).statusCode()).isEqualTo(404);
        assertThat(stranger.web().json("DELETE", "/api/v1/invites/" + id, null).statusCode()).isEqualTo(404);
        assertThat(Teams.json(stranger.web().getJson("/api/v1/invites"))).isEmpty();
        assertThat(Teams.json(owner.web().getJson("/api/v1/invites"))).hasSize(1);
    }

    private static void assertInvalid(Accounts.Account owner, Map<String, ?> body, String field) {
        HttpResponse<String> response = owner.web().json("POST", "/api/v1/invites", Teams.body(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(Teams.json(response).get("errors").findValuesAsText("field")).contains(field);
    }
}
