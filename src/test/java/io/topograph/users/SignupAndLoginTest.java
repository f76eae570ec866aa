package io.topograph.users;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import io.topograph.support.WebSession;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static io.topograph.support.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class SignupAndLoginTest extends AppTest {

    @Test
    void signing_up_creates_the_account_an_organization_with_a_slug_and_a_first_network_and_logs_in() {
        WebSession web = anonymous();
        String email = Accounts.uniqueEmail("grace");
        HttpResponse<String> response = web.post("/signup", form("name", "Grace Hopper", "email", email,
                "password", Accounts.PASSWORD, "organization", "Navy Labs, Inc."));
        assertThat(response.statusCode()).isEqualTo(303);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/o/navy-labs-inc(-\\d+)?$");
        HttpResponse<String> dashboard = web.get(location.substring(location.indexOf("/o/")));
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Navy Labs, Inc.").contains("Home network").contains("Grace Hopper").contains("Owner");
    }

    @Test
    void a_second_organization_with_the_same_name_gets_its_own_slug() {
        Accounts.Account a = Accounts.signUp(base(), "ann", "Same Name Co");
        Accounts.Account b = Accounts.signUp(base(), "bob", "Same Name Co");
        assertThat(a.slug()).isNotEqualTo(b.slug());
        assertThat(b.slug()).startsWith("same-name-co");
    }

    @Test
    void bad_sign_up_input_is_explained_on_the_form_and_nothing_is_created() {
        WebSession web = anonymous();
        HttpResponse<String> response = web.post("/signup", form("name", "", "email", "not-an-email",
                "password", "short", "organization", "x".repeat(81)));
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body())
                .contains("This field is required.")
                .contains("Enter a valid email address")
                .contains("Use at least 10 characters.")
                .contains("Use at most 80 characters")
                .doesNotContain("value=\"short\"");
        assertThat(web.hasCookie("TG_SESSION")).isFalse();
        assertThat(web.post("/login", form("email", "not-an-email", "password", "short")).statusCode()).isEqualTo(401);
    }

    @Test
    void a_duplicate_email_in_any_letter_case_is_refused_and_no_second_organization_is_made() {
        Accounts.Account first = signUp("dup");
        WebSession web = anonymous();
        HttpResponse<String> response = web.post("/signup", form("name", "Other", "email", first.email().toUpperCase(),
                "password", Accounts.PASSWORD, "organization", "Should Not Exist Org"));
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("An account with this email already exists.");
        WebSession again = Accounts.logIn(base(), first.email(), Accounts.PASSWORD);
        assertThat(again.get(first.org("")).body()).doesNotContain("Should Not Exist Org");
    }

    @Test
    void login_with_the_right_password_lands_in_the_organization_and_a_wrong_one_is_refused() {
        Accounts.Account account = signUp("lin");
        WebSession web = anonymous();
        HttpResponse<String> wrong = web.post("/login", form("email", account.email(), "password", "wrong-password-1"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("The email or password is incorrect.");
        HttpResponse<String> right = web.post("/login", form("email", account.email().toUpperCase(), "password", Accounts.PASSWORD));
        assertThat(right.statusCode()).isEqualTo(303);
        assertThat(right.headers().firstValue("Location").orElseThrow()).endsWith("/o/" + account.slug());
    }

    @Test
    void login_follows_a_local_next_path_but_never_an_external_one() {
        Accounts.Account account = signUp("nx");
        HttpResponse<String> local = anonymous().post("/login", form("email", account.email(), "password", Accounts.PASSWORD,
                "next", "/account"));
        assertThat(local.headers().firstValue("Location").orElseThrow()).endsWith("/account");
        HttpResponse<String> external = anonymous().post("/login", form("email", account.email(), "password", Accounts.PASSWORD,
                "next", "//evil.example/steal"));
        assertThat(external.headers().firstValue("Location").orElseThrow()).endsWith("/o/" + account.slug());
    }

    @Test
    void repeated_failed_logins_lock_the_account_for_a_while_even_with_the_right_password() {
        Accounts.Account account = signUp("rate");
        WebSession attacker = anonymous();
        for (int i = 0; i < 5; i++) {
            assertThat(attacker.post("/login", form("email", account.email(), "password", "guess-" + i + "-xxxxx")).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> blocked = anonymous().post("/login", form("email", account.email(), "password", Accounts.PASSWORD));
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.body()).contains("Too many failed attempts");
    }

    @Test
    void logout_ends_the_session_on_the_server() {
        Accounts.Account account = signUp("out");
        String cookie = account.web().cookie("TG_SESSION");
        HttpResponse<String> logout = account.web().post("/logout", form());
        assertThat(logout.statusCode()).isEqualTo(303);
        WebSession replay = anonymous();
        replay.get("/login");
        assertThat(sessionRequest(cookie).statusCode()).isEqualTo(303);
    }

    @Test
    void log_out_everywhere_ends_every_session_of_the_account() {
        Accounts.Account account = signUp("every");
        WebSession laptop = Accounts.logIn(base(), account.email(), Accounts.PASSWORD);
        assertThat(laptop.get(account.org("")).statusCode()).isEqualTo(200);
        assertThat(account.web().get("/account").body()).contains("<strong>2</strong> device(s)");
        assertThat(account.web().post("/logout/everywhere", form()).statusCode()).isEqualTo(303);
        assertThat(laptop.get(account.org("")).statusCode()).isEqualTo(303);
        assertThat(account.web().get(account.org("")).statusCode()).isEqualTo(303);
    }

    private HttpResponse<String> sessionRequest(String sessionCookie) {
        try {
            var client = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
            return client.send(java.net.http.HttpRequest.newBuilder(base().resolve("/account"))
                    .header("Cookie", "TG_SESSION=" + sessionCookie).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
