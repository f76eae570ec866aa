package io.topograph.topology.build;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GatewaysTest {

    static Gateways.Candidate host(String id, String ip, String... services) {
        return new Gateways.Candidate(id, id, ip, List.of(services), List.of(services));
    }

    @Test
    void a_router_service_beats_the_first_address_which_beats_the_last() {
        var choice = Gateways.choose("10.0.0.0/24", List.of(host("a", "10.0.0.1"), host("b", "10.0.0.254"), host("fw", "10.0.0.7", "opnsense")));
        assertThat(choice.nodeId()).isEqualTo("fw");
        assertThat(choice.reason()).isEqualTo("fw (10.0.0.7) runs opnsense, a router or firewall of 10.0.0.0/24");
        assertThat(Gateways.choose("10.0.0.0/24", List.of(host("b", "10.0.0.254"), host("a", "10.0.0.1"))).nodeId()).isEqualTo("a");
        var last = Gateways.choose("10.0.0.0/24", List.of(host("b", "10.0.0.254"), host("c", "10.0.0.9")));
        assertThat(last.nodeId()).isEqualTo("b");
        assertThat(last.reason()).isEqualTo("b (10.0.0.254) has the last usable address of 10.0.0.0/24");
    }

    @Test
    void no_evidence_no_gateway() {
        assertThat(Gateways.choose("10.0.0.0/24", List.of(host("a", "10.0.0.5", "dns"), host("b", "10.0.0.6")))).isNull();
        assertThat(Gateways.choose("10.0.0.0/24", List.of(host("x", "10.0.1.1")))).as("an address outside the subnet").isNull();
    }
}
