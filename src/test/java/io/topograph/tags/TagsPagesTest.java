package io.topograph.tags;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.hosts.InventoryTestBase;
import io.topograph.platform.tenancy.Role;
import io.topograph.support.Accounts;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.UUID;

import static io.topograph.support.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class TagsPagesTest extends InventoryTestBase {

    @Test
    void a_new_organization_has_no_tags_and_is_told_how_to_start() {
        Accounts.Account owner = signUp("ada");
        HttpResponse<String> page = owner.web().get(owner.org("/tags"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("No tags yet.").contains("id=\"tag-form\"").contains("type=\"color\"");
    }

    @Test
    void creating_a_tag_with_htmx_returns_the_list_and_a_toast_and_without_javascript_redirects() {
        Accounts.Account owner = signUp("ada");
        HttpResponse<String> r = owner.web().htmxPost(owner.org("/tags"), form("name", "Production", "color", "#1F3A93"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("id=\"tag-list\"").contains(">Production<").contains("background-color:#1f3a93")
                .contains("color:#ffffff").doesNotContain("<html");
        assertThat(r.headers().firstValue("HX-Trigger").orElseThrow()).contains("tg:tags-changed").contains("Production");
        HttpResponse<String> plain = owner.web().post(owner.org("/tags"), form("name", "printers", "color", "#ffd43b"));
        assertThat(plain.statusCode()).isEqualTo(303);
        assertThat(owner.web().get(owner.org("/tags")).body()).contains(">printers<").contains("color:#000000")
                .contains("Tag “printers” created.");
        assertThat(owner.web().htmxGet(owner.org("/tags")).body()).startsWith("<div").contains("id=\"tag-list\"");
    }

    @Test
    void duplicate_empty_overlong_or_badly_coloured_tags_are_explained_and_nothing_is_written() {
        Accounts.Account owner = signUp("ada");
        tag(owner, "Servers", "#000000");
        String[][] cases = {
                {"SERVERS", "#000000", "A tag with this name already exists."},
                {"  ", "#000000", "This field is required."},
                {"x".repeat(41), "#000000", "Use at most 40 characters"},
                {"ok", "red", "Use a colour like #1f77b4."},
                {"ok", "#12345", "Use a colour like #1f77b4."},
        };
        for (String[] c : cases) {
            HttpResponse<String> htmx = owner.web().htmxPost(owner.org("/tags"), form("name", c[0], "color", c[1]));
            assertThat(htmx.statusCode()).as(c[0]).isEqualTo(422);
            assertThat(htmx.body()).as(c[0]).contains(c[2]).contains("id=\"tag-form\"");
            HttpResponse<String> plain = owner.web().post(owner.org("/tags"), form("name", c[0], "color", c[1]));
            assertThat(plain.statusCode()).isEqualTo(422);
            assertThat(plain.body()).contains(c[2]).contains("<html");
        }
        assertThat(seed.count("select count(*) from tags where organization_id = ?", seed.orgId(owner))).isEqualTo(1);
    }

    @Test
    void renaming_and_recolouring_inline_swaps_the_row() {
        Accounts.Account owner = signUp("ada");
        String id = tag(owner, "old", "#000000");
        HttpResponse<String> edit = owner.web().htmxGet(owner.org("/tags/" + id + "/edit"));
        assertThat(edit.body()).startsWith("<tr").contains("name=\"name\"").contains("value=\"old\"");
        assertThat(owner.web().get(owner.org("/tags/" + id + "/edit")).body()).contains("<html").contains("value=\"old\"");
        HttpResponse<String> saved = owner.web().htmxPost(owner.org("/tags/" + id), form("name", "New", "color", "#00ff00"));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).startsWith("<tr").contains("id=\"tag-" + id + "\"").contains(">New<").contains("#00ff00").doesNotContain("<form");
        tag(owner, "other", "#111111");
        HttpResponse<String> clash = owner.web().htmxPost(owner.org("/tags/" + id), form("name", "OTHER", "color", "#00ff00"));
        assertThat(clash.statusCode()).isEqualTo(422);
        assertThat(clash.body()).contains("A tag with this name already exists.").contains("<form");
        assertThat(owner.web().htmxGet(owner.org("/tags/" + id + "/row")).body()).contains(">New<");
        assertThat(seed.string("select name || color from tags where id = ?::uuid", id)).isEqualTo("New#00ff00");
    }

    @Test
    void deleting_a_tag_asks_first_and_removes_it_from_hosts_and_networks() {
        Accounts.Account owner = signUp("ada");
        UUID network = seed.firstNetwork(owner);
        UUID host = seed.host(owner, network, "h");
        String id = tag(owner, "doomed", "#000000");
        owner.web().json("PUT", "/api/v1/hosts/" + host + "/tags", "{\"tagIds\":[\"" + id + "\"]}");
        owner.web().json("PUT", "/api/v1/networks/" + network + "/tags", "{\"tagIds\":[\"" + id + "\"]}");
        assertThat(owner.web().get(owner.org("/tags")).body()).contains("hx-confirm=\"Delete the tag doomed? It is removed from 1 hosts and 1 networks.\"");
        assertThat(owner.web().get(owner.org("/tags/" + id + "/delete")).body()).contains("cannot be undone").contains("<strong>1</strong> hosts");
        HttpResponse<String> r = owner.web().htmxPost(owner.org("/tags/" + id + "/delete"), form());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(seed.count("select count(*) from host_tags where host_id = ?", host)).isZero();
        assertThat(seed.count("select count(*) from network_tags where network_id = ?", network)).isZero();
        assertThat(seed.count("select count(*) from hosts where id = ?", host)).isEqualTo(1);
        String again = tag(owner, "doomed", "#000000");
        assertThat(owner.web().post(owner.org("/tags/" + again + "/delete"), form()).statusCode()).isEqualTo(303);
    }

    @Test
    void a_network_gets_tags_from_its_tag_page_and_shows_them_on_the_lists() {
        Accounts.Account owner = signUp("ada");
        UUID network = seed.firstNetwork(owner);
        String a = tag(owner, "site-a", "#0d6efd");
        String b = tag(owner, "prod", "#dc3545");
        String page = owner.web().get(owner.org("/networks/" + network + "/tags?back=networks")).body();
        assertThat(page).contains("name=\"tagIds\"").contains("site-a").contains("value=\"networks\"");
        HttpResponse<String> saved = owner.web().htmxPost(owner.org("/networks/" + network + "/tags"), form("tagIds", a, "back", "networks"));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("id=\"network-tags-form\"").doesNotContain("<html");
        assertThat(saved.headers().firstValue("HX-Trigger").orElseThrow()).contains("tg:tags-changed");
        HttpResponse<String> plain = owner.web().post(owner.org("/networks/" + network + "/tags"), form("tagIds", b, "back", "networks"));
        assertThat(plain.statusCode()).isEqualTo(303);
        assertThat(plain.headers().firstValue("Location").orElseThrow()).endsWith(owner.org("/networks"));
        assertThat(owner.web().htmxGet(owner.org("/networks/" + network + "/tags/chips")).body())
                .contains("id=\"network-tags-" + network + "\"").contains(">prod<").doesNotContain("site-a");
        assertThat(owner.web().get(owner.org("/networks")).body()).contains("/networks/" + network + "/tags/chips").contains("bi-tags");
        assertThat(owner.web().get(owner.org("/networks/" + network + "/hosts")).body()).contains(">prod<").contains("Edit tags");
        HttpResponse<String> none = owner.web().post(owner.org("/networks/" + network + "/tags"), form());
        assertThat(none.statusCode()).isEqualTo(303);
        assertThat(none.headers().firstValue("Location").orElseThrow()).endsWith("/networks/" + network + "/hosts");
        assertThat(seed.count("select count(*) from network_tags where network_id = ?", network)).isZero();
    }

    @Test
    void a_foreign_tag_on_a_network_is_refused_and_nothing_changes() {
        Accounts.Account owner = signUp("ada");
        Accounts.Account other = signUp("mallory");
        UUID network = seed.firstNetwork(owner);
        String mine = tag(owner, "mine", "#000000");
        owner.web().post(owner.org("/networks/" + network + "/tags"), form("tagIds", mine));
        String theirs = tag(other, "theirs", "#000000");
        HttpResponse<String> r = owner.web().htmxPost(owner.org("/networks/" + network + "/tags"), form("tagIds", theirs));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("Unknown tag");
        assertThat(seed.string("select tag_id::text from network_tags where network_id = ?", network)).isEqualTo(mine);
    }

    @Test
    void viewers_see_tags_but_cannot_change_them_and_strangers_get_404() {
        Accounts.Account owner = signUp("ada");
        String id = tag(owner, "stable", "#000000");
        Accounts.Account viewer = signUp("vic");
        seed.addMember(owner, viewer, Role.VIEWER);
        HttpResponse<String> list = viewer.web().get(owner.org("/tags"));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(">stable<").doesNotContain("id=\"tag-form\"").doesNotContain("/edit\"");
        assertThat(viewer.web().post(owner.org("/tags"), form("name", "nope")).statusCode()).isEqualTo(403);
        assertThat(viewer.web().get(owner.org("/tags/" + id + "/edit")).statusCode()).isEqualTo(403);
        assertThat(viewer.web().htmxPost(owner.org("/tags/" + id), form("name", "pwned", "color", "#000000")).statusCode()).isEqualTo(403);
        assertThat(viewer.web().get(owner.org("/tags/" + id + "/delete")).statusCode()).isEqualTo(403);
        assertThat(viewer.web().post(owner.org("/tags/" + id + "/delete"), form()).statusCode()).isEqualTo(403);

        Accounts.Account stranger = signUp("mallory");
        assertThat(stranger.web().get(owner.org("/tags")).statusCode()).isEqualTo(404);
        assertThat(stranger.web().get(stranger.org("/tags/" + id + "/edit")).statusCode()).isEqualTo(404);
        assertThat(stranger.web().htmxGet(stranger.org("/tags/" + id + "/row")).statusCode()).isEqualTo(404);
        assertThat(stranger.web().htmxPost(stranger.org("/tags/" + id), form("name", "pwned", "color", "#000000")).statusCode()).isEqualTo(404);
        assertThat(stranger.web().get(stranger.org("/tags/" + id + "/delete")).statusCode()).isEqualTo(404);
        assertThat(stranger.web().post(stranger.org("/tags/" + id + "/delete"), form()).statusCode()).isEqualTo(404);
        assertThat(stranger.web().post(owner.org("/tags"), form("name", "intruder")).statusCode()).isEqualTo(404);
        assertThat(seed.string("select name from tags where id = ?::uuid", id)).isEqualTo("stable");
        assertThat(seed.count("select count(*) from tags where organization_id = ?", seed.orgId(owner))).isEqualTo(1);
    }

    @Test
    void usage_counts_only_cover_networks_the_member_may_see() {
        Accounts.Account owner = signUp("ada");
        UUID visible = seed.network(owner, "Visible");
        UUID secret = seed.firstNetwork(owner);
        String id = tag(owner, "shared", "#000000");
        for (UUID net : new UUID[]{visible, secret}) {
            UUID host = seed.host(owner, net, "h");
            owner.web().json("PUT", "/api/v1/hosts/" + host + "/tags", "{\"tagIds\":[\"" + id + "\"]}");
        }
        Accounts.Account member = signUp("bob");
        seed.addMember(owner, member, Role.MEMBER, visible);
        switchTo(member, owner);
        assertThat(json(owner.web().getJson("/api/v1/tags/" + id)).get("hostCount").asLong()).isEqualTo(2);
        assertThat(json(member.web().getJson("/api/v1/tags/" + id)).get("hostCount").asLong()).isEqualTo(1);
    }
}
