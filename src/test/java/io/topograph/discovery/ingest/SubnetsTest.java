package io.topograph.discovery.ingest;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SubnetsTest {

    private final Subnets.Subnet wide = new Subnets.Subnet(UUID.randomUUID(), "127.0.0.0/8");
    private final Subnets.Subnet lan = new Subnets.Subnet(UUID.randomUUID(), "127.0.10.0/24");
    private final Subnets.Subnet odd = new Subnets.Subnet(UUID.randomUUID(), "127.0.20.0/23");
    private final Subnets.Subnet v6 = new Subnets.Subnet(UUID.randomUUID(), "fd00::/64");

    private final Subnets subnets = new Subnets(List.of(wide, lan, odd, v6));

    @Test
    void the_narrowest_subnet_containing_an_address_is_chosen() {
        assertThat(subnets.containing("127.0.10.9")).isEqualTo(lan);
        assertThat(subnets.containing("127.0.11.9")).isEqualTo(wide);
    }

    @Test
    void prefixes_that_are_not_whole_bytes_are_respected() {
        assertThat(subnets.containing("127.0.21.255")).isEqualTo(odd);
        assertThat(subnets.containing("127.0.22.0")).isEqualTo(wide);
    }

    @Test
    void addresses_outside_every_subnet_or_of_the_other_family_have_none() {
        assertThat(subnets.containing("10.1.2.3")).isNull();
        assertThat(subnets.containing("fd00::1")).isEqualTo(v6);
        assertThat(subnets.containing("fd01::1")).isNull();
        assertThat(Subnets.none().containing("127.0.0.1")).isNull();
    }
}
