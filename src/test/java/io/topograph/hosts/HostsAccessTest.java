package io.topograph.hosts;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.platform.tenancy.Role;
import io.topograph.support.Accounts;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.function.Function;

import static io.topograph.support.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;

/** Who may see and change which hosts: other organizations, Members without access, Viewers. */
@MicronautTest
class HostsAccessTest extends InventoryTestBase {

    /** Every host route, page and API, as one request each; {@code o} turns a path into the acting org's page path. */
    private static void everyRouteAnswers(Accounts.Account who, Function<String, String> o, UUID network, UUID host, int expected) {
        String n = "/networks/" + network;
        String h = "/hosts/" + host;
        var web = who.web();
        assertThat(web.get(o.apply(n + "/hosts")).statusCode()).as("hosts page").isEqualTo(expected);
        assertThat(web.htmxGet(o.apply(n + "/hosts?q=x")).statusCode()).as("hosts fragment").isEqualTo(expected);
        assertThat(web.get(o.apply(n + "/hosts/new")).statusCode()).as("new host page").isEqualTo(expected);
        assertThat(web.post(o.apply(n + "/hosts"), form("name", "intruder")).statusCode()).as("create").isEqualTo(expected);
        assertThat(web.get(o.apply(h)).statusCode()).as("host page").isEqualTo(expected);
        assertThat(web.htmxGet(o.apply(h + "/header")).statusCode()).as("header").isEqualTo(expected);
        assertThat(web.get(o.apply(h + "/edit")).statusCode()).as("edit").isEqualTo(expected);
        assertThat(web.htmxPost(o.apply(h), form("name", "pwned")).statusCode()).as("update").isEqualTo(expected);
        assertThat(web.post(o.apply(h + "/visibility"), form("hidden", "true")).statusCode()).as("hide").isEqualTo(expected);
        assertThat(web.get(o.apply(h + "/delete")).statusCode()).as("delete page").isEqualTo(expected);
        assertThat(web.post(o.apply(h + "/delete"), form()).statusCode()).as("delete").isEqualTo(expected);
        assertThat(web.get(o.apply(n + "/tags")).statusCode()).as("network tags page").isEqualTo(expected);
        assertThat(web.post(o.apply(n + "/tags"), form()).statusCode()).as("network tags save").isEqualTo(expected);
        assertThat(web.htmxGet(o.apply(n + "/tags/chips")).statusCode()).as("network chips").isEqualTo(expected);
        assertThat(web.getJson("/api/v1/networks/" + network + "/hosts").statusCode()).as("api list").isEqualTo(expected);
        assertThat(web.getJson("/api/v1/networks/" + network + "/hosts?sort=bogus").statusCode()).as("api list bad").isEqualTo(expected);
        assertThat(web.json("POST", "/api/v1/networks/" + network + "/hosts", "{\"name\":\"intruder\"}").statusCode()).as("api create").isEqualTo(expected);
        assertThat(web.getJson("/api/v1/hosts/" + host).statusCode()).as("api get").isEqualTo(expected);
        assertThat(web.json("PUT", "/api/v1/hosts/" + host, "{\"name\":\"pwned\"}").statusCode()).as("api put").isEqualTo(expected);
        assertThat(web.getJson("/api/v1/hosts/" + host + "/tags").statusCode()).as("api tags").isEqualTo(expected);
        assertThat(web.json("PUT", "/api/v1/hosts/" + host + "/tags", "{\"tagIds\":[]}").statusCode()).as("api put tags").isEqualTo(expected);
        assertThat(web.getJson("/api/v1/networks/" + network + "/tags").statusCode()).as("api network tags").isEqualTo(expected);
        assertThat(web.json("PUT", "/api/v1/networks/" + network + "/tags", "{\"tagIds\":[]}").statusCode()).as("api put network tags").isEqualTo(expected);
        assertThat(web.json("DELETE", "/api/v1/hosts/" + host, null).statusCode()).as("api delete").isEqualTo(expected);
    }

    private void nothingChanged(UUID network, UUID host) {
        assertThat(seed.string("select name || '|' || hidden || '|' || user_edited from hosts where id = ?", host)).isEqualTo("secret-db|false|false");
        assertThat(seed.count("select count(*) from hosts where network_id = ?", network)).isEqualTo(1);
        assertThat(seed.count("select count(*) from host_tags where host_id = ?", host)).isEqualTo(1);
        assertThat(seed.count("select count(*) from network_tags where network_id = ?", network)).isEqualTo(1);
    }

    private record Setup(Accounts.Account owner, UUID network, UUID host, String tagId) {
    }

    private Setup setup() {
        Accounts.Account owner = signUp("ada");
        UUID network = seed.firstNetwork(owner);
        UUID host = seed.host(owner, network, "secret-db");
        seed.iface(owner, host, "10.66.0.9", null, null);
        String tagId = tag(owner, "crown-jewels", "#aa0000");
        seed.exec("insert into host_tags (organization_id, host_id, tag_id) values (?, ?, ?::uuid)", seed.orgId(owner), host, tagId);
        seed.exec("insert into network_tags (organization_id, network_id, tag_id) values (?, ?, ?::uuid)", seed.orgId(owner), network, tagId);
        return new Setup(owner, network, host, tagId);
    }

    @Test
    void another_organizations_user_gets_404_everywhere_and_learns_nothing() {
        Setup s = setup();
        Accounts.Account stranger = signUp("mallory");
        // Through the stranger's own organization (the ids are simply not there)...
        everyRouteAnswers(stranger, stranger::org, s.network(), s.host(), 404);
        // ...and through the owner's slug (not a member: the tenancy filter answers 404).
        everyRouteAnswers(stranger, s.owner()::org, s.network(), s.host(), 404);
        assertThat(stranger.web().getJson("/api/v1/networks/" + s.network() + "/hosts").body()).doesNotContain("secret-db");
        // The stranger cannot put the owner's tag on their own host either.
        UUID own = seed.host(stranger, seed.firstNetwork(stranger), "mine");
        assertThat(stranger.web().json("PUT", "/api/v1/hosts/" + own + "/tags", "{\"tagIds\":[\"" + s.tagId() + "\"]}").statusCode()).isEqualTo(422);
        nothingChanged(s.network(), s.host());
    }

    @Test
    void a_member_without_access_to_the_network_gets_404_and_works_in_granted_networks() {
        Setup s = setup();
        UUID granted = seed.network(s.owner(), "Branch office");
        Accounts.Account member = signUp("bob");
        seed.addMember(s.owner(), member, Role.MEMBER, granted);
        switchTo(member, s.owner());
        everyRouteAnswers(member, s.owner()::org, s.network(), s.host(), 404);
        nothingChanged(s.network(), s.host());

        assertThat(member.web().get(s.owner().org("/networks/" + granted + "/hosts")).statusCode()).isEqualTo(200);
        HttpResponse<String> created = member.web().json("POST", "/api/v1/networks/" + granted + "/hosts", "{\"name\":\"branch-nas\",\"ip\":\"10.66.0.9\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).get("id").asText();
        assertThat(member.web().htmxPost(s.owner().org("/hosts/" + id), form("name", "branch-nas-2", "tagIds", s.tagId())).statusCode()).isEqualTo(200);
        assertThat(member.web().json("DELETE", "/api/v1/hosts/" + id, null).statusCode()).isEqualTo(204);
    }

    @Test
    void a_viewer_reads_everything_and_gets_403_on_every_change() {
        Setup s = setup();
        Accounts.Account viewer = signUp("vic");
        seed.addMember(s.owner(), viewer, Role.VIEWER, s.network());
        switchTo(viewer, s.owner());
        var web = viewer.web();
        String n = s.owner().org("/networks/" + s.network());
        String h = s.owner().org("/hosts/" + s.host());
        HttpResponse<String> list = web.get(n + "/hosts");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("secret-db").doesNotContain("id=\"add-host\"").doesNotContain("/visibility");
        assertThat(web.get(h).body()).contains("secret-db").doesNotContain("/edit\"");
        assertThat(web.getJson("/api/v1/hosts/" + s.host()).statusCode()).isEqualTo(200);
        assertThat(web.get(n + "/tags").statusCode()).isEqualTo(200);

        assertThat(web.get(n + "/hosts/new").statusCode()).isEqualTo(403);
        assertThat(web.post(n + "/hosts", form("name", "nope")).statusCode()).isEqualTo(403);
        assertThat(web.get(h + "/edit").statusCode()).isEqualTo(403);
        assertThat(web.htmxPost(h, form("name", "pwned")).statusCode()).isEqualTo(403);
        assertThat(web.post(h + "/visibility", form("hidden", "true")).statusCode()).isEqualTo(403);
        assertThat(web.get(h + "/delete").statusCode()).isEqualTo(403);
        assertThat(web.post(h + "/delete", form()).statusCode()).isEqualTo(403);
        assertThat(web.post(n + "/tags", form()).statusCode()).isEqualTo(403);
        assertThat(web.json("POST", "/api/v1/networks/" + s.network() + "/hosts", "{\"name\":\"nope\"}").statusCode()).isEqualTo(403);
        assertThat(web.json("PUT", "/api/v1/hosts/" + s.host(), "{\"name\":\"pwned\"}").statusCode()).isEqualTo(403);
        assertThat(web.json("PUT", "/api/v1/hosts/" + s.host() + "/tags", "{\"tagIds\":[]}").statusCode()).isEqualTo(403);
        assertThat(web.json("PUT", "/api/v1/networks/" + s.network() + "/tags", "{\"tagIds\":[]}").statusCode()).isEqualTo(403);
        assertThat(web.json("DELETE", "/api/v1/hosts/" + s.host(), null).statusCode()).isEqualTo(403);
        nothingChanged(s.network(), s.host());
    }

    @Test
    void anonymous_visitors_are_sent_to_log_in_and_api_callers_get_401() {
        Setup s = setup();
        HttpResponse<String> page = anonymous().get(s.owner().org("/hosts/" + s.host()));
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location").orElseThrow()).contains("/login");
        assertThat(anonymous().getJson("/api/v1/hosts/" + s.host()).statusCode()).isEqualTo(401);
    }
}
