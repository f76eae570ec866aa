package io.topograph.apikeys;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.platform.tenancy.Role;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import io.topograph.support.BearerClient;
import io.topograph.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.topograph.support.BearerClient.json;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class ApiKeysApiTest extends AppTest {

    @Inject
    DataSource dataSource;

    TestDatabase db() {
        return new TestDatabase(dataSource);
    }

    // ---- lifecycle ----

    @Test
    void a_key_created_from_the_session_works_as_a_bearer_token_until_it_is_revoked() {
        Accounts.Account ada = signUp("ada");
        HttpResponse<String> created = ada.web().json("POST", "/api/v1/api-keys", "{\"name\":\"CI export\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = json(created);
        String token = body.get("token").asText();
        String id = body.get("id").asText();
        assertThat(token).startsWith("tg_").hasSizeGreaterThan(40);
        assertThat(body.get("prefix").asText()).isEqualTo(token.substring(0, 10));
        assertThat(body.get("name").asText()).isEqualTo("CI export");
        assertThat(body.get("role").asText()).isEqualTo("OWNER");
        assertThat(body.get("allNetworks").asBoolean()).isTrue();
        assertThat(body.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(created.headers().firstValue("Location").orElseThrow()).isEqualTo("/api/v1/api-keys/" + id);
        assertThat(created.headers().firstValue("Cache-Control").orElseThrow()).isEqualTo("no-store");

        BearerClient key = new BearerClient(base(), token);
        HttpResponse<String> networks = key.get("/api/v1/networks");
        assertThat(networks.statusCode()).isEqualTo(200);
        assertThat(networks.body()).contains("Home network");

        // The secret is never shown again, only its prefix; the hash stored is not the token.
        HttpResponse<String> list = ada.web().getJson("/api/v1/api-keys");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(id).contains(token.substring(0, 10)).doesNotContain(token).doesNotContain("\"token\"");
        assertThat(key.get("/api/v1/api-keys/" + id).body()).doesNotContain(token);
        assertThat(db().count("select count(*) from user_api_keys where id = ? and token_hash = sha256(convert_to(?, 'UTF8'))",
                UUID.fromString(id), token)).isEqualTo(1);

        HttpResponse<String> revoked = ada.web().json("DELETE", "/api/v1/api-keys/" + id, null);
        assertThat(revoked.statusCode()).isEqualTo(204);
        HttpResponse<String> refused = key.get("/api/v1/networks");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json(refused).get("message").asText()).contains("invalid, revoked or expired");
        assertThat(json(ada.web().getJson("/api/v1/api-keys/" + id)).get("status").asText()).isEqualTo("REVOKED");
        // Revoking again changes nothing.
        assertThat(ada.web().json("DELETE", "/api/v1/api-keys/" + id, null).statusCode()).isEqualTo(204);
    }

    @Test
    void a_key_can_list_keys_and_revoke_itself() {
        Accounts.Account ada = signUp("ada");
        JsonNode created = json(createKey(ada, "{\"name\":\"self\"}"));
        BearerClient key = new BearerClient(base(), created.get("token").asText());
        HttpResponse<String> list = key.get("/api/v1/api-keys");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(created.get("id").asText());
        assertThat(key.send("DELETE", "/api/v1/api-keys/" + created.get("id").asText(), null).statusCode()).isEqualTo(204);
        assertThat(key.get("/api/v1/api-keys").statusCode()).isEqualTo(401);
    }

    @Test
    void an_expired_key_answers_401() {
        Accounts.Account ada = signUp("ada");
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        JsonNode created = json(createKey(ada, "{\"name\":\"short\",\"expiresAt\":\"" + tomorrow + "\"}"));
        assertThat(created.get("expiresAt").asText()).isEqualTo(tomorrow + "T23:59:59Z");
        BearerClient key = new BearerClient(base(), created.get("token").asText());
        assertThat(key.get("/api/v1/networks").statusCode()).isEqualTo(200);

        db().update("update user_api_keys set expires_at = now() - interval '1 second' where id = ?", UUID.fromString(created.get("id").asText()));
        HttpResponse<String> refused = key.get("/api/v1/networks");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("expired");
        assertThat(json(ada.web().getJson("/api/v1/api-keys/" + created.get("id").asText())).get("status").asText()).isEqualTo("EXPIRED");
    }

    @Test
    void an_expiry_with_an_offset_is_stored_as_that_instant() {
        Accounts.Account ada = signUp("ada");
        int year = LocalDate.now(ZoneOffset.UTC).getYear() + 1;
        JsonNode created = json(createKey(ada, "{\"name\":\"offset\",\"expiresAt\":\"" + year + "-03-01T12:00:00+02:00\"}"));
        assertThat(created.get("expiresAt").asText()).isEqualTo(year + "-03-01T10:00:00Z");
    }

    @Test
    void unknown_malformed_and_foreign_tokens_answer_401_as_json() {
        for (String token : List.of("tg_" + "A".repeat(43), "not-a-key", "tg_", "tg_" + "x".repeat(500))) {
            HttpResponse<String> response = new BearerClient(base(), token).get("/api/v1/networks");
            assertThat(response.statusCode()).as(token).isEqualTo(401);
            assertThat(json(response).get("message").asText()).isNotBlank();
        }
    }

    @Test
    void last_use_is_recorded_at_most_once_a_minute() {
        Accounts.Account ada = signUp("ada");
        JsonNode created = json(createKey(ada, "{\"name\":\"touch\"}"));
        UUID id = UUID.fromString(created.get("id").asText());
        assertThat(created.get("lastUsedAt").isNull()).isTrue();
        BearerClient key = new BearerClient(base(), created.get("token").asText());
        key.get("/api/v1/networks");
        String first = json(ada.web().getJson("/api/v1/api-keys/" + id)).get("lastUsedAt").asText();
        assertThat(first).isNotEqualTo("null");

        db().update("update user_api_keys set last_used_at = now() - interval '30 seconds' where id = ?", id);
        Object recent = db().column("select last_used_at from user_api_keys where id = ?", id).get(0);
        key.get("/api/v1/networks");
        assertThat(db().column("select last_used_at from user_api_keys where id = ?", id).get(0)).isEqualTo(recent);

        db().update("update user_api_keys set last_used_at = now() - interval '2 minutes' where id = ?", id);
        Object old = db().column("select last_used_at from user_api_keys where id = ?", id).get(0);
        key.get("/api/v1/networks");
        assertThat(db().column("select last_used_at from user_api_keys where id = ?", id).get(0)).isNotEqualTo(old);
    }

    // ---- creation rules and bad input ----

    @Test
    void a_key_cannot_create_keys() {
        Accounts.Account ada = signUp("ada");
        BearerClient key = new BearerClient(base(), json(createKey(ada, "{\"name\":\"first\"}")).get("token").asText());
        HttpResponse<String> response = key.send("POST", "/api/v1/api-keys", "{\"name\":\"second\"}");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("message").asText()).contains("An API key cannot create API keys");
        assertThat(keyCount(ada)).isEqualTo(1);
    }

    @Test
    void an_expiry_in_the_past_is_refused_with_422_and_nothing_is_written() {
        Accounts.Account ada = signUp("ada");
        HttpResponse<String> past = ada.web().json("POST", "/api/v1/api-keys", "{\"name\":\"old\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}");
        assertThat(past.statusCode()).isEqualTo(422);
        assertThat(fieldError(past, "expiresAt")).isEqualTo("The expiry must be in the future.");
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        assertThat(ada.web().json("POST", "/api/v1/api-keys", "{\"name\":\"old\",\"expiresAt\":\"" + yesterday + "\"}").statusCode()).isEqualTo(422);
        HttpResponse<String> far = ada.web().json("POST", "/api/v1/api-keys", "{\"name\":\"far\",\"expiresAt\":\"9999-01-01\"}");
        assertThat(far.statusCode()).isEqualTo(422);
        assertThat(fieldError(far, "expiresAt")).contains("within 10 years");
        assertThat(keyCount(ada)).isZero();
    }

    @Test
    void bad_input_is_refused_with_a_clear_4xx_and_nothing_is_written() {
        Accounts.Account ada = signUp("ada");
        assertInvalid(ada, "{\"name\":\"\"}", "name", "This field is required.");
        assertInvalid(ada, "{\"name\":\"   \"}", "name", "This field is required.");
        assertInvalid(ada, "{}", "name", "This field is required.");
        assertInvalid(ada, "{\"name\":\"" + "x".repeat(81) + "\"}", "name", "Use at most 80 characters");
        assertInvalid(ada, "{\"name\":\"k\",\"role\":\"SUPERUSER\"}", "role", "Choose one of Owner, Admin, Member or Viewer.");
        assertInvalid(ada, "{\"name\":\"k\",\"expiresAt\":\"next tuesday\"}", "expiresAt", "Use a date like");
        assertInvalid(ada, "{\"name\":\"k\",\"expiresAt\":\"2030-02-30\"}", "expiresAt", "Use a date like");
        assertInvalid(ada, "{\"name\":\"k\",\"networkIds\":[\"not-a-uuid\"]}", "networkIds", "Choose only networks you can see");
        // Every problem is reported at once.
        HttpResponse<String> many = ada.web().json("POST", "/api/v1/api-keys", "{\"name\":\"\",\"role\":\"x\",\"expiresAt\":\"x\"}");
        assertThat(json(many).get("errors")).hasSize(3);

        HttpResponse<String> malformed = ada.web().json("POST", "/api/v1/api-keys", "{\"name\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).get("message").asText()).isNotBlank();
        HttpResponse<String> wrongShape = ada.web().json("POST", "/api/v1/api-keys", "{\"name\":\"k\",\"networkIds\":{\"a\":1}}");
        assertThat(wrongShape.statusCode()).isBetween(400, 422);
        HttpResponse<String> noBody = ada.web().json("POST", "/api/v1/api-keys", null);
        assertThat(noBody.statusCode()).isBetween(400, 422);
        HttpResponse<String> badId = ada.web().json("DELETE", "/api/v1/api-keys/not-a-uuid", null);
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(keyCount(ada)).isZero();
    }

    @Test
    void a_member_cannot_create_a_key_above_their_own_role() {
        Accounts.Account ada = signUp("ada");
        Accounts.Account bob = signUp("bob");
        db().addMember(ada.slug(), bob.email(), Role.MEMBER);
        actIn(bob, ada);
        HttpResponse<String> admin = bob.web().json("POST", "/api/v1/api-keys", "{\"name\":\"too strong\",\"role\":\"ADMIN\"}");
        assertThat(admin.statusCode()).isEqualTo(422);
        assertThat(fieldError(admin, "role")).contains("cannot have more rights than your own role (Member)");
        assertThat(bob.web().json("POST", "/api/v1/api-keys", "{\"name\":\"owner\",\"role\":\"owner\"}").statusCode()).isEqualTo(422);
        assertThat(keyCount(bob)).isZero();

        HttpResponse<String> member = bob.web().json("POST", "/api/v1/api-keys", "{\"name\":\"ok\",\"role\":\"member\"}");
        assertThat(member.statusCode()).isEqualTo(201);
        assertThat(json(member).get("role").asText()).isEqualTo("MEMBER");
        HttpResponse<String> defaulted = bob.web().json("POST", "/api/v1/api-keys", "{\"name\":\"default\"}");
        assertThat(json(defaulted).get("role").asText()).isEqualTo("MEMBER");
    }

    @Test
    void a_viewer_key_of_an_owner_can_read_but_not_write() {
        Accounts.Account ada = signUp("ada");
        BearerClient key = new BearerClient(base(), json(createKey(ada, "{\"name\":\"reader\",\"role\":\"VIEWER\"}")).get("token").asText());
        assertThat(key.get("/api/v1/networks").statusCode()).isEqualTo(200);
        HttpResponse<String> write = key.send("POST", "/api/v1/networks", "{\"name\":\"Nope\"}");
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(json(write).get("message").asText()).isNotBlank();
        assertThat(json(key.get("/api/v1/organization")).get("role").asText()).isEqualTo("VIEWER");
        assertThat(ada.web().getJson("/api/v1/networks").body()).doesNotContain("Nope");
    }

    @Test
    void a_key_acts_with_the_weaker_of_its_role_and_its_users_current_role() {
        Accounts.Account ada = signUp("ada");
        Accounts.Account bob = signUp("bob");
        db().addMember(ada.slug(), bob.email(), Role.ADMIN);
        actIn(bob, ada);
        BearerClient key = new BearerClient(base(), json(createKey(bob, "{\"name\":\"admin\",\"role\":\"ADMIN\"}")).get("token").asText());
        assertThat(key.send("POST", "/api/v1/networks", "{\"name\":\"Lab\"}").statusCode()).isEqualTo(201);

        db().setRole(ada.slug(), bob.email(), Role.VIEWER);
        assertThat(key.send("POST", "/api/v1/networks", "{\"name\":\"Lab 2\"}").statusCode()).isEqualTo(403);
        assertThat(json(key.get("/api/v1/organization")).get("role").asText()).isEqualTo("VIEWER");
    }

    // ---- network scope ----

    @Test
    void a_key_limited_to_one_network_sees_only_that_network() {
        Accounts.Account ada = signUp("ada");
        String a = networkId(ada, "Home network");
        String b = json(ada.web().json("POST", "/api/v1/networks", "{\"name\":\"Branch\"}")).get("id").asText();
        JsonNode created = json(createKey(ada, "{\"name\":\"scoped\",\"networkIds\":[\"" + a + "\"]}"));
        assertThat(created.get("allNetworks").asBoolean()).isFalse();
        assertThat(created.get("networks").get(0).get("id").asText()).isEqualTo(a);
        assertThat(created.get("networks").get(0).get("name").asText()).isEqualTo("Home network");
        BearerClient key = new BearerClient(base(), created.get("token").asText());

        JsonNode list = json(key.get("/api/v1/networks"));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("id").asText()).isEqualTo(a);
        assertThat(key.get("/api/v1/networks/" + a).statusCode()).isEqualTo(200);
        assertThat(key.get("/api/v1/networks/" + b).statusCode()).isEqualTo(404);
        assertThat(key.send("PUT", "/api/v1/networks/" + b, "{\"name\":\"pwned\"}").statusCode()).isEqualTo(404);
        assertThat(key.send("DELETE", "/api/v1/networks/" + b, null).statusCode()).isEqualTo(404);
        assertThat(ada.web().getJson("/api/v1/networks/" + b).body()).contains("Branch");
    }

    @Test
    void a_scoped_key_whose_networks_were_deleted_sees_nothing_rather_than_everything() {
        Accounts.Account ada = signUp("ada");
        String b = json(ada.web().json("POST", "/api/v1/networks", "{\"name\":\"Temporary\"}")).get("id").asText();
        BearerClient key = new BearerClient(base(), json(createKey(ada, "{\"name\":\"scoped\",\"networkIds\":[\"" + b + "\"]}")).get("token").asText());
        assertThat(json(key.get("/api/v1/networks"))).hasSize(1);
        assertThat(ada.web().json("DELETE", "/api/v1/networks/" + b, null).statusCode()).isEqualTo(204);
        assertThat(json(key.get("/api/v1/networks"))).isEmpty();
        assertThat(key.get("/api/v1/networks/" + networkId(ada, "Home network")).statusCode()).isEqualTo(404);
    }

    @Test
    void a_key_never_sees_more_networks_than_its_user() {
        Accounts.Account ada = signUp("ada");
        String home = networkId(ada, "Home network");
        String lab = json(ada.web().json("POST", "/api/v1/networks", "{\"name\":\"Lab\"}")).get("id").asText();
        Accounts.Account bob = signUp("bob");
        db().addMember(ada.slug(), bob.email(), Role.MEMBER, UUID.fromString(home), UUID.fromString(lab));
        actIn(bob, ada);

        BearerClient unscoped = new BearerClient(base(), json(createKey(bob, "{\"name\":\"all\"}")).get("token").asText());
        BearerClient labOnly = new BearerClient(base(), json(createKey(bob, "{\"name\":\"lab\",\"networkIds\":[\"" + lab + "\"]}")).get("token").asText());
        assertThat(json(unscoped.get("/api/v1/networks"))).hasSize(2);
        assertThat(json(labOnly.get("/api/v1/networks"))).hasSize(1);

        // Bob loses access to Lab: neither key can reach it any more.
        db().revokeNetwork(ada.slug(), bob.email(), UUID.fromString(lab));
        assertThat(json(unscoped.get("/api/v1/networks"))).hasSize(1);
        assertThat(unscoped.get("/api/v1/networks/" + lab).statusCode()).isEqualTo(404);
        assertThat(json(labOnly.get("/api/v1/networks"))).isEmpty();
        assertThat(labOnly.get("/api/v1/networks/" + lab).statusCode()).isEqualTo(404);
    }

    @Test
    void a_key_can_only_be_limited_to_networks_its_user_can_see() {
        Accounts.Account ada = signUp("ada");
        String home = networkId(ada, "Home network");
        String lab = json(ada.web().json("POST", "/api/v1/networks", "{\"name\":\"Lab\"}")).get("id").asText();
        Accounts.Account bob = signUp("bob");
        db().addMember(ada.slug(), bob.email(), Role.MEMBER, UUID.fromString(home));
        actIn(bob, ada);
        HttpResponse<String> response = bob.web().json("POST", "/api/v1/api-keys", "{\"name\":\"k\",\"networkIds\":[\"" + lab + "\"]}");
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(fieldError(response, "networkIds")).contains("Choose only networks you can see");
        assertThat(keyCount(bob)).isZero();
    }

    // ---- tenancy ----

    @Test
    void a_key_of_one_organization_gets_404_for_another_organizations_networks() {
        Accounts.Account ada = signUp("ada");
        Accounts.Account mallory = signUp("mallory");
        String adaNetwork = networkId(ada, "Home network");
        BearerClient key = new BearerClient(base(), json(createKey(mallory, "{\"name\":\"m\"}")).get("token").asText());
        assertThat(key.get("/api/v1/networks/" + adaNetwork).statusCode()).isEqualTo(404);
        assertThat(key.send("PUT", "/api/v1/networks/" + adaNetwork, "{\"name\":\"pwned\"}").statusCode()).isEqualTo(404);
        assertThat(key.send("DELETE", "/api/v1/networks/" + adaNetwork, null).statusCode()).isEqualTo(404);
        assertThat(key.get("/api/v1/networks").body()).doesNotContain(adaNetwork);
        assertThat(mallory.web().json("POST", "/api/v1/api-keys",
                "{\"name\":\"k\",\"networkIds\":[\"" + adaNetwork + "\"]}").statusCode()).isEqualTo(422);
        assertThat(ada.web().getJson("/api/v1/networks/" + adaNetwork).body()).contains("Home network").doesNotContain("pwned");
    }

    @Test
    void another_users_key_answers_404_to_the_session_and_to_keys() {
        Accounts.Account ada = signUp("ada");
        Accounts.Account bob = signUp("bob");
        Accounts.Account mallory = signUp("mallory");
        db().addMember(ada.slug(), bob.email(), Role.ADMIN);
        actIn(bob, ada);
        String adaKey = json(createKey(ada, "{\"name\":\"ada's\"}")).get("id").asText();
        BearerClient bobKey = new BearerClient(base(), json(createKey(bob, "{\"name\":\"bob's\"}")).get("token").asText());

        for (var web : List.of(bob.web(), mallory.web())) {
            assertThat(web.getJson("/api/v1/api-keys/" + adaKey).statusCode()).isEqualTo(404);
            assertThat(web.json("DELETE", "/api/v1/api-keys/" + adaKey, null).statusCode()).isEqualTo(404);
            assertThat(web.getJson("/api/v1/api-keys").body()).doesNotContain(adaKey);
        }
        assertThat(bobKey.get("/api/v1/api-keys/" + adaKey).statusCode()).isEqualTo(404);
        assertThat(bobKey.send("DELETE", "/api/v1/api-keys/" + adaKey, null).statusCode()).isEqualTo(404);
        assertThat(json(ada.web().getJson("/api/v1/api-keys/" + adaKey)).get("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void a_key_stops_working_when_its_user_leaves_and_does_not_return_with_a_new_membership() {
        Accounts.Account ada = signUp("ada");
        Accounts.Account bob = signUp("bob");
        db().addMember(ada.slug(), bob.email(), Role.ADMIN);
        actIn(bob, ada);
        BearerClient key = new BearerClient(base(), json(createKey(bob, "{\"name\":\"bob's\"}")).get("token").asText());
        assertThat(key.get("/api/v1/networks").statusCode()).isEqualTo(200);

        db().removeMember(ada.slug(), bob.email());
        assertThat(key.get("/api/v1/networks").statusCode()).isEqualTo(401);
        db().addMember(ada.slug(), bob.email(), Role.ADMIN);
        assertThat(key.get("/api/v1/networks").statusCode()).isEqualTo(401);
    }

    @Test
    void a_key_cannot_open_the_web_pages() {
        Accounts.Account ada = signUp("ada");
        BearerClient key = new BearerClient(base(), json(createKey(ada, "{\"name\":\"k\"}")).get("token").asText());
        assertThat(key.get(ada.org("/networks")).statusCode()).isEqualTo(404);
        assertThat(key.get(ada.org("/settings/api-keys")).statusCode()).isEqualTo(404);
    }

    // ---- CSRF ----

    @Test
    void a_session_json_post_without_the_csrf_header_is_refused_and_writes_nothing() throws Exception {
        Accounts.Account ada = signUp("ada");
        HttpRequest request = HttpRequest.newBuilder(base().resolve("/api/v1/api-keys"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Cookie", "TG_SESSION=" + ada.web().cookie("TG_SESSION") + "; TG_CSRF=" + ada.web().csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"forged\"}")).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("message").asText()).contains("security token");
        HttpRequest wrongToken = HttpRequest.newBuilder(request, (name, value) -> true)
                .header("X-CSRF-TOKEN", "x".repeat(43)).build();
        assertThat(HttpClient.newHttpClient().send(wrongToken, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        assertThat(keyCount(ada)).isZero();
    }

    @Test
    void bearer_requests_need_no_csrf_token() {
        Accounts.Account ada = signUp("ada");
        BearerClient key = new BearerClient(base(), json(createKey(ada, "{\"name\":\"writer\"}")).get("token").asText());
        HttpResponse<String> created = key.send("POST", "/api/v1/networks", "{\"name\":\"From a script\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).get("id").asText();
        assertThat(key.send("DELETE", "/api/v1/networks/" + id, null).statusCode()).isEqualTo(204);
    }

    // ---- helpers ----

    private HttpResponse<String> createKey(Accounts.Account account, String body) {
        HttpResponse<String> response = account.web().json("POST", "/api/v1/api-keys", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response;
    }

    private void assertInvalid(Accounts.Account account, String body, String field, String message) {
        HttpResponse<String> response = account.web().json("POST", "/api/v1/api-keys", body);
        assertThat(response.statusCode()).as(body + " → " + response.body()).isEqualTo(422);
        assertThat(json(response).get("message").asText()).isEqualTo("The request has invalid fields.");
        assertThat(fieldError(response, field)).as(body).contains(message);
    }

    private static String fieldError(HttpResponse<String> response, String field) {
        for (JsonNode error : json(response).get("errors")) {
            if (error.get("field").asText().equals(field)) {
                return error.get("message").asText();
            }
        }
        throw new AssertionError("No error for " + field + " in " + response.body());
    }

    private long keyCount(Accounts.Account account) {
        return db().count("select count(*) from user_api_keys where user_id = ?", db().userId(account.email()));
    }

    /** The session's API requests act in the organization last opened in the browser. */
    private static void actIn(Accounts.Account who, Accounts.Account organizationOwner) {
        assertThat(who.web().get(organizationOwner.org("")).statusCode()).isEqualTo(200);
    }

    private static String networkId(Accounts.Account account, String name) {
        List<String> ids = new ArrayList<>();
        json(account.web().getJson("/api/v1/networks")).forEach(n -> {
            if (n.get("name").asText().equals(name)) {
                ids.add(n.get("id").asText());
            }
        });
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

}
