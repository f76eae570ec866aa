package io.topograph.daemons;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.invites.Teams;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import io.topograph.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static io.topograph.support.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;

/** Another organization's user, and a Member without access to the network, get 404 on every route. */
@MicronautTest
class DaemonsAccessTest extends AppTest {

    @Inject
    DataSource dataSource;

    /** One org's network with a daemon and a token, to be poked at by outsiders. */
    private record Target(Accounts.Account owner, String network, String daemon, String token) {
    }

    private Target target() {
        Accounts.Account owner = signUp("own");
        String network = Teams.createNetwork(owner, "Secret LAN");
        JsonNode enrolled = DaemonTestSupport.enrollNew(base(), owner, network);
        String token = DaemonTestSupport.createToken(owner, network, "{}").get("id").asText();
        return new Target(owner, network, enrolled.get("daemonId").asText(), token);
    }

    /** Every page and API route of the feature, as the given person sends it. */
    private static List<HttpResponse<String>> everyRoute(Accounts.Account who, Target t, Function<String, String> pagePath) {
        String pages = pagePath.apply("/networks/" + t.network());
        String daemon = pages + "/daemons/" + t.daemon();
        String token = pages + "/daemon-tokens/" + t.token();
        return List.of(
                who.web().get(pages + "/daemons"),
                who.web().htmxGet(pages + "/daemons"),
                who.web().get(pages + "/daemons/new"),
                who.web().htmxGet(pages + "/daemon-tokens"),
                who.web().htmxPost(pages + "/daemon-tokens", form("maxUses", "1")),
                who.web().get(token + "/revoke"),
                who.web().htmxPost(token + "/revocation", form()),
                who.web().htmxGet(daemon + "/row"),
                who.web().htmxGet(daemon + "/edit"),
                who.web().htmxPost(daemon, form("name", "pwned")),
                who.web().htmxPost(daemon + "/disable", form()),
                who.web().htmxPost(daemon + "/enable", form()),
                who.web().htmxPost(daemon + "/credential-rotations", form()),
                who.web().get(daemon + "/delete"),
                who.web().post(daemon + "/delete", form()),
                who.web().htmxGet(pages + "/daemons/integrated"),
                who.web().post(pages + "/daemons/integrated", form()),
                who.web().getJson("/api/v1/networks/" + t.network() + "/daemons"),
                who.web().getJson("/api/v1/networks/" + t.network() + "/daemon-tokens"),
                who.web().json("POST", "/api/v1/networks/" + t.network() + "/daemon-tokens", "{}"),
                who.web().json("DELETE", "/api/v1/networks/" + t.network() + "/daemon-tokens/" + t.token(), null),
                who.web().getJson("/api/v1/daemons/" + t.daemon()),
                who.web().json("PATCH", "/api/v1/daemons/" + t.daemon(), "{\"name\":\"pwned\"}"),
                who.web().json("POST", "/api/v1/daemons/" + t.daemon() + "/credential-rotations", null),
                who.web().json("DELETE", "/api/v1/daemons/" + t.daemon(), null));
    }

    private void assertUntouched(Target t) {
        TestDatabase db = new TestDatabase(dataSource);
        assertThat(db.column("select name || disabled from daemons where id = ?", UUID.fromString(t.daemon()))).containsExactly("rack-afalse");
        assertThat(db.count("select count(*) from daemon_enrollment_tokens where network_id = ? and revoked_at is null",
                UUID.fromString(t.network()))).isEqualTo(2);
        assertThat(db.count("select count(*) from daemon_enrollment_tokens where network_id = ?", UUID.fromString(t.network()))).isEqualTo(2);
    }

    @Test
    void another_organizations_user_gets_404_on_every_route_and_changes_nothing() {
        Target t = target();
        Accounts.Account stranger = signUp("mallory");
        // Through the victim's organization URL (not a member) and through their own (not their network).
        for (Function<String, String> via : List.<Function<String, String>>of(t.owner()::org, stranger::org)) {
            List<HttpResponse<String>> answers = everyRoute(stranger, t, via);
            for (HttpResponse<String> r : answers) {
                assertThat(r.statusCode()).as(r.request().method() + " " + r.request().uri()).isEqualTo(404);
                assertThat(r.body()).doesNotContain("rack-a").doesNotContain("Secret LAN");
            }
        }
        assertUntouched(t);
    }

    @Test
    void a_member_without_access_to_the_network_gets_404_on_every_route() {
        Target t = target();
        String other = Teams.createNetwork(t.owner(), "Visible LAN");
        Accounts.Account member = Teams.join(base(), t.owner(), "mem", "MEMBER", other);
        for (HttpResponse<String> r : everyRoute(member, t, t.owner()::org)) {
            assertThat(r.statusCode()).as(r.request().method() + " " + r.request().uri()).isEqualTo(404);
            assertThat(r.body()).doesNotContain("rack-a");
        }
        // A daemon id under a network the member does see is still 404.
        String visiblePages = t.owner().org("/networks/" + other + "/daemons/" + t.daemon());
        assertThat(member.web().htmxGet(visiblePages + "/row").statusCode()).isEqualTo(404);
        assertThat(member.web().get(t.owner().org("/networks/" + other + "/daemons")).statusCode()).isEqualTo(200);
        assertUntouched(t);
    }

    @Test
    void an_admin_cannot_reach_a_daemon_through_another_of_their_networks_url() {
        Target t = target();
        String other = Teams.createNetwork(t.owner(), "Other LAN");
        String wrong = t.owner().org("/networks/" + other + "/daemons/" + t.daemon());
        assertThat(t.owner().web().htmxGet(wrong + "/row").statusCode()).isEqualTo(404);
        assertThat(t.owner().web().htmxPost(wrong, form("name", "moved")).statusCode()).isEqualTo(404);
        assertThat(t.owner().web().htmxPost(t.owner().org("/networks/" + other + "/daemon-tokens/" + t.token() + "/revocation"), form())
                .statusCode()).isEqualTo(404);
        assertThat(t.owner().web().json("DELETE", "/api/v1/networks/" + other + "/daemon-tokens/" + t.token(), null).statusCode())
                .isEqualTo(404);
        assertUntouched(t);
    }

    @Test
    void the_integrated_daemon_panel_shows_to_whoever_sees_the_network_and_only_owners_and_admins_may_pair() {
        Target t = target();
        String panel = t.owner().org("/networks/" + t.network() + "/daemons/integrated");
        assertThat(t.owner().web().htmxGet(panel).statusCode()).isEqualTo(200);
        Accounts.Account viewer = Teams.join(base(), t.owner(), "view", "VIEWER", t.network());
        assertThat(viewer.web().htmxGet(panel).statusCode()).isEqualTo(200);
        assertThat(viewer.web().post(panel, form()).statusCode()).isEqualTo(403);
        // Tests run without an integrated daemon: pairing has nothing to pair.
        assertThat(t.owner().web().post(panel, form()).statusCode()).isEqualTo(404);
        assertUntouched(t);
    }
}
