package io.topograph.notifications;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.networks.NetworkService;
import io.topograph.platform.tenancy.Role;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import io.topograph.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static io.topograph.support.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class NotificationPagesTest extends AppTest {

    @Inject
    DataSource dataSource;

    private TestDatabase db() {
        return new TestDatabase(dataSource);
    }

    private long rules(Accounts.Account account) {
        return db().count("select count(*) from notification_rules where organization_id = ?", db().organizationId(account.slug()));
    }

    private UUID ruleId(Accounts.Account account, String name) {
        return (UUID) db().column("select id from notification_rules where organization_id = ? and name = ?",
                db().organizationId(account.slug()), name).get(0);
    }

    static Map<String, String> emailRule(String name, String recipients) {
        return form("name", name, "kinds", "HOST_APPEARED", "networkId", "", "channel", "EMAIL", "recipients", recipients,
                "url", "", "enabled", "on");
    }

    @Test
    void an_owner_sees_the_empty_notifications_page_with_the_digest_option() {
        Accounts.Account owner = signUp("ada");
        HttpResponse<String> page = owner.web().get(owner.org("/notifications"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("No notification rules yet.").contains("Weekly digest").contains("New rule")
                .contains(">Notifications</a>");
        HttpResponse<String> fragment = owner.web().htmxGet(owner.org("/notifications"));
        assertThat(fragment.body()).contains("id=\"notification-rules\"").doesNotContain("<html");
        HttpResponse<String> newPage = owner.web().get(owner.org("/notifications/rules/new"));
        assertThat(newPage.statusCode()).isEqualTo(200);
        assertThat(newPage.body()).contains("id=\"rule-form\"").contains("Host appeared").contains(NetworkService.FIRST_NETWORK_NAME);
        assertThat(owner.web().get(owner.org("/notifications/deliveries")).body()).contains("Nothing sent yet.");
    }

    @Test
    void creating_an_email_rule_without_javascript_redirects_to_the_list_with_a_flash() {
        Accounts.Account owner = signUp("ada");
        HttpResponse<String> created = owner.web().post(owner.org("/notifications/rules"),
                emailRule("New devices", "Ops@Example.com, lead@example.com"));
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith(owner.org("/notifications"));
        String list = owner.web().get(owner.org("/notifications")).body();
        assertThat(list).contains("Rule “New devices” created.").contains("ops@example.com, lead@example.com").contains("All networks");
    }

    @Test
    void a_webhook_rule_created_with_htmx_navigates_to_its_secret_which_can_be_revealed_and_rotated() {
        Accounts.Account owner = signUp("ada");
        UUID network = db().networkId(owner.slug(), NetworkService.FIRST_NETWORK_NAME);
        HttpResponse<String> created = owner.web().htmxPost(owner.org("/notifications/rules"), form("name", "Hook",
                "kinds", "SERVICE_APPEARED", "networkId", network.toString(), "channel", "WEBHOOK", "recipients", "",
                "url", "http://127.0.0.1:9/hook", "enabled", "on"));
        assertThat(created.statusCode()).isEqualTo(200);
        UUID id = ruleId(owner, "Hook");
        assertThat(created.headers().firstValue("HX-Redirect").orElseThrow()).isEqualTo(owner.org("/notifications/rules/" + id + "/secret"));
        String page = owner.web().get(owner.org("/notifications/rules/" + id + "/secret")).body();
        String secret = page.replaceAll("(?s).*value=\"(whsec_[A-Za-z0-9_-]+)\".*", "$1");
        assertThat(secret).startsWith("whsec_").hasSize(6 + 43);
        String edit = owner.web().get(owner.org("/notifications/rules/" + id + "/edit")).body();
        assertThat(edit).doesNotContain(secret).contains(secret.substring(0, 10) + "…").contains("Reveal");
        assertThat(owner.web().htmxGet(owner.org("/notifications/rules/" + id + "/secret")).body())
                .contains(secret).doesNotContain("<html");
        HttpResponse<String> rotated = owner.web().htmxPost(owner.org("/notifications/rules/" + id + "/secret"), form());
        assertThat(rotated.statusCode()).isEqualTo(200);
        assertThat(rotated.body()).contains("whsec_").doesNotContain(secret);
    }

    @Test
    void editing_a_rule_saves_it_and_bad_edits_are_explained_without_writing() {
        Accounts.Account owner = signUp("ada");
        owner.web().post(owner.org("/notifications/rules"), emailRule("Mail me", "a@example.com"));
        UUID id = ruleId(owner, "Mail me");
        HttpResponse<String> fragment = owner.web().htmxGet(owner.org("/notifications/rules/" + id + "/edit"));
        assertThat(fragment.body()).contains("id=\"rule-form\"").contains("a@example.com").doesNotContain("<html");
        HttpResponse<String> bad = owner.web().htmxPost(owner.org("/notifications/rules/" + id),
                form("name", "Mail me", "channel", "EMAIL", "recipients", "not-an-address"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("Choose at least one kind of change.").contains("is not a valid email address")
                .contains("id=\"rule-form\"");
        HttpResponse<String> saved = owner.web().post(owner.org("/notifications/rules/" + id),
                form("name", "Mail us", "kinds", "HOST_DISAPPEARED", "channel", "EMAIL", "recipients", "b@example.com"));
        assertThat(saved.statusCode()).isEqualTo(303);
        String list = owner.web().get(owner.org("/notifications")).body();
        assertThat(list).contains("Mail us").contains("Host disappeared").contains("b@example.com").contains("Disabled");
    }

    @Test
    void bad_input_answers_422_next_to_the_fields_and_writes_nothing() {
        Accounts.Account owner = signUp("ada");
        Accounts.Account other = signUp("eve");
        UUID foreignNetwork = db().networkId(other.slug(), NetworkService.FIRST_NETWORK_NAME);
        record Case(Map<String, String> fields, String message) {
        }
        for (Case c : new Case[]{
                new Case(form("name", "  ", "kinds", "HOST_APPEARED", "channel", "EMAIL", "recipients", "a@example.com"), "This field is required."),
                new Case(form("name", "x".repeat(81), "kinds", "HOST_APPEARED", "channel", "EMAIL", "recipients", "a@example.com"), "Use at most 80 characters"),
                new Case(form("name", "n", "channel", "EMAIL", "recipients", "a@example.com"), "Choose at least one kind of change."),
                new Case(form("name", "n", "kinds", "EVERYTHING", "channel", "EMAIL", "recipients", "a@example.com"), "Choose changes from the list."),
                new Case(form("name", "n", "kinds", "HOST_APPEARED", "channel", "EMAIL", "recipients", ""), "Enter at least one email address."),
                new Case(form("name", "n", "kinds", "HOST_APPEARED", "channel", "EMAIL", "recipients", "a@example.com, nope"), "“nope” is not a valid email address."),
                new Case(form("name", "n", "kinds", "HOST_APPEARED", "channel", "SMS", "recipients", "a@example.com"), "Choose email or webhook."),
                new Case(form("name", "n", "kinds", "HOST_APPEARED", "channel", "WEBHOOK", "url", "ftp://127.0.0.1/x"), "Use an http:// or https:// URL."),
                new Case(form("name", "n", "kinds", "HOST_APPEARED", "channel", "WEBHOOK", "url", "not a url"), "Enter a valid URL"),
                new Case(form("name", "n", "kinds", "HOST_APPEARED", "channel", "WEBHOOK", "url", ""), "This field is required."),
                new Case(form("name", "n", "kinds", "HOST_APPEARED", "channel", "EMAIL", "recipients", "a@example.com",
                        "networkId", foreignNetwork.toString()), "Choose a network from the list."),
                new Case(form("name", "n", "kinds", "HOST_APPEARED", "channel", "EMAIL", "recipients", "a@example.com",
                        "networkId", "garbage"), "Choose a network from the list.")}) {
            HttpResponse<String> plain = owner.web().post(owner.org("/notifications/rules"), c.fields());
            assertThat(plain.statusCode()).as(c.message()).isEqualTo(422);
            assertThat(plain.body()).as(c.message()).contains(c.message()).contains("<html");
            HttpResponse<String> htmx = owner.web().htmxPost(owner.org("/notifications/rules"), c.fields());
            assertThat(htmx.statusCode()).isEqualTo(422);
            assertThat(htmx.body()).contains(c.message()).doesNotContain("<html");
        }
        assertThat(rules(owner)).isZero();
        HttpResponse<String> digest = owner.web().htmxPost(owner.org("/notifications/digest"), form("enabled", "on", "recipients", ""));
        assertThat(digest.statusCode()).isEqualTo(422);
        assertThat(digest.body()).contains("Enter at least one email address.");
        assertThat(db().count("select count(*) from notification_digest_settings where organization_id = ?",
                db().organizationId(owner.slug()))).isZero();
    }

    @Test
    void deleting_a_rule_asks_first_without_javascript_and_removes_it() {
        Accounts.Account owner = signUp("ada");
        owner.web().post(owner.org("/notifications/rules"), emailRule("Doomed", "a@example.com"));
        UUID id = ruleId(owner, "Doomed");
        assertThat(owner.web().get(owner.org("/notifications/rules/" + id + "/delete")).body()).contains("Delete <span>Doomed</span>?");
        HttpResponse<String> deleted = owner.web().htmxPost(owner.org("/notifications/rules/" + id + "/delete"), form());
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(deleted.headers().firstValue("HX-Trigger").orElseThrow()).contains("tg:notification-rules-changed");
        assertThat(rules(owner)).isZero();
        assertThat(owner.web().get(owner.org("/notifications/rules/" + id + "/edit")).statusCode()).isEqualTo(404);
    }

    @Test
    void a_test_event_is_queued_with_htmx_and_shows_in_the_delivery_log_fragment() {
        Accounts.Account owner = signUp("ada");
        owner.web().post(owner.org("/notifications/rules"), emailRule("Try me", "try@example.com"));
        UUID id = ruleId(owner, "Try me");
        HttpResponse<String> queued = owner.web().htmxPost(owner.org("/notifications/rules/" + id + "/test"), form());
        assertThat(queued.statusCode()).isEqualTo(200);
        assertThat(queued.headers().firstValue("HX-Trigger").orElseThrow()).contains("tg:notification-deliveries-changed").contains("Test event queued");
        HttpResponse<String> log = owner.web().htmxGet(owner.org("/notifications/deliveries"));
        assertThat(log.body()).contains("id=\"notification-deliveries\"").contains("Try me").contains("try@example.com")
                .contains(">test<").doesNotContain("<html");
        UUID delivery = (UUID) db().column("select id from notification_deliveries where rule_id = ?", id).get(0);
        Accounts.Account stranger = signUp("eve");
        assertThat(stranger.web().post(stranger.org("/notifications/deliveries/" + delivery + "/redeliver"), form()).statusCode()).isEqualTo(404);
    }

    @Test
    void the_digest_option_is_saved_and_shown_again() {
        Accounts.Account owner = signUp("ada");
        HttpResponse<String> saved = owner.web().post(owner.org("/notifications/digest"), form("enabled", "on", "recipients", "x@example.com\ny@example.com"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(owner.web().get(owner.org("/notifications")).body()).contains("Weekly digest turned on.")
                .contains("x@example.com, y@example.com").contains("checked");
        HttpResponse<String> off = owner.web().htmxPost(owner.org("/notifications/digest"), form("recipients", "x@example.com"));
        assertThat(off.statusCode()).isEqualTo(200);
        assertThat(off.body()).contains("id=\"notification-digest\"").doesNotContain("checked");
    }

    @Test
    void another_organizations_user_gets_404_for_every_route_and_sees_nothing() {
        Accounts.Account owner = signUp("ada");
        owner.web().post(owner.org("/notifications/rules"), emailRule("Secret rule", "a@example.com"));
        UUID id = ruleId(owner, "Secret rule");
        Accounts.Account stranger = signUp("eve");
        for (String path : new String[]{"/notifications", "/notifications/rules/new", "/notifications/rules/" + id + "/edit",
                "/notifications/rules/" + id + "/secret", "/notifications/rules/" + id + "/delete", "/notifications/deliveries"}) {
            assertThat(stranger.web().get(owner.org(path)).statusCode()).as(path).isEqualTo(404);
            // The rule's id through the stranger's own organization: not found either.
            if (path.contains(id.toString())) {
                assertThat(stranger.web().get(stranger.org(path)).statusCode()).as(path).isEqualTo(404);
            }
        }
        for (String path : new String[]{"/notifications/rules", "/notifications/rules/" + id, "/notifications/rules/" + id + "/delete",
                "/notifications/rules/" + id + "/secret", "/notifications/rules/" + id + "/test", "/notifications/digest"}) {
            assertThat(stranger.web().post(owner.org(path), emailRule("x", "a@example.com")).statusCode()).as(path).isEqualTo(404);
        }
        for (String path : new String[]{"/notifications/rules/" + id, "/notifications/rules/" + id + "/delete",
                "/notifications/rules/" + id + "/secret", "/notifications/rules/" + id + "/test"}) {
            assertThat(stranger.web().post(stranger.org(path), emailRule("x", "a@example.com")).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(rules(owner)).isEqualTo(1);
        assertThat(db().count("select count(*) from notification_deliveries where rule_id = ?", id)).isZero();
    }

    @Test
    void members_and_viewers_get_403_and_change_nothing() {
        Accounts.Account owner = signUp("ada");
        owner.web().post(owner.org("/notifications/rules"), emailRule("Admins only", "a@example.com"));
        UUID id = ruleId(owner, "Admins only");
        UUID network = db().networkId(owner.slug(), NetworkService.FIRST_NETWORK_NAME);
        for (Role role : new Role[]{Role.MEMBER, Role.VIEWER}) {
            Accounts.Account someone = signUp(role.name().toLowerCase());
            db().addMember(owner.slug(), someone.email(), role, network);
            assertThat(someone.web().get(owner.org("/notifications")).statusCode()).isEqualTo(403);
            assertThat(someone.web().get(owner.org("/notifications/rules/" + id + "/secret")).statusCode()).isEqualTo(403);
            assertThat(someone.web().get(owner.org("/notifications/deliveries")).statusCode()).isEqualTo(403);
            assertThat(someone.web().post(owner.org("/notifications/rules"), emailRule("Mine", "m@example.com")).statusCode()).isEqualTo(403);
            assertThat(someone.web().post(owner.org("/notifications/rules/" + id), emailRule("Mine", "m@example.com")).statusCode()).isEqualTo(403);
            assertThat(someone.web().post(owner.org("/notifications/rules/" + id + "/delete"), form()).statusCode()).isEqualTo(403);
            assertThat(someone.web().post(owner.org("/notifications/rules/" + id + "/test"), form()).statusCode()).isEqualTo(403);
            assertThat(someone.web().post(owner.org("/notifications/digest"), form("enabled", "on", "recipients", "m@example.com")).statusCode()).isEqualTo(403);
        }
        Accounts.Account admin = signUp("admin");
        db().addMember(owner.slug(), admin.email(), Role.ADMIN);
        assertThat(admin.web().get(owner.org("/notifications")).body()).contains("Admins only");
        assertThat(rules(owner)).isEqualTo(1);
        assertThat(db().column("select name from notification_rules where id = ?", id)).containsExactly("Admins only");
        assertThat(db().count("select count(*) from notification_deliveries where rule_id = ?", id)).isZero();
    }
}
