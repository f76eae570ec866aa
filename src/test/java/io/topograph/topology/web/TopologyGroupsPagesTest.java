package io.topograph.topology.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import io.topograph.support.TestDatabase;
import io.topograph.topology.Inventories;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.util.UUID;

import static io.topograph.support.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;

/** The groups page of a network's topology: validation next to the fields, create, edit, delete, drawn on the diagram, access. */
@MicronautTest(transactional = false)
class TopologyGroupsPagesTest extends AppTest {

    @Inject
    DataSource dataSource;

    @Test
    void a_group_is_validated_whole_then_created_drawn_on_the_diagram_edited_and_deleted_and_outsiders_get_404() {
        TestDatabase db = new TestDatabase(dataSource);
        Inventories inv = new Inventories(db);
        Inventories.Site s = inv.site(signUp("grouper"));
        UUID subnet = inv.subnet(s, "10.8.0.0/24", "LAN");
        UUID a = inv.host(s, "front");
        UUID b = inv.host(s, "back");
        inv.nic(s, a, subnet, "10.8.0.5", "f8:bc:12:00:08:05");
        inv.nic(s, b, subnet, "10.8.0.6", "f8:bc:12:00:08:06");
        UUID svc = inv.service(s, b, "postgresql", "PostgreSQL", "databases", 5432);
        String topology = s.owner().org("/networks/" + s.networkId() + "/topology");
        String base = topology + "/groups";

        String page = s.owner().web().get(base).body();
        assertThat(page).contains("id=\"tg-groups-empty\"").contains("id=\"tg-group-form\"").contains("value=\"svc:" + svc + "\"");

        HttpResponse<String> bad = s.owner().web().htmxPost(base, form("name", "", "shape", "STAR", "color", "red", "edgeStyle", "SOLID",
                "members", "host:" + a));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("id=\"tg-groups\"").contains("invalid-feedback").containsPattern("(?s)tg-group-name.*is-invalid");
        assertThat(db.count("select count(*) from topology_groups where organization_id = ?", s.organizationId())).isZero();

        HttpResponse<String> created = s.owner().web().htmxPostEncoded(base, "name=App+flow&shape=PATH&color=%23ff0000&edgeStyle=DASHED"
                + "&members=host%3A" + a + "&members=&members=svc%3A" + svc);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(created.body()).contains("App flow").contains("PATH · DASHED · 2 members");
        UUID group = (UUID) db.column("select id from topology_groups where organization_id = ?", s.organizationId()).get(0);
        assertThat(s.owner().web().get(topology).body()).contains("data-group=\"group:" + group + "\"");

        assertThat(s.owner().web().get(base + "?edit=" + group).body()).contains("value=\"App flow\"").contains("Edit group");
        assertThat(s.owner().web().htmxPostEncoded(base + "/" + group, "name=Data+flow&shape=HUB&color=%2300ff00&edgeStyle=SOLID"
                + "&members=host%3A" + a + "&members=host%3A" + b).statusCode()).isEqualTo(200);
        assertThat(s.owner().web().get(base).body()).contains("Data flow").doesNotContain("App flow");

        Accounts.Account outsider = signUp("group-outsider");
        assertThat(outsider.web().get(base).statusCode()).isEqualTo(404);
        assertThat(outsider.web().htmxPost(base + "/" + group + "/deletion", form()).statusCode()).isEqualTo(404);
        assertThat(outsider.web().htmxPost(base, form("name", "x")).statusCode()).isEqualTo(404);

        assertThat(s.owner().web().htmxPost(base + "/" + group + "/deletion", form()).statusCode()).isEqualTo(200);
        assertThat(db.count("select count(*) from topology_groups where organization_id = ?", s.organizationId())).isZero();
    }
}
