package io.topograph.services;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.platform.tenancy.Role;
import io.topograph.support.Accounts;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static io.topograph.support.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class ServiceCatalogPagesTest extends DefinitionsTestBase {

    @Test
    void a_new_organization_is_told_what_custom_definitions_do_with_an_example() {
        Accounts.Account owner = signUp("ada");
        HttpResponse<String> page = owner.web().get(owner.org("/services"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Service catalog · Topograph</title>").contains("id=\"definitions-empty\"")
                .contains("No definitions of your own yet.").contains("<code>acme-portal</code>")
                .contains("match them before the built-in catalog")
                .contains("id=\"definition-form\"").contains("name=\"match\"").contains("<option value=\"database\">database</option>")
                .contains("id=\"rule-help\"").contains("ACME FTP").contains("Ubiquiti")
                // the navigation links here, and marks it as the current section
                .containsPattern("class=\"nav-link active\" href=\"/o/" + owner.slug() + "/services\">Service catalog</a>")
                .contains("href=\"/o/" + owner.slug() + "/services/catalog\"");
    }

    @Test
    void adding_a_definition_with_htmx_returns_the_list_a_fresh_form_and_a_toast() {
        Accounts.Account owner = signUp("ada");
        HttpResponse<String> r = owner.web().htmxPost(owner.org("/services/definitions"),
                with(fields("acme-portal", "ACME portal", "web-server", ACME_RULE), "priority", "5"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("<html").contains("id=\"definition-list\"").contains(">ACME portal<")
                .contains(">acme-portal<").contains("TCP port 8443").contains("HTTP page title matches /ACME/")
                .contains("Enabled")
                // a fresh, empty form replaces the one that was submitted
                .contains("id=\"definition-form-box\" hx-swap-oob=\"true\"").doesNotContain("value=\"acme-portal\"");
        assertThat(r.headers().firstValue("HX-Trigger").orElseThrow()).contains("tg:service-definitions-changed").contains("ACME portal");
        assertThat(seed.string("select key || '|' || name || '|' || category || '|' || icon || '|' || priority || '|' || enabled"
                + " from service_definitions where organization_id = ?", seed.orgId(owner)))
                .isEqualTo("acme-portal|ACME portal|web-server|globe|5|true");
        assertThat(seed.count("select count(*) from service_definitions where organization_id = ? and match = ?::jsonb",
                seed.orgId(owner), ACME_RULE)).isEqualTo(1);
        assertThat(seed.count("select count(*) from service_definitions d join users u on u.id = d.created_by"
                + " where d.organization_id = ? and u.email = ?", seed.orgId(owner), owner.email())).isEqualTo(1);
        assertThat(owner.web().htmxGet(owner.org("/services")).body()).startsWith("<div").contains("id=\"definition-list\"")
                .contains(">ACME portal<").doesNotContain("hx-swap-oob");
    }

    @Test
    void adding_a_definition_without_javascript_redirects_to_the_list_with_a_message() {
        Accounts.Account owner = signUp("ada");
        HttpResponse<String> r = owner.web().post(owner.org("/services/definitions"),
                fields("nas-ui", "NAS admin", "storage", "{\"all\": [{\"macVendor\": \"Synology\"}, {\"ports\": [5000]}]}"));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location").orElseThrow()).isEqualTo(owner.org("/services"));
        String page = owner.web().get(owner.org("/services")).body();
        assertThat(page).contains("Definition “NAS admin” added. Daemons use it from their next run.")
                .contains(">NAS admin<").contains("all of:").contains("MAC address vendor matches /Synology/").contains("TCP port 5000")
                .doesNotContain("id=\"definitions-empty\"");
        // An empty icon takes the category's icon from the built-in catalog.
        assertThat(seed.string("select icon from service_definitions where organization_id = ?", seed.orgId(owner))).isEqualTo("hard-drive");
    }

    @Test
    void bad_definitions_are_explained_on_their_field_with_422_and_nothing_is_written() {
        Accounts.Account owner = signUp("ada");
        definition(owner, "acme-portal", "ACME portal", ACME_RULE);
        Map<String, String> good = fields("acme-admin", "ACME admin", "web-server", "{\"httpTitle\": \"ACME Admin\"}");
        Object[][] cases = {
                {with(good, "match", "{\"httpTitle\": \"ACME\""), "match", "This is not valid JSON (line 1"},
                {with(good, "match", "{\"httpTitle\": \"ACME\", \"httpTitle\": \"B\"}"), "match", "This is not valid JSON"},
                {with(good, "match", "[{\"ports\": [80]}]"), "match", "The rule must be a JSON object"},
                {with(good, "match", "{\"htmlTitle\": \"ACME\"}"), "match", "Unknown rule \"htmlTitle\"."},
                {with(good, "match", "{\"httpGet\": {\"path\": \"/v\", \"status\": 200, \"colour\": 1}}"), "match", "Unknown \"httpGet\" field \"colour\"."},
                {with(good, "match", "{\"banner\": \"^ACME (\"}"), "match", "Bad pattern /^ACME (/"},
                {with(good, "match", "{\"macVendor\": \"ACME\"}"), "match", "a MAC vendor alone cannot claim a port"},
                {with(good, "match", "{\"ports\": [70000]}"), "match", "needs port numbers 1-65535"},
                {with(good, "match", ""), "match", "This field is required"},
                {with(good, "match", "{\"ports\": [" + "1,".repeat(5000) + "1]}"), "match", "Use at most 10000 characters"},
                {with(good, "key", "acme-portal"), "key", "A definition with this key already exists."},
                {with(good, "key", "postgresql"), "key", "is the key of the built-in definition PostgreSQL"},
                {with(good, "key", "ACME Admin"), "key", "Use 1–64 lower-case letters"},
                {with(good, "key", "a".repeat(65)), "key", "Use 1–64 lower-case letters"},
                {with(good, "key", ""), "key", "This field is required."},
                {with(good, "name", "  "), "name", "This field is required."},
                {with(good, "name", "n".repeat(81)), "name", "Use at most 80 characters (this has 81)."},
                {with(good, "description", "d".repeat(501)), "description", "Use at most 500 characters (this has 501)."},
                {with(good, "category", "made-up"), "category", "Choose one of the categories of the built-in catalog."},
                {with(good, "icon", "Not An Icon!"), "icon", "Use an icon name"},
                {with(good, "priority", "101"), "priority", "Use a whole number from -100 to 100."},
                {with(good, "priority", "high"), "priority", "Use a whole number from -100 to 100."},
        };
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked") Map<String, String> submitted = (Map<String, String>) c[0];
            String message = (String) c[2];
            HttpResponse<String> htmx = owner.web().htmxPost(owner.org("/services/definitions"), submitted);
            assertThat(htmx.statusCode()).as(message).isEqualTo(422);
            assertThat(htmx.headers().firstValue("HX-Retarget").orElseThrow()).isEqualTo("#definition-form");
            assertThat(htmx.body()).as(message).startsWith("<form").contains("id=\"definition-form\"").doesNotContain("<html");
            assertThat(fieldError(htmx.body(), (String) c[1])).as(message).contains(message.replace("\"", "&quot;"));
            HttpResponse<String> plain = owner.web().post(owner.org("/services/definitions"), submitted);
            assertThat(plain.statusCode()).as(message).isEqualTo(422);
            assertThat(plain.body()).contains("<html").contains(message.replace("\"", "&quot;"));
        }
        assertThat(definitionCount(owner)).isEqualTo(1);
    }

    /** The text of the invalid-feedback element that follows the named field. */
    private static String fieldError(String html, String field) {
        int at = html.indexOf("name=\"" + field + "\"");
        assertThat(at).as("field " + field).isPositive();
        int feedback = html.indexOf("invalid-feedback", at);
        assertThat(feedback).as("error after " + field).isPositive();
        return html.substring(feedback, html.indexOf("</div>", feedback));
    }

    @Test
    void editing_inline_swaps_the_row_and_a_bad_rule_keeps_the_edit_form() {
        Accounts.Account owner = signUp("ada");
        String id = definition(owner, "acme-portal", "ACME portal", ACME_RULE);
        HttpResponse<String> edit = owner.web().htmxGet(owner.org("/services/definitions/" + id + "/edit"));
        assertThat(edit.statusCode()).isEqualTo(200);
        assertThat(edit.body()).startsWith("<tr").contains("id=\"definition-" + id + "\"").contains("value=\"acme-portal\"")
                .contains("&quot;httpTitle&quot; : &quot;ACME&quot;").contains("id=\"edit-" + id + "-match\"");
        assertThat(owner.web().get(owner.org("/services/definitions/" + id + "/edit")).body()).contains("<html")
                .contains("id=\"definition-edit-form\"").contains("value=\"ACME portal\"").contains("id=\"rule-help\"");

        HttpResponse<String> bad = owner.web().htmxPost(owner.org("/services/definitions/" + id),
                fields("acme-portal", "ACME portal", "web-server", "{\"httpTitle\": \"ACME[\"}"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).startsWith("<tr").contains("<form").contains("Bad pattern /ACME[/");
        assertThat(seed.string("select match::text from service_definitions where id = ?::uuid", id)).contains("8443");

        HttpResponse<String> saved = owner.web().htmxPost(owner.org("/services/definitions/" + id),
                with(fields("acme-portal-v2", "ACME portal 2", "web-server", "{\"httpHeader\": \"X-Acme\"}"), "description", "New edition"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).startsWith("<tr").contains(">ACME portal 2<").contains("HTTP header X-Acme is present")
                .contains("New edition").doesNotContain("<form method=\"post\" action=\"/o/" + owner.slug() + "/services/definitions/" + id + "\"");
        assertThat(saved.headers().firstValue("HX-Trigger").orElseThrow()).contains("tg:service-definitions-changed");
        assertThat(seed.string("select key || '|' || match::text from service_definitions where id = ?::uuid", id))
                .isEqualTo("acme-portal-v2|{\"httpHeader\": \"X-Acme\"}");
        assertThat(owner.web().htmxGet(owner.org("/services/definitions/" + id + "/row")).body()).startsWith("<tr").contains(">ACME portal 2<");

        HttpResponse<String> plain = owner.web().post(owner.org("/services/definitions/" + id),
                fields("acme-portal-v2", "ACME portal 3", "web-server", "{\"httpHeader\": \"X-Acme\"}"));
        assertThat(plain.statusCode()).isEqualTo(303);
        assertThat(owner.web().get(owner.org("/services")).body()).contains("Definition “ACME portal 3” saved.");
        // An unticked "enabled" box (nothing sent) disables it.
        assertThat(seed.string("select enabled::text from service_definitions where id = ?::uuid", id)).isEqualTo("true");
        Map<String, String> unticked = fields("acme-portal-v2", "ACME portal 3", "web-server", "{\"httpHeader\": \"X-Acme\"}");
        unticked.remove("enabled");
        assertThat(owner.web().post(owner.org("/services/definitions/" + id), unticked).statusCode()).isEqualTo(303);
        assertThat(seed.string("select enabled::text from service_definitions where id = ?::uuid", id)).isEqualTo("false");
    }

    @Test
    void a_definition_is_disabled_and_enabled_again_from_its_row() {
        Accounts.Account owner = signUp("ada");
        String id = definition(owner, "acme-portal", "ACME portal", ACME_RULE);
        HttpResponse<String> off = owner.web().htmxPost(owner.org("/services/definitions/" + id + "/enablement"), form("enabled", "false"));
        assertThat(off.statusCode()).isEqualTo(200);
        assertThat(off.body()).startsWith("<tr").contains("Disabled").contains("name=\"enabled\" value=\"true\"").contains(">Enable<");
        assertThat(off.headers().firstValue("HX-Trigger").orElseThrow()).contains("no longer receive it");
        assertThat(seed.string("select enabled::text from service_definitions where id = ?::uuid", id)).isEqualTo("false");
        HttpResponse<String> on = owner.web().post(owner.org("/services/definitions/" + id + "/enablement"), form("enabled", "true"));
        assertThat(on.statusCode()).isEqualTo(303);
        assertThat(seed.string("select enabled::text from service_definitions where id = ?::uuid", id)).isEqualTo("true");
        HttpResponse<String> nonsense = owner.web().htmxPost(owner.org("/services/definitions/" + id + "/enablement"), form("enabled", "maybe"));
        assertThat(nonsense.statusCode()).isEqualTo(422);
        assertThat(seed.string("select enabled::text from service_definitions where id = ?::uuid", id)).isEqualTo("true");
    }

    @Test
    void deleting_a_definition_asks_first_then_removes_it() {
        Accounts.Account owner = signUp("ada");
        String a = definition(owner, "acme-a", "ACME A", "{\"ports\": [9001]}");
        String b = definition(owner, "acme-b", "ACME B", "{\"ports\": [9002]}");
        assertThat(owner.web().get(owner.org("/services")).body())
                .contains("hx-confirm=\"Delete the definition ACME A? Daemons stop using it from their next scan.\"");
        HttpResponse<String> confirm = owner.web().get(owner.org("/services/definitions/" + a + "/delete"));
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Delete <span>ACME A</span>?").contains("cannot be undone");
        HttpResponse<String> htmx = owner.web().htmxPost(owner.org("/services/definitions/" + a + "/delete"), form());
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.body()).isEmpty();
        assertThat(htmx.headers().firstValue("HX-Trigger").orElseThrow()).contains("ACME A");
        HttpResponse<String> plain = owner.web().post(owner.org("/services/definitions/" + b + "/delete"), form());
        assertThat(plain.statusCode()).isEqualTo(303);
        assertThat(owner.web().get(owner.org("/services")).body()).contains("Definition “ACME B” deleted.").contains("id=\"definitions-empty\"");
        assertThat(definitionCount(owner)).isZero();
        assertThat(owner.web().htmxPost(owner.org("/services/definitions/" + a + "/delete"), form()).statusCode()).isEqualTo(404);
    }

    @Test
    void the_built_in_catalog_is_searched_by_name_category_and_port_and_paged() {
        Accounts.Account owner = signUp("ada");
        HttpResponse<String> page = owner.web().get(owner.org("/services/catalog"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Built-in catalog · Topograph</title>").contains("id=\"catalog-search\"")
                .contains("id=\"catalog-results\"").contains("class=\"nav-link active\" id=\"tab-catalog\"")
                .containsPattern("Showing <span>1</span>–<span>25</span>\\s+of <span>4\\d\\d</span>");
        assertThat(page.body().split("<tr id=\"catalog-", -1)).hasSize(26);

        HttpResponse<String> postgres = owner.web().htmxGet(owner.org("/services/catalog?q=postgres"));
        assertThat(postgres.statusCode()).isEqualTo(200);
        assertThat(postgres.body()).startsWith("<div").contains("id=\"catalog-results\"").doesNotContain("<html");
        // The name match comes first, with its rule in words.
        assertThat(postgres.body().indexOf("id=\"catalog-postgresql\"")).isPositive()
                .isLessThan(postgres.body().indexOf("id=\"catalog-pgbouncer\""));
        assertThat(postgres.body()).contains(">PostgreSQL<").contains("any of:").contains("TCP port 5432");

        assertThat(owner.web().htmxGet(owner.org("/services/catalog?q=5432")).body()).contains("id=\"catalog-postgresql\"")
                .doesNotContain("id=\"catalog-mysql\"");
        String printers = owner.web().htmxGet(owner.org("/services/catalog?category=printer")).body();
        assertThat(printers).contains("id=\"catalog-ipp\"").doesNotContain("id=\"catalog-postgresql\"")
                .doesNotContainPattern(">(database|web-server|remote-access)</span>");
        assertThat(owner.web().htmxGet(owner.org("/services/catalog?q=no-such-thing-xyz")).body()).contains("id=\"catalog-empty\"")
                .contains("No built-in definition matches <strong>no-such-thing-xyz</strong>");

        String second = owner.web().htmxGet(owner.org("/services/catalog?page=2")).body();
        assertThat(second).contains("Showing <span>26</span>–<span>50</span>").contains("hx-get=\"/o/" + owner.slug() + "/services/catalog?page=3\"");
        assertThat(owner.web().get(owner.org("/services/catalog?q=postgres&category=database&page=abc")).body())
                .contains("value=\"postgres\"").contains("<option value=\"database\" selected=\"selected\">database</option>")
                .contains("id=\"catalog-postgresql\"");
        assertThat(owner.web().get(owner.org("/services/catalog?category=unknown&page=999")).statusCode()).isEqualTo(200);
    }

    @Test
    void a_built_in_definition_is_adapted_into_one_of_your_own() {
        Accounts.Account owner = signUp("ada");
        assertThat(owner.web().htmxGet(owner.org("/services/catalog?q=postgres")).body())
                .contains("href=\"/o/" + owner.slug() + "/services?from=postgresql#definition-form\"");
        String page = owner.web().get(owner.org("/services?from=postgresql")).body();
        assertThat(page).contains("id=\"new-key\" name=\"key\" value=\"my-postgresql\"").contains("value=\"PostgreSQL\"")
                .contains("<option value=\"database\" selected=\"selected\">database</option>").contains("&quot;ports&quot; : [ 5432 ]");
        assertThat(owner.web().get(owner.org("/services?from=no-such-id")).body()).contains("id=\"new-key\" name=\"key\" value=\"\"");
        // What the form holds is accepted as is, with a port of this site added.
        String match = page.substring(page.indexOf("id=\"new-match\""));
        match = match.substring(match.indexOf('>') + 1, match.indexOf("</textarea>")).replace("&quot;", "\"").replace("&amp;", "&")
                .replace("&lt;", "<").replace("&gt;", ">").replace("[ 5432 ]", "[ 5432, 15432 ]");
        HttpResponse<String> r = owner.web().post(owner.org("/services/definitions"), fields("my-postgresql", "PostgreSQL (lab)", "database", match));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        assertThat(owner.web().get(owner.org("/services")).body()).contains("TCP ports 5432 or 15432");
    }

    @Test
    void viewers_read_definitions_but_cannot_change_them() {
        Accounts.Account owner = signUp("ada");
        String id = definition(owner, "acme-portal", "ACME portal", ACME_RULE);
        Accounts.Account viewer = signUp("vic");
        seed.addMember(owner, viewer, Role.VIEWER);
        HttpResponse<String> list = viewer.web().get(owner.org("/services"));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(">ACME portal<").doesNotContain("id=\"definition-form\"").doesNotContain("/edit\"")
                .doesNotContain("/enablement\"");
        assertThat(viewer.web().get(owner.org("/services/catalog?q=postgres")).body()).contains("id=\"catalog-postgresql\"")
                .doesNotContain("?from=postgresql");
        Map<String, String> f = fields("viewer-def", "Viewer def", "web-server", "{\"ports\": [1234]}");
        assertThat(viewer.web().post(owner.org("/services/definitions"), f).statusCode()).isEqualTo(403);
        assertThat(viewer.web().htmxPost(owner.org("/services/definitions"), f).statusCode()).isEqualTo(403);
        assertThat(viewer.web().get(owner.org("/services/definitions/" + id + "/edit")).statusCode()).isEqualTo(403);
        assertThat(viewer.web().htmxPost(owner.org("/services/definitions/" + id), f).statusCode()).isEqualTo(403);
        assertThat(viewer.web().post(owner.org("/services/definitions/" + id + "/enablement"), form("enabled", "false")).statusCode()).isEqualTo(403);
        assertThat(viewer.web().get(owner.org("/services/definitions/" + id + "/delete")).statusCode()).isEqualTo(403);
        assertThat(viewer.web().post(owner.org("/services/definitions/" + id + "/delete"), form()).statusCode()).isEqualTo(403);
        switchTo(viewer, owner);
        assertThat(viewer.web().getJson("/api/v1/service-definitions").statusCode()).isEqualTo(200);
        assertThat(viewer.web().json("POST", "/api/v1/service-definitions",
                body("key", "\"v\"", "name", "\"V\"", "category", "\"web-server\"", "match", "{\"ports\": [1]}")).statusCode()).isEqualTo(403);
        assertThat(viewer.web().json("PUT", "/api/v1/service-definitions/" + id,
                body("key", "\"v\"", "name", "\"V\"", "category", "\"web-server\"", "match", "{\"ports\": [1]}")).statusCode()).isEqualTo(403);
        assertThat(viewer.web().json("DELETE", "/api/v1/service-definitions/" + id, null).statusCode()).isEqualTo(403);
        assertThat(definitionCount(owner)).isEqualTo(1);
        assertThat(seed.string("select name || enabled::text from service_definitions where id = ?::uuid", id)).isEqualTo("ACME portaltrue");

        // A Member writes.
        Accounts.Account member = signUp("mo");
        seed.addMember(owner, member, Role.MEMBER);
        assertThat(member.web().post(owner.org("/services/definitions"), f).statusCode()).isEqualTo(303);
        assertThat(definitionCount(owner)).isEqualTo(2);
    }

    @Test
    void another_organizations_user_gets_404_on_every_route_and_changes_nothing() {
        Accounts.Account owner = signUp("ada");
        String id = definition(owner, "acme-portal", "ACME portal", ACME_RULE);
        Accounts.Account stranger = signUp("mallory");
        Map<String, String> f = fields("pwned", "Pwned", "web-server", "{\"ports\": [1]}");
        // Through the owner's organization: not a member.
        assertThat(stranger.web().get(owner.org("/services")).statusCode()).isEqualTo(404);
        assertThat(stranger.web().htmxGet(owner.org("/services")).statusCode()).isEqualTo(404);
        assertThat(stranger.web().get(owner.org("/services/catalog")).statusCode()).isEqualTo(404);
        assertThat(stranger.web().post(owner.org("/services/definitions"), f).statusCode()).isEqualTo(404);
        assertThat(stranger.web().get(owner.org("/services/definitions/" + id + "/edit")).statusCode()).isEqualTo(404);
        // Through their own organization: the id is not theirs.
        assertThat(stranger.web().htmxGet(stranger.org("/services/definitions/" + id + "/row")).statusCode()).isEqualTo(404);
        assertThat(stranger.web().get(stranger.org("/services/definitions/" + id + "/edit")).statusCode()).isEqualTo(404);
        assertThat(stranger.web().htmxGet(stranger.org("/services/definitions/" + id + "/edit")).statusCode()).isEqualTo(404);
        assertThat(stranger.web().post(stranger.org("/services/definitions/" + id), f).statusCode()).isEqualTo(404);
        assertThat(stranger.web().htmxPost(stranger.org("/services/definitions/" + id), f).statusCode()).isEqualTo(404);
        assertThat(stranger.web().post(stranger.org("/services/definitions/" + id + "/enablement"), form("enabled", "false")).statusCode()).isEqualTo(404);
        assertThat(stranger.web().post(stranger.org("/services/definitions/" + id + "/enablement"), form("enabled", "maybe")).statusCode()).isEqualTo(404);
        assertThat(stranger.web().get(stranger.org("/services/definitions/" + id + "/delete")).statusCode()).isEqualTo(404);
        assertThat(stranger.web().post(stranger.org("/services/definitions/" + id + "/delete"), form()).statusCode()).isEqualTo(404);
        assertThat(stranger.web().getJson("/api/v1/service-definitions/" + id).statusCode()).isEqualTo(404);
        assertThat(stranger.web().json("PUT", "/api/v1/service-definitions/" + id,
                body("key", "\"pwned\"", "name", "\"Pwned\"", "category", "\"web-server\"", "match", "{\"ports\": [1]}")).statusCode()).isEqualTo(404);
        assertThat(stranger.web().json("DELETE", "/api/v1/service-definitions/" + id, null).statusCode()).isEqualTo(404);
        assertThat(json(stranger.web().getJson("/api/v1/service-definitions"))).isEmpty();
        assertThat(stranger.web().get(stranger.org("/services")).body()).contains("id=\"definitions-empty\"").doesNotContain(id);
        // The same key is free in another organization.
        definition(stranger, "acme-portal", "Their portal", "{\"ports\": [1]}");
        assertThat(seed.string("select name || enabled::text || key from service_definitions where id = ?::uuid", id))
                .isEqualTo("ACME portaltrueacme-portal");
        assertThat(definitionCount(owner)).isEqualTo(1);
    }
}
