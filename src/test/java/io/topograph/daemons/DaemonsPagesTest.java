package io.topograph.daemons;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.invites.Teams;
import io.topograph.platform.daemonjar.DaemonJar;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import io.topograph.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.topograph.daemons.DaemonTestSupport.heartbeat;
import static io.topograph.daemons.DaemonTestSupport.heartbeatBody;
import static io.topograph.support.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;

/** The Daemons tab of a network: full pages, htmx fragments and plain form posts. */
@MicronautTest
class DaemonsPagesTest extends AppTest {

    private static final Pattern TOKEN = Pattern.compile("value=\"(tge_[A-Za-z0-9_-]{43})\"");

    @Inject
    DataSource dataSource;

    @Inject
    DaemonJar jar;

    private TestDatabase db() {
        return new TestDatabase(dataSource);
    }

    private static String page(Accounts.Account a, String network) {
        return a.org("/networks/" + network + "/daemons");
    }

    private static String tokenIn(String html) {
        Matcher m = TOKEN.matcher(html);
        assertThat(m.find()).as("a token in the page").isTrue();
        return m.group(1);
    }

    @Test
    void an_empty_network_explains_daemons_and_offers_to_add_one_and_the_download() {
        Accounts.Account admin = signUp("ada");
        String network = Teams.homeNetworkId(admin);
        HttpResponse<String> response = admin.web().get(page(admin, network));
        assertThat(response.statusCode()).isEqualTo(200);
        DaemonJar.Extracted e = jar.get().orElseThrow();
        assertThat(response.body())
                .contains("id=\"network-tabs\"").containsPattern("class=\"nav-link active\"[^>]*href=\"[^\"]*/daemons\"")
                .contains("id=\"daemons-empty\"").contains("A daemon is a small program")
                .contains("id=\"add-daemon\"").contains("id=\"add-daemon-empty\"")
                .contains("href=\"/downloads/daemon/topograph-daemon.jar\"").contains(e.sha256()).contains(e.version())
                .contains("java -jar topograph-daemon.jar scan --targets 127.0.0.1")
                .contains("No enrollment tokens yet.");
    }

    @Test
    void the_list_alone_is_answered_to_htmx() {
        Accounts.Account admin = signUp("ada");
        String network = Teams.homeNetworkId(admin);
        HttpResponse<String> fragment = admin.web().htmxGet(page(admin, network));
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).startsWith("<div").contains("id=\"daemon-list\"").doesNotContain("<html").doesNotContain("daemon-download");
        HttpResponse<String> tokens = admin.web().htmxGet(admin.org("/networks/" + network + "/daemon-tokens"));
        assertThat(tokens.body()).contains("id=\"daemon-tokens\"").doesNotContain("<html");
        assertThat(admin.web().get(admin.org("/networks/" + network + "/daemon-tokens")).statusCode()).isEqualTo(303);
    }

    @Test
    void adding_a_daemon_with_htmx_shows_the_token_and_install_commands_once() {
        Accounts.Account admin = signUp("ada");
        String network = Teams.homeNetworkId(admin);
        HttpResponse<String> formFragment = admin.web().htmxGet(page(admin, network) + "/new");
        assertThat(formFragment.body()).contains("id=\"daemon-token-form\"").contains("name=\"nameHint\"")
                .contains("<option value=\"24h\" selected=\"selected\">24 hours</option>").contains("value=\"1\"").doesNotContain("<html");

        HttpResponse<String> created = admin.web().htmxPost(admin.org("/networks/" + network + "/daemon-tokens"),
                form("nameHint", "rack-a", "expiresIn", "7d", "maxUses", "2"));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(created.headers().firstValue("HX-Trigger").orElseThrow()).contains("tg:daemon-tokens-changed");
        String token = tokenIn(created.body());
        assertThat(created.body()).contains("id=\"daemon-secret\"").doesNotContain("<html")
                .contains("curl -fsSL http://localhost/downloads/daemon/install.sh | sudo sh -s -- --server http://localhost --token " + token)
                .contains("curl -fsSL http://localhost/downloads/daemon/Containerfile | docker build -t topograph-daemon --build-arg SERVER=http://localhost -")
                .contains("docker run -d --name topograph-daemon --restart unless-stopped --network host -e TOPOGRAPH_SERVER=http://localhost"
                        + " -e TOPOGRAPH_ENROLLMENT_TOKEN=" + token + " -v topograph-daemon:/var/lib/topograph-daemon topograph-daemon")
                .contains("in 7 days");

        // Shown once: the page lists the token by its prefix only.
        String again = admin.web().get(page(admin, network)).body();
        assertThat(again).doesNotContain(token).contains(token.substring(0, 12) + "…").contains("0 / 2").contains("New daemon “rack-a”");
        assertThat(DaemonTestSupport.enroll(base(), DaemonTestSupport.enrollBody(token, UUID.randomUUID())).statusCode()).isEqualTo(201);
    }

    @Test
    void adding_a_daemon_without_javascript_answers_the_page_with_the_token() {
        Accounts.Account admin = signUp("ada");
        String network = Teams.homeNetworkId(admin);
        HttpResponse<String> formPage = admin.web().get(page(admin, network) + "/new");
        assertThat(formPage.body()).contains("<html").contains("id=\"daemon-token-form\"");
        HttpResponse<String> created = admin.web().post(admin.org("/networks/" + network + "/daemon-tokens"), form());
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("<html").contains("id=\"daemon-secret\"").contains("in 24 h");
        String token = tokenIn(created.body());
        assertThat(db().count("select count(*) from daemon_enrollment_tokens where network_id = ? and max_uses = 1"
                + " and expires_at between now() + interval '23 hours 59 minutes' and now() + interval '24 hours'",
                UUID.fromString(network))).isEqualTo(1);
        assertThat(token).startsWith("tge_");
    }

    @Test
    void invalid_token_settings_are_explained_next_to_the_fields_and_nothing_is_written() {
        Accounts.Account admin = signUp("ada");
        String network = Teams.homeNetworkId(admin);
        String path = admin.org("/networks/" + network + "/daemon-tokens");
        HttpResponse<String> htmx = admin.web().htmxPost(path, form("nameHint", "x".repeat(81), "expiresIn", "2h", "maxUses", "1001"));
        assertThat(htmx.statusCode()).isEqualTo(422);
        assertThat(htmx.body()).contains("id=\"daemon-token-form\"").doesNotContain("<html")
                .contains("Use at most 80 characters").contains("Choose 1h, 24h, 7d or 30d.").contains("Enter a whole number from 1 to 1000.");
        HttpResponse<String> plain = admin.web().post(path, form("maxUses", "0"));
        assertThat(plain.statusCode()).isEqualTo(422);
        assertThat(plain.body()).contains("<html").contains("Enter a whole number from 1 to 1000.");
        assertThat(admin.web().post(path, form("nameHint", "bad\u0001name")).statusCode()).isEqualTo(422);
        assertThat(db().count("select count(*) from daemon_enrollment_tokens where network_id = ?", UUID.fromString(network))).isZero();
    }

    @Test
    void daemons_are_listed_with_their_status_heartbeat_and_subnets() {
        Accounts.Account admin = signUp("ada");
        String network = Teams.homeNetworkId(admin);
        JsonNode d = DaemonTestSupport.enrollNew(base(), admin, network);
        UUID id = UUID.fromString(d.get("daemonId").asText());
        String credential = d.get("credential").asText();
        assertThat(admin.web().htmxGet(page(admin, network)).body()).contains("rack-a").contains("Never connected").contains("never");

        assertThat(heartbeat(base(), credential, heartbeatBody("[{\"cidr\":\"127.0.0.0/8\",\"interface\":\"lo\"},{\"cidr\":\"10.20.0.0/16\"}]"))
                .statusCode()).isEqualTo(200);
        String online = admin.web().htmxGet(page(admin, network)).body();
        assertThat(online).contains("id=\"daemon-" + id + "\"").contains(">Online<").contains("just now").contains("rack-a.lan")
                .contains("<code class=\"me-1\">127.0.0.0/8</code>").contains("10.20.0.0/16").contains("tcp-connect");

        db().update("update daemons set last_heartbeat_at = now() - interval '2 minutes' where id = ?", id);
        assertThat(admin.web().htmxGet(page(admin, network)).body()).contains(">Offline<").contains("2 min ago");

        assertThat(heartbeat(base(), credential, "{\"version\":\"0.0.1\",\"state\":\"SCANNING\"}").statusCode()).isEqualTo(200);
        assertThat(admin.web().htmxGet(page(admin, network)).body()).contains(">Outdated<")
                .contains("Version 0.0.1 is older than " + jar.get().orElseThrow().version());
        // The token that enrolled it is used up.
        assertThat(admin.web().htmxGet(admin.org("/networks/" + network + "/daemon-tokens")).body()).contains("1 / 1").contains("Used up");
    }

    @Test
    void renaming_inline_swaps_the_row_and_saves() {
        Accounts.Account admin = signUp("ada");
        String network = Teams.homeNetworkId(admin);
        String id = DaemonTestSupport.enrollNew(base(), admin, network).get("daemonId").asText();
        String base = page(admin, network) + "/" + id;

        HttpResponse<String> edit = admin.web().htmxGet(base + "/edit");
        assertThat(edit.body()).contains("<form").contains("name=\"name\"").contains("value=\"rack-a\"").doesNotContain("<html");
        assertThat(admin.web().get(base + "/edit").body()).contains("<html").contains("Rename");
        HttpResponse<String> saved = admin.web().htmxPost(base, form("name", "Rack A (basement)"));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("id=\"daemon-" + id + "\"").contains("Rack A (basement)").doesNotContain("<form action");
        assertThat(saved.headers().firstValue("HX-Trigger").orElseThrow()).contains("Rack A (basement)");
        assertThat(admin.web().htmxGet(base + "/row").body()).contains("Rack A (basement)").doesNotContain("name=\"name\"");

        HttpResponse<String> empty = admin.web().htmxPost(base, form("name", "  "));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("This field is required.").contains("name=\"name\"");
        HttpResponse<String> overlong = admin.web().post(base, form("name", "n".repeat(81)));
        assertThat(overlong.statusCode()).isEqualTo(422);
        assertThat(overlong.body()).contains("<html").contains("Use at most 80 characters");
        HttpResponse<String> plain = admin.web().post(base, form("name", "Rack B"));
        assertThat(plain.statusCode()).isEqualTo(303);
        assertThat(plain.headers().firstValue("Location").orElseThrow()).endsWith(page(admin, network));
        assertThat(db().column("select name from daemons where id = ?", UUID.fromString(id))).containsExactly("Rack B");
    }

    @Test
    void disabling_and_enabling_swap_the_row_or_redirect() {
        Accounts.Account admin = signUp("ada");
        String network = Teams.homeNetworkId(admin);
        JsonNode d = DaemonTestSupport.enrollNew(base(), admin, network);
        String base = page(admin, network) + "/" + d.get("daemonId").asText();
        HttpResponse<String> disabled = admin.web().htmxPost(base + "/disable", form());
        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(disabled.body()).contains(">Disabled<").contains("/enable").doesNotContain("<html");
        assertThat(heartbeat(base(), d.get("credential").asText(), heartbeatBody("[]")).statusCode()).isEqualTo(403);
        HttpResponse<String> enabled = admin.web().post(base + "/enable", form());
        assertThat(enabled.statusCode()).isEqualTo(303);
        assertThat(admin.web().get(page(admin, network)).body()).contains("enabled.");
        assertThat(heartbeat(base(), d.get("credential").asText(), heartbeatBody("[]")).statusCode()).isEqualTo(200);
    }

    @Test
    void rotating_shows_a_re_enroll_command_once_and_the_old_credential_stops_working() {
        Accounts.Account admin = signUp("ada");
        String network = Teams.homeNetworkId(admin);
        JsonNode d = DaemonTestSupport.enrollNew(base(), admin, network);
        String id = d.get("daemonId").asText();
        HttpResponse<String> rotated = admin.web().htmxPost(page(admin, network) + "/" + id + "/credential-rotations", form());
        assertThat(rotated.statusCode()).isEqualTo(200);
        assertThat(rotated.headers().firstValue("HX-Trigger").orElseThrow()).contains("tg:daemons-changed").contains("tg:daemon-tokens-changed");
        assertThat(rotated.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        String token = tokenIn(rotated.body());
        assertThat(rotated.body()).contains("Credential of “rack-a” rotated").contains("--token " + token)
                .contains("docker rm -f topograph-daemon; docker run");
        assertThat(heartbeat(base(), d.get("credential").asText(), heartbeatBody("[]")).statusCode()).isEqualTo(401);
        assertThat(admin.web().htmxGet(admin.org("/networks/" + network + "/daemon-tokens")).body()).contains("Re-enroll rack-a");

        HttpResponse<String> plain = admin.web().post(page(admin, network) + "/" + id + "/credential-rotations", form());
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.body()).contains("<html").contains("id=\"daemon-secret\"");
        assertThat(tokenIn(plain.body())).isNotEqualTo(token);
        JsonNode reenrolled = Teams.json(DaemonTestSupport.enroll(base(), DaemonTestSupport.enrollBody(tokenIn(plain.body()), UUID.randomUUID())));
        assertThat(reenrolled.get("daemonId").asText()).isEqualTo(id);
    }

    @Test
    void deleting_asks_first_and_removes_the_daemon_with_its_re_enroll_tokens() {
        Accounts.Account admin = signUp("ada");
        String network = Teams.homeNetworkId(admin);
        JsonNode d = DaemonTestSupport.enrollNew(base(), admin, network);
        String id = d.get("daemonId").asText();
        admin.web().htmxPost(page(admin, network) + "/" + id + "/credential-rotations", form());
        assertThat(admin.web().get(page(admin, network) + "/" + id + "/delete").body()).contains("Delete daemon").contains("cannot be undone");

        HttpResponse<String> deleted = admin.web().htmxPost(page(admin, network) + "/" + id + "/delete", form());
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(deleted.body()).isEmpty();
        assertThat(deleted.headers().firstValue("HX-Trigger").orElseThrow()).contains("tg:daemons-changed");
        assertThat(db().count("select count(*) from daemons where id = ?", UUID.fromString(id))).isZero();
        assertThat(db().count("select count(*) from daemon_enrollment_tokens where daemon_id = ?", UUID.fromString(id))).isZero();
        // The token that first enrolled it stays listed.
        assertThat(db().count("select count(*) from daemon_enrollment_tokens where network_id = ?", UUID.fromString(network))).isEqualTo(1);
        assertThat(admin.web().get(page(admin, network)).body()).contains("id=\"daemons-empty\"");
        assertThat(admin.web().post(page(admin, network) + "/" + id + "/delete", form()).statusCode()).isEqualTo(404);
    }

    @Test
    void revoking_a_token_asks_first_and_swaps_its_row() {
        Accounts.Account admin = signUp("ada");
        String network = Teams.homeNetworkId(admin);
        JsonNode token = DaemonTestSupport.createToken(admin, network, "{}");
        String tokenId = token.get("id").asText();
        String base = admin.org("/networks/" + network + "/daemon-tokens/" + tokenId);
        assertThat(admin.web().get(base + "/revoke").body()).contains("Revoke token").contains(token.get("prefix").asText());
        HttpResponse<String> revoked = admin.web().htmxPost(base + "/revocation", form());
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(revoked.body()).startsWith("<tr").contains("id=\"daemon-token-" + tokenId + "\"").contains(">Revoked<").doesNotContain(">Revoke<");
        assertThat(admin.web().get(base + "/revoke").body()).contains("already");
        HttpResponse<String> plain = admin.web().post(base + "/revocation", form());
        assertThat(plain.statusCode()).isEqualTo(303);
        assertThat(DaemonTestSupport.enroll(base(), DaemonTestSupport.enrollBody(token.get("token").asText(), UUID.randomUUID())).statusCode())
                .isEqualTo(401);
    }

    @Test
    void members_and_viewers_see_the_daemons_read_only() {
        Accounts.Account owner = signUp("own");
        String lab = Teams.createNetwork(owner, "Lab");
        DaemonTestSupport.enrollNew(base(), owner, lab);
        String id = Teams.json(owner.web().getJson("/api/v1/networks/" + lab + "/daemons")).get(0).get("id").asText();
        Accounts.Account member = Teams.join(base(), owner, "mem", "MEMBER", lab);
        Accounts.Account viewer = Teams.join(base(), owner, "view", "VIEWER", lab);
        for (Accounts.Account reader : new Accounts.Account[]{member, viewer}) {
            HttpResponse<String> listed = reader.web().get(page(owner, lab));
            assertThat(listed.statusCode()).isEqualTo(200);
            assertThat(listed.body()).contains("rack-a").contains("Enrollment tokens")
                    .doesNotContain("id=\"add-daemon\"").doesNotContain("credential-rotations").doesNotContain("bi-trash").doesNotContain(">Revoke<");
            String who = reader.name();
            assertThat(reader.web().get(page(owner, lab) + "/new").statusCode()).as(who).isEqualTo(403);
            assertThat(reader.web().htmxPost(owner.org("/networks/" + lab + "/daemon-tokens"), form()).statusCode()).as(who).isEqualTo(403);
            assertThat(reader.web().htmxGet(page(owner, lab) + "/" + id + "/edit").statusCode()).as(who).isEqualTo(403);
            assertThat(reader.web().htmxPost(page(owner, lab) + "/" + id, form("name", "mine")).statusCode()).as(who).isEqualTo(403);
            assertThat(reader.web().htmxPost(page(owner, lab) + "/" + id + "/disable", form()).statusCode()).as(who).isEqualTo(403);
            assertThat(reader.web().htmxPost(page(owner, lab) + "/" + id + "/credential-rotations", form()).statusCode()).as(who).isEqualTo(403);
            assertThat(reader.web().post(page(owner, lab) + "/" + id + "/delete", form()).statusCode()).as(who).isEqualTo(403);
        }
        assertThat(db().column("select name || disabled from daemons where id = ?", UUID.fromString(id))).containsExactly("rack-afalse");
        assertThat(db().count("select count(*) from daemon_enrollment_tokens where network_id = ?", UUID.fromString(lab))).isEqualTo(1);
    }
}
