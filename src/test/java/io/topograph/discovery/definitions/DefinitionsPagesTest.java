package io.topograph.discovery.definitions;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.platform.tenancy.Role;
import io.topograph.support.Accounts;
import io.topograph.support.WebSession;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class DefinitionsPagesTest extends DefinitionsTestBase {

    private static Map<String, String> form(String... overrides) {
        Map<String, String> f = WebSession.form("name", "Nightly", "daemonId", "", "targets", "127.0.0.0/29", "exclude", "",
                "ports", "top100", "customPorts", "", "schedule", "cron", "cron", "30 2 * * *", "timezone", "Europe/Berlin",
                "intervalValue", "6", "intervalUnit", "hours", "enabled", "on", "udp", "on");
        for (int i = 0; i < overrides.length; i += 2) {
            f.put(overrides[i], overrides[i + 1]);
        }
        return f;
    }

    @Test
    void the_schedules_tab_lists_definitions_with_their_next_run() {
        Site site = site("ada");
        create(site, "{\"name\":\"Office weekly\",\"cron\":\"0 3 * * 1\",\"timezone\":\"Europe/Berlin\"}");
        HttpResponse<String> page = site.owner().web().get(site.page(""));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Scheduled discovery in", "Office weekly", "cron 0 3 * * 1 (Europe/Berlin)", "id=\"definition-form\"",
                "Schedules", "never");
        assertThat(page.body()).containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC");
        HttpResponse<String> fragment = site.owner().web().htmxGet(site.page(""));
        assertThat(fragment.body()).contains("id=\"definition-list\"", "Office weekly").doesNotContain("<html");
    }

    @Test
    void creating_without_javascript_answers_303_and_with_htmx_the_list() {
        Site site = site("bea");
        HttpResponse<String> plain = site.owner().web().post(site.page(""), form());
        assertThat(plain.statusCode()).isEqualTo(303);
        assertThat(plain.headers().firstValue("Location")).hasValue(site.page(""));
        HttpResponse<String> htmx = site.owner().web().htmxPost(site.page(""), form("name", "Every six hours", "schedule", "interval"));
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.body()).contains("id=\"definition-list\"", "Every six hours", "every 6 hours");
        assertThat(db.column("select interval_seconds from discovery_definitions where organization_id = ? and name = ?",
                site.organizationId(), "Every six hours")).containsExactly(21600);
        assertThat(definitions(site)).isEqualTo(2);
    }

    @Test
    void a_bad_cron_or_cidr_is_explained_next_to_the_field_and_nothing_is_written() {
        Site site = site("cid");
        HttpResponse<String> badCron = site.owner().web().htmxPost(site.page(""), form("cron", "0 2 * *"));
        assertThat(badCron.statusCode()).isEqualTo(422);
        assertThat(badCron.headers().firstValue("HX-Retarget")).hasValue("#definition-form");
        assertThat(badCron.body()).contains("id=\"definition-form\"", "A cron expression has five fields");
        HttpResponse<String> badCidr = site.owner().web().post(site.page(""), form("targets", "10.0.0.0/40"));
        assertThat(badCidr.statusCode()).isEqualTo(422);
        assertThat(badCidr.body()).contains("invalid-feedback", "Scheduled discovery in");
        HttpResponse<String> badInterval = site.owner().web().post(site.page(""), form("schedule", "interval", "intervalValue", "2",
                "intervalUnit", "minutes"));
        assertThat(badInterval.statusCode()).isEqualTo(422);
        assertThat(badInterval.body()).contains("at most every 5 minutes");
        HttpResponse<String> empty = site.owner().web().post(site.page(""), form("name", ""));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(definitions(site)).isZero();
    }

    @Test
    void edit_disable_enable_run_now_and_delete() {
        Site site = site("dan");
        UUID id = create(site, "{\"name\":\"Lab\",\"targets\":[\"127.0.0.1\"],\"cron\":\"0 3 * * *\"}");
        WebSession web = site.owner().web();
        HttpResponse<String> edit = web.get(site.page("/" + id + "/edit"));
        assertThat(edit.statusCode()).isEqualTo(200);
        assertThat(edit.body()).contains("Edit discovery definition", "value=\"Lab\"", "0 3 * * *");
        HttpResponse<String> bad = web.htmxPost(site.page("/" + id), form("name", "Lab", "cron", "0 3 31 2 *"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("never matches a real date");
        HttpResponse<String> saved = web.post(site.page("/" + id), form("name", "Lab 2", "targets", "127.0.0.2"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(db.column("select name from discovery_definitions where id = ?", id)).containsExactly("Lab 2");
        HttpResponse<String> htmxSaved = web.htmxPost(site.page("/" + id), form("name", "Lab 3", "targets", "127.0.0.2"));
        assertThat(htmxSaved.headers().firstValue("HX-Redirect")).hasValue(site.page(""));

        HttpResponse<String> off = web.htmxPost(site.page("/" + id + "/enablement"), WebSession.form("enabled", "false"));
        assertThat(off.statusCode()).isEqualTo(200);
        assertThat(off.body()).contains("id=\"definition-" + id + "\"", "disabled", "Enable");
        assertThat(triggers(id)).isZero();
        assertThat(web.post(site.page("/" + id + "/enablement"), WebSession.form("enabled", "true")).statusCode()).isEqualTo(303);
        assertThat(triggers(id)).isEqualTo(1);

        HttpResponse<String> run = web.post(site.page("/" + id + "/runs"), WebSession.form());
        assertThat(run.statusCode()).isEqualTo(303);
        assertThat(run.headers().firstValue("Location").orElseThrow()).contains("/discoveries/");
        HttpResponse<String> htmxRun = web.htmxPost(site.page("/" + id + "/runs"), WebSession.form());
        assertThat(htmxRun.body()).contains("QUEUED");
        assertThat(db.count("select count(*) from discovery_runs where definition_id = ? and trigger = 'MANUAL'", id)).isEqualTo(2);

        HttpResponse<String> deleted = web.htmxPost(site.page("/" + id + "/delete"), WebSession.form());
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(deleted.body()).contains("id=\"definition-list\"").doesNotContain("Lab 3");
        assertThat(definitions(site)).isZero();
        assertThat(triggers(id)).isZero();
        assertThat(db.count("select count(*) from discovery_runs where organization_id = ?", site.organizationId()))
                .as("runs stay in the history").isEqualTo(2);
    }

    @Test
    void run_now_explains_why_a_definition_cannot_run() {
        Site site = site("eve");
        UUID id = create(site, "{\"name\":\"Pinned\",\"daemonId\":\"" + site.daemonId() + "\",\"targets\":[\"127.0.0.1\"]}");
        db.update("update daemons set disabled = true where id = ?", site.daemonId());
        HttpResponse<String> r = site.owner().web().post(site.page("/" + id + "/runs"), WebSession.form());
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body()).contains("is disabled");
        db.update("delete from daemons where id = ?", site.daemonId());
        HttpResponse<String> page = site.owner().web().get(site.page(""));
        assertThat(page.body()).contains("Pinned", "deleted daemon");
        assertThat(definitions(site)).as("a deleted daemon does not take its definitions with it").isEqualTo(1);
    }

    @Test
    void a_viewer_sees_the_list_but_cannot_change_anything() {
        Site site = site("fay");
        UUID id = create(site, "{\"name\":\"Read only\",\"cron\":\"0 3 * * *\"}");
        Accounts.Account viewer = signUp("vic");
        db.addMember(site.owner().slug(), viewer.email(), Role.VIEWER, site.networkId());
        WebSession web = viewer.web();
        HttpResponse<String> page = web.get(site.page(""));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Read only").doesNotContain("id=\"definition-form\"", "Run now");
        assertThat(web.post(site.page(""), form()).statusCode()).isEqualTo(403);
        assertThat(web.get(site.page("/" + id + "/edit")).statusCode()).isEqualTo(403);
        assertThat(web.post(site.page("/" + id), form()).statusCode()).isEqualTo(403);
        assertThat(web.post(site.page("/" + id + "/enablement"), WebSession.form("enabled", "false")).statusCode()).isEqualTo(403);
        assertThat(web.post(site.page("/" + id + "/runs"), WebSession.form()).statusCode()).isEqualTo(403);
        assertThat(web.post(site.page("/" + id + "/delete"), WebSession.form()).statusCode()).isEqualTo(403);
        assertThat(definitions(site)).isEqualTo(1);
        assertThat(triggers(id)).isEqualTo(1);
    }

    @Test
    void other_organizations_and_members_without_access_get_404() {
        Site site = site("gus");
        UUID id = create(site, "{\"name\":\"Secret\",\"cron\":\"0 3 * * *\"}");
        Site other = site("hal");
        WebSession web = other.owner().web();
        String foreign = "/o/" + site.owner().slug() + "/networks/" + site.networkId() + "/discovery-definitions";
        assertThat(web.get(foreign).statusCode()).isEqualTo(404);
        assertThat(web.get(foreign + "/" + id + "/edit").statusCode()).isEqualTo(404);
        assertThat(web.post(foreign, form()).statusCode()).isEqualTo(404);
        // Its own organization and network, the other organization's definition id.
        assertThat(web.get(other.page("/" + id + "/edit")).statusCode()).isEqualTo(404);
        assertThat(web.post(other.page("/" + id), form()).statusCode()).isEqualTo(404);
        assertThat(web.post(other.page("/" + id + "/runs"), WebSession.form()).statusCode()).isEqualTo(404);
        assertThat(web.post(other.page("/" + id + "/delete"), WebSession.form()).statusCode()).isEqualTo(404);
        assertThat(web.post(other.page("/" + id + "/enablement"), WebSession.form("enabled", "false")).statusCode()).isEqualTo(404);

        // A Member of the organization without access to the network.
        Accounts.Account member = signUp("mia");
        db.addMember(site.owner().slug(), member.email(), Role.MEMBER);
        assertThat(member.web().get(site.page("")).statusCode()).isEqualTo(404);
        assertThat(member.web().post(site.page("/" + id + "/delete"), WebSession.form()).statusCode()).isEqualTo(404);
        assertThat(definitions(site)).isEqualTo(1);
        assertThat(triggers(id)).isEqualTo(1);
    }
}
