package io.topograph.topology.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.AppTest;
import io.topograph.support.TestDatabase;
import io.topograph.topology.Inventories;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static io.topograph.support.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;

/** The snapshot timeline and the comparison page, and loading the sample network, over HTTP. */
@MicronautTest(transactional = false)
class TopologySnapshotsPagesTest extends AppTest {

    @Inject
    DataSource dataSource;

    TestDatabase db;
    Inventories inv;

    @BeforeEach
    void setUp() {
        db = new TestDatabase(dataSource);
        inv = new Inventories(db);
    }

    @Test
    void snapshots_are_taken_by_hand_listed_and_compared_with_the_differences_highlighted_and_listed() {
        Inventories.Site s = inv.site(signUp("snaps"));
        UUID subnet = inv.subnet(s, "10.7.0.0/24", "LAN");
        UUID a = inv.host(s, "alpha");
        inv.nic(s, a, subnet, "10.7.0.5", "f8:bc:12:00:07:05");
        String base = s.owner().org("/networks/" + s.networkId() + "/topology");

        assertThat(s.owner().web().get(base + "/snapshots").body()).contains("id=\"tg-timeline-empty\"").contains("id=\"tg-take-snapshot\"");
        HttpResponse<String> first = s.owner().web().htmxPost(base + "/snapshots", form());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("id=\"tg-snapshots-table\"").contains("Taken by hand");
        UUID b = inv.host(s, "bravo");
        inv.nic(s, b, subnet, "10.7.0.6", "f8:bc:12:00:07:06");
        assertThat(s.owner().web().post(base + "/snapshots", form()).statusCode()).isEqualTo(303);
        List<Object> ids = db.column("select id from topology_snapshots where organization_id = ? order by taken_at", s.organizationId());
        assertThat(ids).hasSize(2);

        HttpResponse<String> compared = s.owner().web().get(base + "/compare?before=" + ids.get(0) + "&after=" + ids.get(1));
        assertThat(compared.statusCode()).as(compared.body()).isEqualTo(200);
        assertThat(compared.body()).contains("id=\"tg-diff-list\"").contains("tg-diff-added").contains("bravo")
                .contains("1 added").containsPattern("class=\"tg-node[^\"]* hl-added\" data-id=\"host:" + b + "\"");
        HttpResponse<String> withNow = s.owner().web().get(base + "/compare?before=" + ids.get(1) + "&after=now");
        assertThat(withNow.body()).contains("id=\"tg-diff-none\"").doesNotContainPattern("class=\"tg-(node|edge|subnet)[^\"]* hl-");

        assertThat(s.owner().web().get(base + "/compare").statusCode()).isEqualTo(422);
        assertThat(s.owner().web().get(base + "/compare?before=" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void loading_the_sample_network_lands_on_its_drawn_topology_and_a_second_load_is_refused_with_409() {
        Inventories.Site s = inv.site(signUp("sampler"));
        assertThat(s.owner().web().get(s.owner().org("/networks")).body()).contains("id=\"networks-load-sample\"");
        HttpResponse<String> loaded = s.owner().web().post(s.owner().org("/sample-network"), form());
        assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(303);
        String location = loaded.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/o/" + s.owner().slug() + "/networks/[0-9a-f-]{36}/topology");
        String page = s.owner().web().get(location).body();
        assertThat(page).contains("Topology of <span>Sample network</span>").contains("class=\"tg-node").contains("tg-subnet");
        assertThat(s.owner().web().post(s.owner().org("/sample-network"), form()).statusCode()).isEqualTo(409);
        assertThat(s.owner().web().get(s.owner().org("/networks")).body()).contains("Sample network").doesNotContain("id=\"networks-load-sample\"");
        assertThat(db.count("select count(*) from networks where organization_id = ? and name = 'Sample network'", s.organizationId())).isEqualTo(1);
    }
}
