package io.topograph.scanner.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CoverageTest {

    @Test
    void scanned_ports_follow_the_profile_and_the_udp_option() {
        int[][] ports = Coverage.scannedPorts("22,80,9100", false, true);
        assertThat(ports[0]).containsExactly(22, 80);
        assertThat(ports[1]).isNotEmpty().contains(161);
        assertThat(Coverage.scannedPorts("top100", true, false)[1]).isEmpty();
        assertThat(Coverage.scannedPorts("top100", true, false)[0]).hasSize(100);
        assertThatThrownBy(() -> Coverage.scannedPorts("22-", false, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void target_ranges_are_the_parsed_ranges_without_the_skipped_addresses() {
        assertThat(Coverage.targetRanges("127.0.0.1")).containsExactly("127.0.0.1-127.0.0.1");
        assertThat(Coverage.targetRanges("127.0.5.0/24,127.0.9.1-3")).containsExactly("127.0.5.1-127.0.5.254", "127.0.9.1-127.0.9.3");
        assertThat(Coverage.targetRanges("::1")).containsExactly("0:0:0:0:0:0:0:1-0:0:0:0:0:0:0:1");
        assertThatThrownBy(() -> Coverage.targetRanges("example.com")).isInstanceOf(IllegalArgumentException.class);
    }
}
