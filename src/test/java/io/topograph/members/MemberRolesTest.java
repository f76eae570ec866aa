package io.topograph.members;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.invites.InviteSql;
import io.topograph.invites.Teams;
import jakarta.inject.Inject;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static io.topograph.support.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;

/** Who may change whom: Viewers and Members read only, Admins stay away from Owners, the last Owner stays. */
@MicronautTest
class MemberRolesTest extends AppTest {

    @Inject
    InviteSql sql;

    @Test
    void viewers_and_members_see_the_list_read_only_and_every_action_is_refused() {
        Accounts.Account owner = signUp("ada");
        Accounts.Account bob = Teams.join(base(), owner, "bob", "MEMBER");
        String bobId = Teams.membershipId(owner, bob.email());
        String ownerId = Teams.membershipId(owner, owner.email());
        for (String role : new String[] {"VIEWER", "MEMBER"}) {
            Accounts.Account person = Teams.join(base(), owner, role.toLowerCase(), role);
            HttpResponse<String> page = person.web().get(owner.org("/members"));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains(owner.email()).contains(bob.email()).doesNotContain("member-edit")
                    .doesNotContain("member-remove").doesNotContain("id=\"invite-form\"").contains("id=\"leave-organization\"");
            for (String target : new String[] {bobId, ownerId}) {
                assertThat(person.web().htmxGet(owner.org("/members/" + target + "/edit")).statusCode()).isEqualTo(403);
                assertThat(person.web().get(owner.org("/members/" + target + "/remove")).statusCode()).isEqualTo(403);
                assertThat(person.web().htmxPost(owner.org("/members/" + target), form("role", "VIEWER")).statusCode()).isEqualTo(403);
                assertThat(person.web().post(owner.org("/members/" + target + "/remove"), form()).statusCode()).isEqualTo(403);
                assertThat(person.web().json("PUT", "/api/v1/members/" + target, "{\"role\":\"VIEWER\"}").statusCode()).isEqualTo(403);
                assertThat(person.web().json("DELETE", "/api/v1/members/" + target, null).statusCode()).isEqualTo(403);
            }
            // Nor can they raise themselves.
            String self = Teams.membershipId(owner, person.email());
            assertThat(person.web().json("PUT", "/api/v1/members/" + self, "{\"role\":\"ADMIN\"}").statusCode()).isEqualTo(403);
            assertThat(Teams.json(owner.web().getJson("/api/v1/members/" + self)).get("role").asText()).isEqualTo(role);
        }
        assertThat(Teams.json(owner.web().getJson("/api/v1/members/" + bobId)).get("role").asText()).isEqualTo("MEMBER");
        assertThat(Teams.json(owner.web().getJson("/api/v1/members"))).hasSize(4);
    }

    @Test
    void an_admin_manages_admins_members_and_viewers_but_cannot_touch_owners() {
        Accounts.Account owner = signUp("ada");
        Accounts.Account admin = Teams.join(base(), owner, "adam", "ADMIN");
        Accounts.Account bob = Teams.join(base(), owner, "bob", "VIEWER");
        String ownerId = Teams.membershipId(owner, owner.email());
        String bobId = Teams.membershipId(owner, bob.email());

        HttpResponse<String> page = admin.web().get(owner.org("/members"));
        assertThat(page.body()).contains("/members/" + bobId + "/edit").doesNotContain("/members/" + ownerId + "/edit")
                .doesNotContain("/members/" + ownerId + "/remove");
        assertThat(admin.web().htmxGet(owner.org("/members/" + ownerId + "/edit")).statusCode()).isEqualTo(403);
        assertThat(admin.web().htmxPost(owner.org("/members/" + ownerId), form("role", "VIEWER")).statusCode()).isEqualTo(403);
        assertThat(admin.web().post(owner.org("/members/" + ownerId + "/remove"), form()).statusCode()).isEqualTo(403);
        assertThat(admin.web().json("DELETE", "/api/v1/members/" + ownerId, null).statusCode()).isEqualTo(403);
        // …nor make anyone Owner, themselves included.
        assertThat(admin.web().htmxPost(owner.org("/members/" + bobId), form("role", "OWNER")).statusCode()).isEqualTo(403);
        String adminId = Teams.membershipId(owner, admin.email());
        assertThat(admin.web().json("PUT", "/api/v1/members/" + adminId, "{\"role\":\"OWNER\"}").statusCode()).isEqualTo(403);
        assertThat(admin.web().htmxGet(owner.org("/members/" + bobId + "/edit")).body()).doesNotContain("value=\"OWNER\"");

        assertThat(admin.web().htmxPost(owner.org("/members/" + bobId), form("role", "ADMIN")).statusCode()).isEqualTo(200);
        assertThat(admin.web().htmxPost(owner.org("/members/" + bobId + "/remove"), form()).statusCode()).isEqualTo(200);
        assertThat(Teams.json(owner.web().getJson("/api/v1/members")).findValuesAsText("role")).containsExactly("OWNER", "ADMIN");
    }

    @Test
    void an_owner_makes_someone_owner_and_then_may_step_down() {
        Accounts.Account owner = signUp("ada");
        Accounts.Account bob = Teams.join(base(), owner, "bob", "MEMBER");
        String bobId = Teams.membershipId(owner, bob.email());
        String ownerId = Teams.membershipId(owner, owner.email());
        assertThat(owner.web().htmxPost(owner.org("/members/" + bobId), form("role", "OWNER")).statusCode()).isEqualTo(200);
        HttpResponse<String> stepDown = owner.web().json("PUT", "/api/v1/members/" + ownerId, "{\"role\":\"ADMIN\"}");
        assertThat(stepDown.statusCode()).isEqualTo(200);
        assertThat(Teams.json(stepDown).get("role").asText()).isEqualTo("ADMIN");
        // Now Bob is the only Owner and cannot be demoted or removed by anyone, himself included.
        assertThat(owner.web().json("PUT", "/api/v1/members/" + bobId, "{\"role\":\"MEMBER\"}").statusCode()).isEqualTo(403);
        HttpResponse<String> selfDemote = bob.web().htmxPost(owner.org("/members/" + bobId), form("role", "ADMIN"));
        assertThat(selfDemote.statusCode()).isEqualTo(422);
        assertThat(selfDemote.body()).contains("bob is the last Owner. Make someone else Owner first.");
        assertThat(bob.web().json("DELETE", "/api/v1/members/" + bobId, null).statusCode()).isEqualTo(409);
        assertThat(Teams.json(bob.web().getJson("/api/v1/members/" + bobId)).get("role").asText()).isEqualTo("OWNER");
    }

    @Test
    void the_last_owner_cannot_demote_themselves() {
        Accounts.Account owner = signUp("ada");
        String ownerId = Teams.membershipId(owner, owner.email());
        HttpResponse<String> api = owner.web().json("PUT", "/api/v1/members/" + ownerId, "{\"role\":\"ADMIN\"}");
        assertThat(api.statusCode()).isEqualTo(422);
        assertThat(Teams.json(api).get("errors").get(0).get("message").asText()).contains("is the last Owner");
        HttpResponse<String> plain = owner.web().post(owner.org("/members/" + ownerId), form("role", "VIEWER"));
        assertThat(plain.statusCode()).isEqualTo(422);
        assertThat(plain.body()).contains("is the last Owner");
        assertThat(Teams.json(owner.web().getJson("/api/v1/members/" + ownerId)).get("role").asText()).isEqualTo("OWNER");
    }

    @Test
    void removing_someone_revokes_their_api_keys_for_the_organization_only() {
        Accounts.Account owner = signUp("ada");
        Accounts.Account bob = Teams.join(base(), owner, "bob", "MEMBER");
        Accounts.Account other = signUp("olga");
        String otherBob = Teams.path(Teams.sendInvite(other, bob.email(), "MEMBER").get("url").asText());
        assertThat(bob.web().post(otherBob + "/accept", form()).statusCode()).isEqualTo(303);
        String keys = "select count(*) from user_api_keys k join users u on u.id = k.user_id where lower(u.email) = lower(?) and k.revoked_at is null";
        sql.execute("insert into user_api_keys (id, organization_id, user_id, name, prefix, token_hash, role)"
                + " select gen_random_uuid(), o.id, u.id, 'script', 'tg_test', sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'MEMBER'"
                + " from organizations o, users u where o.slug in (?, ?) and lower(u.email) = lower(?)", owner.slug(), other.slug(), bob.email());
        assertThat(sql.count(keys, bob.email())).isEqualTo(2);

        assertThat(owner.web().json("DELETE", "/api/v1/members/" + Teams.membershipId(owner, bob.email()), null).statusCode()).isEqualTo(204);
        assertThat(sql.count(keys, bob.email())).isEqualTo(1);
        assertThat(bob.web().get(owner.org("/members")).statusCode()).isEqualTo(404);
        assertThat(bob.web().get(other.org("/members")).statusCode()).isEqualTo(200);
    }
}
