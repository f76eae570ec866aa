package io.topograph.members;

import com.codeborne.selenide.SelenideDriver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.networks.NetworkService;
import io.topograph.support.Accounts;
import io.topograph.support.BrowserTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.codeborne.selenide.Condition.exist;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static com.codeborne.selenide.Selenide.open;
import static com.codeborne.selenide.Selenide.webdriver;
import static com.codeborne.selenide.WebDriverConditions.urlContaining;
import static org.assertj.core.api.Assertions.assertThat;

/** Two people in two browsers: an owner builds a team, a teammate joins with access to one network. */
@MicronautTest
class TeamJourneyBrowserTest extends BrowserTest {

    @Test
    void an_owner_invites_a_member_to_one_network_and_the_member_sees_only_that_network() {
        String ownerEmail = Accounts.uniqueEmail("ada");
        String teammate = Accounts.uniqueEmail("bob");

        // The owner signs up and creates a network (htmx form).
        open("/signup");
        $("#name").setValue("Ada");
        $("#email").setValue(ownerEmail);
        $("#password").setValue(Accounts.PASSWORD);
        $("#organization").setValue("Journey Org " + System.nanoTime());
        $("#signup-form button[type=submit]").click();
        webdriver().shouldHave(urlContaining("/o/"));
        String slug = URI.create(webdriver().driver().url()).getPath().split("/")[2];
        open("/o/" + slug + "/networks");
        $("#network-name").setValue("Lab");
        $("#network-form button[type=submit]").click();
        $("#network-list").shouldHave(text("Lab"));

        // …invites a teammate as Member with access to Lab only.
        open("/o/" + slug + "/members");
        $("#invites-empty").shouldBe(visible);
        $("#invite-email").setValue(teammate);
        $("#invite-role").selectOptionByValue("MEMBER");
        $$("#invite-form .form-check").findBy(text("Lab")).$("input").click();
        $("#invite-form button[type=submit]").click();
        $("#invite-table").shouldHave(text(teammate));
        $("#invite-issued").shouldBe(visible);

        // The invite arrives in the dev mailbox.
        open("/dev/mailbox");
        String mail = $$(".mail").findBy(text(teammate)).$(".mail-body").getText();
        Matcher link = Pattern.compile("/invites/[A-Za-z0-9_-]+").matcher(mail);
        assertThat(link.find()).as(mail).isTrue();

        // The teammate, in a browser of their own, creates an account from the link.
        SelenideDriver bob = newBrowser();
        bob.open(link.group());
        bob.$("#invite-email").shouldHave(com.codeborne.selenide.Condition.value(teammate));
        bob.$("#name").setValue("Bob");
        bob.$("#password").setValue(Accounts.PASSWORD);
        bob.$("#invite-signup-form button[type=submit]").click();
        bob.webdriver().shouldHave(urlContaining("/o/" + slug));
        bob.$("#flash").shouldHave(text("You joined as Member"));

        // They see the granted network, not the organization's first one, and no management buttons.
        bob.open("/o/" + slug + "/networks");
        bob.$("#network-list").shouldHave(text("Lab"));
        bob.$("#network-list").shouldNotHave(text(NetworkService.FIRST_NETWORK_NAME));
        bob.open("/o/" + slug + "/members");
        bob.$("#member-list").shouldHave(text(ownerEmail), text(teammate));
        bob.$("#invite-form").shouldNot(exist);
        bob.$(".member-edit").shouldNot(exist);
        bob.$(".member-remove").shouldNot(exist);

        // The owner's list now shows the teammate with the Lab network.
        open("/o/" + slug + "/members");
        $("#member-list").shouldHave(text(teammate), text("Lab"));
        $("#invites-empty").shouldBe(visible);
    }
}
