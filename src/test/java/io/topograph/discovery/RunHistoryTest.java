package io.topograph.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.hosts.InventorySeed;
import io.topograph.platform.tenancy.Role;
import io.topograph.support.Accounts;
import io.topograph.support.BearerClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Run history: the network's and the organization's pages with filters and paging, the runs API, counts and progress. */
@MicronautTest
class RunHistoryTest extends DiscoveryTestBase {

    /** A run written directly, {@code age} ago (a PostgreSQL interval), in a finished state unless told otherwise. */
    private UUID insertRun(UUID org, UUID network, String state, String trigger, String age, @Nullable UUID claimedBy) {
        UUID id = UUID.randomUUID();
        db.update("insert into discovery_runs (id, organization_id, network_id, trigger, state, claimed_by, attempt, created_at, queued_at,"
                        + " started_at, finished_at, failure_reason) values (?, ?, ?, ?, ?, ?, 1, now() - ?::interval, now() - ?::interval,"
                        + " now() - ?::interval, case when ? in ('QUEUED', 'RUNNING') then null else now() - ?::interval end,"
                        + " case when ? = 'FAILED' then 'targets refused' end)",
                id, org, network, trigger, state, claimedBy, age, age, age, state, age, state);
        return id;
    }

    private static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(i -> out.add(i.get("id").asText()));
        return out;
    }

    private static String runs(Site site) {
        return "/api/v1/networks/" + site.networkId() + "/runs";
    }

    /** Three succeeded manual runs by rack-a, two failed scheduled ones by rack-b ten days ago, one timed-out API run. */
    private record History(Site site, UUID rackA, UUID rackB, List<UUID> succeeded, List<UUID> failed, UUID timedOut) {
    }

    private History history(String who) {
        Site site = site(who);
        UUID a = daemonId(site.credential());
        UUID b = daemonId(db.insertDaemon(site.organizationId(), site.networkId(), "rack-b"));
        List<UUID> ok = List.of(insertRun(site.organizationId(), site.networkId(), "SUCCEEDED", "MANUAL", "1 hour", a),
                insertRun(site.organizationId(), site.networkId(), "SUCCEEDED", "MANUAL", "2 hours", a),
                insertRun(site.organizationId(), site.networkId(), "SUCCEEDED", "MANUAL", "3 hours", a));
        List<UUID> failed = List.of(insertRun(site.organizationId(), site.networkId(), "FAILED", "SCHEDULED", "10 days", b),
                insertRun(site.organizationId(), site.networkId(), "FAILED", "SCHEDULED", "10 days 1 hour", b));
        UUID timedOut = insertRun(site.organizationId(), site.networkId(), "TIMED_OUT", "API", "5 minutes", null);
        return new History(site, a, b, ok, failed, timedOut);
    }

    @Test
    void the_runs_api_filters_by_state_trigger_daemon_and_time_and_pages_newest_first() {
        History h = history("ada");
        var web = h.site().owner().web();
        JsonNode all = json(web.getJson(runs(h.site())));
        assertThat(all.get("total").asLong()).isEqualTo(6);
        assertThat(ids(all)).containsExactly(h.timedOut().toString(), h.succeeded().get(0).toString(), h.succeeded().get(1).toString(),
                h.succeeded().get(2).toString(), h.failed().get(0).toString(), h.failed().get(1).toString());
        assertThat(ids(json(web.getJson(runs(h.site()) + "?state=failed")))).containsExactlyElementsOf(h.failed().stream().map(UUID::toString).toList());
        assertThat(ids(json(web.getJson(runs(h.site()) + "?state=TIMED_OUT")))).containsExactly(h.timedOut().toString());
        assertThat(json(web.getJson(runs(h.site()) + "?trigger=scheduled")).get("total").asLong()).isEqualTo(2);
        assertThat(json(web.getJson(runs(h.site()) + "?daemon=" + h.rackA())).get("total").asLong()).isEqualTo(3);
        assertThat(json(web.getJson(runs(h.site()) + "?daemon=" + UUID.randomUUID())).get("total").asLong()).isZero();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(json(web.getJson(runs(h.site()) + "?from=" + today.minusDays(5) + "&to=" + today.plusDays(1))).get("total").asLong())
                .isEqualTo(4);
        assertThat(json(web.getJson(runs(h.site()) + "?to=" + today.minusDays(5))).get("total").asLong()).isEqualTo(2);
        JsonNode page2 = json(web.getJson(runs(h.site()) + "?state=SUCCEEDED&trigger=MANUAL&size=2&page=2"));
        assertThat(page2.get("page").asInt()).isEqualTo(2);
        assertThat(page2.get("size").asInt()).isEqualTo(2);
        assertThat(page2.get("total").asLong()).isEqualTo(3);
        assertThat(ids(page2)).containsExactly(h.succeeded().get(2).toString());

        JsonNode one = json(web.getJson("/api/v1/runs/" + h.failed().get(0)));
        assertThat(one.get("state").asText()).isEqualTo("FAILED");
        assertThat(one.get("failureReason").asText()).isEqualTo("targets refused");
        assertThat(one.get("claimedBy").asText()).isEqualTo(h.rackB().toString());
        assertThat(one).isEqualTo(json(web.getJson("/api/v1/discoveries/" + h.failed().get(0))));
    }

    @Test
    void bad_filters_answer_400_naming_each_parameter() {
        Site site = site("ada");
        String[][] cases = {{"state=DONE", "state"}, {"trigger=cron", "trigger"}, {"daemon=rack-a", "daemon"}, {"from=yesterday", "from"},
                {"from=2026-11-05&to=2026-11-01", "to"}, {"page=0", "page"}, {"page=abc", "page"}, {"size=1000", "size"},
                {"to=" + "9".repeat(500), "to"}};
        for (String[] c : cases) {
            HttpResponse<String> r = site.owner().web().getJson(runs(site) + "?" + c[0]);
            assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(json(r).get("errors").get(0).get("field").asText()).as(c[0]).isEqualTo(c[1]);
            assertThat(json(r).get("errors").get(0).get("message").asText()).isNotBlank();
        }
        assertThat(site.owner().web().getJson("/api/v1/runs/not-a-uuid").statusCode()).isEqualTo(400);
        // The page explains a bad filter with 400 and still shows the runs.
        UUID run = queue(site);
        HttpResponse<String> page = site.owner().web().get(site.networkPath("/discoveries?state=DONE"));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"run-filter-problems\"").contains("Choose one of queued").contains(RunView.domId(run))
                .contains("id=\"run-filters\"");
        assertThat(site.owner().web().get(site.owner().org("/discoveries?from=someday")).statusCode()).isEqualTo(400);
    }

    @Test
    void the_network_page_filters_its_history_and_the_url_keeps_the_filters() {
        History h = history("ada");
        var web = h.site().owner().web();
        HttpResponse<String> page = web.get(h.site().networkPath("/discoveries?state=FAILED"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"run-filters\"").contains("<option value=\"FAILED\" selected=\"selected\">Failed</option>")
                .contains(RunView.domId(h.failed().get(0))).doesNotContain(RunView.domId(h.succeeded().get(0)))
                .contains(">rack-b</option>").contains("hx-push-url=\"true\"");
        HttpResponse<String> fragment = web.htmxGet(h.site().networkPath("/discoveries?trigger=MANUAL&daemon=" + h.rackA()));
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).contains("id=\"discovery-list\"").doesNotContain("<html").doesNotContain("id=\"run-filters\"")
                .contains(RunView.domId(h.succeeded().get(2))).doesNotContain(RunView.domId(h.timedOut()));
        // Paging keeps the filters in its links.
        for (int i = 0; i < DiscoveriesController.PAGE_SIZE; i++) {
            insertRun(h.site().organizationId(), h.site().networkId(), "CANCELLED", "MANUAL", (30 + i) + " minutes", null);
        }
        HttpResponse<String> first = web.get(h.site().networkPath("/discoveries?state=CANCELLED"));
        assertThat(first.body()).contains("state=CANCELLED&amp;page=2");
        HttpResponse<String> none = web.htmxGet(h.site().networkPath("/discoveries?state=RUNNING"));
        assertThat(none.body()).contains("id=\"discovery-none-match\"").doesNotContain("id=\"discovery-empty\"");
    }

    @Test
    void the_organization_history_lists_the_runs_of_every_network_the_member_may_see() {
        Site site = site("ada");
        UUID lab = new InventorySeed(dataSource).network(site.owner(), "Lab");
        UUID home = insertRun(site.organizationId(), site.networkId(), "SUCCEEDED", "MANUAL", "1 hour", null);
        UUID inLab = insertRun(site.organizationId(), lab, "FAILED", "API", "2 hours", null);
        var web = site.owner().web();
        HttpResponse<String> page = web.get(site.owner().org("/discoveries"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"run-history\"").contains("history-" + home).contains("history-" + inLab)
                .contains(">Lab</a>").contains(">Home network</a>").contains("id=\"run-network\"")
                .containsPattern("class=\"nav-link active\" href=\"/o/[^\"]+/discoveries\"");
        HttpResponse<String> onlyLab = web.htmxGet(site.owner().org("/discoveries?network=" + lab));
        assertThat(onlyLab.body()).contains("id=\"run-history\"").doesNotContain("<html").contains("history-" + inLab)
                .doesNotContain("history-" + home).doesNotContain("hx-trigger=\"every 2s\"");
        // An active run makes the list follow it.
        UUID active = queue(site);
        assertThat(web.htmxGet(site.owner().org("/discoveries")).body()).contains("history-" + active).contains("hx-trigger=\"every 2s\"");

        // A Member who may see only Lab sees only its runs, and 404 for a filter naming the other network.
        Accounts.Account member = signUp("otto");
        db.addMember(site.owner().slug(), member.email(), Role.MEMBER, lab);
        HttpResponse<String> theirs = member.web().get(site.owner().org("/discoveries"));
        assertThat(theirs.statusCode()).isEqualTo(200);
        assertThat(theirs.body()).contains("history-" + inLab).doesNotContain("history-" + home).doesNotContain("history-" + active)
                .doesNotContain(">Home network<");
        assertThat(member.web().get(site.owner().org("/discoveries?network=" + site.networkId())).statusCode()).isEqualTo(404);
    }

    @Test
    void empty_histories_say_so() {
        Accounts.Account owner = signUp("ada");
        HttpResponse<String> page = owner.web().get(owner.org("/discoveries"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"history-empty\"").contains("No discovery has run yet");
        assertThat(owner.web().get(owner.org("/discoveries?state=FAILED")).body()).contains("id=\"history-none-match\"");
        UUID network = db.networkId(owner.slug(), "Home network");
        JsonNode api = json(owner.web().getJson("/api/v1/networks/" + network + "/runs"));
        assertThat(api.get("total").asLong()).isZero();
        assertThat(api.get("items")).isEmpty();
    }

    @Test
    void other_organizations_and_members_without_the_network_get_404_on_every_new_route() {
        History h = history("ada");
        UUID run = h.failed().get(0);
        String n = "/api/v1/networks/" + h.site().networkId() + "/runs";
        Accounts.Account stranger = signUp("mallory");
        assertThat(stranger.web().getJson(n).statusCode()).isEqualTo(404);
        assertThat(stranger.web().getJson(n + "?state=bogus").statusCode()).as("visibility before parameters").isEqualTo(404);
        assertThat(stranger.web().getJson("/api/v1/runs/" + run).statusCode()).isEqualTo(404);
        assertThat(stranger.web().get(h.site().owner().org("/discoveries")).statusCode()).isEqualTo(404);
        assertThat(stranger.web().get(h.site().networkPath("/discoveries?state=FAILED")).statusCode()).isEqualTo(404);
        // Through the stranger's own organization: nothing of Ada's shows.
        HttpResponse<String> own = stranger.web().get(stranger.org("/discoveries?network=" + h.site().networkId()));
        assertThat(own.statusCode()).isEqualTo(404);
        assertThat(stranger.web().get(stranger.org("/discoveries")).body()).doesNotContain(run.toString());

        Accounts.Account member = signUp("otto");
        db.addMember(h.site().owner().slug(), member.email(), Role.MEMBER);
        assertThat(member.web().getJson(n).statusCode()).isEqualTo(404);
        assertThat(member.web().getJson("/api/v1/runs/" + run).statusCode()).isEqualTo(404);
        assertThat(member.web().get(h.site().networkPath("/discoveries?state=FAILED")).statusCode()).isEqualTo(404);
        assertThat(member.web().get(h.site().owner().org("/discoveries")).body()).doesNotContain(run.toString());
        db.grantNetwork(h.site().owner().slug(), member.email(), h.site().networkId());
        assertThat(member.web().getJson(n).statusCode()).isEqualTo(200);
        assertThat(member.web().getJson("/api/v1/runs/" + run).statusCode()).isEqualTo(200);
    }

    @Test
    void ports_probed_show_live_and_old_daemons_that_do_not_send_them_keep_working() {
        Site site = site("ada");
        BearerClient daemon = daemon(site.credential());
        UUID run = queue(site);
        claim(daemon);
        String path = "/api/daemon/v1/runs/" + run + "/progress";
        assertThat(daemon.send("POST", path, "{\"phase\":\"PORT_SCAN\",\"percent\":30,\"hostsFound\":2,\"portsProbed\":4096}").statusCode())
                .isEqualTo(200);
        assertThat(column("ports_probed", run)).isEqualTo(4096L);
        // An older daemon leaves the field out; a smaller count never lowers it.
        assertThat(progress(daemon, run, "PORT_SCAN", 35, 2).statusCode()).isEqualTo(200);
        assertThat(daemon.send("POST", path, "{\"phase\":\"PORT_SCAN\",\"percent\":36,\"hostsFound\":2,\"portsProbed\":100}").statusCode())
                .isEqualTo(200);
        assertThat(column("ports_probed", run)).isEqualTo(4096L);
        for (String bad : new String[] {"-1", "\"many\"", "99999999999999999", "[]"}) {
            HttpResponse<String> refused = daemon.send("POST", path, "{\"phase\":\"PORT_SCAN\",\"percent\":40,\"hostsFound\":2,\"portsProbed\":" + bad + "}");
            assertThat(refused.statusCode()).as(bad).isBetween(400, 422);
        }
        assertThat(column("percent", run)).as("nothing written by refused reports").isEqualTo(36);

        HttpResponse<String> progressRegion = site.owner().web().htmxGet(site.owner().org("/discoveries/" + run + "/progress"));
        assertThat(progressRegion.body()).contains("4,096").contains("ports probed").contains("hx-trigger=\"every 1s\"");
        assertThat(json(site.owner().web().getJson("/api/v1/runs/" + run)).get("portsProbed").asLong()).isEqualTo(4096);
        // The network page (its hosts tab) shows the active run's bar through its strip.
        assertThat(site.owner().web().get(site.networkPath("/hosts")).body()).contains("id=\"discovery-strip-box\"");
        HttpResponse<String> strip = site.owner().web().htmxGet(site.networkPath("/discoveries/latest"));
        assertThat(strip.body()).contains("class=\"progress-bar").contains("width:36%").contains("4,096").contains("every 1s");
    }

    @Test
    void a_completed_run_counts_what_it_found_and_shows_it_on_its_page() {
        Site site = site("ada");
        BearerClient daemon = daemon(site.credential());
        UUID run = queue(site);
        claim(daemon);
        String batch = """
                {"hosts": [{"ip": "127.0.0.1", "mac": null, "vendor": null, "hostname": "localhost",
                  "ports": [{"port": 22, "protocol": "tcp", "state": "open", "banner": "SSH-2.0-OpenSSH_9.6"},
                            {"port": 80, "protocol": "tcp", "state": "open", "banner": null}],
                  "services": [{"id": "openssh", "name": "OpenSSH", "category": "remote-access", "port": 22, "protocol": "tcp",
                                "confidence": 95, "reason": "banner matched", "version": "9.6"}],
                  "unidentifiedPorts": [80]}]}""";
        HttpResponse<String> sent = daemon.send("POST", "/api/daemon/v1/runs/" + run + "/batches/0", batch);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        HttpResponse<String> done = daemon.send("POST", "/api/daemon/v1/runs/" + run + "/complete",
                "{\"batches\":1,\"stats\":{\"hostsUp\":1,\"probes\":5000,\"open\":2},\"warnings\":[\"skipped 169.254.169.254\"]}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        JsonNode shown = json(site.owner().web().getJson("/api/v1/runs/" + run));
        assertThat(shown.get("hostsFound").asInt()).isEqualTo(1);
        assertThat(shown.get("portsProbed").asLong()).isEqualTo(5000);
        assertThat(shown.get("portsOpen").asInt()).isEqualTo(2);
        assertThat(shown.get("servicesFound").asInt()).isEqualTo(1);
        HttpResponse<String> page = site.owner().web().get(site.owner().org("/discoveries/" + run));
        assertThat(page.body()).contains("id=\"discovery-count-ports\">2<").contains("id=\"discovery-count-services\">1<")
                .contains("id=\"discovery-count-probed\">5,000<").contains("skipped 169.254.169.254");
        // Before completion the counts read "—".
        UUID other = queue(site);
        assertThat(site.owner().web().get(site.owner().org("/discoveries/" + other)).body()).contains("id=\"discovery-count-ports\">—<");
        assertThat(json(site.owner().web().getJson("/api/v1/runs/" + other)).get("portsOpen").isNull()).isTrue();
    }
}
