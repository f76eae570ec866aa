package io.topograph.scanner.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OuiAndNeighbourTest {

    private final OuiDatabase oui = OuiDatabase.bundled();

    @Test
    void the_bundled_registry_is_the_full_ieee_ma_l_list() {
        assertThat(oui.size()).isGreaterThan(30_000);
    }

    @Test
    void vendors_are_found_in_any_mac_notation() {
        assertThat(oui.vendor("00:00:0c:12:34:56")).containsIgnoringCase("Cisco");
        assertThat(oui.vendor("00-50-56-AB-CD-EF")).containsIgnoringCase("VMware");
        assertThat(oui.vendor("0800.2712.3456")).containsIgnoringCase("PCS Systemtechnik"); // VirtualBox NICs
        assertThat(oui.vendor("b8:27:eb:00:00:01")).containsIgnoringCase("Raspberry Pi");
        assertThat(oui.vendor("00:11:32:aa:bb:cc")).containsIgnoringCase("Synology");
    }

    @Test
    void locally_administered_and_malformed_addresses_have_no_registered_vendor() {
        assertThat(oui.vendor("02:42:ac:11:00:02")).isEqualTo("Docker (locally administered)");
        assertThat(oui.vendor("52:54:00:12:34:56")).startsWith("QEMU/KVM");
        assertThat(oui.vendor("da:a1:19:00:00:01")).isNull(); // randomized phone MAC
        assertThat(oui.vendor("not-a-mac")).isNull();
        assertThat(oui.vendor("00:00:0c:12:34")).isNull();
        assertThat(oui.vendor(null)).isNull();
    }

    @Test
    void a_registry_file_can_replace_the_bundled_one(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("oui.tsv");
        Files.writeString(f, "# comment\nA8BBCC\tExample Devices\nbad line\n");
        OuiDatabase custom = OuiDatabase.fromFile(f);
        assertThat(custom.size()).isEqualTo(1);
        assertThat(custom.vendor("a8:bb:cc:00:00:01")).isEqualTo("Example Devices");
        assertThat(custom.vendor("00:00:0c:12:34:56")).isNull(); // only what the file says
    }

    @Test
    void the_neighbour_table_keeps_complete_entries_only(@TempDir Path dir) throws IOException {
        Path arp = dir.resolve("arp");
        Files.write(arp, List.of(
                "IP address       HW type     Flags       HW address            Mask     Device",
                "127.0.10.1       0x1         0x2         00:11:32:AA:BB:CC     *        lo",
                "127.0.10.2       0x1         0x0         00:00:00:00:00:00     *        lo",
                "127.0.10.3       0x1         0x6         b8:27:eb:01:02:03     *        lo",
                "garbage"));
        Map<String, String> table = NeighbourTable.read(arp);
        assertThat(table).containsOnly(Map.entry("127.0.10.1", "00:11:32:aa:bb:cc"), Map.entry("127.0.10.3", "b8:27:eb:01:02:03"));
        assertThat(NeighbourTable.read(dir.resolve("missing"))).isEmpty();
    }
}
