package io.topograph.topology.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.platform.tenancy.Role;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import io.topograph.support.TestDatabase;
import io.topograph.support.WebSession;
import io.topograph.topology.Inventories;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.topograph.support.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;

/** The topology tab of a network over HTTP: the drawn page, its htmx regions, pins, options, diagrams, exports and access. */
@MicronautTest(transactional = false)
class TopologyPagesTest extends AppTest {

    @Inject
    DataSource dataSource;

    TestDatabase db;
    Inventories inv;

    @BeforeEach
    void setUp() {
        db = new TestDatabase(dataSource);
        inv = new Inventories(db);
    }

    record Lab(Inventories.Site site, UUID subnet, UUID webHost, UUID dbHost, UUID diagram) {
        WebSession web() {
            return site.owner().web();
        }

        String page() {
            return site.owner().org("/networks/" + site.networkId() + "/topology");
        }

        String diagramUrl() {
            return page() + "/" + diagram;
        }
    }

    Lab lab(String who) {
        Inventories.Site s = inv.site(signUp(who));
        UUID subnet = inv.subnet(s, "10.9.0.0/24", "LAN");
        UUID web = inv.host(s, "web-1");
        UUID dbHost = inv.host(s, "db-1");
        inv.nic(s, web, subnet, "10.9.0.5", "f8:bc:12:00:09:05");
        inv.nic(s, dbHost, subnet, "10.9.0.6", "f8:bc:12:00:09:06");
        inv.service(s, web, "nginx", "nginx", "web-servers", 443);
        inv.service(s, dbHost, "postgresql", "PostgreSQL", "databases", 5432);
        HttpResponse<String> page = s.owner().web().get(s.owner().org("/networks/" + s.networkId() + "/topology"));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return new Lab(s, subnet, web, dbHost, UUID.fromString(first(page.body(), "data-diagram-url=\"[^\"]*/topology/([0-9a-f-]{36})\"")));
    }

    static String first(String body, String regex) {
        Matcher m = Pattern.compile(regex).matcher(body);
        assertThat(m.find()).as("%s in the page", regex).isTrue();
        return m.group(1);
    }

    static String translateOf(String body, String nodeId) {
        return first(body, "data-id=\"" + Pattern.quote(nodeId) + "\" transform=\"translate\\(([^)]*)\\)\"");
    }

    @Test
    void the_topology_tab_renders_the_full_page_with_the_inline_svg_of_the_networks_hosts_and_htmx_gets_only_the_canvas() {
        Lab lab = lab("page");
        String full = lab.web().get(lab.page()).body();
        assertThat(full).contains("<!DOCTYPE html>").contains("id=\"network-tabs\"").contains("Topology of")
                .contains("id=\"tg-canvas\"").contains("<svg").contains("data-id=\"host:" + lab.webHost() + "\"")
                .contains("data-id=\"host:" + lab.dbHost() + "\"").contains("data-id=\"subnet:" + lab.subnet() + "\"")
                .contains("id=\"tg-options-form\"").contains("id=\"tg-relayout\"").contains("/static/js/topology.js")
                .contains(lab.diagramUrl() + "/export/drawio");
        HttpResponse<String> fragment = lab.web().htmxGet(lab.page() + "?diagram=" + lab.diagram());
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).doesNotContain("<!DOCTYPE html>").doesNotContain("id=\"network-tabs\"")
                .startsWith("<div").contains("id=\"tg-canvas\"").contains("data-id=\"host:" + lab.webHost() + "\"");
        assertThat(lab.web().htmxGet(lab.diagramUrl() + "/canvas").body()).contains("data-id=\"host:" + lab.dbHost() + "\"");
    }

    @Test
    void a_network_without_hosts_explains_how_to_get_some_and_offers_the_sample_network() {
        Inventories.Site s = inv.site(signUp("empty"));
        String body = s.owner().web().get(s.owner().org("/networks/" + s.networkId() + "/topology")).body();
        assertThat(body).contains("id=\"tg-empty\"").contains("Run a discovery").contains("Add a daemon").contains("id=\"tg-load-sample\"")
                .doesNotContain("<svg");
    }

    @Test
    void a_dropped_node_is_pinned_where_it_was_dropped_and_an_unknown_node_or_a_bad_coordinate_is_refused_with_422() {
        Lab lab = lab("pins");
        HttpResponse<String> pinned = lab.web().htmxPost(lab.diagramUrl() + "/positions", form("nodeId", "host:" + lab.webHost(), "x", "1234", "y", "567"));
        assertThat(pinned.statusCode()).as(pinned.body()).isEqualTo(204);
        assertThat(translateOf(lab.web().get(lab.page()).body(), "host:" + lab.webHost())).isEqualTo("1234,567");

        HttpResponse<String> unknown = lab.web().htmxPost(lab.diagramUrl() + "/positions",
                form("nodeId", "host:" + UUID.randomUUID(), "x", "1", "y", "1"));
        assertThat(unknown.statusCode()).isEqualTo(422);
        HttpResponse<String> bad = lab.web().htmxPost(lab.diagramUrl() + "/positions", form("nodeId", "host:" + lab.dbHost(), "x", "far", "y", "1"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(db.count("select count(*) from topology_positions where node_id = ?", "host:" + lab.dbHost())).isZero();

        HttpResponse<String> relayout = lab.web().htmxPost(lab.diagramUrl() + "/layout", form());
        assertThat(relayout.statusCode()).isEqualTo(200);
        assertThat(translateOf(relayout.body(), "host:" + lab.webHost())).isNotEqualTo("1234,567");
    }

    @Test
    void options_are_saved_per_diagram_and_applied_hiding_a_category_removes_its_service_icons_collapsing_a_subnet_its_hosts() {
        Lab lab = lab("options");
        assertThat(lab.web().get(lab.page()).body()).contains("class=\"sv\"").contains("PostgreSQL");
        HttpResponse<String> saved = lab.web().htmxPost(lab.diagramUrl() + "/options",
                form("categories", "web-servers", "showPorts", "true", "showContainers", "true"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).contains("id=\"tg-canvas\"").contains("nginx").doesNotContain("PostgreSQL");
        String page = lab.web().get(lab.page()).body();
        assertThat(page).doesNotContain("<title>PostgreSQL");
        assertThat(page).containsPattern("value=\"databases\" id=\"tg-cat-databases\"(?! checked)");

        HttpResponse<String> collapsed = lab.web().htmxPost(lab.diagramUrl() + "/options",
                form("collapsed", "subnet:" + lab.subnet(), "showPorts", "true"));
        assertThat(collapsed.statusCode()).isEqualTo(200);
        assertThat(collapsed.body()).contains("data-collapsed=\"true\"").doesNotContain("data-id=\"host:" + lab.webHost() + "\"");

        HttpResponse<String> bad = lab.web().htmxPost(lab.diagramUrl() + "/options", form("collapsed", "not-a-subnet"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(lab.web().get(lab.page()).body()).contains("data-collapsed=\"true\"");

        HttpResponse<String> plain = lab.web().post(lab.diagramUrl() + "/options", form("showPorts", "true"));
        assertThat(plain.statusCode()).isEqualTo(303);
        assertThat(plain.headers().firstValue("Location")).hasValue(lab.page() + "?diagram=" + lab.diagram());
    }

    @Test
    void diagrams_are_created_renamed_and_deleted_with_the_name_validated_next_to_the_field_and_the_last_one_kept() {
        Lab lab = lab("diagrams");
        HttpResponse<String> created = lab.web().htmxPost(lab.page() + "/diagrams", form("name", "Servers only"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
        String location = created.headers().firstValue("HX-Redirect").orElseThrow();
        UUID second = UUID.fromString(location.substring(location.indexOf("diagram=") + 8));
        assertThat(lab.web().get(location).body()).contains(">Servers only</option>").contains(">Full network</option>");

        HttpResponse<String> duplicate = lab.web().htmxPost(lab.page() + "/diagrams", form("name", "Servers only"));
        assertThat(duplicate.statusCode()).isEqualTo(422);
        assertThat(duplicate.body()).contains("id=\"tg-diagrams\"").contains("id=\"tg-new-name-error\"").contains("already has a diagram");
        HttpResponse<String> blank = lab.web().htmxPost(lab.page() + "/" + second + "/name", form("name", "  "));
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(blank.body()).contains("id=\"tg-rename-error\"");

        HttpResponse<String> renamed = lab.web().post(lab.page() + "/" + second + "/name", form("name", "Core"));
        assertThat(renamed.statusCode()).isEqualTo(303);
        assertThat(renamed.headers().firstValue("Set-Cookie").orElse("")).as("flash").isNotEmpty();
        assertThat(lab.web().get(lab.page() + "?diagram=" + second).body()).contains(">Core</option>").doesNotContain("Servers only");

        assertThat(lab.web().post(lab.page() + "/" + second + "/deletion", form()).statusCode()).isEqualTo(303);
        assertThat(lab.web().get(lab.page()).body()).doesNotContain(">Core</option>");
        HttpResponse<String> last = lab.web().htmxPost(lab.diagramUrl() + "/deletion", form());
        assertThat(last.statusCode()).isEqualTo(409);
        assertThat(lab.web().get(lab.page()).body()).contains(">Full network</option>");
    }

    @Test
    void the_inspector_shows_a_host_with_addresses_macs_services_and_its_page_and_a_subnet_whose_kind_a_writer_changes() {
        Lab lab = lab("inspect");
        String host = lab.web().htmxGet(lab.diagramUrl() + "/inspector?id=host:" + lab.webHost()).body();
        assertThat(host).contains("id=\"tg-inspected-name\"").contains("web-1").contains("10.9.0.5").contains("f8:bc:12:00:09:05")
                .contains("nginx").contains("443/tcp").contains("/hosts/" + lab.webHost());
        String subnet = lab.web().htmxGet(lab.diagramUrl() + "/inspector?id=subnet:" + lab.subnet()).body();
        assertThat(subnet).contains("10.9.0.0/24").contains("id=\"tg-subnet-kind\"");
        HttpResponse<String> kind = lab.web().htmxPost(lab.page() + "/subnets/" + lab.subnet() + "/kind", form("kind", "DMZ", "diagram", lab.diagram().toString()));
        assertThat(kind.statusCode()).as(kind.body()).isEqualTo(200);
        assertThat(kind.body()).contains("s-dmz");
        assertThat(lab.web().htmxPost(lab.page() + "/subnets/" + lab.subnet() + "/kind", form("kind", "MOON")).statusCode()).isEqualTo(422);
        assertThat(lab.web().htmxGet(lab.diagramUrl() + "/inspector?id=host:" + UUID.randomUUID()).body()).contains("id=\"tg-inspected-gone\"");
    }

    @Test
    void exports_download_as_attachments_in_every_format_and_an_unknown_format_is_not_found() {
        Lab lab = lab("exports");
        for (String ext : List.of("svg", "png", "mmd", "drawio", "json", "hosts.csv", "services.csv")) {
            HttpResponse<String> file = lab.web().get(lab.diagramUrl() + "/export/" + ext);
            assertThat(file.statusCode()).as(ext).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Disposition").orElse("")).as(ext).startsWith("attachment;");
        }
        assertThat(lab.web().get(lab.diagramUrl() + "/export/svg").body()).contains("<svg").contains("web-1");
        assertThat(lab.web().get(lab.diagramUrl() + "/export/exe").statusCode()).isEqualTo(404);
    }

    @Test
    void the_stale_banner_appears_once_the_inventory_changed_since_the_diagram_was_drawn_and_refresh_clears_it() {
        Lab lab = lab("stale");
        assertThat(lab.web().htmxGet(lab.diagramUrl() + "/stale").body()).doesNotContain("id=\"tg-stale-banner\"");
        inv.host(lab.site(), "new-host");
        assertThat(lab.web().htmxGet(lab.diagramUrl() + "/stale").body()).contains("id=\"tg-stale-banner\"");
        assertThat(lab.web().htmxPost(lab.diagramUrl() + "/drawing", form()).body()).contains("new-host");
        assertThat(lab.web().htmxGet(lab.diagramUrl() + "/stale").body()).doesNotContain("id=\"tg-stale-banner\"");
    }

    @Test
    void a_viewer_sees_and_inspects_the_diagram_without_edit_controls_and_gets_403_on_every_write() {
        Lab lab = lab("viewed");
        Accounts.Account viewer = signUp("viewer");
        db.addMember(lab.site().owner().slug(), viewer.email(), Role.VIEWER, lab.site().networkId());
        String page = viewer.web().get(lab.page()).body();
        assertThat(page).contains("data-id=\"host:" + lab.webHost() + "\"").contains("data-can-write=\"false\"")
                .doesNotContain("id=\"tg-options-form\"").doesNotContain("id=\"tg-relayout\"").doesNotContain("id=\"tg-diagram-new\"");
        assertThat(viewer.web().htmxGet(lab.diagramUrl() + "/inspector?id=host:" + lab.webHost()).body()).contains("web-1")
                .doesNotContain("id=\"tg-subnet-kind\"");
        assertThat(viewer.web().htmxPost(lab.diagramUrl() + "/positions", form("nodeId", "host:" + lab.webHost(), "x", "1", "y", "1")).statusCode()).isEqualTo(403);
        assertThat(viewer.web().htmxPost(lab.diagramUrl() + "/options", form()).statusCode()).isEqualTo(403);
        assertThat(viewer.web().htmxPost(lab.diagramUrl() + "/layout", form()).statusCode()).isEqualTo(403);
        assertThat(viewer.web().htmxPost(lab.page() + "/diagrams", form("name", "Mine")).statusCode()).isEqualTo(403);
        assertThat(viewer.web().htmxPost(lab.diagramUrl() + "/name", form("name", "Mine")).statusCode()).isEqualTo(403);
        assertThat(viewer.web().htmxPost(lab.diagramUrl() + "/deletion", form()).statusCode()).isEqualTo(403);
        assertThat(viewer.web().htmxPost(lab.page() + "/snapshots", form()).statusCode()).isEqualTo(403);
        assertThat(viewer.web().htmxPost(lab.page() + "/subnets/" + lab.subnet() + "/kind", form("kind", "DMZ")).statusCode()).isEqualTo(403);
        assertThat(viewer.web().post(viewer.org("/sample-network").replace(viewer.slug(), lab.site().owner().slug()), form()).statusCode()).isEqualTo(403);
        assertThat(db.count("select count(*) from topology_positions where node_id = ?", "host:" + lab.webHost())).isZero();
    }

    @Test
    void a_member_of_another_organization_gets_404_on_every_topology_route() {
        Lab lab = lab("victim");
        Accounts.Account other = signUp("outsider");
        WebSession w = other.web();
        String p = lab.page();
        String d = lab.diagramUrl();
        for (String get : List.of(p, p + "?diagram=" + lab.diagram(), d + "/canvas", d + "/inspector?id=host:" + lab.webHost(), d + "/stale",
                d + "/export/svg", d + "/export/json", p + "/snapshots", p + "/compare?before=" + UUID.randomUUID())) {
            assertThat(w.get(get).statusCode()).as(get).isEqualTo(404);
            assertThat(w.htmxGet(get).statusCode()).as(get).isEqualTo(404);
        }
        for (String post : List.of(d + "/positions", d + "/options", d + "/drawing", d + "/layout", p + "/diagrams", d + "/name",
                d + "/deletion", p + "/snapshots", p + "/subnets/" + lab.subnet() + "/kind")) {
            assertThat(w.htmxPost(post, form("nodeId", "host:" + lab.webHost(), "x", "1", "y", "1", "name", "x", "kind", "DMZ")).statusCode())
                    .as(post).isEqualTo(404);
        }
        assertThat(w.post(lab.site().owner().org("/sample-network"), form()).statusCode()).isEqualTo(404);
        // the other organization's own network id under the victim's slug is not found either, and vice versa
        UUID ownNetwork = inv.site(other).networkId();
        assertThat(w.get(other.org("/networks/" + lab.site().networkId() + "/topology")).statusCode()).isEqualTo(404);
        assertThat(w.get(other.org("/networks/" + ownNetwork + "/topology?diagram=" + lab.diagram())).statusCode()).isEqualTo(404);
        assertThat(db.count("select count(*) from topology_positions where node_id = ?", "host:" + lab.webHost())).isZero();
    }
}
