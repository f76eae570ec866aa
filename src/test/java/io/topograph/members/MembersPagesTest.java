package io.topograph.members;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.invites.Teams;
import io.topograph.networks.NetworkService;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static io.topograph.support.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;

/** The member list: page, htmx fragments, inline edit, removal and leaving, with and without JavaScript. */
@MicronautTest
class MembersPagesTest extends AppTest {

    @Test
    void the_page_lists_members_with_roles_networks_and_an_empty_invite_state() {
        Accounts.Account owner = signUp("ada");
        String lab = Teams.createNetwork(owner, "Lab");
        Accounts.Account bob = Teams.join(base(), owner, "bob", "MEMBER", lab);
        HttpResponse<String> page = owner.web().get(owner.org("/members"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Members of").contains(owner.email()).contains(bob.email()).contains("Owner").contains("Member")
                .contains("All networks").contains(">Lab<").contains("id=\"invites-empty\"").contains("No pending invites.")
                .contains("id=\"invite-form\"").contains("member-edit").contains("id=\"leave-organization\"");
        assertThat(page.body()).contains("/members/" + Teams.membershipId(owner, bob.email()) + "/edit");
    }

    @Test
    void an_htmx_request_for_the_page_gets_only_the_list() {
        Accounts.Account owner = signUp("ada");
        HttpResponse<String> fragment = owner.web().htmxGet(owner.org("/members"));
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).startsWith("<div").contains("id=\"member-list\"").contains(owner.email())
                .doesNotContain("<html").doesNotContain("invites-panel");
    }

    @Test
    void inline_edit_swaps_the_row_and_saves_role_and_networks() {
        Accounts.Account owner = signUp("ada");
        String lab = Teams.createNetwork(owner, "Lab");
        Accounts.Account bob = Teams.join(base(), owner, "bob", "VIEWER");
        String id = Teams.membershipId(owner, bob.email());

        HttpResponse<String> edit = owner.web().htmxGet(owner.org("/members/" + id + "/edit"));
        assertThat(edit.statusCode()).isEqualTo(200);
        assertThat(edit.body()).startsWith("<tr").contains("id=\"member-" + id + "\"").contains("<form").contains("name=\"role\"")
                .contains("name=\"networkIds\"").contains("value=\"" + lab + "\"").doesNotContain("<html");
        HttpResponse<String> cancel = owner.web().htmxGet(owner.org("/members/" + id + "/row"));
        assertThat(cancel.body()).startsWith("<tr").doesNotContain("<form");

        HttpResponse<String> saved = owner.web().htmxPost(owner.org("/members/" + id), form("role", "MEMBER", "networkIds", lab));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).startsWith("<tr").contains("id=\"member-" + id + "\"").contains("Member").contains(">Lab<").doesNotContain("<form");
        assertThat(saved.headers().firstValue("HX-Trigger").orElseThrow()).contains("tg:members-changed").contains("is now Member");
        assertThat(bob.web().get(owner.org("/networks")).body()).contains("Lab").doesNotContain(NetworkService.FIRST_NETWORK_NAME);
    }

    @Test
    void editing_without_javascript_uses_a_page_and_redirects_back() {
        Accounts.Account owner = signUp("ada");
        Accounts.Account bob = Teams.join(base(), owner, "bob", "MEMBER");
        String id = Teams.membershipId(owner, bob.email());
        HttpResponse<String> page = owner.web().get(owner.org("/members/" + id + "/edit"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html").contains("Role and networks of");
        HttpResponse<String> saved = owner.web().post(owner.org("/members/" + id), form("role", "ADMIN"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).isEqualTo(owner.org("/members"));
        assertThat(owner.web().get(owner.org("/members")).body()).contains("bob is now Admin.");
        assertThat(bob.web().get(owner.org("/networks")).body()).contains(NetworkService.FIRST_NETWORK_NAME);
    }

    @Test
    void bad_input_in_the_edit_row_is_explained_and_nothing_changes() {
        Accounts.Account owner = signUp("ada");
        Accounts.Account stranger = signUp("mallory");
        Accounts.Account bob = Teams.join(base(), owner, "bob", "VIEWER");
        String id = Teams.membershipId(owner, bob.email());
        HttpResponse<String> role = owner.web().htmxPost(owner.org("/members/" + id), form("role", "GOD"));
        assertThat(role.statusCode()).isEqualTo(422);
        assertThat(role.body()).startsWith("<tr").contains("Choose one of Owner, Admin, Member or Viewer.");
        HttpResponse<String> empty = owner.web().post(owner.org("/members/" + id), form("role", ""));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("<html").contains("Choose a role.");
        HttpResponse<String> foreign = owner.web().htmxPost(owner.org("/members/" + id),
                form("role", "MEMBER", "networkIds", Teams.homeNetworkId(stranger)));
        assertThat(foreign.statusCode()).isEqualTo(422);
        assertThat(foreign.body()).contains("Unknown network");
        assertThat(Teams.json(owner.web().getJson("/api/v1/members/" + id)).get("role").asText()).isEqualTo("VIEWER");
    }

    @Test
    void removing_a_member_with_htmx_answers_an_empty_row_and_without_javascript_asks_first() {
        Accounts.Account owner = signUp("ada");
        Accounts.Account bob = Teams.join(base(), owner, "bob", "MEMBER");
        Accounts.Account carol = Teams.join(base(), owner, "carol", "VIEWER");
        String bobId = Teams.membershipId(owner, bob.email());
        HttpResponse<String> removed = owner.web().htmxPost(owner.org("/members/" + bobId + "/remove"), form());
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(removed.body()).isEmpty();
        assertThat(removed.headers().firstValue("HX-Trigger").orElseThrow()).contains("bob was removed");
        assertThat(bob.web().get(owner.org("/members")).statusCode()).isEqualTo(404);

        String carolId = Teams.membershipId(owner, carol.email());
        HttpResponse<String> confirm = owner.web().get(owner.org("/members/" + carolId + "/remove"));
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Remove <span>carol</span>?").contains(carol.email());
        HttpResponse<String> plain = owner.web().post(owner.org("/members/" + carolId + "/remove"), form());
        assertThat(plain.statusCode()).isEqualTo(303);
        assertThat(owner.web().get(owner.org("/members")).body()).contains("carol was removed").doesNotContain(carol.email());
        assertThat(carol.web().get(owner.org("/networks")).statusCode()).isEqualTo(404);
    }

    @Test
    void any_member_can_leave_and_lands_outside_the_organization() {
        Accounts.Account owner = signUp("ada");
        Accounts.Account viewer = Teams.join(base(), owner, "vera", "VIEWER");
        HttpResponse<String> confirm = viewer.web().get(owner.org("/membership/leave"));
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Leave <span>").doesNotContain("leave-last-owner");
        HttpResponse<String> left = viewer.web().post(owner.org("/membership/leave"), form());
        assertThat(left.statusCode()).isEqualTo(303);
        assertThat(left.headers().firstValue("Location").orElseThrow()).isEqualTo("/");
        assertThat(viewer.web().get(owner.org("/members")).statusCode()).isEqualTo(404);
        assertThat(owner.web().get(owner.org("/members")).body()).doesNotContain(viewer.email());

        Accounts.Account member = Teams.join(base(), owner, "max", "MEMBER");
        HttpResponse<String> htmx = member.web().htmxPost(owner.org("/membership/leave"), form());
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.headers().firstValue("HX-Redirect").orElseThrow()).isEqualTo("/");
        assertThat(member.web().get(owner.org("/members")).statusCode()).isEqualTo(404);
    }

    @Test
    void the_last_owner_gets_a_clear_refusal_when_leaving() {
        Accounts.Account owner = signUp("ada");
        HttpResponse<String> confirm = owner.web().get(owner.org("/membership/leave"));
        assertThat(confirm.body()).contains("id=\"leave-last-owner\"").contains("You are the last Owner");
        HttpResponse<String> refused = owner.web().post(owner.org("/membership/leave"), form());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("You are the last Owner of");
        HttpResponse<String> htmx = owner.web().htmxPost(owner.org("/membership/leave"), form());
        assertThat(htmx.statusCode()).isEqualTo(409);
        assertThat(htmx.headers().firstValue("HX-Trigger").orElseThrow()).contains("last Owner");
        HttpResponse<String> removeSelf = owner.web().post(owner.org("/members/" + Teams.membershipId(owner, owner.email()) + "/remove"), form());
        assertThat(removeSelf.statusCode()).isEqualTo(409);
        assertThat(owner.web().get(owner.org("/members")).statusCode()).isEqualTo(200);
    }

    @Test
    void an_owner_may_leave_once_someone_else_is_owner() {
        Accounts.Account owner = signUp("ada");
        Accounts.Account second = Teams.join(base(), owner, "olivia", "OWNER");
        HttpResponse<String> left = owner.web().post(owner.org("/membership/leave"), form());
        assertThat(left.statusCode()).isEqualTo(303);
        assertThat(Teams.json(second.web().getJson("/api/v1/members"))).hasSize(1);
    }

    @Test
    void a_form_post_without_the_csrf_token_is_refused() {
        Accounts.Account owner = signUp("ada");
        Accounts.Account bob = Teams.join(base(), owner, "bob", "MEMBER");
        String id = Teams.membershipId(owner, bob.email());
        assertThat(owner.web().postWithoutCsrf(owner.org("/members/" + id + "/remove"), form()).statusCode()).isEqualTo(403);
        assertThat(bob.web().postWithoutCsrf(owner.org("/membership/leave"), form()).statusCode()).isEqualTo(403);
        assertThat(owner.web().get(owner.org("/members")).body()).contains(bob.email());
    }

    @Test
    void anonymous_visitors_are_sent_to_the_login_page() {
        Accounts.Account owner = signUp("ada");
        HttpResponse<String> response = anonymous().get(owner.org("/members"));
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location").orElseThrow()).contains("/login");
    }
}
