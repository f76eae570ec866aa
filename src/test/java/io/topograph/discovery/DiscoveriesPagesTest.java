package io.topograph.discovery;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.hosts.InventorySeed;
import io.topograph.platform.tenancy.Role;
import io.topograph.support.Accounts;
import io.topograph.support.BearerClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.topograph.support.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class DiscoveriesPagesTest extends DiscoveryTestBase {

    private static Map<String, String> scan(String targets, String ports, String customPorts) {
        return form("targetsMode", "custom", "targets", targets, "ports", ports, "customPorts", customPorts, "daemonId", "");
    }

    private UUID latestRun(UUID networkId) {
        return (UUID) db.column("select id from discovery_runs where network_id = ? order by created_at desc limit 1", networkId).get(0);
    }

    @Test
    void the_discoveries_tab_shows_the_scan_now_form_and_an_empty_list() {
        Site site = site("ada");
        HttpResponse<String> page = site.owner().web().get(site.networkPath("/discoveries"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"network-tabs\"").contains("id=\"discovery-form\"").contains("name=\"targets\"")
                .contains("value=\"top1000\"").contains(">rack-a (offline)<").contains("id=\"discovery-empty\"")
                .contains("(none reported yet)");
        assertThat(page.body()).containsPattern("class=\"nav-link active\" href=\"[^\"]*/discoveries\" aria-current=\"page\"");
        HttpResponse<String> fragment = site.owner().web().htmxGet(site.networkPath("/discoveries"));
        assertThat(fragment.body()).contains("id=\"discovery-list\"").doesNotContain("<html").doesNotContain("discovery-form");
    }

    @Test
    void a_network_without_a_daemon_asks_to_add_one_first_instead_of_the_form() {
        Accounts.Account owner = signUp("ada");
        UUID network = db.networkId(owner.slug(), "Home network");
        HttpResponse<String> page = owner.web().get(owner.org("/networks/" + network + "/discoveries"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Add a daemon first").contains("/o/" + owner.slug() + "/networks/" + network + "/daemons")
                .doesNotContain("id=\"discovery-form\"");
        HttpResponse<String> refused = owner.web().post(owner.org("/networks/" + network + "/discoveries"), scan("127.0.0.1", "top100", ""));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("add a daemon first");
        assertThat(runs(network)).isZero();
    }

    @Test
    void scan_now_without_javascript_queues_and_redirects_to_the_run_page_with_its_progress() {
        Site site = site("ada");
        HttpResponse<String> posted = site.owner().web().post(site.networkPath("/discoveries"), scan("127.0.0.1", "custom", "22,80"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
        UUID run = latestRun(site.networkId());
        assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith(site.owner().org("/discoveries/" + run));
        assertThat(column("ports", run)).isEqualTo("22,80");
        assertThat(column("trigger", run)).isEqualTo("MANUAL");

        HttpResponse<String> page = site.owner().web().get(site.owner().org("/discoveries/" + run));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Discovery queued").contains("id=\"discovery-run\"").contains("id=\"discovery-progress\"")
                .contains("class=\"progress-bar").contains("waiting for a daemon").contains("127.0.0.1").contains("Ports 22,80")
                .contains("id=\"discovery-cancel\"").contains("hx-trigger=\"every 1s\"");
        HttpResponse<String> list = site.owner().web().get(site.networkPath("/discoveries"));
        assertThat(list.body()).contains("id=\"" + RunView.domId(run) + "\"").contains(">Queued<").contains("ada");
    }

    @Test
    void scan_now_with_htmx_answers_the_refreshed_list_and_a_toast() {
        Site site = site("ada");
        HttpResponse<String> posted = site.owner().web().htmxPost(site.networkPath("/discoveries"), scan("127.0.0.1", "top100", ""));
        assertThat(posted.statusCode()).isEqualTo(200);
        UUID run = latestRun(site.networkId());
        assertThat(posted.body()).contains("id=\"discovery-list\"").contains("id=\"" + RunView.domId(run) + "\"")
                .contains("/discoveries/" + run + "/row").doesNotContain("<html");
        assertThat(posted.headers().firstValue("HX-Trigger").orElseThrow()).contains("tg:discoveries-changed").contains("Discovery queued");
    }

    @Test
    void bad_input_on_the_page_is_explained_next_to_the_field_with_422_and_nothing_is_written() {
        Site site = site("ada");
        String many = IntStream.rangeClosed(1, 65).mapToObj(i -> "127.0.3." + i).collect(Collectors.joining("\n"));
        Object[][] cases = {
                {scan("", "top100", ""), "Enter at least one target"},
                {scan("224.0.0.1", "top100", ""), "multicast"},
                {scan("169.254.169.254", "top100", ""), "cloud metadata"},
                {scan("127.0.0.1", "custom", "0-70000"), "70000"},
                {scan(many, "top100", ""), "at most 64 targets"},
        };
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked") Map<String, String> fields = (Map<String, String>) c[0];
            HttpResponse<String> htmx = site.owner().web().htmxPost(site.networkPath("/discoveries"), fields);
            assertThat(htmx.statusCode()).as(fields.toString()).isEqualTo(422);
            assertThat(htmx.headers().firstValue("HX-Retarget")).contains("#discovery-form");
            assertThat(htmx.body()).contains("id=\"discovery-form\"").contains("invalid-feedback").contains((String) c[1]).doesNotContain("<html");
            HttpResponse<String> plain = site.owner().web().post(site.networkPath("/discoveries"), fields);
            assertThat(plain.statusCode()).isEqualTo(422);
            assertThat(plain.body()).contains("<html").contains((String) c[1]);
        }
        // What was typed stays in the form.
        HttpResponse<String> kept = site.owner().web().post(site.networkPath("/discoveries"), scan("224.0.0.1", "custom", "22"));
        assertThat(kept.body()).contains(">224.0.0.1</textarea>").contains("value=\"22\"");
        assertThat(runs(site.networkId())).isZero();
    }

    @Test
    void the_progress_region_polls_while_active_then_stops_and_fires_the_finished_event() {
        Site site = site("ada");
        UUID run = queue(site);
        BearerClient daemon = daemon(site.credential());
        claim(daemon);
        progress(daemon, run, "PORT_SCAN", 40, 2);
        String progressUrl = site.owner().org("/discoveries/" + run + "/progress");
        HttpResponse<String> running = site.owner().web().htmxGet(progressUrl);
        assertThat(running.statusCode()).isEqualTo(200);
        assertThat(running.body()).contains("id=\"discovery-progress\"").contains("hx-trigger=\"every 1s\"").contains("Scanning ports · 40%")
                .contains("width:40%").contains("2</span>").doesNotContain("<html");
        assertThat(running.headers().firstValue("HX-Trigger")).isEmpty();
        HttpResponse<String> row = site.owner().web().htmxGet(site.owner().org("/discoveries/" + run + "/row"));
        assertThat(row.body()).startsWith("<tr").contains("hx-trigger=\"every 1s\"").contains("Running");

        daemon.send("POST", "/api/daemon/v1/runs/" + run + "/complete", "{\"batches\":0,\"stats\":{\"hostsUp\":2,\"elapsedMs\":812},\"warnings\":[]}");
        HttpResponse<String> done = site.owner().web().htmxGet(progressUrl);
        assertThat(done.body()).doesNotContain("hx-trigger").doesNotContain("hx-get").contains("width:100%");
        assertThat(done.headers().firstValue("HX-Trigger").orElseThrow()).contains("tg:discovery-finished");
        assertThat(site.owner().web().htmxGet(site.owner().org("/discoveries/" + run + "/row")).body()).doesNotContain("hx-trigger").contains("Succeeded");
        HttpResponse<String> region = site.owner().web().htmxGet(site.owner().org("/discoveries/" + run));
        assertThat(region.body()).startsWith("<div").contains("id=\"discovery-run\"").contains("Succeeded").contains("Hosts up")
                .contains("Elapsed (ms)").contains("812").doesNotContain("id=\"discovery-cancel\"").doesNotContain("<html");
    }

    @Test
    void a_failed_run_shows_why() {
        Site site = site("ada");
        UUID run = queue(site);
        BearerClient daemon = daemon(site.credential());
        claim(daemon);
        daemon.send("POST", "/api/daemon/v1/runs/" + run + "/fail", "{\"reason\":\"daemon stopped\"}");
        HttpResponse<String> page = site.owner().web().get(site.owner().org("/discoveries/" + run));
        assertThat(page.body()).contains("id=\"discovery-failure\"").contains("daemon stopped").contains(">Failed<");
    }

    @Test
    void cancel_works_without_javascript_with_htmx_and_from_a_row_and_a_finished_run_answers_409() {
        Site site = site("ada");
        UUID first = queue(site);
        HttpResponse<String> plain = site.owner().web().post(site.owner().org("/discoveries/" + first + "/cancellation"), form());
        assertThat(plain.statusCode()).isEqualTo(303);
        assertThat(plain.headers().firstValue("Location").orElseThrow()).endsWith("/discoveries/" + first);
        assertThat(site.owner().web().get(site.owner().org("/discoveries/" + first)).body()).contains("Discovery cancelled.").contains(">Cancelled<");
        assertThat(state(first)).isEqualTo("CANCELLED");
        assertThat(column("finished_at", first)).isNotNull();
        assertThat(column("cancelled_by", first)).isEqualTo(db.userId(site.owner().email()));

        UUID second = queue(site);
        HttpResponse<String> htmx = site.owner().web().htmxPost(site.owner().org("/discoveries/" + second + "/cancellation"), form());
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.body()).contains("id=\"discovery-run\"").contains(">Cancelled<").doesNotContain("id=\"discovery-cancel\"");
        assertThat(htmx.headers().firstValue("HX-Trigger").orElseThrow()).contains("Discovery cancelled.");

        UUID third = queue(site);
        HttpResponse<String> row = site.owner().web().htmxPost(site.owner().org("/discoveries/" + third + "/cancellation"), form("from", "row"));
        assertThat(row.body()).startsWith("<tr").contains("id=\"" + RunView.domId(third) + "\"").contains(">Cancelled<");

        HttpResponse<String> again = site.owner().web().htmxPost(site.owner().org("/discoveries/" + first + "/cancellation"), form());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("HX-Trigger").orElseThrow()).contains("nothing to cancel");
        HttpResponse<String> againPlain = site.owner().web().post(site.owner().org("/discoveries/" + first + "/cancellation"), form());
        assertThat(againPlain.statusCode()).isEqualTo(409);
        assertThat(againPlain.body()).contains("This discovery already was cancelled: there is nothing to cancel.");
    }

    @Test
    void the_runs_list_is_paged_newest_first() {
        Site site = site("ada");
        for (int i = 1; i <= 22; i++) {
            queue(site, "{\"targets\":\"127.0.4." + i + "\"}");
        }
        HttpResponse<String> first = site.owner().web().get(site.networkPath("/discoveries"));
        assertThat(first.body()).contains("127.0.4.22").doesNotContain(">127.0.4.2<").contains("Showing <span>1</span>–<span>20</span>")
                .contains("page=2");
        HttpResponse<String> second = site.owner().web().htmxGet(site.networkPath("/discoveries?page=2"));
        assertThat(second.body()).contains(">127.0.4.2<").contains(">127.0.4.1<").doesNotContain("127.0.4.22").doesNotContain("<html");
        assertThat(site.owner().web().get(site.networkPath("/discoveries?page=x")).statusCode()).isEqualTo(200);
    }

    @Test
    void the_hosts_page_carries_a_strip_that_follows_the_latest_run() {
        Site site = site("ada");
        HttpResponse<String> hosts = site.owner().web().get(site.networkPath("/hosts"));
        assertThat(hosts.statusCode()).isEqualTo(200);
        assertThat(hosts.body()).contains("id=\"discovery-strip-box\"").contains(site.networkPath("/discoveries/latest"));
        String strip = site.networkPath("/discoveries/latest");
        assertThat(site.owner().web().htmxGet(strip).body()).contains("No discovery has run").doesNotContain("hx-trigger");

        UUID run = queue(site);
        HttpResponse<String> active = site.owner().web().htmxGet(strip);
        assertThat(active.body()).contains("id=\"discovery-strip\"").contains("hx-trigger=\"every 1s\"").contains("run=" + run)
                .contains("/discoveries/" + run).contains("class=\"progress-bar");
        assertThat(active.headers().firstValue("HX-Trigger")).isEmpty();

        site.owner().web().json("POST", "/api/v1/discoveries/" + run + "/cancellation", null);
        HttpResponse<String> finished = site.owner().web().htmxGet(strip + "?run=" + run);
        assertThat(finished.body()).contains("Last discovery").contains("Cancelled").doesNotContain("hx-trigger");
        assertThat(finished.headers().firstValue("HX-Trigger").orElseThrow()).contains("tg:discovery-finished");
    }

    @Test
    void scan_now_on_a_host_scans_its_addresses_with_the_top_1000_ports() {
        Site site = site("ada");
        InventorySeed seed = new InventorySeed(dataSource);
        UUID host = seed.host(site.owner(), site.networkId(), "nas");
        seed.iface(site.owner(), host, "127.0.5.10", null, null);
        seed.iface(site.owner(), host, "127.0.5.11", null, null);
        HttpResponse<String> detail = site.owner().web().get(site.owner().org("/hosts/" + host));
        assertThat(detail.body()).contains("id=\"host-scan-form\"").contains("/hosts/" + host + "/discoveries/latest");
        assertThat(site.owner().web().htmxGet(site.owner().org("/hosts/" + host + "/discoveries/latest")).body()).contains("No scan of this host alone yet");

        HttpResponse<String> plain = site.owner().web().post(site.owner().org("/hosts/" + host + "/discoveries"), form());
        assertThat(plain.statusCode()).isEqualTo(303);
        UUID run = latestRun(site.networkId());
        assertThat(plain.headers().firstValue("Location").orElseThrow()).endsWith("/discoveries/" + run);
        assertThat(column("host_id", run)).isEqualTo(host);
        assertThat(column("ports", run)).isEqualTo("top1000");
        assertThat(column("targets::text", run)).isEqualTo("[\"127.0.5.10\", \"127.0.5.11\"]");
        assertThat(site.owner().web().get(site.owner().org("/discoveries/" + run)).body()).contains("nas");

        HttpResponse<String> htmx = site.owner().web().htmxPost(site.owner().org("/hosts/" + host + "/discoveries"), form());
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.body()).contains("id=\"host-discovery\"").contains("hx-trigger=\"every 1s\"").contains("Top 1000 ports").doesNotContain("<html");
        assertThat(htmx.headers().firstValue("HX-Trigger").orElseThrow()).contains("Discovery of this host queued.");
        assertThat(runs(site.networkId())).isEqualTo(2);
    }

    @Test
    void scan_now_on_a_host_without_an_address_answers_422_and_writes_nothing() {
        Site site = site("ada");
        UUID host = new InventorySeed(dataSource).host(site.owner(), site.networkId(), "mystery");
        HttpResponse<String> htmx = site.owner().web().htmxPost(site.owner().org("/hosts/" + host + "/discoveries"), form());
        assertThat(htmx.statusCode()).isEqualTo(422);
        assertThat(htmx.body()).contains("id=\"host-scan-error\"").contains("This host has no IP address to scan.");
        HttpResponse<String> plain = site.owner().web().post(site.owner().org("/hosts/" + host + "/discoveries"), form());
        assertThat(plain.statusCode()).isEqualTo(422);
        assertThat(plain.body()).contains("This host has no IP address to scan.");
        assertThat(runs(site.networkId())).isZero();
    }

    @Test
    void a_viewer_follows_discoveries_but_has_no_scan_or_cancel_buttons_and_gets_403() {
        Site site = site("ada");
        UUID run = queue(site);
        UUID host = new InventorySeed(dataSource).host(site.owner(), site.networkId(), "nas");
        new InventorySeed(dataSource).iface(site.owner(), host, "127.0.6.1", null, null);
        Accounts.Account viewer = signUp("vic");
        db.addMember(site.owner().slug(), viewer.email(), Role.VIEWER, site.networkId());
        HttpResponse<String> page = viewer.web().get(site.networkPath("/discoveries"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Viewers can follow discoveries").doesNotContain("id=\"discovery-form\"").doesNotContain("/cancellation");
        assertThat(viewer.web().get(site.owner().org("/discoveries/" + run)).body()).doesNotContain("id=\"discovery-cancel\"");
        assertThat(viewer.web().get(site.owner().org("/hosts/" + host)).body()).doesNotContain("id=\"host-scan-form\"");
        assertThat(viewer.web().post(site.networkPath("/discoveries"), scan("127.0.0.1", "top100", "")).statusCode()).isEqualTo(403);
        assertThat(viewer.web().post(site.owner().org("/discoveries/" + run + "/cancellation"), form()).statusCode()).isEqualTo(403);
        assertThat(viewer.web().post(site.owner().org("/hosts/" + host + "/discoveries"), form()).statusCode()).isEqualTo(403);
        assertThat(runs(site.networkId())).isEqualTo(1);
        assertThat(state(run)).isEqualTo("QUEUED");
    }

    /** Every discovery page route, as one request each, answering {@code expected}. */
    private static void everyRouteAnswers(Accounts.Account who, Site site, UUID run, UUID host, int expected) {
        var web = who.web();
        String n = site.networkPath("");
        String r = site.owner().org("/discoveries/" + run);
        String h = site.owner().org("/hosts/" + host);
        assertThat(web.get(n + "/discoveries").statusCode()).as("discoveries page").isEqualTo(expected);
        assertThat(web.htmxGet(n + "/discoveries?page=2").statusCode()).as("list fragment").isEqualTo(expected);
        assertThat(web.post(n + "/discoveries", scan("127.0.0.1", "top100", "")).statusCode()).as("queue").isEqualTo(expected);
        assertThat(web.htmxGet(n + "/discoveries/latest").statusCode()).as("strip").isEqualTo(expected);
        assertThat(web.get(r).statusCode()).as("run page").isEqualTo(expected);
        assertThat(web.htmxGet(r + "/progress").statusCode()).as("progress").isEqualTo(expected);
        assertThat(web.htmxGet(r + "/row").statusCode()).as("row").isEqualTo(expected);
        assertThat(web.post(r + "/cancellation", form()).statusCode()).as("cancel").isEqualTo(expected);
        assertThat(web.post(h + "/discoveries", form()).statusCode()).as("scan host").isEqualTo(expected);
        assertThat(web.htmxGet(h + "/discoveries/latest").statusCode()).as("host region").isEqualTo(expected);
    }

    @Test
    void another_organizations_user_gets_404_on_every_page_and_nothing_changes() {
        Site site = site("ada");
        UUID run = queue(site);
        UUID host = new InventorySeed(dataSource).host(site.owner(), site.networkId(), "nas");
        new InventorySeed(dataSource).iface(site.owner(), host, "127.0.7.1", null, null);
        Accounts.Account stranger = signUp("mallory");
        everyRouteAnswers(stranger, site, run, host, 404);
        // Through the stranger's own organization the ids are simply not there.
        Site theirs = new Site(stranger, db.organizationId(stranger.slug()), site.networkId(), site.credential());
        everyRouteAnswers(stranger, theirs, run, host, 404);
        assertThat(runs(site.networkId())).isEqualTo(1);
        assertThat(state(run)).isEqualTo("QUEUED");
    }

    @Test
    void a_member_without_access_to_the_network_gets_404_on_every_page() {
        Site site = site("ada");
        UUID run = queue(site);
        UUID host = new InventorySeed(dataSource).host(site.owner(), site.networkId(), "nas");
        new InventorySeed(dataSource).iface(site.owner(), host, "127.0.8.1", null, null);
        Accounts.Account member = signUp("otto");
        db.addMember(site.owner().slug(), member.email(), Role.MEMBER);
        everyRouteAnswers(member, site, run, host, 404);
        assertThat(runs(site.networkId())).isEqualTo(1);
        assertThat(state(run)).isEqualTo("QUEUED");
    }
}
