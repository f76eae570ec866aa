package io.topograph.hosts;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.Accounts;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.topograph.support.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class HostsPagesTest extends InventoryTestBase {

    private String hostsPath(Accounts.Account a, UUID network) {
        return a.org("/networks/" + network + "/hosts");
    }

    /** A small network: nas (two addresses, storage + web), printer (hidden), router; one tag on nas. */
    private record Lab(UUID network, UUID lan, UUID dmz, UUID nas, UUID printer, UUID router, String tagId) {
    }

    private Lab lab(Accounts.Account owner) {
        UUID network = seed.firstNetwork(owner);
        UUID lan = seed.subnet(owner, network, "10.0.0.0/24", "LAN");
        UUID dmz = seed.subnet(owner, network, "10.9.0.0/24", "DMZ");
        Instant now = Instant.now();
        UUID nas = seed.host(owner, network, "nas", now.minus(Duration.ofDays(20)), now.minus(Duration.ofMinutes(5)), false);
        seed.hostDetails(nas, "nas.office.lan", "Linux 6.1", "Backups live here");
        UUID nasIf = seed.iface(owner, nas, "10.0.0.5", "aa:bb:cc:00:00:05", lan);
        seed.iface(owner, nas, "10.9.0.5", "aa:bb:cc:00:09:05", dmz);
        UUID smb = seed.port(owner, nas, 445, "TCP", null);
        UUID https = seed.port(owner, nas, 443, "TCP", "nginx/1.25");
        UUID smbService = seed.service(owner, nas, "Samba", "STORAGE", 90, "port 445 answered SMB2 negotiate");
        UUID web = seed.service(owner, nas, "nginx", "WEB", 75, "Server header");
        seed.bind(owner, smbService, smb, nasIf);
        seed.bind(owner, web, https, null);
        UUID printer = seed.host(owner, network, "printer", now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(2)), true);
        seed.iface(owner, printer, "10.0.0.30", "aa:bb:cc:00:00:30", lan);
        seed.service(owner, printer, "IPP", "PRINTING", 80, "port 631");
        UUID router = seed.host(owner, network, "router", now.minus(Duration.ofDays(60)), now.minus(Duration.ofHours(1)), false);
        seed.iface(owner, router, "10.0.0.1", "aa:bb:cc:00:00:01", lan);
        seed.iface(owner, router, "10.9.0.1", null, dmz);
        String tagId = tag(owner, "backup-" + UUID.randomUUID().toString().substring(0, 4), "#ffd43b");
        assertThat(owner.web().json("PUT", "/api/v1/hosts/" + nas + "/tags", "{\"tagIds\":[\"" + tagId + "\"]}").statusCode()).isEqualTo(200);
        return new Lab(network, lan, dmz, nas, printer, router, tagId);
    }

    @Test
    void an_empty_network_invites_to_install_a_daemon_or_add_a_host() {
        Accounts.Account owner = signUp("ada");
        HttpResponse<String> page = owner.web().get(hostsPath(owner, seed.firstNetwork(owner)));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("No hosts yet — install a daemon or add a host manually.").contains("id=\"host-filters\"")
                .doesNotContain("No hosts match");
    }

    @Test
    void the_network_address_leads_to_its_hosts_page() {
        Accounts.Account owner = signUp("ada");
        UUID network = seed.firstNetwork(owner);
        HttpResponse<String> r = owner.web().get(owner.org("/networks/" + network));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith(hostsPath(owner, network));
    }

    @Test
    void the_table_shows_address_mac_services_tags_and_last_seen_and_leaves_hidden_hosts_out() {
        Accounts.Account owner = signUp("ada");
        Lab lab = lab(owner);
        String body = owner.web().get(hostsPath(owner, lab.network())).body();
        assertThat(body).contains(">nas<").contains("nas.office.lan").contains("10.0.0.5").contains("aa:bb:cc:00:00:05")
                .contains(">STORAGE · WEB<").contains(">router<").contains("5 min ago").contains("#ffd43b")
                .contains("id=\"host-" + lab.nas() + "\"");
        // The main address is the lowest one; the second interface is on the host page only.
        assertThat(body).doesNotContain("10.9.0.5").doesNotContain(">printer<");
        assertThat(body).contains("hx-trigger=\"input changed delay:300ms, search\"").contains("hx-push-url=\"true\"");
    }

    @Test
    void an_htmx_request_gets_only_the_table_region() {
        Accounts.Account owner = signUp("ada");
        Lab lab = lab(owner);
        HttpResponse<String> r = owner.web().htmxGet(hostsPath(owner, lab.network()) + "?q=nas");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("<div").contains("id=\"hosts-table\"").contains(">nas<").doesNotContain(">router<")
                .doesNotContain("<html").doesNotContain("<form id=\"host-filters\"");
        assertThat(r.headers().firstValue("Vary").orElse("")).contains("HX-Request");
        // htmx restoring history it did not cache asks for the whole page.
        assertThat(owner.web().get(hostsPath(owner, lab.network()) + "?q=nas").body()).contains("<html");
    }

    @Test
    void search_finds_hosts_by_name_host_name_ip_mac_and_service_name() {
        Accounts.Account owner = signUp("ada");
        Lab lab = lab(owner);
        String path = hostsPath(owner, lab.network());
        assertThat(owner.web().htmxGet(path + "?q=10.0.0.5").body()).contains(">nas<").doesNotContain(">router<");
        assertThat(owner.web().htmxGet(path + "?q=10.9.0.1").body()).contains(">router<").doesNotContain(">nas<");
        assertThat(owner.web().htmxGet(path + "?q=NGINX").body()).contains(">nas<").doesNotContain(">router<");
        assertThat(owner.web().htmxGet(path + "?q=AA-BB-CC-00-00-01").body()).contains(">router<").doesNotContain(">nas<");
        assertThat(owner.web().htmxGet(path + "?q=office.lan").body()).contains(">nas<").doesNotContain(">router<");
        assertThat(owner.web().htmxGet(path + "?q=ROUT").body()).contains(">router<").doesNotContain(">nas<");
        assertThat(owner.web().htmxGet(path + "?q=%25").body()).contains("No hosts match these filters.");
        // A hidden host is found only with hidden=true.
        assertThat(owner.web().htmxGet(path + "?q=ipp").body()).contains("No hosts match these filters.").contains("include hidden hosts");
        assertThat(owner.web().htmxGet(path + "?q=ipp&hidden=true").body()).contains(">printer<").contains(">hidden<");
    }

    @Test
    void filters_by_subnet_category_and_tag_narrow_the_list_and_keep_the_form_filled() {
        Accounts.Account owner = signUp("ada");
        Lab lab = lab(owner);
        String path = hostsPath(owner, lab.network());
        String dmz = owner.web().htmxGet(path + "?subnet=" + lab.dmz()).body();
        assertThat(dmz).contains(">nas<").contains(">router<");
        String storage = owner.web().htmxGet(path + "?category=STORAGE").body();
        assertThat(storage).contains(">nas<").doesNotContain(">router<");
        String tagged = owner.web().htmxGet(path + "?tag=" + lab.tagId()).body();
        assertThat(tagged).contains(">nas<").doesNotContain(">router<");
        String printing = owner.web().htmxGet(path + "?category=PRINTING&hidden=true").body();
        assertThat(printing).contains(">printer<").doesNotContain(">nas<");
        // Reloading the URL keeps the state: the full page shows the filters as chosen.
        String page = owner.web().get(path + "?category=STORAGE&tag=" + lab.tagId() + "&q=na").body();
        assertThat(page).contains("<option value=\"STORAGE\" selected=\"selected\">STORAGE</option>")
                .contains("value=\"" + lab.tagId() + "\" selected=\"selected\"").contains("value=\"na\"").contains(">nas<");
        assertThat(page).contains("<option value=\"PRINTING\">PRINTING</option>");
    }

    @Test
    void hidden_hosts_disappear_unless_shown_and_can_be_hidden_and_shown_from_their_row() {
        Accounts.Account owner = signUp("ada");
        Lab lab = lab(owner);
        String path = hostsPath(owner, lab.network());
        assertThat(owner.web().get(path + "?hidden=true").body()).contains(">printer<").contains(">nas<");

        HttpResponse<String> hide = owner.web().htmxPost(owner.org("/hosts/" + lab.router() + "/visibility"), form("hidden", "true", "from", "row"));
        assertThat(hide.statusCode()).isEqualTo(200);
        assertThat(hide.body()).startsWith("<tr").contains("id=\"host-" + lab.router() + "\"").contains(">hidden<");
        assertThat(hide.headers().firstValue("HX-Trigger").orElseThrow()).contains("tg:hosts-changed");
        assertThat(owner.web().get(path).body()).doesNotContain(">router<");
        assertThat(seed.string("select user_edited::text from hosts where id = ?", lab.router())).isEqualTo("true");

        HttpResponse<String> show = owner.web().post(owner.org("/hosts/" + lab.printer() + "/visibility"), form("hidden", "false", "from", "row"));
        assertThat(show.statusCode()).isEqualTo(303);
        assertThat(show.headers().firstValue("Location").orElseThrow()).endsWith(path);
        assertThat(owner.web().get(path).body()).contains(">printer<").contains("shown in the host list again");
    }

    @Test
    void fifty_hosts_per_page_in_name_order_with_a_pager_and_the_rest_on_the_last_page() {
        Accounts.Account owner = signUp("ada");
        UUID network = seed.firstNetwork(owner);
        for (int i = 0; i < 120; i++) {
            seed.host(owner, network, String.format("host-%03d", i));
        }
        String path = hostsPath(owner, network);
        String first = owner.web().get(path).body();
        assertThat(first).contains(">host-000<").contains(">host-049<").doesNotContain(">host-050<")
                .contains("Showing <span>1</span>–<span>50</span>").contains("of <span>120</span>").contains("1 / 3");
        assertThat(first.indexOf(">host-001<")).isLessThan(first.indexOf(">host-002<"));
        String last = owner.web().htmxGet(path + "?page=3").body();
        assertThat(last).contains(">host-100<").contains(">host-119<").doesNotContain(">host-099<").contains("3 / 3");
        // The pager keeps the order and filters.
        String desc = owner.web().htmxGet(path + "?sort=-name&q=host-1").body();
        assertThat(desc).contains(">host-119<").contains("href=\"" + path + "?q=host-1&amp;sort=-name&amp;page=2\"");
        assertThat(desc.indexOf(">host-119<")).isLessThan(desc.indexOf(">host-118<"));
        // Past the end: the last page rather than an empty table.
        assertThat(owner.web().get(path + "?page=99").body()).contains(">host-119<").contains("3 / 3");
        // Page size is a parameter too.
        assertThat(owner.web().htmxGet(path + "?size=10&page=2").body()).contains(">host-010<").contains(">host-019<")
                .doesNotContain(">host-020<").doesNotContain(">host-009<");
    }

    @Test
    void sort_headers_link_to_the_other_direction_and_order_by_ip_and_dates() {
        Accounts.Account owner = signUp("ada");
        Lab lab = lab(owner);
        String path = hostsPath(owner, lab.network());
        String byName = owner.web().get(path).body();
        assertThat(byName).contains("href=\"" + path + "?sort=-name\"").contains("href=\"" + path + "?sort=-last_seen\"")
                .contains("aria-sort=\"ascending\"");
        String byIp = owner.web().htmxGet(path + "?sort=ip").body();
        assertThat(byIp.indexOf(">router<")).isLessThan(byIp.indexOf(">nas<"));
        assertThat(byIp).contains("href=\"" + path + "?sort=-ip\"");
        String lastSeen = owner.web().htmxGet(path + "?sort=-last_seen").body();
        assertThat(lastSeen.indexOf(">nas<")).isLessThan(lastSeen.indexOf(">router<"));
        String firstSeen = owner.web().htmxGet(path + "?sort=first_seen").body();
        assertThat(firstSeen.indexOf(">router<")).isLessThan(firstSeen.indexOf(">nas<"));
        // The current order travels with the filter form.
        assertThat(lastSeen).contains("<input type=\"hidden\" name=\"sort\" form=\"host-filters\" value=\"-last_seen\">");
    }

    @Test
    void the_host_page_shows_its_interfaces_ports_services_with_bindings_and_tags() {
        Accounts.Account owner = signUp("ada");
        Lab lab = lab(owner);
        HttpResponse<String> r = owner.web().get(owner.org("/hosts/" + lab.nas()));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("nas.office.lan").contains("Backups live here").contains("Linux 6.1").contains("Discovered")
                .contains("10.0.0.5").contains("10.9.0.5").contains("aa:bb:cc:00:09:05").contains("10.0.0.0/24").contains("DMZ")
                .contains(">445<").contains(">443<").contains("nginx/1.25")
                .contains(">Samba<").contains("port 445 answered SMB2 negotiate").contains("90%")
                .contains("445/TCP on 10.0.0.5").contains(">443/TCP<")
                .contains("5 min ago").contains("20 days ago").contains("backup-");
        assertThat(r.body()).doesNotContain("No interfaces known").doesNotContain("No ports seen").doesNotContain("No services identified");
    }

    @Test
    void a_host_with_nothing_known_shows_an_empty_state_per_section() {
        Accounts.Account owner = signUp("ada");
        UUID host = seed.host(owner, seed.firstNetwork(owner), "bare");
        String body = owner.web().get(owner.org("/hosts/" + host)).body();
        assertThat(body).contains("No interfaces known").contains("No ports seen on this host yet.")
                .contains("No services identified on this host yet.").contains(">none<");
    }

    @Test
    void adding_a_host_without_javascript_creates_it_with_an_interface_in_the_matching_subnet() {
        Accounts.Account owner = signUp("ada");
        Lab lab = lab(owner);
        String tagId = tag(owner, "printers", "#1f77b4");
        assertThat(owner.web().get(owner.org("/networks/" + lab.network() + "/hosts/new")).body())
                .contains("name=\"ip\"").contains("name=\"tagIds\"").contains("printers");
        HttpResponse<String> r = owner.web().post(hostsPath(owner, lab.network()), form("name", "Label printer", "hostname", "labels.office.lan",
                "description", "Shipping desk", "ip", "10.0.0.77", "tagIds", tagId));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        String location = r.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(seed.string("select source || ' ' || user_edited || ' ' || hostname from hosts where id = ?::uuid", id))
                .isEqualTo("MANUAL true labels.office.lan");
        assertThat(seed.string("select host(ip) || ' ' || subnet_id from interfaces where host_id = ?::uuid", id))
                .isEqualTo("10.0.0.77 " + lab.lan());
        String page = owner.web().get(location).body();
        assertThat(page).contains("Label printer").contains("Added manually").contains("10.0.0.77").contains("printers")
                .contains("Host “Label printer” added.");
    }

    @Test
    void adding_a_host_with_htmx_sends_the_browser_to_its_page_and_an_ipv6_address_works() {
        Accounts.Account owner = signUp("ada");
        UUID network = seed.firstNetwork(owner);
        HttpResponse<String> r = owner.web().htmxPost(hostsPath(owner, network), form("name", "v6 box", "ip", "FD00::20"));
        assertThat(r.statusCode()).isEqualTo(200);
        String target = r.headers().firstValue("HX-Redirect").orElseThrow();
        assertThat(target).startsWith(owner.org("/hosts/"));
        assertThat(owner.web().get(target).body()).contains("fd00::20").contains("Host “v6 box” added.");
        // Without an address there is simply no interface.
        HttpResponse<String> bare = owner.web().htmxPost(hostsPath(owner, network), form("name", "Paper notebook"));
        assertThat(bare.statusCode()).isEqualTo(200);
        assertThat(owner.web().get(bare.headers().firstValue("HX-Redirect").orElseThrow()).body()).contains("No interfaces known");
    }

    @Test
    void bad_host_input_is_explained_next_to_the_field_and_nothing_is_written() {
        Accounts.Account owner = signUp("ada");
        Accounts.Account other = signUp("mallory");
        UUID network = seed.firstNetwork(owner);
        String foreignTag = tag(other, "theirs", "#000000");
        String path = hostsPath(owner, network);
        record Case(String field, String value, String message) {
        }
        for (Case c : new Case[]{
                new Case("name", "   ", "This field is required."),
                new Case("name", "x".repeat(121), "Use at most 120 characters"),
                new Case("ip", "999.1.1.1", "Enter an IPv4 or IPv6 address"),
                new Case("ip", "example.com", "names are not looked up"),
                new Case("ip", "10.0.0.0/24", "Enter an IPv4 or IPv6 address"),
                new Case("hostname", "bad host!", "Use a host name like"),
                new Case("description", "y".repeat(2001), "Use at most 2000 characters"),
                new Case("tagIds", foreignTag, "Unknown tag"),
                new Case("tagIds", "not-a-uuid", "Unknown tag")}) {
            var fields = form("name", "ok", "ip", "10.1.1.1");
            fields.put(c.field(), c.value());
            HttpResponse<String> htmx = owner.web().htmxPost(path, fields);
            assertThat(htmx.statusCode()).as(c.toString()).isEqualTo(422);
            assertThat(htmx.body()).as(c.toString()).contains(c.message()).contains("id=\"host-create-form\"").doesNotContain("<html");
            HttpResponse<String> plain = owner.web().post(path, fields);
            assertThat(plain.statusCode()).as(c.toString()).isEqualTo(422);
            assertThat(plain.body()).as(c.toString()).contains(c.message()).contains("<html");
        }
        assertThat(seed.count("select count(*) from hosts where network_id = ?", network)).isZero();
        assertThat(seed.count("select count(*) from interfaces i join hosts h on h.id = i.host_id where h.network_id = ?", network)).isZero();
    }

    @Test
    void an_address_already_used_in_the_network_is_refused() {
        Accounts.Account owner = signUp("ada");
        Lab lab = lab(owner);
        HttpResponse<String> r = owner.web().htmxPost(hostsPath(owner, lab.network()), form("name", "clone", "ip", "10.0.0.5"));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("The host “nas” in this network already has this address.");
        assertThat(seed.count("select count(*) from hosts where name = 'clone' and network_id = ?", lab.network())).isZero();
    }

    @Test
    void editing_a_host_inline_saves_name_description_and_tags_and_marks_it_edited() {
        Accounts.Account owner = signUp("ada");
        Lab lab = lab(owner);
        String other = tag(owner, "core", "#000000");
        HttpResponse<String> edit = owner.web().htmxGet(owner.org("/hosts/" + lab.router() + "/edit"));
        assertThat(edit.body()).startsWith("<div").contains("id=\"host-header\"").contains("name=\"name\"").contains("value=\"router\"")
                .contains("name=\"tagIds\"").doesNotContain("<html");
        assertThat(seed.string("select user_edited::text from hosts where id = ?", lab.router())).isEqualTo("false");
        HttpResponse<String> saved = owner.web().htmxPost(owner.org("/hosts/" + lab.router()), form(
                "name", "Core router", "hostname", "gw.office.lan", "description", "Edge of the office", "tagIds", other));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("id=\"host-header\"").contains("Core router").contains("gw.office.lan").contains(">core<")
                .doesNotContain("<form method=\"post\" action=\"/o/" + owner.slug() + "/hosts/" + lab.router() + "\"");
        assertThat(saved.headers().firstValue("HX-Trigger").orElseThrow()).contains("tg:hosts-changed").contains("Core router");
        assertThat(seed.string("select user_edited || ' ' || name || ' ' || description from hosts where id = ?", lab.router()))
                .isEqualTo("true Core router Edge of the office");
        // No ticked box removes every tag.
        owner.web().post(owner.org("/hosts/" + lab.router()), form("name", "Core router"));
        assertThat(seed.count("select count(*) from host_tags where host_id = ?", lab.router())).isZero();
        assertThat(owner.web().get(owner.org("/hosts/" + lab.router() + "/edit")).body()).contains("<html").contains("Edit");
    }

    @Test
    void an_invalid_edit_re_renders_the_form_and_changes_nothing() {
        Accounts.Account owner = signUp("ada");
        Lab lab = lab(owner);
        seed.exec("update hosts set user_edited = false where id = ?", lab.nas());
        HttpResponse<String> r = owner.web().htmxPost(owner.org("/hosts/" + lab.nas()), form("name", "", "description", "new"));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("This field is required.").contains("id=\"host-header\"").contains("<form");
        HttpResponse<String> plain = owner.web().post(owner.org("/hosts/" + lab.nas()), form("name", "nas2", "tagIds", UUID.randomUUID().toString()));
        assertThat(plain.statusCode()).isEqualTo(422);
        assertThat(plain.body()).contains("Unknown tag").contains("<html");
        assertThat(seed.string("select name || '|' || description || '|' || user_edited from hosts where id = ?", lab.nas()))
                .isEqualTo("nas|Backups live here|false");
        assertThat(seed.count("select count(*) from host_tags where host_id = ?", lab.nas())).isEqualTo(1);
    }

    @Test
    void hiding_from_the_host_page_swaps_its_header() {
        Accounts.Account owner = signUp("ada");
        Lab lab = lab(owner);
        HttpResponse<String> r = owner.web().htmxPost(owner.org("/hosts/" + lab.nas() + "/visibility"), form("hidden", "true"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("<div").contains("id=\"host-header\"").contains(">hidden<").contains("Unhide");
        HttpResponse<String> plain = owner.web().post(owner.org("/hosts/" + lab.nas() + "/visibility"), form("hidden", "false"));
        assertThat(plain.statusCode()).isEqualTo(303);
        assertThat(plain.headers().firstValue("Location").orElseThrow()).endsWith(owner.org("/hosts/" + lab.nas()));
        assertThat(seed.string("select hidden::text from hosts where id = ?", lab.nas())).isEqualTo("false");
    }

    @Test
    void deleting_a_host_asks_first_and_removes_its_interfaces_ports_and_services() {
        Accounts.Account owner = signUp("ada");
        Lab lab = lab(owner);
        assertThat(owner.web().get(owner.org("/hosts/" + lab.nas() + "/delete")).body()).contains("cannot be undone")
                .contains("<strong>2</strong> interfaces");
        assertThat(owner.web().get(owner.org("/hosts/" + lab.nas())).body()).contains("hx-confirm=\"Delete the host nas");
        HttpResponse<String> r = owner.web().htmxPost(owner.org("/hosts/" + lab.nas() + "/delete"), form());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("HX-Redirect").orElseThrow()).endsWith(hostsPath(owner, lab.network()));
        for (String table : new String[]{"interfaces", "ports", "services", "host_tags"}) {
            assertThat(seed.count("select count(*) from " + table + " where host_id = ?", lab.nas())).as(table).isZero();
        }
        assertThat(seed.count("select count(*) from bindings b where b.organization_id = ?", seed.orgId(owner))).isZero();
        assertThat(owner.web().get(owner.org("/hosts/" + lab.nas())).statusCode()).isEqualTo(404);
        HttpResponse<String> plain = owner.web().post(owner.org("/hosts/" + lab.router() + "/delete"), form());
        assertThat(plain.statusCode()).isEqualTo(303);
        assertThat(owner.web().get(hostsPath(owner, lab.network())).body()).contains("Host “router” deleted").doesNotContain(">router<");
    }

    @Test
    void the_api_and_the_page_agree_on_what_a_page_holds() {
        Accounts.Account owner = signUp("ada");
        Lab lab = lab(owner);
        JsonNode page = json(owner.web().getJson("/api/v1/networks/" + lab.network() + "/hosts?sort=-last_seen"));
        assertThat(names(page.get("items"))).containsExactly("nas", "router");
    }
}
