package io.topograph.apikeys;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.platform.tenancy.Role;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import io.topograph.support.BearerClient;
import io.topograph.support.TestDatabase;
import io.topograph.support.WebSession;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.topograph.support.BearerClient.json;
import static io.topograph.support.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class ApiKeysPagesTest extends AppTest {

    private static final Pattern TOKEN = Pattern.compile("id=\"api-key-token\"[^>]*value=\"(tg_[A-Za-z0-9_-]+)\"");

    @Inject
    DataSource dataSource;

    TestDatabase db() {
        return new TestDatabase(dataSource);
    }

    @Test
    void the_page_shows_an_empty_state_and_the_create_form() {
        Accounts.Account ada = signUp("ada");
        HttpResponse<String> page = ada.web().get(ada.org("/settings/api-keys"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html").contains("id=\"api-keys-empty\"").contains("id=\"api-key-form\"")
                .contains("name=\"networkIds\"").contains("Home network").contains("value=\"OWNER\"").contains("value=\"VIEWER\"")
                .doesNotContain("id=\"api-key-created\"");
        // The links that lead here.
        assertThat(page.body()).contains("href=\"/o/" + ada.slug() + "/settings/api-keys\"");
        assertThat(ada.web().get(ada.org("/settings")).body()).contains("/o/" + ada.slug() + "/settings/api-keys");
    }

    @Test
    void creating_a_key_with_htmx_shows_the_secret_once_and_refreshes_the_list() {
        Accounts.Account ada = signUp("ada");
        HttpResponse<String> response = ada.web().htmxPost(ada.org("/settings/api-keys"), form("name", "Backup script", "role", "VIEWER"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("id=\"api-key-form\"").contains("id=\"api-key-created\"").contains("Backup script")
                .contains("shown only this once").doesNotContain("<html");
        assertThat(response.headers().firstValue("HX-Trigger").orElseThrow()).contains("tg:api-keys-changed").contains("Backup script");
        assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).isEqualTo("no-store");
        String token = token(response.body());

        HttpResponse<String> list = ada.web().htmxGet(ada.org("/settings/api-keys"));
        assertThat(list.body()).contains("id=\"api-key-list\"").contains("Backup script").contains(token.substring(0, 10))
                .contains("Viewer").contains("Active").doesNotContain(token).doesNotContain("<html");
        // The page never shows the secret again.
        assertThat(ada.web().get(ada.org("/settings/api-keys")).body()).doesNotContain(token);

        BearerClient key = new BearerClient(base(), token);
        assertThat(key.get("/api/v1/networks").statusCode()).isEqualTo(200);
        assertThat(key.send("POST", "/api/v1/networks", "{\"name\":\"x\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void creating_a_key_without_javascript_answers_the_page_with_the_secret_and_the_new_row() {
        Accounts.Account ada = signUp("ada");
        String lab = json(ada.web().json("POST", "/api/v1/networks", "{\"name\":\"Lab\"}")).get("id").asText();
        String home = json(ada.web().getJson("/api/v1/networks")).findValuesAsText("id").stream().filter(id -> !id.equals(lab)).findFirst().orElseThrow();
        String expiry = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();
        // Two checked boxes arrive as two networkIds fields.
        HttpResponse<String> response = postForm(ada.web(), ada.org("/settings/api-keys"),
                "name=Two+networks&role=MEMBER&networkIds=" + lab + "&networkIds=" + home + "&expiresAt=" + expiry);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<html").contains("id=\"api-key-created\"").contains("Two networks")
                .contains("Home network, Lab").contains("Member").contains(expiry + " 23:59 UTC");
        String token = token(response.body());

        JsonNode keys = json(ada.web().getJson("/api/v1/api-keys"));
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).get("allNetworks").asBoolean()).isFalse();
        assertThat(keys.get(0).get("networks")).hasSize(2);
        assertThat(keys.get(0).get("expiresAt").asText()).isEqualTo(expiry + "T23:59:59Z");
        assertThat(json(new BearerClient(base(), token).get("/api/v1/networks"))).hasSize(2);

        // One checked box is one network.
        HttpResponse<String> one = postForm(ada.web(), ada.org("/settings/api-keys"), "name=One&networkIds=" + lab);
        BearerClient labOnly = new BearerClient(base(), token(one.body()));
        JsonNode visible = json(labOnly.get("/api/v1/networks"));
        assertThat(visible).hasSize(1);
        assertThat(visible.get(0).get("id").asText()).isEqualTo(lab);
    }

    @Test
    void invalid_input_is_explained_next_to_the_fields_and_nothing_is_written() {
        Accounts.Account ada = signUp("ada");
        HttpResponse<String> empty = ada.web().htmxPost(ada.org("/settings/api-keys"), form("name", "  ", "role", "OWNER"));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("id=\"api-key-form\"").contains("This field is required.").doesNotContain("<html")
                .doesNotContain("id=\"api-key-created\"");
        HttpResponse<String> overlong = ada.web().post(ada.org("/settings/api-keys"), form("name", "x".repeat(81)));
        assertThat(overlong.statusCode()).isEqualTo(422);
        assertThat(overlong.body()).contains("<html").contains("Use at most 80 characters");
        HttpResponse<String> past = ada.web().htmxPost(ada.org("/settings/api-keys"), form("name", "old", "expiresAt", "2020-01-01"));
        assertThat(past.statusCode()).isEqualTo(422);
        assertThat(past.body()).contains("The expiry must be in the future.").contains("value=\"old\"");
        HttpResponse<String> role = ada.web().htmxPost(ada.org("/settings/api-keys"), form("name", "r", "role", "GOD"));
        assertThat(role.body()).contains("Choose one of Owner, Admin, Member or Viewer.");
        HttpResponse<String> network = ada.web().htmxPost(ada.org("/settings/api-keys"), form("name", "n", "networkIds", UUID.randomUUID().toString()));
        assertThat(network.statusCode()).isEqualTo(422);
        assertThat(network.body()).contains("Choose only networks you can see");
        assertThat(json(ada.web().getJson("/api/v1/api-keys"))).isEmpty();
    }

    @Test
    void a_member_is_offered_only_their_own_role_and_below_and_only_their_networks() {
        Accounts.Account ada = signUp("ada");
        String lab = json(ada.web().json("POST", "/api/v1/networks", "{\"name\":\"Secret lab\"}")).get("id").asText();
        String home = json(ada.web().getJson("/api/v1/networks")).findValuesAsText("id").stream().filter(id -> !id.equals(lab)).findFirst().orElseThrow();
        Accounts.Account bob = signUp("bob");
        db().addMember(ada.slug(), bob.email(), Role.MEMBER, UUID.fromString(home));
        HttpResponse<String> page = bob.web().get(ada.org("/settings/api-keys"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("value=\"MEMBER\"").contains("value=\"VIEWER\"")
                .doesNotContain("value=\"ADMIN\"").doesNotContain("value=\"OWNER\"")
                .contains("Home network").doesNotContain("Secret lab");
        HttpResponse<String> admin = bob.web().htmxPost(ada.org("/settings/api-keys"), form("name", "k", "role", "ADMIN"));
        assertThat(admin.statusCode()).isEqualTo(422);
        assertThat(admin.body()).contains("cannot have more rights than your own role (Member)");
    }

    @Test
    void revoking_with_htmx_swaps_the_row_and_without_javascript_asks_first_then_redirects() {
        Accounts.Account ada = signUp("ada");
        String first = json(ada.web().json("POST", "/api/v1/api-keys", "{\"name\":\"first\"}")).get("id").asText();
        String second = json(ada.web().json("POST", "/api/v1/api-keys", "{\"name\":\"second\"}")).get("id").asText();

        HttpResponse<String> htmx = ada.web().htmxPost(ada.org("/settings/api-keys/" + first + "/revocation"), form());
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.body()).contains("id=\"api-key-" + first + "\"").contains("Revoked").doesNotContain("<html")
                .doesNotContain("/revocation");
        assertThat(htmx.headers().firstValue("HX-Trigger").orElseThrow()).contains("first").contains("revoked");

        HttpResponse<String> confirm = ada.web().get(ada.org("/settings/api-keys/" + second + "/revoke"));
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Revoke <span>second</span>?").contains("/revocation");
        HttpResponse<String> plain = ada.web().post(ada.org("/settings/api-keys/" + second + "/revocation"), form());
        assertThat(plain.statusCode()).isEqualTo(303);
        assertThat(plain.headers().firstValue("Location").orElseThrow()).endsWith(ada.org("/settings/api-keys"));
        assertThat(ada.web().get(ada.org("/settings/api-keys")).body()).contains("API key “second” revoked.");
        assertThat(json(ada.web().getJson("/api/v1/api-keys")).findValuesAsText("status")).containsOnly("REVOKED");
        assertThat(ada.web().get(ada.org("/settings/api-keys/" + second + "/revoke")).body()).contains("already");
    }

    @Test
    void another_users_or_organizations_keys_answer_404_and_reveal_nothing() {
        Accounts.Account ada = signUp("ada");
        Accounts.Account bob = signUp("bob");
        Accounts.Account mallory = signUp("mallory");
        db().addMember(ada.slug(), bob.email(), Role.ADMIN);
        String adaKey = json(ada.web().json("POST", "/api/v1/api-keys", "{\"name\":\"ada private\"}")).get("id").asText();

        assertThat(mallory.web().get(ada.org("/settings/api-keys")).statusCode()).isEqualTo(404);
        assertThat(mallory.web().post(ada.org("/settings/api-keys"), form("name", "x")).statusCode()).isEqualTo(404);
        assertThat(mallory.web().get(mallory.org("/settings/api-keys/" + adaKey + "/revoke")).statusCode()).isEqualTo(404);
        assertThat(mallory.web().post(mallory.org("/settings/api-keys/" + adaKey + "/revocation"), form()).statusCode()).isEqualTo(404);

        // A fellow member of the same organization sees only their own keys.
        HttpResponse<String> bobPage = bob.web().get(ada.org("/settings/api-keys"));
        assertThat(bobPage.statusCode()).isEqualTo(200);
        assertThat(bobPage.body()).doesNotContain("ada private").contains("id=\"api-keys-empty\"");
        assertThat(bob.web().htmxPost(ada.org("/settings/api-keys/" + adaKey + "/revocation"), form()).statusCode()).isEqualTo(404);
        assertThat(bob.web().get(ada.org("/settings/api-keys/" + adaKey + "/revoke")).statusCode()).isEqualTo(404);
        assertThat(json(ada.web().getJson("/api/v1/api-keys/" + adaKey)).get("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void a_form_post_without_the_csrf_token_is_refused_and_writes_nothing() {
        Accounts.Account ada = signUp("ada");
        assertThat(ada.web().postWithoutCsrf(ada.org("/settings/api-keys"), form("name", "forged")).statusCode()).isEqualTo(403);
        String id = json(ada.web().json("POST", "/api/v1/api-keys", "{\"name\":\"kept\"}")).get("id").asText();
        assertThat(ada.web().postWithoutCsrf(ada.org("/settings/api-keys/" + id + "/revocation"), form()).statusCode()).isEqualTo(403);
        JsonNode keys = json(ada.web().getJson("/api/v1/api-keys"));
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).get("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void anonymous_visitors_are_sent_to_the_login_page() {
        Accounts.Account ada = signUp("ada");
        HttpResponse<String> response = anonymous().get(ada.org("/settings/api-keys"));
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location").orElseThrow()).contains("/login");
    }

    private static String token(String html) {
        Matcher m = TOKEN.matcher(html);
        assertThat(m.find()).as("token panel in " + html).isTrue();
        return m.group(1);
    }

    /** A plain browser form post with a raw body (repeated fields), the way a checkbox group is sent. */
    private static HttpResponse<String> postForm(WebSession web, String path, String body) {
        String csrf = "_csrf=" + URLEncoder.encode(web.csrfToken(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(web.base().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .header("Cookie", "TG_SESSION=" + web.cookie("TG_SESSION") + "; TG_CSRF=" + web.csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString(csrf + "&" + body)).build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
