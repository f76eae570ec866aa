package io.topograph.daemons;

import com.codeborne.selenide.Selenide;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.invites.Teams;
import io.topograph.support.Accounts;
import io.topograph.support.BrowserTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.codeborne.selenide.CollectionCondition.size;
import static com.codeborne.selenide.Condition.attributeMatching;
import static com.codeborne.selenide.Condition.exist;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.value;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static org.assertj.core.api.Assertions.assertThat;

/** The htmx journey in a real browser: add a daemon, see its token and install command once, revoke the token. */
@MicronautTest
class DaemonsBrowserTest extends BrowserTest {

    @Test
    void an_admin_adds_a_daemon_sees_the_token_and_install_command_once_and_revokes_it() {
        Accounts.Account ada = signUp("ada");
        String network = Teams.homeNetworkId(ada);
        logIn(ada);
        Selenide.open(base().resolve(ada.org("/networks/" + network + "/daemons")).toString());
        $("#daemons-empty").shouldBe(visible).shouldHave(text("A daemon is a small program"));
        $("#daemon-tokens-empty").shouldBe(visible);

        $("#add-daemon").click();
        $("#daemon-token-form").shouldBe(visible);
        $("#daemon-name-hint").setValue("rack-a");
        $("#daemon-expiry").selectOptionByValue("1h");
        $("#daemon-token-form button[type=submit]").click();

        $("#daemon-secret").shouldBe(visible).shouldHave(text("Enrollment token created"));
        $("#daemon-token").shouldHave(attributeMatching("value", "tge_[A-Za-z0-9_-]{43}"));
        String token = $("#daemon-token").getValue();
        $("#daemon-cmd-linux").shouldHave(value("/downloads/daemon/install.sh | sudo sh -s -- --server ")).shouldHave(value("--token " + token));
        $("#daemon-cmd-container-run").shouldHave(value("TOPOGRAPH_ENROLLMENT_TOKEN=" + token));
        // The token list reloaded itself on tg:daemon-tokens-changed.
        $$("#daemon-tokens tbody tr").shouldHave(size(1));
        $("#daemon-tokens tbody tr").shouldHave(text(token.substring(0, 12))).shouldHave(text("New daemon “rack-a”"))
                .shouldHave(text("0 / 1")).shouldHave(text("Active"));

        // Shown once: after a reload only the prefix is left.
        Selenide.refresh();
        $("#daemon-tokens tbody tr").shouldHave(text("Active"));
        $("#daemon-secret").shouldNot(exist);
        assertThat(Selenide.webdriver().driver().source()).doesNotContain(token);

        Selenide.executeJavaScript("window.confirm = function () { return true; };");
        $("#daemon-tokens tbody tr a.btn-outline-danger").click();
        $("#daemon-tokens tbody tr").shouldHave(text("Revoked"));
        $("#toasts").shouldHave(text("revoked"));
        assertThat(DaemonTestSupport.enroll(base(), DaemonTestSupport.enrollBody(token, UUID.randomUUID())).statusCode()).isEqualTo(401);
    }
}
