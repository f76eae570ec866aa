package io.topograph.platform;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static io.topograph.support.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class WebBaselineTest extends AppTest {

    @Test
    void health_answers_200_while_the_database_is_reachable() {
        HttpResponse<String> health = anonymous().getJson("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"database\":\"UP\"");
    }

    @Test
    void pages_carry_security_headers_and_the_csrf_meta_tag() {
        HttpResponse<String> login = anonymous().get("/login");
        assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'").contains("script-src 'self'");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.body()).contains("<meta name=\"csrf-token\"");
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("TG_CSRF=").contains("HTTPOnly").contains("SameSite=Strict"));
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site() {
        var web = anonymous();
        HttpResponse<String> signup = web.post("/signup", form("name", "C", "email", Accounts.uniqueEmail("cookie"),
                "password", Accounts.PASSWORD, "organization", "Cookie Org"));
        assertThat(signup.headers().allValues("Set-Cookie")).anySatisfy(c ->
                assertThat(c).startsWith("TG_SESSION=").contains("HTTPOnly").contains("SameSite=Lax"));
    }

    @Test
    void a_cross_origin_post_is_refused_even_with_a_valid_token() throws Exception {
        Accounts.Account owner = signUp("origin");
        var web = owner.web();
        String body = "_csrf=" + web.csrfToken() + "&name=Evil";
        HttpResponse<String> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
                HttpRequest.newBuilder(base().resolve(owner.org("/networks")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", "TG_SESSION=" + web.cookie("TG_SESSION") + "; TG_CSRF=" + web.csrfToken())
                        .header("Origin", "https://evil.example")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(web.get(owner.org("/networks")).body()).doesNotContain("Evil");
    }

    @Test
    void unknown_pages_get_a_friendly_404_and_unknown_api_paths_json() {
        HttpResponse<String> page = anonymous().get("/no/such/page");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found");
        Accounts.Account owner = signUp("api404");
        HttpResponse<String> api = owner.web().getJson("/api/v1/networks/00000000-0000-0000-0000-000000000000");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).contains("\"message\":\"Network not found\"").as("empty fields are kept").contains("\"errors\":[]");
    }

    @Test
    void the_api_answers_malformed_json_with_400_and_invalid_fields_with_422() {
        Accounts.Account owner = signUp("json");
        HttpResponse<String> malformed = owner.web().json("POST", "/api/v1/networks", "{\"name\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"message\"");
        HttpResponse<String> invalid = owner.web().json("POST", "/api/v1/networks", "{\"name\": \"\", \"description\": \"" + "d".repeat(2001) + "\"}");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("\"field\":\"name\"").contains("\"field\":\"description\"");
        HttpResponse<String> badId = owner.web().getJson("/api/v1/networks/not-a-uuid");
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(owner.web().getJson("/api/v1/networks").body()).containsOnlyOnce("\"name\"");
    }

    @Test
    void webjars_are_served() {
        assertThat(anonymous().get("/webjars/htmx.org/2.0.10/dist/htmx.min.js").statusCode()).isEqualTo(200);
        assertThat(anonymous().get("/static/js/app.js").statusCode()).isEqualTo(200);
    }
}
