package io.topograph.invites;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static io.topograph.support.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;

/** The pending-invites region of the Members page: invite, resend, revoke, with and without htmx. */
@MicronautTest
class InvitesPagesTest extends AppTest {

    @Inject
    InviteSql sql;

    @Test
    void inviting_with_htmx_answers_the_refreshed_region_with_the_link_and_a_toast() {
        Accounts.Account owner = signUp("ada");
        String lab = Teams.createNetwork(owner, "Lab");
        String email = Accounts.uniqueEmail("bob");
        HttpResponse<String> response = owner.web().htmxPost(owner.org("/invites"),
                form("email", email, "role", "MEMBER", "networkIds", lab));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("id=\"invites-panel\"").contains(email).contains("Lab").contains("id=\"invite-link\"")
                .contains(Teams.path(sql.lastInviteUrl(email))).doesNotContain("<html");
        assertThat(response.headers().firstValue("HX-Trigger").orElseThrow()).contains("tg:invites-changed").contains("Invite sent to " + email);
        // The form is fresh again.
        assertThat(response.body()).contains("id=\"invite-email\" name=\"email\" value=\"\"");
    }

    @Test
    void inviting_without_javascript_redirects_back_with_a_flash_message() {
        Accounts.Account owner = signUp("ada");
        String email = Accounts.uniqueEmail("bob");
        HttpResponse<String> response = owner.web().post(owner.org("/invites"), form("email", email, "role", "VIEWER"));
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location").orElseThrow()).isEqualTo(owner.org("/members"));
        HttpResponse<String> page = owner.web().get(owner.org("/members"));
        assertThat(page.body()).contains("Invite sent to " + email).contains("invite-table").contains("Viewer").contains(owner.name());
        assertThat(owner.web().get(owner.org("/invites")).statusCode()).isEqualTo(303);
        assertThat(owner.web().htmxGet(owner.org("/invites")).body()).startsWith("<div").contains(email);
    }

    @Test
    void several_networks_can_be_granted_in_one_invite() {
        Accounts.Account owner = signUp("ada");
        String lab = Teams.createNetwork(owner, "Lab");
        String dmz = Teams.createNetwork(owner, "DMZ");
        String email = Accounts.uniqueEmail("bob");
        // A browser posts one networkIds field per ticked checkbox.
        HttpResponse<String> response = Teams.rawFormPost(owner.web(), owner.org("/invites"),
                "email=" + email + "&role=MEMBER&networkIds=" + lab + "&networkIds=" + dmz);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        assertThat(Teams.json(owner.web().getJson("/api/v1/invites")).get(0).get("networkIds").toString())
                .contains(lab).contains(dmz).doesNotContain(Teams.homeNetworkId(owner));
    }

    @Test
    void bad_input_is_explained_next_to_the_fields_and_nothing_is_written() {
        Accounts.Account owner = signUp("ada");
        Accounts.Account stranger = signUp("mallory");
        String foreignNetwork = Teams.homeNetworkId(stranger);
        String email = Accounts.uniqueEmail("bob");

        HttpResponse<String> empty = owner.web().htmxPost(owner.org("/invites"), form("email", " ", "role", "MEMBER"));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("id=\"invites-panel\"").contains("This field is required.").doesNotContain("<html");
        HttpResponse<String> malformed = owner.web().post(owner.org("/invites"), form("email", "not-an-email", "role", "MEMBER"));
        assertThat(malformed.statusCode()).isEqualTo(422);
        assertThat(malformed.body()).contains("<html").contains("Enter a valid email address").contains("value=\"not-an-email\"");
        String overlong = "a".repeat(250) + "@example.com";
        assertThat(owner.web().htmxPost(owner.org("/invites"), form("email", overlong, "role", "MEMBER")).body())
                .contains("Enter a valid email address");
        HttpResponse<String> role = owner.web().htmxPost(owner.org("/invites"), form("email", email, "role", "SUPERUSER"));
        assertThat(role.statusCode()).isEqualTo(422);
        assertThat(role.body()).contains("Choose one of Owner, Admin, Member or Viewer.");
        HttpResponse<String> foreign = owner.web().htmxPost(owner.org("/invites"),
                form("email", email, "role", "MEMBER", "networkIds", foreignNetwork));
        assertThat(foreign.statusCode()).isEqualTo(422);
        assertThat(foreign.body()).contains("Unknown network");
        HttpResponse<String> garbage = owner.web().htmxPost(owner.org("/invites"), form("email", email, "role", "MEMBER", "networkIds", "../x"));
        assertThat(garbage.statusCode()).isEqualTo(422);

        assertThat(sql.invitesTo(email)).isZero();
        assertThat(sql.invitesTo(overlong)).isZero();
        assertThat(sql.lastInviteMail(email)).isNull();
    }

    @Test
    void an_existing_member_or_a_second_pending_invite_is_a_field_error() {
        Accounts.Account owner = signUp("ada");
        HttpResponse<String> self = owner.web().htmxPost(owner.org("/invites"), form("email", owner.email().toUpperCase(), "role", "MEMBER"));
        assertThat(self.statusCode()).isEqualTo(422);
        assertThat(self.body()).contains("is already a member of");

        String email = Accounts.uniqueEmail("bob");
        Teams.sendInvite(owner, email, "MEMBER");
        HttpResponse<String> twice = owner.web().htmxPost(owner.org("/invites"), form("email", " " + email.toUpperCase() + " ", "role", "VIEWER"));
        assertThat(twice.statusCode()).isEqualTo(422);
        assertThat(twice.body()).contains("already pending");
        assertThat(sql.invitesTo(email)).isEqualTo(1);
    }

    @Test
    void members_and_viewers_see_pending_invites_without_the_form_or_buttons_and_cannot_act() {
        Accounts.Account owner = signUp("ada");
        String pending = Accounts.uniqueEmail("carol");
        String inviteId = Teams.sendInvite(owner, pending, "VIEWER").get("id").asText();
        for (String role : new String[] {"MEMBER", "VIEWER"}) {
            Accounts.Account person = Teams.join(base(), owner, role.toLowerCase(), role);
            HttpResponse<String> page = person.web().get(owner.org("/members"));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains(pending).doesNotContain("id=\"invite-form\"").doesNotContain("invite-resend")
                    .doesNotContain("invite-revoke");
            String email = Accounts.uniqueEmail("x");
            assertThat(person.web().post(owner.org("/invites"), form("email", email, "role", "VIEWER")).statusCode()).isEqualTo(403);
            assertThat(person.web().htmxPost(owner.org("/invites/" + inviteId + "/resend"), form()).statusCode()).isEqualTo(403);
            assertThat(person.web().post(owner.org("/invites/" + inviteId + "/revoke"), form()).statusCode()).isEqualTo(403);
            assertThat(sql.invitesTo(email)).isZero();
        }
        assertThat(Teams.json(owner.web().getJson("/api/v1/invites")).findValuesAsText("email")).contains(pending);
    }

    @Test
    void only_owners_invite_owners_or_touch_owner_invites() {
        Accounts.Account owner = signUp("ada");
        Accounts.Account admin = Teams.join(base(), owner, "adam", "ADMIN");
        String email = Accounts.uniqueEmail("bob");
        HttpResponse<String> asOwner = admin.web().htmxPost(owner.org("/invites"), form("email", email, "role", "OWNER"));
        assertThat(asOwner.statusCode()).isEqualTo(403);
        assertThat(sql.invitesTo(email)).isZero();
        String ownerInvite = Teams.sendInvite(owner, Accounts.uniqueEmail("olivia"), "OWNER").get("id").asText();
        assertThat(admin.web().post(owner.org("/invites/" + ownerInvite + "/revoke"), form()).statusCode()).isEqualTo(403);
        assertThat(admin.web().post(owner.org("/invites/" + ownerInvite + "/resend"), form()).statusCode()).isEqualTo(403);
        assertThat(admin.web().get(owner.org("/members")).body()).contains("Owner").doesNotContain("value=\"OWNER\"");
        // Admins do invite Admins, Members and Viewers.
        assertThat(admin.web().post(owner.org("/invites"), form("email", email, "role", "ADMIN")).statusCode()).isEqualTo(303);
    }

    @Test
    void another_organizations_invites_answer_404() {
        Accounts.Account owner = signUp("ada");
        Accounts.Account stranger = signUp("mallory");
        String id = Teams.sendInvite(owner, Accounts.uniqueEmail("bob"), "MEMBER").get("id").asText();
        assertThat(stranger.web().get(owner.org("/members")).statusCode()).isEqualTo(404);
        assertThat(stranger.web().htmxGet(owner.org("/invites")).statusCode()).isEqualTo(404);
        assertThat(stranger.web().post(owner.org("/invites"), form("email", Accounts.uniqueEmail("x"), "role", "MEMBER")).statusCode()).isEqualTo(404);
        assertThat(stranger.web().post(stranger.org("/invites/" + id + "/resend"), form()).statusCode()).isEqualTo(404);
        assertThat(stranger.web().htmxPost(stranger.org("/invites/" + id + "/revoke"), form()).statusCode()).isEqualTo(404);
        assertThat(Teams.json(owner.web().getJson("/api/v1/invites")).get(0).get("id").asText()).isEqualTo(id);
    }
}
