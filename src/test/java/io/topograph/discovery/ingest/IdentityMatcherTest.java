package io.topograph.discovery.ingest;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The identity rules as pure decisions: MAC, then subnet + IP, then host name, else new. */
class IdentityMatcherTest {

    private static final String MAC_A = "00:00:5e:00:53:0a";
    private static final String MAC_B = "00:00:5e:00:53:0b";
    private static final Instant OLD = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant NEWER = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

    private final UUID a = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private final UUID b = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private final UUID lan = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    private final UUID wide = UUID.fromString("00000000-0000-0000-0000-0000000000f2");
    private final AtomicInteger created = new AtomicInteger();
    private final Supplier<UUID> ids = () -> new UUID(0xC0FFEE, created.incrementAndGet());

    private static Batch.Host reported(String ip, String mac, String hostname) {
        return new Batch.Host(0, ip, Addresses.key(ip), mac, null, hostname, null, List.of(), List.of());
    }

    private static IdentityMatcher.KnownInterface iface(UUID host, String ip, String mac, UUID subnet, Instant lastSeen) {
        return new IdentityMatcher.KnownInterface(host, Addresses.key(ip), ip, mac, subnet, lastSeen);
    }

    private IdentityMatcher matcher(List<IdentityMatcher.KnownInterface> interfaces, List<IdentityMatcher.KnownHost> named) {
        return new IdentityMatcher(List.of(new Subnets.Subnet(wide, "127.0.0.0/8"), new Subnets.Subnet(lan, "127.0.10.0/24")), interfaces, named);
    }

    @Test
    void a_mac_on_any_interface_of_a_host_matches_it_even_at_a_new_address() {
        IdentityMatcher m = matcher(List.of(iface(a, "127.0.10.1", MAC_A, lan, OLD)), List.of());

        IdentityMatcher.Match match = m.match(reported("127.0.10.99", MAC_A, null), ids, NOW);

        assertThat(match.hostId()).isEqualTo(a);
        assertThat(match.rule()).isEqualTo(MatchRule.MAC);
        assertThat(match.created()).isFalse();
        assertThat(match.detail()).contains(MAC_A).contains("127.0.10.1");
    }

    @Test
    void the_mac_rule_comes_before_the_address_rule() {
        IdentityMatcher m = matcher(List.of(iface(a, "127.0.10.1", null, lan, NEWER), iface(b, "127.0.10.2", MAC_B, lan, OLD)), List.of());

        IdentityMatcher.Match match = m.match(reported("127.0.10.1", MAC_B, null), ids, NOW);

        assertThat(match.hostId()).isEqualTo(b);
        assertThat(match.rule()).isEqualTo(MatchRule.MAC);
    }

    @Test
    void when_two_hosts_qualify_the_one_seen_most_recently_wins() {
        IdentityMatcher m = matcher(List.of(iface(a, "127.0.10.1", MAC_A, lan, OLD), iface(b, "127.0.10.2", MAC_A, lan, NEWER)), List.of());

        assertThat(m.match(reported("127.0.10.3", MAC_A, null), ids, NOW).hostId()).isEqualTo(b);
    }

    @Test
    void the_same_address_on_the_same_subnet_matches_and_names_the_subnet() {
        IdentityMatcher m = matcher(List.of(iface(a, "127.0.10.1", null, lan, OLD)), List.of());

        IdentityMatcher.Match match = m.match(reported("127.0.10.1", MAC_A, null), ids, NOW);

        assertThat(match.hostId()).isEqualTo(a);
        assertThat(match.rule()).isEqualTo(MatchRule.SUBNET_IP);
        assertThat(match.subnetId()).as("the narrowest subnet").isEqualTo(lan);
        assertThat(match.detail()).contains("127.0.10.1").contains("127.0.10.0/24").contains("MAC was not known");
    }

    @Test
    void the_same_address_spelled_differently_is_the_same_address() {
        IdentityMatcher m = new IdentityMatcher(List.of(), List.of(iface(a, "::1", null, null, OLD)), List.of());

        assertThat(m.match(reported("0:0:0:0:0:0:0:1", null, null), ids, NOW).hostId()).isEqualTo(a);
    }

    @Test
    void the_same_address_recorded_on_another_subnet_is_not_a_match() {
        IdentityMatcher m = matcher(List.of(iface(a, "127.0.10.1", null, wide, OLD)), List.of());

        IdentityMatcher.Match match = m.match(reported("127.0.10.1", null, null), ids, NOW);

        assertThat(match.rule()).isEqualTo(MatchRule.NEW);
        assertThat(match.created()).isTrue();
    }

    @Test
    void an_interface_with_no_subnet_recorded_does_not_disagree() {
        IdentityMatcher m = matcher(List.of(iface(a, "127.0.10.1", null, null, OLD)), List.of());

        assertThat(m.match(reported("127.0.10.1", null, null), ids, NOW).rule()).isEqualTo(MatchRule.SUBNET_IP);
    }

    @Test
    void the_same_address_with_another_mac_is_another_device() {
        IdentityMatcher m = matcher(List.of(iface(a, "127.0.10.1", MAC_A, lan, OLD)), List.of());

        IdentityMatcher.Match match = m.match(reported("127.0.10.1", MAC_B, null), ids, NOW);

        assertThat(match.rule()).isEqualTo(MatchRule.NEW);
        assertThat(match.hostId()).isNotEqualTo(a);
    }

    @Test
    void the_same_address_without_a_reported_mac_matches_a_host_whose_mac_is_known() {
        IdentityMatcher m = matcher(List.of(iface(a, "127.0.10.1", MAC_A, lan, OLD)), List.of());

        assertThat(m.match(reported("127.0.10.1", null, null), ids, NOW).hostId()).isEqualTo(a);
    }

    @Test
    void a_host_name_matches_ignoring_case_and_a_trailing_dot() {
        IdentityMatcher m = matcher(List.of(), List.of(new IdentityMatcher.KnownHost(a, "NAS.example.", OLD, Set.of())));

        IdentityMatcher.Match match = m.match(reported("127.0.10.7", MAC_A, "nas.EXAMPLE"), ids, NOW);

        assertThat(match.hostId()).isEqualTo(a);
        assertThat(match.rule()).isEqualTo(MatchRule.HOSTNAME);
        assertThat(match.detail()).contains("nas.EXAMPLE");
    }

    @Test
    void a_host_name_does_not_match_a_host_whose_macs_are_others() {
        IdentityMatcher m = matcher(List.of(), List.of(new IdentityMatcher.KnownHost(a, "nas.example", OLD, Set.of(MAC_A))));

        assertThat(m.match(reported("127.0.10.7", MAC_B, "nas.example"), ids, NOW).rule()).isEqualTo(MatchRule.NEW);
        assertThat(matcher(List.of(), List.of(new IdentityMatcher.KnownHost(a, "nas.example", OLD, Set.of(MAC_A))))
                .match(reported("127.0.10.7", null, "nas.example"), ids, NOW).hostId()).as("no MAC reported: no conflict").isEqualTo(a);
    }

    @Test
    void localhost_and_its_kin_identify_nothing() {
        IdentityMatcher m = matcher(List.of(), List.of(new IdentityMatcher.KnownHost(a, "localhost", OLD, Set.of())));

        assertThat(m.match(reported("127.0.10.8", null, "LOCALHOST"), ids, NOW).rule()).isEqualTo(MatchRule.NEW);
        assertThat(IdentityMatcher.identifies("localhost.localdomain")).isFalse();
        assertThat(IdentityMatcher.identifies("ip6-localhost")).isFalse();
        assertThat(IdentityMatcher.identifies("nas.example")).isTrue();
    }

    @Test
    void no_rule_matching_makes_a_new_host_with_a_fresh_id_and_says_why() {
        IdentityMatcher m = matcher(List.of(iface(a, "127.0.10.1", MAC_A, lan, OLD)), List.of());

        IdentityMatcher.Match match = m.match(reported("127.0.99.1", MAC_B, "other.example"), ids, NOW);

        assertThat(match.created()).isTrue();
        assertThat(match.rule()).isEqualTo(MatchRule.NEW);
        assertThat(match.hostId()).isEqualTo(new UUID(0xC0FFEE, 1));
        assertThat(match.subnetId()).isEqualTo(wide);
        assertThat(match.detail()).contains("no host of the network");
    }

    @Test
    void decisions_are_remembered_for_the_rest_of_the_batch() {
        IdentityMatcher m = matcher(List.of(), List.of());

        IdentityMatcher.Match first = m.match(reported("127.0.10.1", MAC_A, "cam.example"), ids, NOW);
        IdentityMatcher.Match sameMac = m.match(reported("127.0.10.2", MAC_A, null), ids, NOW);
        IdentityMatcher.Match sameName = m.match(reported("127.0.10.3", null, "CAM.example"), ids, NOW);
        IdentityMatcher.Match other = m.match(reported("127.0.10.4", MAC_B, "cam.example"), ids, NOW);

        assertThat(first.rule()).isEqualTo(MatchRule.NEW);
        assertThat(sameMac.hostId()).isEqualTo(first.hostId());
        assertThat(sameMac.rule()).isEqualTo(MatchRule.MAC);
        assertThat(sameName.hostId()).isEqualTo(first.hostId());
        assertThat(sameName.rule()).isEqualTo(MatchRule.HOSTNAME);
        assertThat(other.rule()).as("the name's host has another MAC").isEqualTo(MatchRule.NEW);
    }
}
