package io.topograph.invites;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.networks.NetworkService;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import io.topograph.support.WebSession;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.UUID;

import static io.topograph.support.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;

/** Opening and accepting invite links: new people, existing accounts, wrong accounts, dead links. */
@MicronautTest
class InviteAcceptanceTest extends AppTest {

    @Inject
    InviteSql sql;

    @Test
    void a_new_person_creates_an_account_from_the_link_and_sees_only_the_granted_network() {
        Accounts.Account owner = signUp("ada");
        String lab = Teams.createNetwork(owner, "Lab");
        String email = Accounts.uniqueEmail("bob");
        JsonNode invite = Teams.sendInvite(owner, email, "member", lab);
        String link = Teams.path(invite.get("url").asText());

        WebSession visitor = anonymous();
        HttpResponse<String> page = visitor.get(link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"invite-signup-form\"").contains("value=\"" + email + "\"").contains("readonly")
                .contains("Lab").contains("Member");

        HttpResponse<String> joined = visitor.post(link + "/signup", form("name", "Bob", "password", Accounts.PASSWORD));
        assertThat(joined.statusCode()).isEqualTo(303);
        assertThat(joined.headers().firstValue("Location").orElseThrow()).isEqualTo("/o/" + owner.slug());
        assertThat(visitor.hasCookie("TG_SESSION")).isTrue();

        HttpResponse<String> networks = visitor.get(owner.org("/networks"));
        assertThat(networks.statusCode()).isEqualTo(200);
        assertThat(networks.body()).contains("Lab").doesNotContain(NetworkService.FIRST_NETWORK_NAME);
        assertThat(visitor.get(owner.org("/networks/" + Teams.homeNetworkId(owner) + "/edit")).statusCode()).isEqualTo(404);
        assertThat(Teams.json(visitor.getJson("/api/v1/members")).findValuesAsText("email")).contains(email, owner.email());
        assertThat(sql.count("select count(*) from invites where id = ? and accepted_at is not null",
                UUID.fromString(invite.get("id").asText()))).isEqualTo(1);
    }

    @Test
    void signing_up_from_a_link_with_bad_input_writes_nothing_and_keeps_the_link_usable() {
        Accounts.Account owner = signUp("ada");
        String email = Accounts.uniqueEmail("bob");
        String link = Teams.path(Teams.sendInvite(owner, email, "VIEWER").get("url").asText());
        WebSession visitor = anonymous();

        HttpResponse<String> shortPassword = visitor.post(link + "/signup", form("name", "Bob", "password", "short"));
        assertThat(shortPassword.statusCode()).isEqualTo(422);
        assertThat(shortPassword.body()).contains("Use at least 10 characters.").contains("value=\"Bob\"");
        HttpResponse<String> noName = visitor.post(link + "/signup", form("name", " ", "password", Accounts.PASSWORD));
        assertThat(noName.statusCode()).isEqualTo(422);
        assertThat(noName.body()).contains("This field is required.");
        HttpResponse<String> overlong = visitor.post(link + "/signup", form("name", "b".repeat(101), "password", Accounts.PASSWORD));
        assertThat(overlong.statusCode()).isEqualTo(422);
        assertThat(sql.usersWithEmail(email)).isZero();
        assertThat(visitor.hasCookie("TG_SESSION")).isFalse();

        assertThat(visitor.post(link + "/signup", form("name", "Bob", "password", Accounts.PASSWORD)).statusCode()).isEqualTo(303);
        assertThat(sql.usersWithEmail(email)).isEqualTo(1);
    }

    @Test
    void an_existing_account_is_asked_to_log_in_and_then_accepts_with_one_button() {
        Accounts.Account owner = signUp("ada");
        Accounts.Account bob = signUp("bob");
        String link = Teams.path(Teams.sendInvite(owner, bob.email().toUpperCase(), "ADMIN").get("url").asText());

        HttpResponse<String> anonymousPage = anonymous().get(link);
        assertThat(anonymousPage.statusCode()).isEqualTo(200);
        assertThat(anonymousPage.body()).contains("Log in to accept").contains("/login?next=" + link)
                .doesNotContain("invite-signup-form");

        WebSession web = new WebSession(base());
        HttpResponse<String> login = web.post("/login", form("email", bob.email(), "password", Accounts.PASSWORD, "next", link));
        assertThat(login.headers().firstValue("Location").orElseThrow()).isEqualTo(link);
        HttpResponse<String> page = web.get(link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"accept-form\"").contains("Admin");

        HttpResponse<String> accepted = web.post(link + "/accept", form());
        assertThat(accepted.statusCode()).isEqualTo(303);
        assertThat(accepted.headers().firstValue("Location").orElseThrow()).isEqualTo("/o/" + owner.slug());
        assertThat(web.get(owner.org("/members")).body()).contains(bob.email());
        assertThat(web.get(owner.org("/networks")).body()).contains(NetworkService.FIRST_NETWORK_NAME);

        // Accepting again is harmless: straight into the organization, nothing duplicated.
        HttpResponse<String> again = web.post(link + "/accept", form());
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.headers().firstValue("Location").orElseThrow()).isEqualTo("/o/" + owner.slug());
        assertThat(web.get(link).headers().firstValue("Location").orElseThrow()).isEqualTo("/o/" + owner.slug());
        assertThat(sql.count("select count(*) from memberships m join users u on u.id = m.user_id where lower(u.email) = lower(?)",
                bob.email())).isEqualTo(2);
    }

    @Test
    void someone_logged_in_with_another_address_cannot_accept() {
        Accounts.Account owner = signUp("ada");
        Accounts.Account mallory = signUp("mallory");
        String email = Accounts.uniqueEmail("bob");
        String link = Teams.path(Teams.sendInvite(owner, email, "MEMBER").get("url").asText());

        HttpResponse<String> page = mallory.web().get(link);
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("This invite is for").contains(email).contains(mallory.email()).doesNotContain("accept-form");
        HttpResponse<String> forced = mallory.web().post(link + "/accept", form());
        assertThat(forced.statusCode()).isEqualTo(403);
        assertThat(forced.body()).contains("This invite is for " + email);
        assertThat(mallory.web().get(owner.org("/members")).statusCode()).isEqualTo(404);
        // The link still works for the invited person.
        assertThat(anonymous().get(link).body()).contains("invite-signup-form");
    }

    @Test
    void an_unknown_link_answers_404_and_a_used_link_410() {
        Accounts.Account owner = signUp("ada");
        HttpResponse<String> unknown = anonymous().get("/invites/" + "x".repeat(43));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("This invite link is not valid");
        assertThat(anonymous().post("/invites/" + "x".repeat(43) + "/signup", form("name", "X", "password", Accounts.PASSWORD)).statusCode())
                .isEqualTo(404);

        Accounts.Account bob = Teams.join(base(), owner, "bob", "MEMBER");
        assertThat(bob.web().get(owner.org("/members")).statusCode()).isEqualTo(200);
        String used = Teams.path(sql.lastInviteUrl(bob.email()));
        HttpResponse<String> reused = anonymous().post(used + "/signup", form("name", "Eve", "password", Accounts.PASSWORD));
        assertThat(reused.statusCode()).isEqualTo(410);
        assertThat(reused.body()).contains("already been used");
        assertThat(anonymous().get(used).statusCode()).isEqualTo(410);
        assertThat(sql.usersWithEmail(bob.email())).isEqualTo(1);
    }
}
