package io.topograph.topology.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.Accounts;
import io.topograph.support.AppTest;
import io.topograph.support.TestDatabase;
import io.topograph.topology.Inventories;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;

import static io.topograph.topology.api.TopologyApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The print view {@code /o/{slug}/networks/{id}/topology/print}: the diagram, the hosts table, print CSS, tenancy. */
@MicronautTest(transactional = false)
class TopologyPrintTest extends AppTest {

    @Inject
    DataSource dataSource;

    Inventories inv;

    @BeforeEach
    void setUp() {
        inv = new Inventories(new TestDatabase(dataSource));
    }

    @Test
    void the_print_view_shows_the_svg_and_a_hosts_table_in_its_own_layout() {
        Accounts.Account owner = signUp("printer");
        TopologyApiFixture.Net net = TopologyApiFixture.network(inv, base(), owner);
        HttpResponse<String> page = owner.web().get(owner.org("/networks/" + net.site().networkId() + "/topology/print"));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("<svg").contains("data-id=\"host:" + net.web() + "\"");
        assertThat(html).contains("id=\"topology-print-hosts\"").contains("<td>web-1</td>").contains("<td>10.44.0.10</td>")
                .contains("nginx (443/tcp)").contains("<td>db-1</td>");
        assertThat(html).contains("@media print").contains("A4 landscape").contains("Print / save as PDF")
                .contains("/static/js/topology-print.js");
        assertThat(html).as("no app navigation").doesNotContain("navbar");
        assertThat(anonymous().get("/static/js/topology-print.js").statusCode()).isEqualTo(200);
    }

    @Test
    void the_diagram_parameter_is_honoured_and_another_organization_gets_404() {
        Accounts.Account owner = signUp("printowner");
        TopologyApiFixture.Net net = TopologyApiFixture.network(inv, base(), owner);
        String path = "/networks/" + net.site().networkId() + "/topology/print";
        json(net.owner().get(net.path("/diagrams")));
        String diagram = json(net.owner().send("POST", net.path("/diagrams"), "{\"name\":\"Front\"}")).get("id").asText();
        net.owner().send("PUT", net.path("/diagrams/" + diagram), "{\"options\":{\"showPorts\":true,\"showContainers\":true,"
                + "\"showHidden\":false,\"tags\":[\"frontend\"],\"collapsedSubnets\":[]}}");
        String front = owner.web().get(owner.org(path + "?diagram=" + diagram)).body();
        assertThat(front).contains("<td>web-1</td>").doesNotContain("<td>db-1</td>").contains("Front");

        Accounts.Account intruder = signUp("printintruder");
        HttpResponse<String> theirs = intruder.web().get(intruder.org(path));
        assertThat(theirs.statusCode()).isEqualTo(404);
        assertThat(theirs.body()).doesNotContain("web-1");
        HttpResponse<String> asNonMember = intruder.web().get(owner.org(path));
        assertThat(asNonMember.statusCode()).isEqualTo(404);
        assertThat(asNonMember.body()).doesNotContain("web-1");
    }
}
