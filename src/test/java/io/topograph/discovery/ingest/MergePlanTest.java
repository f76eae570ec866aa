package io.topograph.discovery.ingest;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What a batch writes once its hosts are matched: one row per key, nothing written twice. */
class MergePlanTest {

    private final UUID known = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private final UUID fresh = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    private static Batch.Host host(String ip, String hostname, List<Batch.Port> ports, List<Batch.Service> services) {
        return new Batch.Host(0, ip, Addresses.key(ip), null, null, hostname, null, ports, services);
    }

    private static Batch.Service ssh(int confidence) {
        return new Batch.Service("openssh", "OpenSSH", "remote-access", 22, "TCP", confidence, "banner", null);
    }

    /** The database's key for ASCII names: the definition id, else the lower-cased name. */
    private static MergePlan plan(List<MergePlan.Matched> matched) {
        return MergePlan.of(matched, s -> s.definitionId() != null ? s.definitionId() : "name:" + s.name().toLowerCase(Locale.ROOT));
    }

    private MergePlan.Matched seen(Batch.Host h, MatchRule rule) {
        return new MergePlan.Matched(h, new IdentityMatcher.Match(known, rule, rule.label(), false, null));
    }

    private MergePlan.Matched created(Batch.Host h) {
        return new MergePlan.Matched(h, new IdentityMatcher.Match(fresh, MatchRule.NEW, "new", true, null));
    }

    @Test
    void a_new_host_is_named_by_its_host_name_else_by_its_address() {
        MergePlan named = plan(List.of(created(host("127.0.0.1", "nas.example", List.of(), List.of()))));
        MergePlan unnamed = plan(List.of(created(host("127.0.0.1", null, List.of(), List.of()))));

        assertThat(named.newHosts()).containsExactly(new MergePlan.NewHost(fresh, "nas.example", "nas.example", null));
        assertThat(unnamed.newHosts()).containsExactly(new MergePlan.NewHost(fresh, "127.0.0.1", null, null));
        assertThat(named.seenHosts()).isEmpty();
    }

    @Test
    void a_known_host_is_updated_not_created() {
        MergePlan plan = plan(List.of(seen(host("127.0.0.1", "nas.example", List.of(), List.of()), MatchRule.MAC)));

        assertThat(plan.newHosts()).isEmpty();
        assertThat(plan.seenHosts()).containsExactly(new MergePlan.SeenHost(known, "nas.example", null));
    }

    @Test
    void two_reported_hosts_of_one_device_give_one_host_two_interfaces_one_port_and_one_service() {
        Batch.Port open22 = new Batch.Port(22, "TCP", "OPEN", "SSH-2.0-x");
        MergePlan plan = plan(List.of(
                created(host("127.0.0.1", null, List.of(open22), List.of(ssh(70)))),
                created(host("127.0.0.2", "two.example", List.of(new Batch.Port(22, "TCP", "OPEN", null)), List.of(ssh(90))))));

        assertThat(plan.newHosts()).containsExactly(new MergePlan.NewHost(fresh, "two.example", "two.example", null));
        assertThat(plan.interfaces()).extracting(MergePlan.InterfaceRow::ip).containsExactly("127.0.0.1", "127.0.0.2");
        assertThat(plan.ports()).containsExactly(new MergePlan.PortRow(fresh, 22, "TCP", "OPEN", "SSH-2.0-x"));
        assertThat(plan.services()).hasSize(1);
        assertThat(plan.services().get(0).service().confidence()).as("the higher confidence wins").isEqualTo(90);
        assertThat(plan.bindings()).extracting(MergePlan.BindingRow::ip).containsExactly("127.0.0.1", "127.0.0.2");
        assertThat(plan.observations()).containsExactly(new MergePlan.Observation(fresh, "127.0.0.1", MatchRule.NEW, "new", null, "two.example"));
    }

    @Test
    void a_port_reported_twice_is_open_when_either_says_so_and_keeps_the_first_banner() {
        MergePlan plan = plan(List.of(
                seen(host("127.0.0.1", null, List.of(new Batch.Port(161, "UDP", "OPEN|FILTERED", null)), List.of()), MatchRule.MAC),
                seen(host("127.0.0.2", null, List.of(new Batch.Port(161, "UDP", "OPEN", "public")), List.of()), MatchRule.SUBNET_IP)));

        assertThat(plan.ports()).containsExactly(new MergePlan.PortRow(known, 161, "UDP", "OPEN", "public"));
        assertThat(plan.observations()).extracting(MergePlan.Observation::rule).containsExactly(MatchRule.MAC);
    }

    @Test
    void a_service_whose_port_was_not_listed_still_gets_an_open_port() {
        MergePlan plan = plan(List.of(seen(host("127.0.0.1", null, List.of(), List.of(ssh(80))), MatchRule.MAC)));

        assertThat(plan.ports()).containsExactly(new MergePlan.PortRow(known, 22, "TCP", "OPEN", null));
        assertThat(plan.bindings()).containsExactly(new MergePlan.BindingRow(known, "openssh", 22, "TCP", "127.0.0.1"));
    }

    @Test
    void services_are_one_per_definition_or_name_protocol_and_port() {
        Batch.Service byName = new Batch.Service(null, "Custom", "other", 9000, "TCP", 50, "", null);
        Batch.Service byNameOtherCase = new Batch.Service(null, "CUSTOM", "other", 9000, "TCP", 60, "", null);
        Batch.Service otherPort = new Batch.Service(null, "Custom", "other", 9001, "TCP", 50, "", null);
        MergePlan plan = plan(List.of(seen(host("127.0.0.1", null, List.of(), List.of(byName, byNameOtherCase, otherPort, ssh(80))),
                MatchRule.MAC)));

        assertThat(plan.services()).extracting(r -> r.service().name() + ":" + r.service().port())
                .containsExactly("CUSTOM:9000", "Custom:9001", "OpenSSH:22");
        assertThat(plan.bindings()).extracting(b -> b.matchKey() + ":" + b.port())
                .containsExactly("name:custom:9000", "name:custom:9001", "openssh:22");
    }
}
