package io.topograph.invites;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import io.topograph.support.WebSession;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.UUID;

import static io.topograph.support.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;

/** Expiry, revocation, resending and single use of invite links. */
@MicronautTest
class InviteLifecycleTest extends AppTest {

    @Inject
    InviteSql sql;

    @Test
    void the_stored_token_is_a_hash_of_the_link_and_the_link_is_emailed() {
        Accounts.Account owner = signUp("ada");
        String email = Accounts.uniqueEmail("bob");
        JsonNode invite = Teams.sendInvite(owner, email, "MEMBER");
        String url = invite.get("url").asText();
        assertThat(url).startsWith("http://localhost/invites/");
        String token = url.substring(url.lastIndexOf('/') + 1);
        assertThat(sql.lastInviteUrl(email)).isEqualTo(url);
        assertThat(sql.lastInviteMail(email)).contains(owner.name()).contains("Member").contains("7 days");
        assertThat(sql.count("select count(*) from invites where token_hash = sha256(convert_to(?, 'UTF8'))", token)).isEqualTo(1);
        assertThat(sql.count("select count(*) from invites where encode(token_hash, 'escape') like '%' || ? || '%'", token)).isZero();
        assertThat(sql.count("select count(*) from invites where id = ? and expires_at between now() + interval '6 days 23 hours' and now() + interval '7 days'",
                UUID.fromString(invite.get("id").asText()))).isEqualTo(1);
    }

    @Test
    void an_expired_link_answers_410_and_resending_it_gives_a_fresh_link() {
        Accounts.Account owner = signUp("ada");
        String email = Accounts.uniqueEmail("bob");
        JsonNode invite = Teams.sendInvite(owner, email, "MEMBER");
        String id = invite.get("id").asText();
        String oldLink = Teams.path(invite.get("url").asText());
        sql.expire(UUID.fromString(id));

        HttpResponse<String> expired = anonymous().get(oldLink);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("has expired").doesNotContain("invite-signup-form");
        assertThat(anonymous().post(oldLink + "/signup", form("name", "Bob", "password", Accounts.PASSWORD)).statusCode()).isEqualTo(410);
        assertThat(sql.usersWithEmail(email)).isZero();
        assertThat(owner.web().get(owner.org("/members")).body()).contains(email).contains("expired");

        HttpResponse<String> resent = owner.web().json("POST", "/api/v1/invites/" + id + "/resend", null);
        assertThat(resent.statusCode()).isEqualTo(200);
        String newLink = Teams.path(Teams.json(resent).get("url").asText());
        assertThat(newLink).isNotEqualTo(oldLink);
        assertThat(Teams.json(resent).get("expired").asBoolean()).isFalse();
        assertThat(sql.lastInviteUrl(email)).endsWith(newLink);
        assertThat(anonymous().get(oldLink).statusCode()).isEqualTo(404);
        assertThat(anonymous().get(newLink).statusCode()).isEqualTo(200);
    }

    @Test
    void resending_a_pending_invite_makes_the_old_link_stop_working() {
        Accounts.Account owner = signUp("ada");
        String email = Accounts.uniqueEmail("bob");
        JsonNode invite = Teams.sendInvite(owner, email, "VIEWER");
        String oldLink = Teams.path(invite.get("url").asText());
        HttpResponse<String> resent = owner.web().htmxPost(owner.org("/invites/" + invite.get("id").asText() + "/resend"), form());
        assertThat(resent.statusCode()).isEqualTo(200);
        assertThat(resent.body()).contains("id=\"invites-panel\"").contains("id=\"invite-link\"").doesNotContain("<html");
        assertThat(resent.headers().firstValue("HX-Trigger").orElseThrow()).contains("tg:invites-changed").contains("old one no longer works");
        String newLink = Teams.path(sql.lastInviteUrl(email));
        assertThat(resent.body()).contains(newLink);
        assertThat(anonymous().post(oldLink + "/signup", form("name", "Bob", "password", Accounts.PASSWORD)).statusCode()).isEqualTo(404);
        assertThat(anonymous().post(newLink + "/signup", form("name", "Bob", "password", Accounts.PASSWORD)).statusCode()).isEqualTo(303);
    }

    @Test
    void a_revoked_link_answers_410_and_the_invite_leaves_the_list() {
        Accounts.Account owner = signUp("ada");
        String email = Accounts.uniqueEmail("bob");
        JsonNode invite = Teams.sendInvite(owner, email, "MEMBER");
        String link = Teams.path(invite.get("url").asText());
        HttpResponse<String> revoked = owner.web().post(owner.org("/invites/" + invite.get("id").asText() + "/revoke"), form());
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(revoked.headers().firstValue("Location").orElseThrow()).isEqualTo(owner.org("/members"));
        HttpResponse<String> page = owner.web().get(owner.org("/members"));
        assertThat(page.body()).contains("was revoked").contains("id=\"invites-empty\"");

        HttpResponse<String> gone = anonymous().get(link);
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.body()).contains("was withdrawn");
        assertThat(anonymous().post(link + "/signup", form("name", "Bob", "password", Accounts.PASSWORD)).statusCode()).isEqualTo(410);
        assertThat(sql.usersWithEmail(email)).isZero();
        // Revoked invites are gone: revoking or resending again answers 404.
        assertThat(owner.web().json("DELETE", "/api/v1/invites/" + invite.get("id").asText(), null).statusCode()).isEqualTo(404);
        assertThat(owner.web().json("POST", "/api/v1/invites/" + invite.get("id").asText() + "/resend", null).statusCode()).isEqualTo(404);
        // The address can be invited again.
        Teams.sendInvite(owner, email, "MEMBER");
    }

    @Test
    void a_link_works_once() {
        Accounts.Account owner = signUp("ada");
        String email = Accounts.uniqueEmail("bob");
        String link = Teams.path(Teams.sendInvite(owner, email, "MEMBER").get("url").asText());
        WebSession first = anonymous();
        assertThat(first.post(link + "/signup", form("name", "Bob", "password", Accounts.PASSWORD)).statusCode()).isEqualTo(303);
        HttpResponse<String> second = anonymous().post(link + "/signup", form("name", "Bob 2", "password", Accounts.PASSWORD));
        assertThat(second.statusCode()).isEqualTo(410);
        assertThat(sql.usersWithEmail(email)).isEqualTo(1);
        assertThat(Teams.json(owner.web().getJson("/api/v1/members")).findValuesAsText("email")).containsOnlyOnce(email);
        assertThat(Teams.json(owner.web().getJson("/api/v1/invites")).findValuesAsText("email")).doesNotContain(email);
    }

    @Test
    void an_expired_invite_does_not_block_a_new_invite_to_the_same_address() {
        Accounts.Account owner = signUp("ada");
        String email = Accounts.uniqueEmail("bob");
        JsonNode invite = Teams.sendInvite(owner, email, "MEMBER");
        sql.expire(UUID.fromString(invite.get("id").asText()));
        JsonNode again = Teams.sendInvite(owner, email, "VIEWER");
        assertThat(again.get("id").asText()).isNotEqualTo(invite.get("id").asText());
        assertThat(Teams.json(owner.web().getJson("/api/v1/invites")).findValuesAsText("email")).containsOnlyOnce(email);
        assertThat(anonymous().get(Teams.path(invite.get("url").asText())).statusCode()).isEqualTo(410);
    }
}
