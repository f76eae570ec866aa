package io.topograph.daemons;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CidrsTest {

    @Test
    void canonical_ipv4_subnets_are_kept_as_they_are() {
        assertThat(Cidrs.normalize("127.0.0.0/8")).isEqualTo("127.0.0.0/8");
        assertThat(Cidrs.normalize("192.168.1.0/24")).isEqualTo("192.168.1.0/24");
        assertThat(Cidrs.normalize("10.0.0.1/32")).isEqualTo("10.0.0.1/32");
        assertThat(Cidrs.normalize("0.0.0.0/0")).isEqualTo("0.0.0.0/0");
    }

    @Test
    void host_bits_are_cleared_so_an_interface_address_names_its_subnet() {
        assertThat(Cidrs.normalize("192.168.1.7/24")).isEqualTo("192.168.1.0/24");
        assertThat(Cidrs.normalize("172.16.33.200/20")).isEqualTo("172.16.32.0/20");
        assertThat(Cidrs.normalize("127.0.0.1/8")).isEqualTo("127.0.0.0/8");
    }

    @Test
    void ipv6_subnets_are_written_in_their_short_form() {
        assertThat(Cidrs.normalize("fd00::/64")).isEqualTo("fd00::/64");
        assertThat(Cidrs.normalize("FD00:0:0:0:0:0:0:1/64")).isEqualTo("fd00::/64");
        assertThat(Cidrs.normalize("2001:db8:1:2:3:4:5:6/48")).isEqualTo("2001:db8:1::/48");
        assertThat(Cidrs.normalize("::1/128")).isEqualTo("::1/128");
        assertThat(Cidrs.normalize("fe80::1/10")).isEqualTo("fe80::/10");
    }

    @Test
    void anything_else_is_not_a_cidr() {
        assertThat(Cidrs.normalize(null)).isNull();
        assertThat(Cidrs.normalize("")).isNull();
        assertThat(Cidrs.normalize("10.0.0.0")).isNull();
        assertThat(Cidrs.normalize("10.0.0.0/33")).isNull();
        assertThat(Cidrs.normalize("10.0.0.0/")).isNull();
        assertThat(Cidrs.normalize("10.0.0.0/08")).isNull();
        assertThat(Cidrs.normalize("10.0.0.0/-1")).isNull();
        assertThat(Cidrs.normalize("10.0.0/24")).isNull();
        assertThat(Cidrs.normalize("256.0.0.0/8")).isNull();
        assertThat(Cidrs.normalize("example.com/24")).isNull();
        assertThat(Cidrs.normalize("10.0.0.0/24/1")).isNull();
        assertThat(Cidrs.normalize("fd00::/129")).isNull();
        assertThat(Cidrs.normalize(" 10.0.0.0/24")).isNull();
    }
}
