package io.topograph.apikeys;

import com.codeborne.selenide.Selenide;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.Accounts;
import io.topograph.support.BrowserTest;
import io.topograph.support.BearerClient;
import org.junit.jupiter.api.Test;

import static com.codeborne.selenide.CollectionCondition.size;
import static com.codeborne.selenide.Condition.attributeMatching;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static org.assertj.core.api.Assertions.assertThat;

/** The htmx flow in a real browser: create (secret shown, list refreshed by its event), then revoke. */
@MicronautTest
class ApiKeysBrowserTest extends BrowserTest {

    @Test
    void a_key_is_created_shown_once_listed_and_revoked_without_leaving_the_page() {
        Accounts.Account ada = signUp("ada");
        logIn(ada);
        Selenide.open(base().resolve(ada.org("/settings/api-keys")).toString());
        $("#api-keys-empty").shouldBe(visible);

        $("#api-key-name").setValue("Browser key");
        $("#api-key-role").selectOptionByValue("VIEWER");
        $("#api-key-form button[type=submit]").click();

        $("#api-key-created").shouldBe(visible).shouldHave(text("Browser key"));
        $("#api-key-token").shouldHave(attributeMatching("value", "tg_[A-Za-z0-9_-]{43}"));
        String token = $("#api-key-token").getValue();
        // The list reloaded itself on tg:api-keys-changed.
        $$("#api-key-list tbody tr").shouldHave(size(1));
        $("#api-key-list").shouldHave(text("Browser key")).shouldHave(text("Viewer")).shouldHave(text("Active"));
        assertThat(new BearerClient(base(), token).get("/api/v1/networks").statusCode()).isEqualTo(200);

        Selenide.executeJavaScript("window.confirm = function () { return true; };");
        $("#api-key-list tbody tr a.btn-outline-danger").click();
        $("#api-key-list tbody tr").shouldHave(text("Revoked"));
        $("#toasts").shouldHave(text("revoked"));
        assertThat(new BearerClient(base(), token).get("/api/v1/networks").statusCode()).isEqualTo(401);
    }
}
