package io.topograph.scanner.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PortProfilesTest {

    @Test
    void top100_and_top1000_follow_frequency_order_without_duplicates() {
        int[] top100 = PortProfiles.resolve("top100", true);
        int[] top1000 = PortProfiles.resolve("top1000", true);
        assertThat(top100).hasSize(100).startsWith(80, 23, 443).contains(22, 3389, 8080);
        assertThat(top1000).hasSize(1000).startsWith(top100).contains(5432, 3306, 9200);
        assertThat(Arrays.stream(top1000).distinct().count()).isEqualTo(1000);
    }

    @Test
    void printer_ports_are_skipped_unless_enabled() {
        int[] without = PortProfiles.resolve("top1000", false);
        assertThat(without).doesNotContain(9100, 9101, 9102, 9103).hasSize(996);
        assertThat(PortProfiles.resolve("top100", false)).hasSize(99).doesNotContain(9100);
        assertThat(PortProfiles.resolve("9099-9108", false)).containsExactly(9099, 9108);
        assertThat(PortProfiles.resolve("9099-9108", true)).hasSize(10).contains(9100, 9107);
        assertThatThrownBy(() -> PortProfiles.resolve("9100", false)).hasMessageContaining("--include-printer-ports");
    }

    @Test
    void all_is_every_port() {
        int[] all = PortProfiles.resolve("all", true);
        assertThat(all).hasSize(65535).startsWith(1, 2).endsWith(65535);
    }

    @Test
    void custom_lists_and_ranges_are_sorted_and_deduplicated() {
        assertThat(PortProfiles.resolve("8080, 22,80,8000-8003,22", false)).containsExactly(22, 80, 8000, 8001, 8002, 8003, 8080);
    }

    @Test
    void bad_port_specs_are_rejected_clearly() {
        assertThatThrownBy(() -> PortProfiles.resolve("0", false)).hasMessageContaining("ports are 1-65535");
        assertThatThrownBy(() -> PortProfiles.resolve("65536", false)).hasMessageContaining("ports are 1-65535");
        assertThatThrownBy(() -> PortProfiles.resolve("http", false)).hasMessageContaining("invalid port \"http\"");
        assertThatThrownBy(() -> PortProfiles.resolve("90-80", false)).hasMessageContaining("the end is before the start");
        assertThatThrownBy(() -> PortProfiles.resolve("22,,80", false)).hasMessageContaining("empty item");
        assertThatThrownBy(() -> PortProfiles.resolve(" ", false)).hasMessageContaining("no ports given");
        assertThatThrownBy(() -> PortProfiles.resolve("top50", false)).isInstanceOf(PortSpecException.class);
    }

    @Test
    void a_profile_can_be_extended_with_ports_that_follow_its_frequency_order() {
        int[] top100 = PortProfiles.resolve("top100", true);
        int[] extended = PortProfiles.resolve("top100, 18080, 40000-40001, 22", true);
        assertThat(extended).hasSize(103).startsWith(top100).endsWith(18080, 40000, 40001);
        assertThat(PortProfiles.resolve("top1000,5432", true)).hasSize(1000);
    }
}
