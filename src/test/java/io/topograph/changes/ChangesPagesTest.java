package io.topograph.changes;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.platform.tenancy.Role;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import io.topograph.support.BearerClient;
import io.topograph.support.TestDatabase;
import io.topograph.support.WebSession;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The What changed pages of a network and of an organization: filters, htmx, paging, acknowledgement, access. */
@MicronautTest
class ChangesPagesTest extends AppTest {

    @Inject
    DataSource dataSource;

    TestDatabase db;

    @BeforeEach
    void setUp() {
        db = new TestDatabase(dataSource);
    }

    record Org(Accounts.Account owner, UUID organizationId, UUID networkId) {
        String networkPage(String query) {
            return owner.org("/networks/" + networkId + "/changes" + query);
        }
    }

    Org org(String who) {
        Accounts.Account owner = signUp(who);
        UUID org = db.organizationId(owner.slug());
        UUID network = (UUID) db.column("select id from networks where organization_id = ? order by created_at limit 1", org).get(0);
        return new Org(owner, org, network);
    }

    UUID event(Org o, UUID network, ChangeKind kind, String host, String subject, String occurredAt) {
        UUID id = UUID.randomUUID();
        db.update("insert into change_events (id, organization_id, network_id, kind, host_name, subject, before_value, after_value, occurred_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, o.organizationId(), network, kind.name(), host, subject,
                kind == ChangeKind.HOST_CHANGED ? "old.example" : null, kind == ChangeKind.HOST_CHANGED ? "new.example" : null,
                Timestamp.from(Instant.parse(occurredAt)));
        return id;
    }

    UUID secondNetwork(Org o, String name) {
        HttpResponse<String> created = o.owner().web().json("POST", "/api/v1/networks", "{\"name\":\"" + name + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return UUID.fromString(BearerClient.json(created).get("id").asText());
    }

    boolean acknowledged(UUID change) {
        return (Boolean) db.column("select acknowledged_at is not null from change_events where id = ?", change).get(0);
    }

    @Test
    void a_new_network_shows_its_empty_what_changed_tab_and_the_organization_page_its_empty_state() {
        Org o = org("quiet");
        HttpResponse<String> page = o.owner().web().get(o.networkPage(""));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("What changed in").contains("id=\"network-tabs\"").contains("id=\"changes-empty\"")
                .contains("id=\"change-filters\"").doesNotContain("id=\"acknowledge-all\"");
        HttpResponse<String> orgPage = o.owner().web().get(o.owner().org("/changes"));
        assertThat(orgPage.statusCode()).isEqualTo(200);
        assertThat(orgPage.body()).contains("<h1 class=\"h3 mb-1\">What changed</h1>").contains("id=\"changes-empty\"");
    }

    @Test
    void the_network_tab_lists_changes_newest_first_and_htmx_gets_only_the_list_region_filtered_by_kind_and_time() {
        Org o = org("tab");
        event(o, o.networkId(), ChangeKind.HOST_APPEARED, "alpha", "127.0.0.5", "2026-11-01T10:00:00Z");
        event(o, o.networkId(), ChangeKind.PORT_OPENED, "alpha", "443/tcp", "2026-11-10T10:00:00Z");
        event(o, o.networkId(), ChangeKind.HOST_CHANGED, "beta", "Name", "2026-11-20T10:00:00Z");

        String full = o.owner().web().get(o.networkPage("")).body();
        assertThat(full).contains("<!DOCTYPE html>");
        String page = full.substring(full.indexOf("id=\"changes-table\""));
        assertThat(page).contains("Port opened").contains("Host appeared").contains("old.example → new.example");
        assertThat(page.indexOf("Host changed")).as("newest first").isLessThan(page.indexOf("Port opened"));
        assertThat(page.indexOf("Port opened")).isLessThan(page.indexOf("Host appeared"));

        HttpResponse<String> byKind = o.owner().web().htmxGet(o.networkPage("?kind=PORT_OPENED"));
        assertThat(byKind.statusCode()).isEqualTo(200);
        assertThat(byKind.body()).doesNotContain("<html").startsWith("<div id=\"changes-list\"").contains("443/tcp")
                .doesNotContain("data-kind=\"HOST_APPEARED\"").contains("<option value=\"PORT_OPENED\" selected=\"selected\">");

        String range = o.owner().web().htmxGet(o.networkPage("?since=2026-11-05&until=2026-11-10")).body();
        assertThat(range).as("until includes its whole day").contains("443/tcp").doesNotContain("data-kind=\"HOST_APPEARED\"")
                .doesNotContain("data-kind=\"HOST_CHANGED\"")
                .contains("value=\"2026-11-05\"").contains("value=\"2026-11-10\"");
        assertThat(o.owner().web().htmxGet(o.networkPage("?since=2026-11-21T00:00:00Z")).body()).contains("id=\"changes-none-matching\"");
    }

    @Test
    void the_list_is_paginated_and_the_pager_keeps_the_filters() {
        Org o = org("pages");
        for (int i = 0; i < 55; i++) {
            event(o, o.networkId(), ChangeKind.PORT_OPENED, "host-" + i, (1000 + i) + "/tcp", "2026-11-02T10:00:00Z");
        }
        event(o, o.networkId(), ChangeKind.HOST_APPEARED, "other", "127.0.0.9", "2026-11-02T10:00:00Z");
        String first = o.owner().web().get(o.networkPage("?kind=PORT_OPENED")).body();
        assertThat(first).contains("1 / 2").contains("?kind=PORT_OPENED&amp;page=2");
        String second = o.owner().web().htmxGet(o.networkPage("?kind=PORT_OPENED&page=2")).body();
        assertThat(second).contains("2 / 2");
        assertThat(second.split("class=\"change-row").length - 1).isEqualTo(5);
    }

    @Test
    void bad_filters_answer_400_with_the_reason_on_the_pages() {
        Org o = org("badfilter");
        for (String q : new String[] {"?since=yesterday", "?until=2026-13-40", "?kind=HOST_EXPLODED", "?acknowledged=maybe",
                "?page=0", "?size=1000", "?since=2026-11-10&until=2026-11-01", "?since=" + "9".repeat(50)}) {
            HttpResponse<String> page = o.owner().web().get(o.networkPage(q));
            assertThat(page.statusCode()).as(q).isEqualTo(400);
            assertThat(page.body()).as(q).containsAnyOf("invalid-feedback d-block", "id=\"change-paging-error\"").doesNotContain("Exception");
            assertThat(o.owner().web().htmxGet(o.owner().org("/changes" + q)).statusCode()).as(q).isEqualTo(400);
        }
        assertThat(o.owner().web().get(o.networkPage("?kind=HOST_EXPLODED")).body()).contains("Unknown kind of change");
    }

    @Test
    void acknowledging_one_change_with_htmx_redraws_its_row_and_without_javascript_redirects_back() {
        Org o = org("ack");
        UUID a = event(o, o.networkId(), ChangeKind.SERVICE_APPEARED, "alpha", "PostgreSQL", "2026-11-02T10:00:00Z");
        UUID b = event(o, o.networkId(), ChangeKind.SERVICE_DISAPPEARED, "alpha", "Redis", "2026-11-02T11:00:00Z");
        assertThat(o.owner().web().get(o.networkPage("")).body()).contains("action=\"/o/" + o.owner().slug() + "/changes/" + a + "/acknowledgement\"");

        HttpResponse<String> htmx = o.owner().web().htmxPost(o.owner().org("/changes/" + a + "/acknowledgement"),
                WebSession.form("back", "/o/" + o.owner().slug() + "/networks/" + o.networkId() + "/changes"));
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.body()).startsWith("<tr id=\"change-" + a + "\"").contains("Acknowledged").doesNotContain("<html");
        assertThat(htmx.headers().firstValue("HX-Trigger").orElse("")).contains("tg:changes-acknowledged");
        assertThat(acknowledged(a)).isTrue();
        assertThat(acknowledged(b)).isFalse();

        String back = "/o/" + o.owner().slug() + "/networks/" + o.networkId() + "/changes?kind=SERVICE_DISAPPEARED";
        HttpResponse<String> plain = o.owner().web().post(o.owner().org("/changes/" + b + "/acknowledgement"), WebSession.form("back", back));
        assertThat(plain.statusCode()).isEqualTo(303);
        assertThat(plain.headers().firstValue("Location").orElseThrow()).isEqualTo(back);
        assertThat(acknowledged(b)).isTrue();

        HttpResponse<String> elsewhere = o.owner().web().post(o.owner().org("/changes/" + b + "/acknowledgement"),
                WebSession.form("back", "https://evil.example/"));
        assertThat(elsewhere.headers().firstValue("Location").orElseThrow()).as("never leaves the organization")
                .isEqualTo("/o/" + o.owner().slug() + "/changes");

        String acknowledgedOnly = o.owner().web().htmxGet(o.networkPage("?acknowledged=true")).body();
        assertThat(acknowledgedOnly).contains("PostgreSQL").contains("Redis");
        assertThat(o.owner().web().htmxGet(o.networkPage("?acknowledged=false")).body()).contains("id=\"changes-none-matching\"");
    }

    @Test
    void acknowledge_all_acknowledges_exactly_the_changes_matching_the_filters() {
        Org o = org("ackall");
        UUID lab = secondNetwork(o, "Lab");
        UUID opened = event(o, o.networkId(), ChangeKind.PORT_OPENED, "alpha", "22/tcp", "2026-11-02T10:00:00Z");
        UUID openedLater = event(o, o.networkId(), ChangeKind.PORT_OPENED, "alpha", "80/tcp", "2026-11-12T10:00:00Z");
        UUID appeared = event(o, o.networkId(), ChangeKind.HOST_APPEARED, "alpha", "127.0.0.1", "2026-11-02T10:00:00Z");
        UUID inLab = event(o, lab, ChangeKind.PORT_OPENED, "lab-1", "22/tcp", "2026-11-02T10:00:00Z");

        HttpResponse<String> htmx = o.owner().web().htmxPost(o.owner().org("/changes/acknowledgement"), WebSession.form(
                "network", o.networkId().toString(), "kind", "PORT_OPENED", "since", "2026-11-01", "until", "2026-11-05", "back", ""));
        assertThat(htmx.statusCode()).as(htmx.body()).isEqualTo(200);
        assertThat(htmx.body()).startsWith("<div id=\"changes-list\"");
        assertThat(htmx.headers().firstValue("HX-Trigger").orElse("")).contains("1 change acknowledged.");
        assertThat(acknowledged(opened)).isTrue();
        assertThat(acknowledged(openedLater)).isFalse();
        assertThat(acknowledged(appeared)).isFalse();
        assertThat(acknowledged(inLab)).as("another network").isFalse();

        HttpResponse<String> everywhere = o.owner().web().post(o.owner().org("/changes/acknowledgement"),
                WebSession.form("kind", "PORT_OPENED", "back", "/o/" + o.owner().slug() + "/changes?kind=PORT_OPENED"));
        assertThat(everywhere.statusCode()).isEqualTo(303);
        assertThat(everywhere.headers().firstValue("Location").orElseThrow()).endsWith("/changes?kind=PORT_OPENED");
        assertThat(acknowledged(openedLater)).isTrue();
        assertThat(acknowledged(inLab)).isTrue();
        assertThat(acknowledged(appeared)).isFalse();

        HttpResponse<String> bad = o.owner().web().post(o.owner().org("/changes/acknowledgement"), WebSession.form("kind", "NOPE"));
        assertThat(bad.statusCode()).isEqualTo(422);
        HttpResponse<String> badNetwork = o.owner().web().post(o.owner().org("/changes/acknowledgement"), WebSession.form("network", "x"));
        assertThat(badNetwork.statusCode()).isEqualTo(422);
        assertThat(acknowledged(appeared)).as("nothing written on bad input").isFalse();
    }

    @Test
    void the_organization_page_shows_every_visible_network_with_its_name_and_a_nav_entry() {
        Org o = org("orgwide");
        UUID lab = secondNetwork(o, "Lab");
        event(o, o.networkId(), ChangeKind.HOST_APPEARED, "home-host", "127.0.0.1", "2026-11-02T10:00:00Z");
        event(o, lab, ChangeKind.HOST_DISAPPEARED, "lab-host", "127.0.0.2", "2026-11-03T10:00:00Z");
        String page = o.owner().web().get(o.owner().org("/changes")).body();
        assertThat(page).contains("home-host").contains("lab-host").contains(">Lab</a>")
                .contains("href=\"/o/" + o.owner().slug() + "/changes\"");

        Accounts.Account member = signUp("labonly");
        db.addMember(o.owner().slug(), member.email(), Role.MEMBER, lab);
        String mine = member.web().get("/o/" + o.owner().slug() + "/changes").body();
        assertThat(mine).contains("lab-host").doesNotContain("home-host");
    }

    @Test
    void a_viewer_reads_changes_but_cannot_acknowledge_them() {
        Org o = org("viewed");
        UUID change = event(o, o.networkId(), ChangeKind.PORT_CLOSED, "alpha", "23/tcp", "2026-11-02T10:00:00Z");
        Accounts.Account viewer = signUp("viewer");
        db.addMember(o.owner().slug(), viewer.email(), Role.VIEWER, o.networkId());
        HttpResponse<String> page = viewer.web().get("/o/" + o.owner().slug() + "/networks/" + o.networkId() + "/changes");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("23/tcp").doesNotContain("/acknowledgement\"").doesNotContain("id=\"acknowledge-all\"");
        assertThat(viewer.web().post("/o/" + o.owner().slug() + "/changes/" + change + "/acknowledgement", WebSession.form()).statusCode())
                .isEqualTo(403);
        assertThat(viewer.web().post("/o/" + o.owner().slug() + "/changes/acknowledgement", WebSession.form()).statusCode()).isEqualTo(403);
        assertThat(viewer.web().json("POST", "/api/v1/changes/" + change + "/acknowledgement", "").statusCode()).isEqualTo(403);
        assertThat(acknowledged(change)).isFalse();
    }

    @Test
    void another_organization_and_a_member_without_the_network_get_404_on_every_route() {
        Org o = org("private");
        UUID change = event(o, o.networkId(), ChangeKind.HOST_APPEARED, "secret-host", "127.0.0.1", "2026-11-02T10:00:00Z");
        Accounts.Account stranger = signUp("stranger");
        WebSession s = stranger.web();
        String slug = o.owner().slug();
        assertThat(s.get("/o/" + slug + "/networks/" + o.networkId() + "/changes").statusCode()).isEqualTo(404);
        assertThat(s.get("/o/" + slug + "/changes").statusCode()).isEqualTo(404);
        assertThat(s.post("/o/" + slug + "/changes/" + change + "/acknowledgement", WebSession.form()).statusCode()).isEqualTo(404);
        assertThat(s.post("/o/" + slug + "/changes/acknowledgement", WebSession.form()).statusCode()).isEqualTo(404);
        // Through the stranger's own organization: the ids are not found there either.
        assertThat(s.get(stranger.org("/networks/" + o.networkId() + "/changes")).statusCode()).isEqualTo(404);
        assertThat(s.post(stranger.org("/changes/" + change + "/acknowledgement"), WebSession.form()).statusCode()).isEqualTo(404);
        assertThat(s.post(stranger.org("/changes/acknowledgement"), WebSession.form("network", o.networkId().toString())).statusCode())
                .isEqualTo(404);
        assertThat(s.getJson("/api/v1/networks/" + o.networkId() + "/changes").statusCode()).isEqualTo(404);
        assertThat(s.getJson("/api/v1/changes/" + change).statusCode()).isEqualTo(404);
        assertThat(s.json("POST", "/api/v1/changes/" + change + "/acknowledgement", "").statusCode()).isEqualTo(404);
        assertThat(s.get(stranger.org("/changes")).body()).doesNotContain("secret-host");

        UUID lab = secondNetwork(o, "Lab");
        Accounts.Account member = signUp("member");
        db.addMember(slug, member.email(), Role.MEMBER, lab);
        WebSession m = member.web();
        assertThat(m.get("/o/" + slug + "/networks/" + o.networkId() + "/changes").statusCode()).isEqualTo(404);
        assertThat(m.post("/o/" + slug + "/changes/" + change + "/acknowledgement", WebSession.form()).statusCode()).isEqualTo(404);
        assertThat(m.post("/o/" + slug + "/changes/acknowledgement", WebSession.form("network", o.networkId().toString())).statusCode())
                .isEqualTo(404);
        assertThat(acknowledged(change)).isFalse();
    }
}
