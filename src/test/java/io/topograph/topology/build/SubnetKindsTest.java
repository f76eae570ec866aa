package io.topograph.topology.build;

import io.topograph.topology.graph.SubnetKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SubnetKindsTest {

    static SubnetKind guess(String cidr, String name) {
        return SubnetKinds.guess(new SubnetKinds.Facts(cidr, name, false, List.of()));
    }

    @Test
    void addresses_decide_before_names_loopback_and_the_default_docker_bridge() {
        assertThat(guess("127.0.0.0/8", "Guest")).isEqualTo(SubnetKind.LOOPBACK);
        assertThat(guess("127.0.10.0/24", "")).isEqualTo(SubnetKind.LOOPBACK);
        assertThat(guess("172.17.0.0/16", "Office")).isEqualTo(SubnetKind.DOCKER_BRIDGE);
        assertThat(guess("172.17.5.0/24", "")).isEqualTo(SubnetKind.DOCKER_BRIDGE);
        assertThat(guess("172.18.0.0/16", "")).as("only Docker's default range is known by address").isEqualTo(SubnetKind.LAN);
    }

    @Test
    void a_subnet_where_containers_report_addresses_is_a_docker_bridge() {
        assertThat(SubnetKinds.guess(new SubnetKinds.Facts("172.20.0.0/16", "monitoring", true, List.of())))
                .isEqualTo(SubnetKind.DOCKER_BRIDGE);
    }

    @Test
    void name_words_give_the_kind_as_whole_words_ignoring_case() {
        assertThat(guess("192.168.20.0/24", "Staff Wi-Fi")).isEqualTo(SubnetKind.WIFI);
        assertThat(guess("192.168.20.0/24", "WLAN 2")).isEqualTo(SubnetKind.WIFI);
        assertThat(guess("192.168.40.0/24", "Guest network")).isEqualTo(SubnetKind.GUEST);
        assertThat(guess("172.16.50.0/24", "DMZ")).isEqualTo(SubnetKind.DMZ);
        assertThat(guess("10.99.0.0/24", "Management")).isEqualTo(SubnetKind.MANAGEMENT);
        assertThat(guess("10.99.0.0/24", "oob-mgmt")).isEqualTo(SubnetKind.MANAGEMENT);
        assertThat(guess("192.168.30.0/24", "IoT devices")).isEqualTo(SubnetKind.IOT);
        assertThat(guess("10.10.0.0/24", "Servers")).isEqualTo(SubnetKind.SERVERS);
        assertThat(guess("10.8.0.0/24", "VPN road warriors")).isEqualTo(SubnetKind.VPN);
        assertThat(guess("10.8.0.0/24", "wg0")).isEqualTo(SubnetKind.VPN);
        assertThat(guess("192.168.1.0/24", "Guesthouse")).as("a word inside another word is no match").isEqualTo(SubnetKind.LAN);
        assertThat(guess("192.168.1.0/24", "Office LAN")).isEqualTo(SubnetKind.LAN);
        assertThat(guess("192.168.1.0/24", null)).isEqualTo(SubnetKind.LAN);
    }

    @Test
    void hosts_running_vpn_services_make_an_unnamed_subnet_a_vpn() {
        assertThat(SubnetKinds.guess(new SubnetKinds.Facts("10.8.0.0/24", "", false, List.of("openssh", "wireguard"))))
                .isEqualTo(SubnetKind.VPN);
        assertThat(SubnetKinds.guess(new SubnetKinds.Facts("10.8.0.0/24", "", false, List.of("openssh", "nginx"))))
                .isEqualTo(SubnetKind.LAN);
    }
}
