package io.topograph.scanner.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetParserTest {

    private final TargetParser parser = new TargetParser();

    private static List<String> addresses(TargetSet set) {
        List<String> out = new ArrayList<>();
        for (InetAddress a : set) {
            out.add(a.getHostAddress());
        }
        return out;
    }

    @Test
    void a_single_address_is_one_target() {
        assertThat(addresses(parser.parse("127.0.10.1"))).containsExactly("127.0.10.1");
    }

    @Test
    void a_cidr_skips_its_network_and_broadcast_addresses() {
        TargetSet set = parser.parse("127.0.10.0/29");
        assertThat(addresses(set)).containsExactly("127.0.10.1", "127.0.10.2", "127.0.10.3", "127.0.10.4", "127.0.10.5", "127.0.10.6");
        assertThat(set.size()).isEqualTo(6);
    }

    @Test
    void a_slash_31_and_slash_32_keep_every_address() {
        assertThat(addresses(parser.parse("127.0.10.4/31"))).containsExactly("127.0.10.4", "127.0.10.5");
        assertThat(addresses(parser.parse("127.0.10.9/32"))).containsExactly("127.0.10.9");
    }

    @Test
    void a_cidr_with_host_bits_is_aligned_to_its_network() {
        assertThat(addresses(parser.parse("127.0.10.77/30"))).containsExactly("127.0.10.77", "127.0.10.78");
    }

    @Test
    void a_full_range_crosses_octet_boundaries() {
        List<String> a = addresses(parser.parse("127.0.10.254-127.0.11.1"));
        assertThat(a).containsExactly("127.0.10.254", "127.0.10.255", "127.0.11.0", "127.0.11.1");
    }

    @Test
    void a_short_range_counts_the_last_octet() {
        assertThat(addresses(parser.parse("127.0.20.1-4"))).containsExactly("127.0.20.1", "127.0.20.2", "127.0.20.3", "127.0.20.4");
    }

    @Test
    void a_comma_list_is_merged_sorted_and_deduplicated() {
        TargetSet set = parser.parse(" 127.0.10.5 , 127.0.10.1-3,127.0.10.2,127.0.10.4");
        assertThat(addresses(set)).containsExactly("127.0.10.1", "127.0.10.2", "127.0.10.3", "127.0.10.4", "127.0.10.5");
        assertThat(set.v4Ranges()).hasSize(1);
    }

    @Test
    void ipv6_literals_and_small_ipv6_cidrs_are_accepted() {
        assertThat(addresses(parser.parse("::1"))).containsExactly("0:0:0:0:0:0:0:1");
        assertThat(addresses(parser.parse("[fe80::10]/127"))).containsExactly("fe80:0:0:0:0:0:0:10", "fe80:0:0:0:0:0:0:11");
    }

    @Test
    void malformed_targets_are_rejected_with_the_offending_item() {
        assertThatThrownBy(() -> parser.parse("127.0.0.300")).isInstanceOf(TargetException.class).hasMessageContaining("octet 300 is above 255");
        assertThatThrownBy(() -> parser.parse("127.0.0")).hasMessageContaining("\"127.0.0\" is not an IPv4 address");
        assertThatThrownBy(() -> parser.parse("127.0.0.1/33")).hasMessageContaining("prefix length 33 is above 32");
        assertThatThrownBy(() -> parser.parse("127.0.0.1/x")).hasMessageContaining("prefix length \"x\" is not a number");
        assertThatThrownBy(() -> parser.parse("127.0.0.9-3")).hasMessageContaining("the end is before the start");
        assertThatThrownBy(() -> parser.parse("127.0.0.9-300")).hasMessageContaining("last octet 300 is above 255");
        assertThatThrownBy(() -> parser.parse("127.0.0.1,,127.0.0.2")).hasMessageContaining("empty target in list");
        assertThatThrownBy(() -> parser.parse("")).hasMessageContaining("no targets given");
        assertThatThrownBy(() -> parser.parse("printer.local")).hasMessageContaining("hostnames are not accepted");
        assertThatThrownBy(() -> parser.parse("fe80::zz")).hasMessageContaining("not an IPv6 address");
        assertThatThrownBy(() -> parser.parse("-1.2.3.4")).isInstanceOf(TargetException.class);
    }

    @Test
    void multicast_broadcast_and_this_network_are_refused() {
        assertThatThrownBy(() -> parser.parse("224.0.0.251")).hasMessageContaining("multicast");
        assertThatThrownBy(() -> parser.parse("239.255.255.250")).hasMessageContaining("multicast");
        assertThatThrownBy(() -> parser.parse("223.255.255.0-224.0.0.5")).hasMessageContaining("includes multicast");
        assertThatThrownBy(() -> parser.parse("255.255.255.255")).hasMessageContaining("limited broadcast address 255.255.255.255");
        assertThatThrownBy(() -> parser.parse("250.1.2.3")).hasMessageContaining("reserved block 240.0.0.0/4");
        assertThatThrownBy(() -> parser.parse("0.0.0.0")).hasMessageContaining("0.0.0.0/8");
        assertThatThrownBy(() -> parser.parse("0.1.2.0/24")).hasMessageContaining("0.0.0.0/8");
        assertThatThrownBy(() -> parser.parse("ff02::1")).hasMessageContaining("multicast");
        assertThatThrownBy(() -> parser.parse("::")).hasMessageContaining("unspecified");
    }

    @Test
    void cloud_metadata_addresses_are_refused_when_named_and_skipped_inside_ranges() {
        assertThatThrownBy(() -> parser.parse("169.254.169.254")).hasMessageContaining("cloud metadata");
        assertThatThrownBy(() -> parser.parse("fd00:ec2::254")).hasMessageContaining("cloud metadata");
        TargetSet set = parser.parse("169.254.169.250-169.254.169.255");
        assertThat(addresses(set)).doesNotContain("169.254.169.254").contains("169.254.169.253", "169.254.169.255");
        assertThat(set.warnings()).singleElement().asString().contains("169.254.169.254").contains("metadata");
    }

    @Test
    void more_than_a_slash_16_needs_force_and_never_more_than_a_slash_8() {
        assertThat(parser.parse("127.1.0.0/16").size()).isEqualTo(65_534);
        assertThatThrownBy(() -> parser.parse("127.0.0.0/15")).hasMessageContaining("--force");
        assertThatThrownBy(() -> parser.parse("127.1.0.0/16,127.2.0.0/24")).hasMessageContaining("more than the limit of 65536");
        assertThat(new TargetParser(true).parse("127.0.0.0/15").size()).isEqualTo(131_070);
        assertThatThrownBy(() -> new TargetParser(true).parse("126.0.0.0/7")).hasMessageContaining("(a /8)");
        assertThatThrownBy(() -> parser.parse("fe80::/64")).hasMessageContaining("more than the limit");
    }
}
