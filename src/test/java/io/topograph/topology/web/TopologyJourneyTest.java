package io.topograph.topology.web;

import com.codeborne.selenide.Selenide;
import com.codeborne.selenide.SelenideElement;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.Accounts;
import io.topograph.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.interactions.Actions;

import static com.codeborne.selenide.Condition.attribute;
import static com.codeborne.selenide.Condition.exist;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.CollectionCondition.sizeGreaterThan;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topology page in headless Chromium: load the sample network, drag a node (it stays after a
 * reload), inspect a node, collapse a subnet, and compare two snapshots around an added host.
 */
@MicronautTest
class TopologyJourneyTest extends BrowserTest {

    @Test
    void a_new_user_loads_the_sample_network_moves_and_inspects_a_node_collapses_a_subnet_and_compares_two_snapshots() {
        Accounts.Account ada = signUp("ada");
        logIn(ada);
        Selenide.open(base().resolve(ada.org("/networks")).toString());
        $$("a").findBy(text("Home network")).click();
        $("#network-tabs").$$("a").findBy(text("Topology")).click();
        $("#tg-empty").shouldBe(visible).shouldHave(text("No hosts in this network yet"));
        $("#tg-load-sample").click();
        $("h1").shouldHave(text("Topology of Sample network"));
        $$("#tg-canvas g.tg-node").shouldHave(sizeGreaterThan(100));

        // Drag a host: it moves under the pointer, the drop is saved, and a reload draws it there.
        SelenideElement node = $$("#tg-canvas g.tg-node.k-host").first();
        String id = node.getAttribute("data-id");
        String before = node.getAttribute("transform");
        new Actions(Selenide.webdriver().object()).moveToElement(node).clickAndHold().moveByOffset(40, 30).moveByOffset(40, 30)
                .release().perform();
        SelenideElement moved = $("#tg-canvas g.tg-node[data-id='" + id + "']");
        moved.shouldHave(attribute("data-pinned", "true"));
        String dropped = moved.getAttribute("transform");
        assertThat(dropped).isNotEqualTo(before);
        Selenide.refresh();
        $("#tg-canvas g.tg-node[data-id='" + id + "']").shouldHave(attribute("transform", dropped));

        // Click (without dragging) a node: the inspector shows it.
        SelenideElement clicked = $("#tg-canvas g.tg-node[data-id='" + id + "']");
        String label = clicked.$("text.l").getText();
        new Actions(Selenide.webdriver().object()).moveToElement(clicked).click().perform();
        $("#tg-inspected-name").shouldBe(visible).shouldHave(text(label.replace("…", "")));
        $("#tg-host-link").shouldBe(visible);

        // Collapse a subnet: the canvas is redrawn with the closed box.
        $("#tg-canvas g.tg-subnet[data-collapsed='true']").shouldNot(exist);
        $("#tg-options-form input[name=collapsed]").scrollIntoView(true).click();
        $("#tg-canvas g.tg-subnet[data-collapsed='true']").shouldBe(visible);

        // Snapshot, add a host by hand, snapshot again, compare the two.
        String topology = Selenide.webdriver().driver().url().replaceAll("\\?.*$", "");
        $("#tg-snapshots").click();
        $("#tg-take-snapshot button").click();
        $$("#tg-snapshots-table tbody tr").shouldHave(sizeGreaterThan(1));
        Selenide.open(topology.replace("/topology", "/hosts/new"));
        $("#new-host-name").setValue("journey-printer");
        $("#new-host-ip").setValue("10.250.0.9");
        $("#host-create-form button[type=submit]").click();
        $("h1").shouldHave(text("journey-printer"));
        Selenide.open(topology + "/snapshots");
        $("#tg-take-snapshot button").click();
        $$("#tg-snapshots-table tbody tr").shouldHave(sizeGreaterThan(2));
        $("#tg-before-1").click();
        $("#tg-after-0").click();
        $("#tg-compare").click();
        $("#tg-diff-list").shouldBe(visible).shouldHave(text("journey-printer"));
        $("#tg-diff-summary").shouldHave(text("1 added"));
        $("#tg-canvas g.tg-node.hl-added").should(exist);
    }
}
