package io.topograph.networks;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.invites.Teams;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static io.topograph.support.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;

/** Members and Viewers see only the networks granted to them; the rest answers 404. */
@MicronautTest
class NetworkAccessTest extends AppTest {

    @Test
    void a_member_sees_only_granted_networks_and_gets_404_for_the_others() {
        Accounts.Account owner = signUp("own");
        String granted = Teams.createNetwork(owner, "Granted LAN");
        String hidden = Teams.homeNetworkId(owner);
        Accounts.Account member = Teams.join(base(), owner, "mem", "MEMBER", granted);

        assertThat(member.web().get(owner.org("/networks")).body()).contains("Granted LAN").doesNotContain("Home network");
        assertThat(member.web().get(owner.org("")).body()).contains("Granted LAN").doesNotContain("Home network");
        assertThat(member.web().getJson("/api/v1/networks").body()).contains(granted).doesNotContain(hidden);

        assertThat(member.web().get(owner.org("/networks/" + hidden + "/edit")).statusCode()).isEqualTo(404);
        assertThat(member.web().htmxGet(owner.org("/networks/" + hidden + "/row")).statusCode()).isEqualTo(404);
        assertThat(member.web().htmxPost(owner.org("/networks/" + hidden), form("name", "Renamed")).statusCode()).isEqualTo(404);
        assertThat(member.web().getJson("/api/v1/networks/" + hidden).statusCode()).isEqualTo(404);
        assertThat(member.web().json("PUT", "/api/v1/networks/" + hidden, "{\"name\":\"Renamed\"}").statusCode()).isEqualTo(404);
        assertThat(owner.web().getJson("/api/v1/networks/" + hidden).body()).contains("Home network");
    }

    @Test
    void a_member_may_rename_a_granted_network_but_not_create_or_delete_networks() {
        Accounts.Account owner = signUp("own");
        String granted = Teams.createNetwork(owner, "Shared LAN");
        Accounts.Account member = Teams.join(base(), owner, "mem", "MEMBER", granted);
        assertThat(member.web().htmxPost(owner.org("/networks/" + granted), form("name", "Shared LAN 2")).statusCode()).isEqualTo(200);
        assertThat(member.web().json("POST", "/api/v1/networks", "{\"name\":\"Mine\"}").statusCode()).isEqualTo(403);
        assertThat(member.web().post(owner.org("/networks/" + granted + "/delete"), form()).statusCode()).isEqualTo(403);
        assertThat(owner.web().getJson("/api/v1/networks").body()).contains("Shared LAN 2").doesNotContain("Mine");
    }

    @Test
    void a_viewer_cannot_change_a_network_it_can_see() {
        Accounts.Account owner = signUp("own");
        String granted = Teams.createNetwork(owner, "Read Only LAN");
        Accounts.Account viewer = Teams.join(base(), owner, "view", "VIEWER", granted);
        HttpResponse<String> page = viewer.web().get(owner.org("/networks"));
        assertThat(page.body()).contains("Read Only LAN").doesNotContain("bi-pencil").doesNotContain("network-form");
        assertThat(viewer.web().htmxPost(owner.org("/networks/" + granted), form("name", "Changed")).statusCode()).isEqualTo(403);
        assertThat(viewer.web().json("PUT", "/api/v1/networks/" + granted, "{\"name\":\"Changed\"}").statusCode()).isEqualTo(403);
        assertThat(owner.web().getJson("/api/v1/networks/" + granted).body()).contains("Read Only LAN");
    }
}
