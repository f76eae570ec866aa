package io.topograph.services;

import com.codeborne.selenide.Selenide;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.Accounts;
import io.topograph.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.codeborne.selenide.CollectionCondition.size;
import static com.codeborne.selenide.Condition.exactValue;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static com.codeborne.selenide.WebDriverConditions.urlContaining;

/** The htmx flow in a real browser: a refused rule explained in place, a definition added, the built-in catalog searched. */
@MicronautTest
class ServiceCatalogBrowserTest extends BrowserTest {

    @Test
    void a_user_adds_acme_portal_sees_it_listed_and_finds_postgresql_in_the_built_in_catalog() {
        Accounts.Account ada = signUp("ada");
        logIn(ada);
        Selenide.open(base().resolve(ada.org("")).toString());
        $("#mainNav").$(byLinkText("Service catalog")).click();
        $("#definitions-empty").shouldBe(visible).shouldHave(text("No definitions of your own yet."));

        $("#new-key").setValue("acme-portal");
        $("#new-name").setValue("ACME portal");
        $("#new-category").selectOptionByValue("web-server");
        $("#new-match").setValue("{\"httpTitle\": \"ACME[\"}");
        $("#definition-form button[type=submit]").click();
        $("#definition-form .invalid-feedback").shouldBe(visible).shouldHave(text("Bad pattern /ACME[/"));
        $("#definitions-empty").shouldBe(visible);

        $("#new-match").setValue("{\"httpTitle\": \"ACME\"}");
        $("#definition-form button[type=submit]").click();
        $$("#definition-list tbody tr").shouldHave(size(1));
        $("#definition-list").shouldHave(text("ACME portal")).shouldHave(text("acme-portal"))
                .shouldHave(text("HTTP page title matches /ACME/")).shouldHave(text("Enabled"));
        $("#toasts").shouldHave(text("Definition “ACME portal” added."));
        $("#new-key").shouldHave(exactValue(""));

        $("#tab-catalog").click();
        Selenide.webdriver().shouldHave(urlContaining("/services/catalog"));
        $("#catalog-q").setValue("postgres");
        $("#catalog-results #catalog-postgresql").shouldBe(visible).shouldHave(text("PostgreSQL")).shouldHave(text("TCP port 5432"));
        Selenide.webdriver().shouldHave(urlContaining("q=postgres"));
    }

    private static org.openqa.selenium.By byLinkText(String text) {
        return org.openqa.selenium.By.linkText(text);
    }
}
