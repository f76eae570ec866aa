package io.topograph.users;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import io.topograph.support.Mailbox;
import io.topograph.support.WebSession;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static io.topograph.support.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class RecoveryTest extends AppTest {

    @Inject
    Mailbox mailbox;

    @Test
    void the_emailed_link_confirms_the_address_once() {
        Accounts.Account account = signUp("ver");
        assertThat(account.web().get("/account").body()).contains("Your email is not confirmed yet.");
        String link = mailbox.latestLink(account.email(), "/verify-email");
        assertThat(link).isNotNull();
        assertThat(anonymous().get(link).body()).contains("Your email is confirmed");
        assertThat(account.web().get("/account").body()).doesNotContain("Your email is not confirmed yet.");
        HttpResponse<String> again = anonymous().get(link);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(anonymous().get("/verify-email?token=forged").statusCode()).isEqualTo(410);
    }

    @Test
    void a_password_reset_link_sets_a_new_password_ends_old_sessions_and_works_once() {
        Accounts.Account account = signUp("reset");
        HttpResponse<String> asked = anonymous().post("/password/forgot", form("email", account.email()));
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("we sent it a link");
        String link = mailbox.latestLink(account.email(), "/password/reset");
        assertThat(link).isNotNull();
        String token = link.substring(link.indexOf("token=") + 6);
        WebSession visitor = anonymous();
        assertThat(visitor.get(link).statusCode()).isEqualTo(200);
        assertThat(visitor.post("/password/reset", form("token", token, "password", "short")).statusCode()).isEqualTo(422);
        HttpResponse<String> done = visitor.post("/password/reset", form("token", token, "password", "brand-new-password"));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(account.web().get(account.org("")).statusCode()).as("old session ended").isEqualTo(303);
        assertThat(anonymous().post("/login", form("email", account.email(), "password", Accounts.PASSWORD)).statusCode()).isEqualTo(401);
        Accounts.logIn(base(), account.email(), "brand-new-password");
        assertThat(anonymous().post("/password/reset", form("token", token, "password", "another-password-9")).statusCode()).isEqualTo(410);
    }

    @Test
    void asking_for_a_reset_of_an_unknown_email_looks_the_same_and_sends_nothing() {
        String email = Accounts.uniqueEmail("ghost");
        HttpResponse<String> asked = anonymous().post("/password/forgot", form("email", email));
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("we sent it a link");
        assertThat(mailbox.latestBody(email)).isNull();
        assertThat(anonymous().post("/password/forgot", form("email", "nope")).statusCode()).isEqualTo(422);
    }

    @Test
    void the_dev_mailbox_shows_sent_mail_to_loopback_visitors() {
        Accounts.Account account = signUp("mbox");
        HttpResponse<String> page = anonymous().get("/dev/mailbox");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(account.email()).contains("Confirm your email for Topograph");
    }

    @Test
    void changing_the_password_needs_the_current_one_and_logs_out_other_devices() {
        Accounts.Account account = signUp("pw");
        WebSession phone = Accounts.logIn(base(), account.email(), Accounts.PASSWORD);
        HttpResponse<String> wrong = account.web().htmxPost("/account/password", form("current", "not-it-at-all",
                "password", "a-new-password-1", "confirmation", "a-new-password-1"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("This is not your current password.").doesNotContain("<html");
        HttpResponse<String> mismatch = account.web().htmxPost("/account/password", form("current", Accounts.PASSWORD,
                "password", "a-new-password-1", "confirmation", "a-new-password-2"));
        assertThat(mismatch.body()).contains("The two new passwords differ.");
        HttpResponse<String> ok = account.web().htmxPost("/account/password", form("current", Accounts.PASSWORD,
                "password", "a-new-password-1", "confirmation", "a-new-password-1"));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("HX-Trigger").orElseThrow()).contains("Password changed");
        assertThat(account.web().get(account.org("")).statusCode()).isEqualTo(200);
        assertThat(phone.get(account.org("")).statusCode()).isEqualTo(303);
    }

    @Test
    void the_profile_can_be_renamed_but_not_given_an_email_that_is_taken() {
        Accounts.Account a = signUp("prof");
        Accounts.Account b = signUp("other");
        HttpResponse<String> taken = a.web().htmxPost("/account/profile", form("name", "New Name", "email", b.email()));
        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(taken.body()).contains("An account with this email already exists.");
        HttpResponse<String> ok = a.web().htmxPost("/account/profile", form("name", "Ada Renamed", "email", a.email()));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(a.web().get("/account").body()).contains("Ada Renamed");
    }
}
