package io.topograph.scanner.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfReportTest {

    @Test
    void the_report_lists_the_loopback_interface_with_its_subnet_and_a_hostname() throws Exception {
        SelfReport self = SelfReport.collect();
        assertThat(self.hostname()).isNotBlank();
        SelfReport.Interface lo = self.interfaces().stream().filter(SelfReport.Interface::loopback).findFirst().orElseThrow();
        assertThat(lo.addresses()).contains(new SelfReport.Address("127.0.0.1", 8, "127.0.0.0/8"));
        assertThat(self.suggestedTargets()).noneMatch(t -> t.startsWith("127."));
    }

    @Test
    void subnets_are_computed_from_address_and_prefix() throws Exception {
        assertThat(SelfReport.subnet(InetAddress.getByName("10.1.2.3"), 20)).isEqualTo("10.1.0.0/20");
        assertThat(SelfReport.subnet(InetAddress.getByName("192.168.7.200"), 24)).isEqualTo("192.168.7.0/24");
        assertThat(SelfReport.subnet(InetAddress.getByName("::1"), 128)).isNull();
    }

    @Test
    void suggested_targets_skip_loopback_down_and_ipv6_and_narrow_wide_networks() {
        SelfReport r = new SelfReport("h", "os", List.of(
                new SelfReport.Interface("lo", null, null, 65536, true, true, false, List.of(new SelfReport.Address("127.0.0.1", 8, "127.0.0.0/8"))),
                new SelfReport.Interface("eth0", "00:11:32:00:00:01", "Synology", 1500, true, false, false, List.of(
                        new SelfReport.Address("192.168.7.20", 24, "192.168.7.0/24"), new SelfReport.Address("fe80::1", 64, null))),
                new SelfReport.Interface("eth1", null, null, 1500, true, false, false, List.of(new SelfReport.Address("10.20.30.40", 8, "10.0.0.0/8"))),
                new SelfReport.Interface("eth2", null, null, 1500, false, false, false, List.of(new SelfReport.Address("172.16.0.5", 24, "172.16.0.0/24")))));
        assertThat(r.suggestedTargets()).containsExactly("192.168.7.0/24", "10.20.30.0/24");
    }
}
